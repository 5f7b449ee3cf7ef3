//! Hashing of JSON pointers for the span index: 8 bytes at a time, each step a bijection of the
//! state (so pointers of one length that differ in one word never collide), then a murmur3
//! finish, so that a pointer's 64-bit hash can key the table directly.

use std::hash::{BuildHasherDefault, Hasher};

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// A 64-bit hash of a pointer's text, well mixed in all bits.
pub(super) fn hash_pointer(pointer: &str) -> u64 {
    let bytes = pointer.as_bytes();
    let mut state = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        state = mix(state, u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut tail = [0u8; 8];
        tail[..rest.len()].copy_from_slice(rest);
        state = mix(state, u64::from_le_bytes(tail));
    }
    finish(state)
}

fn mix(state: u64, word: u64) -> u64 {
    // FxHash's `(rotl(state, 5) ^ word) * K` lets pointers such as "/State 96" and
    // "/State 19" collide; folding the high half back down spreads each word over all bits.
    let x = (state ^ word).wrapping_mul(MULTIPLIER);
    x ^ (x >> 32)
}

/// murmur3's fmix64: every input bit affects every output bit.
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// For tables keyed by [`hash_pointer`]'s already mixed hashes.
pub(super) type BuildIdentityHasher = BuildHasherDefault<IdentityHasher>;

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed with this; stay correct for anything else all the same.
        for &byte in bytes {
            self.0 = mix(self.0, u64::from(byte));
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::hash_pointer;
    use std::collections::HashSet;

    #[test]
    fn pointers_of_a_large_document_have_distinct_hashes() {
        let mut hashes = HashSet::new();
        let mut count = 0;
        for state in 0..20_000 {
            for field in ["", "/Next", "/Retry", "/Retry/0", "/Retry/0/ErrorEquals/1", "/~1"] {
                for prefix in ["/States/State ", "/State ", "/s"] {
                    count += 1;
                    hashes.insert(hash_pointer(&format!("{prefix}{state}{field}")));
                }
            }
        }
        assert_eq!(hashes.len(), count);
    }

    #[test]
    fn length_counts() {
        assert_ne!(hash_pointer(""), hash_pointer("\0"));
        assert_ne!(hash_pointer("/a"), hash_pointer("/a\0"));
    }
}
