//! `States.MathAdd`, `States.MathRandom` and `States.UUID`.

use serde_json::Value;

use super::Env;
use super::eval::{arguments, invalid, rounded_integer_arg};
use super::functions::{Function, ordinal};
use super::java_random::JavaRandom;
use super::parse::Call;
use crate::errors::Failure;

/// `States.MathAdd(a, b)`: each argument rounded to the nearest integer (Java's `Math.round`,
/// so `-1.5` counts as `-1`), then added. AWS documents the arguments' range as a Java `int`.
/// This runs millions of times in loops: no allocation unless it fails.
pub(super) fn add(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [a, b] = arguments(call, env)?;
    let a = int32_arg(Function::MathAdd, 0, &a)?;
    let b = int32_arg(Function::MathAdd, 1, &b)?;
    Ok(Value::from(a + b))
}

/// `States.MathRandom(start, end[, seed])`: an integer from `start` (included) to `end`
/// (excluded), bounds rounded to the nearest integer. Without a seed the draw comes from the
/// execution's generator; with one it is what Java's `new Random(seed).nextInt(end - start)`
/// gives, so the same seed always gives the same number.
pub(super) fn random(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let f = Function::MathRandom;
    let (start, end, seed) = match call.args.len() {
        2 => {
            let [start, end] = arguments(call, env)?;
            (start, end, None)
        }
        _ => {
            let [start, end, seed] = arguments(call, env)?;
            (start, end, Some(seed))
        }
    };
    let start = rounded_integer_arg(f, 0, &start)?;
    let end = rounded_integer_arg(f, 1, &end)?;
    let seed = seed.map(|seed| rounded_integer_arg(f, 2, &seed)).transpose()?;
    if end <= start {
        return Err(invalid(f, format!("the end ({end}) must be greater than the start ({start})")));
    }
    let drawn = match seed {
        None => env.rng().int_in(start, end - 1),
        Some(seed) => {
            let span = i128::from(end) - i128::from(start);
            let mut java = JavaRandom::new(seed);
            let offset = match i32::try_from(span) {
                Ok(bound) => i128::from(java.next_int_below(bound)),
                Err(_) => i128::from(java.next_long()).rem_euclid(span),
            };
            i64::try_from(i128::from(start) + offset).unwrap_or(start)
        }
    };
    Ok(Value::from(drawn))
}

pub(super) fn uuid(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [] = arguments(call, env)?;
    Ok(Value::String(env.rng().uuid_v4()))
}

fn int32_arg(function: Function, index: usize, value: &Value) -> Result<i64, Failure> {
    let n = rounded_integer_arg(function, index, value)?;
    if i32::try_from(n).is_err() {
        return Err(invalid(
            function,
            format!("the {} argument ({n}) is outside the range {} to {}", ordinal(index), i32::MIN, i32::MAX),
        ));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::super::test_env::{TestEnv, cause, eval};
    use serde_json::json;

    fn ok(text: &str) -> serde_json::Value {
        eval(text).unwrap_or_else(|failure| panic!("{text}: {failure}"))
    }

    #[test]
    fn add_rounds_each_argument_like_java() {
        assert_eq!(ok("States.MathAdd(111, -1)"), json!(110));
        assert_eq!(ok("States.MathAdd(-1.5, -1.51)"), json!(-3));
        assert_eq!(ok("States.MathAdd(-0.5, 0.5)"), json!(1));
        assert_eq!(ok("States.MathAdd(2147483647, 2147483647)"), json!(4294967294_i64));
        assert!(ok("States.MathAdd(1.5, 1.5)").is_i64());
        assert_eq!(
            cause("States.MathAdd(2147483648, 0)"),
            "Invalid arguments in States.MathAdd: the first argument (2147483648) is outside \
             the range -2147483648 to 2147483647"
        );
        assert!(cause("States.MathAdd(0, -2147483648.6)").contains("second argument"));
        assert!(cause("States.MathAdd(1, States.Format('2'))").contains("must be a number"));
    }

    #[test]
    fn random_without_seed_uses_the_execution_generator() {
        let draw = |seed: u64| {
            let mut env = TestEnv::new(json!(null));
            env.rng = crate::rng::Rng::from_seed(seed);
            (0..20).map(|_| env.eval("States.MathRandom(1, 999)").expect("draws")).collect::<Vec<_>>()
        };
        assert_eq!(draw(3), draw(3));
        assert_ne!(draw(3), draw(4));
        for value in draw(5) {
            assert!((1..999).contains(&value.as_i64().unwrap_or(0)));
        }
        for _ in 0..50 {
            assert_eq!(ok("States.MathRandom(3, 4)"), json!(3));
        }
    }

    #[test]
    fn random_with_seed_is_javas_draw_for_that_seed() {
        let first = ok("States.MathRandom(1, 1000000, 42)");
        assert_eq!(first, ok("States.MathRandom(1, 1000000, 42)"));
        let mut java = super::JavaRandom::new(42);
        assert_eq!(first, json!(1 + i64::from(java.next_int_below(999_999))));
        assert_ne!(first, ok("States.MathRandom(1, 1000000, 43)"));
        // Huge spans still draw inside the bounds.
        let wide = ok("States.MathRandom(-9223372036854775807, 9223372036854775807, 7)");
        assert!(wide.as_i64().is_some());
    }

    #[test]
    fn random_needs_a_non_empty_range() {
        assert_eq!(
            cause("States.MathRandom(7, 7)"),
            "Invalid arguments in States.MathRandom: the end (7) must be greater than the start (7)"
        );
        assert!(cause("States.MathRandom(10, 1)").contains("must be greater"));
        // The bounds are rounded first: 1.4 and 1.6 leave [1, 2).
        assert_eq!(ok("States.MathRandom(1.4, 1.6)"), json!(1));
        assert!(cause("States.MathRandom(1, 9, States.Format('x'))").contains("third argument"));
    }

    #[test]
    fn uuid_is_version_4_from_the_execution_generator() {
        let mut a = TestEnv::new(json!(null));
        let mut b = TestEnv::new(json!(null));
        let first = a.eval("States.UUID()").expect("uuid");
        assert_eq!(first, b.eval("States.UUID()").expect("uuid"));
        assert_ne!(first, a.eval("States.UUID()").expect("uuid"));
        let text = first.as_str().unwrap_or_default();
        assert_eq!(text.len(), 36);
        assert_eq!(text.chars().nth(14), Some('4'));
    }
}
