//! MD5 and hexadecimal, shared by S3's entity tags, name-based UUIDs and `States.Hash`.

use md5::{Digest, Md5};

/// The MD5 digest of `data`, in one place: each inlined copy of the digest costs the
/// playground's WebAssembly kilobytes.
#[inline(never)]
pub fn md5(data: &[u8]) -> [u8; 16] {
    Md5::digest(data).into()
}

/// Bytes as lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}
