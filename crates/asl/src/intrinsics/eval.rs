//! Evaluating a [`Call`]: arguments left to right, then the function; and the failures an
//! evaluation raises, in one place so their wording stays consistent.

use std::borrow::Cow;

use serde_json::Value;

use super::functions::{Function, Kind, describe, ordinal};
use super::java_text::java_round;
use super::parse::{Arg, Call};
use super::{Env, array, encoding, format, json_manipulation, math, string_ops};
use crate::errors::{Failure, INTRINSIC_FAILURE};

impl Call {
    /// Evaluates the call: paths through [`Env::resolve`], nested calls recursively, then the
    /// function itself. Fails as AWS fails (`States.IntrinsicFailure`, or whatever a path
    /// resolution raises).
    pub fn eval(&self, env: &mut dyn Env) -> Result<Value, Failure> {
        match self.function {
            Function::Format => format::format(self, env),
            Function::StringToJson => json_manipulation::string_to_json(self, env),
            Function::JsonToString => json_manipulation::json_to_string(self, env),
            Function::JsonMerge => json_manipulation::json_merge(self, env),
            Function::Array => array::array(self, env),
            Function::ArrayPartition => array::partition(self, env),
            Function::ArrayContains => array::contains(self, env),
            Function::ArrayRange => array::range(self, env),
            Function::ArrayGetItem => array::get_item(self, env),
            Function::ArrayLength => array::length(self, env),
            Function::ArrayUnique => array::unique(self, env),
            Function::Base64Encode => encoding::base64_encode(self, env),
            Function::Base64Decode => encoding::base64_decode(self, env),
            Function::Hash => encoding::hash(self, env),
            Function::MathRandom => math::random(self, env),
            Function::MathAdd => math::add(self, env),
            Function::StringSplit => string_ops::split(self, env),
            Function::Uuid => math::uuid(self, env),
        }
    }
}

/// One argument's value; a literal is borrowed, not copied.
pub(super) fn argument<'a>(arg: &'a Arg, env: &mut dyn Env) -> Result<Cow<'a, Value>, Failure> {
    match arg {
        Arg::Literal(value) => Ok(Cow::Borrowed(value)),
        Arg::Path(path) => env.resolve(path).map(Cow::Owned),
        Arg::Call(call) => call.eval(env).map(Cow::Owned),
    }
}

/// All arguments of a call with exactly `N` of them, evaluated left to right.
pub(super) fn arguments<'a, const N: usize>(call: &'a Call, env: &mut dyn Env) -> Result<[Cow<'a, Value>; N], Failure> {
    if call.args.len() != N {
        return Err(argument_count(call));
    }
    let mut values: [Cow<'a, Value>; N] = std::array::from_fn(|_| Cow::Owned(Value::Null));
    for (slot, arg) in values.iter_mut().zip(&call.args) {
        *slot = argument(arg, env)?;
    }
    Ok(values)
}

/// All arguments of a call, evaluated left to right.
pub(super) fn all_arguments<'a>(call: &'a Call, env: &mut dyn Env) -> Result<Vec<Cow<'a, Value>>, Failure> {
    if !call.function.arity().allows(call.args.len()) {
        return Err(argument_count(call));
    }
    call.args.iter().map(|arg| argument(arg, env)).collect()
}

/// A call built by hand (not by `parse`) can carry the wrong number of arguments.
fn argument_count(call: &Call) -> Failure {
    invalid(call.function, format!("it was given {} arguments", call.args.len()))
}

/// The failure for arguments a function cannot work with.
pub(super) fn invalid(function: Function, detail: impl std::fmt::Display) -> Failure {
    Failure::new(INTRINSIC_FAILURE, format!("Invalid arguments in {function}: {detail}"))
}

fn wrong_type(function: Function, index: usize, kind: Kind, value: &Value) -> Failure {
    invalid(
        function,
        format!("the {} argument must be {}, but it is {}", ordinal(index), kind.described(), describe(value)),
    )
}

pub(super) fn string_arg(function: Function, index: usize, value: &Value) -> Result<&str, Failure> {
    value.as_str().ok_or_else(|| wrong_type(function, index, Kind::String, value))
}

pub(super) fn array_arg(function: Function, index: usize, value: &Value) -> Result<&Vec<Value>, Failure> {
    value.as_array().ok_or_else(|| wrong_type(function, index, Kind::Array, value))
}

/// The array, moved out when the argument owns it (a path or a nested call).
pub(super) fn owned_array_arg(function: Function, index: usize, value: Cow<'_, Value>) -> Result<Vec<Value>, Failure> {
    match value.into_owned() {
        Value::Array(items) => Ok(items),
        other => Err(wrong_type(function, index, Kind::Array, &other)),
    }
}

pub(super) fn owned_object_arg(
    function: Function,
    index: usize,
    value: Cow<'_, Value>,
) -> Result<serde_json::Map<String, Value>, Failure> {
    match value.into_owned() {
        Value::Object(members) => Ok(members),
        other => Err(wrong_type(function, index, Kind::Object, &other)),
    }
}

pub(super) fn bool_arg(function: Function, index: usize, value: &Value) -> Result<bool, Failure> {
    value.as_bool().ok_or_else(|| wrong_type(function, index, Kind::Boolean, value))
}

/// A number rounded to the nearest integer as AWS documents for the functions that accept
/// non-integers (Java's `Math.round`).
pub(super) fn rounded_integer_arg(function: Function, index: usize, value: &Value) -> Result<i64, Failure> {
    let Value::Number(number) = value else {
        return Err(wrong_type(function, index, Kind::Number, value));
    };
    if let Some(i) = number.as_i64() {
        return Ok(i);
    }
    number
        .as_f64()
        .and_then(java_round)
        .filter(|_| number.as_u64().is_none())
        .ok_or_else(|| invalid(function, format!("the {} argument {number} is too large", ordinal(index))))
}

/// A number that must already be a whole number (an array index).
pub(super) fn whole_integer_arg(function: Function, index: usize, value: &Value) -> Result<i64, Failure> {
    let Value::Number(number) = value else {
        return Err(wrong_type(function, index, Kind::Number, value));
    };
    if let Some(i) = number.as_i64() {
        return Ok(i);
    }
    match number.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => Ok(f as i64),
        _ => Err(invalid(function, format!("the {} argument must be an integer, but it is {number}", ordinal(index)))),
    }
}
