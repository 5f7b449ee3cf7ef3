//! The JSON intrinsics: `States.StringToJson`, `States.JsonToString` and `States.JsonMerge`.

use serde_json::Value;

use super::Env;
use super::eval::{arguments, bool_arg, invalid, owned_object_arg, string_arg};
use super::functions::Function;
use super::java_text::write_jackson_json;
use super::parse::Call;
use crate::errors::Failure;

pub(super) fn string_to_json(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [text] = arguments(call, env)?;
    let text = string_arg(Function::StringToJson, 0, &text)?;
    serde_json::from_str(text).map_err(|error| {
        invalid(
            Function::StringToJson,
            format!("the string is not valid JSON ({error})"),
        )
    })
}

pub(super) fn json_to_string(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [value] = arguments(call, env)?;
    let mut out = String::new();
    write_jackson_json(&value, &mut out);
    Ok(Value::String(out))
}

/// Shallow merge: members of the second object replace those of the first with the same key.
/// AWS supports only the shallow mode, so the third argument must be `false`.
pub(super) fn json_merge(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [first, second, deep] = arguments(call, env)?;
    let f = Function::JsonMerge;
    let mut merged = owned_object_arg(f, 0, first)?;
    let second = owned_object_arg(f, 1, second)?;
    if bool_arg(f, 2, &deep)? {
        return Err(invalid(
            f,
            "deep merging is not supported; the third argument must be false",
        ));
    }
    for (key, value) in second {
        merged.insert(key, value);
    }
    Ok(Value::Object(merged))
}
