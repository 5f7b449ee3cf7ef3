//! Encoding and hashing intrinsics: `States.Base64Encode`, `States.Base64Decode` and
//! `States.Hash`.

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use md5::Md5;
use serde_json::Value;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

use super::Env;
use super::eval::{arguments, invalid, string_arg};
use super::functions::{Function, HASH_ALGORITHMS};
use super::parse::Call;
use crate::errors::Failure;

/// The longest input, in characters, that the encoding and hash functions accept (AWS
/// documents 10,000). Characters are counted as Java counts them, in UTF-16 code units.
pub const MAX_INPUT_CHARS: usize = 10_000;

/// Standard alphabet, `=` padding written when encoding; when decoding, padding is optional
/// and stray low bits in the last character are ignored, as Java's decoder does.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

pub(super) fn base64_encode(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [data] = arguments(call, env)?;
    let data = limited_string(Function::Base64Encode, &data)?;
    Ok(Value::String(BASE64.encode(data)))
}

pub(super) fn base64_decode(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [data] = arguments(call, env)?;
    let f = Function::Base64Decode;
    let data = limited_string(f, &data)?;
    let bytes = BASE64
        .decode(data)
        .map_err(|error| invalid(f, format!("the string is not valid base64 ({error})")))?;
    // Java decodes the bytes as UTF-8, replacing malformed sequences with U+FFFD.
    Ok(Value::String(String::from_utf8_lossy(&bytes).into_owned()))
}

pub(super) fn hash(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [data, algorithm] = arguments(call, env)?;
    let f = Function::Hash;
    let data = limited_string(f, &data)?.as_bytes();
    let algorithm = string_arg(f, 1, &algorithm)?;
    let digest = match algorithm {
        "MD5" => Md5::digest(data).to_vec(),
        "SHA-1" => Sha1::digest(data).to_vec(),
        "SHA-256" => Sha256::digest(data).to_vec(),
        "SHA-384" => Sha384::digest(data).to_vec(),
        "SHA-512" => Sha512::digest(data).to_vec(),
        other => {
            return Err(invalid(
                f,
                format!(
                    "the algorithm '{other}' is not supported; use one of {}",
                    HASH_ALGORITHMS.join(", ")
                ),
            ));
        }
    };
    Ok(Value::String(hex(&digest)))
}

/// The first argument as a string of at most [`MAX_INPUT_CHARS`] characters.
fn limited_string(function: Function, value: &Value) -> Result<&str, Failure> {
    let text = string_arg(function, 0, value)?;
    // Only strings near the limit need counting: UTF-16 units never exceed UTF-8 bytes.
    if text.len() > MAX_INPUT_CHARS {
        let units = text.encode_utf16().count();
        if units > MAX_INPUT_CHARS {
            return Err(invalid(
                function,
                format!(
                    "the input string has {units} characters, more than the \
                     {MAX_INPUT_CHARS} allowed"
                ),
            ));
        }
    }
    Ok(text)
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 0xF)] as char);
    }
    out
}
