//! The execution's only source of randomness: a generator seeded by the host, so the same seed
//! gives the same UUIDs, random numbers and retry jitter, byte for byte.
//!
//! xoshiro256** (Blackman and Vigna), its state filled from the seed by SplitMix64: statistically
//! sound for UUIDs and jitter, and a few lines of code (this engine also ships in the page's
//! wasm). Nothing here is for secrets.

#[derive(Clone, Debug)]
pub struct Rng([u64; 4]);

impl Rng {
    pub fn from_seed(seed: u64) -> Self {
        let mut x = seed;
        let mut splitmix = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng([splitmix(), splitmix(), splitmix(), splitmix()])
    }

    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A float in `[0, 1)` with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An integer in `[low, high]`, both ends included; `low` when the range is empty.
    pub fn int_in(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        let span = (high as i128 - low as i128 + 1) as u128;
        (low as i128 + (self.next_u64() as u128 % span) as i128) as i64
    }

    /// A version 4 UUID in its canonical lowercase text form.
    pub fn uuid_v4(&mut self) -> String {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let (mut a, mut b) = (Rng::from_seed(7), Rng::from_seed(7));
        assert_eq!(a.uuid_v4(), b.uuid_v4());
        assert_eq!(a.int_in(1, 6), b.int_in(1, 6));
    }

    #[test]
    fn the_generator_is_xoshiro256_starstar_seeded_by_splitmix64() {
        // SplitMix64 from 0 gives 0xe220a8397b1dcdaf first (its published test vector).
        let mut r = Rng::from_seed(0);
        assert_eq!(r.0[0], 0xe220_a839_7b1d_cdaf);
        let a = r.next_u64();
        assert_ne!(a, r.next_u64());
        // Spread: 10,000 draws in [1, 6] hit every face, each near 1/6 of the time.
        let mut counts = [0u32; 6];
        for _ in 0..10_000 {
            counts[(r.int_in(1, 6) - 1) as usize] += 1;
        }
        assert!(counts.iter().all(|&c| (1_450..1_900).contains(&c)), "{counts:?}");
    }

    #[test]
    fn uuid_is_version_4() {
        let id = Rng::from_seed(1).uuid_v4();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn int_in_stays_in_range() {
        let mut rng = Rng::from_seed(3);
        for _ in 0..1000 {
            let n = rng.int_in(-2, 2);
            assert!((-2..=2).contains(&n));
        }
    }
}
