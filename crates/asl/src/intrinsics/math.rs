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
    let seed = seed
        .map(|seed| rounded_integer_arg(f, 2, &seed))
        .transpose()?;
    if end <= start {
        return Err(invalid(
            f,
            format!("the end ({end}) must be greater than the start ({start})"),
        ));
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
            format!(
                "the {} argument ({n}) is outside the range {} to {}",
                ordinal(index),
                i32::MIN,
                i32::MAX
            ),
        ));
    }
    Ok(n)
}
