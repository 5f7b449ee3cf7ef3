//! Java's `java.util.Random` (a 48-bit linear congruential generator), so that
//! `States.MathRandom` with a seed draws what a Java runtime draws for that seed.

const MULTIPLIER: u64 = 0x5_DEEC_E66D;
const ADDEND: u64 = 0xB;
const MASK: u64 = (1 << 48) - 1;

#[derive(Clone, Debug)]
pub struct JavaRandom {
    state: u64,
}

impl JavaRandom {
    /// `new Random(seed)`.
    pub fn new(seed: i64) -> Self {
        JavaRandom { state: (seed as u64 ^ MULTIPLIER) & MASK }
    }

    /// `next(bits)`: the top `bits` bits of the next state, as a Java `int`.
    fn next(&mut self, bits: u32) -> i32 {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(ADDEND) & MASK;
        (self.state >> (48 - bits)) as i32
    }

    /// `nextInt()`.
    #[cfg(test)]
    pub fn next_int(&mut self) -> i32 {
        self.next(32)
    }

    /// `nextLong()`.
    pub fn next_long(&mut self) -> i64 {
        let high = i64::from(self.next(32));
        let low = i64::from(self.next(32));
        (high << 32).wrapping_add(low)
    }

    /// `nextInt(bound)` for `bound > 0`: uniform in `[0, bound)`, with Java's rejection of the
    /// values that would bias the result. Returns 0 for a bound that is not positive.
    pub fn next_int_below(&mut self, bound: i32) -> i32 {
        if bound <= 0 {
            return 0;
        }
        if bound & bound.wrapping_neg() == bound {
            return ((i64::from(bound) * i64::from(self.next(31))) >> 31) as i32;
        }
        loop {
            let bits = self.next(31);
            let value = bits % bound;
            // Java keeps the draw unless `bits - value + (bound - 1)` overflows an int.
            if bits.wrapping_sub(value).wrapping_add(bound - 1) >= 0 {
                return value;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_java_for_well_known_seeds() {
        // `new Random(42).nextInt()` and `new Random(0).nextInt()` in any JDK.
        assert_eq!(JavaRandom::new(42).next_int(), -1_170_105_035);
        assert_eq!(JavaRandom::new(0).next_int(), -1_155_484_576);
    }

    #[test]
    fn bounded_draws_stay_in_bounds() {
        let mut random = JavaRandom::new(7);
        for bound in [1, 2, 3, 10, 16, 1000, i32::MAX] {
            for _ in 0..100 {
                let value = random.next_int_below(bound);
                assert!((0..bound).contains(&value));
            }
        }
        assert_eq!(random.next_int_below(0), 0);
    }

    #[test]
    fn same_seed_same_draws() {
        let (mut a, mut b) = (JavaRandom::new(-5), JavaRandom::new(-5));
        assert_eq!(a.next_int_below(100), b.next_int_below(100));
        assert_eq!(a.next_long(), b.next_long());
    }
}
