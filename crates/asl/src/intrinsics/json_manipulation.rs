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
    // AWS reads an empty (or blank) string as no document: null, not an error.
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    // `-0` is the integer 0 to AWS's JSON reader (serde_json reads it as the float -0.0).
    if text.trim() == "-0" {
        return Ok(Value::from(0));
    }
    serde_json::from_str(text)
        .map_err(|error| invalid(Function::StringToJson, format!("the string is not valid JSON ({error})")))
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
        return Err(invalid(f, "deep merging is not supported; the third argument must be false"));
    }
    for (key, value) in second {
        merged.insert(key, value);
    }
    Ok(Value::Object(merged))
}

#[cfg(test)]
mod tests {
    use super::super::test_env::{cause, eval};
    use serde_json::json;

    fn ok(text: &str) -> serde_json::Value {
        eval(text).unwrap_or_else(|failure| panic!("{text}: {failure}"))
    }

    #[test]
    fn string_to_json_parses_any_json() {
        assert_eq!(ok(r#"States.StringToJson('\{"foo": "bar"\}')"#), json!({"foo": "bar"}));
        assert_eq!(ok("States.StringToJson('1.0')"), json!(1.0));
        assert!(ok("States.StringToJson('1.0')").is_f64());
        assert_eq!(ok("States.StringToJson('12')"), json!(12));
        assert_eq!(ok("States.StringToJson(' [1, \"a\"] ')"), json!([1, "a"]));
        assert_eq!(ok("States.StringToJson('null')"), json!(null));
        assert_eq!(ok("States.StringToJson('')"), json!(null));
        assert_eq!(ok("States.StringToJson('  ')"), json!(null));
        assert_eq!(ok("States.StringToJson('-0')"), json!(0));
        assert!(
            cause("States.StringToJson('\\{oops')")
                .starts_with("Invalid arguments in States.StringToJson: the string is not valid JSON")
        );
    }

    #[test]
    fn json_to_string_writes_compact_java_json() {
        assert_eq!(
            ok(r#"States.JsonToString(States.StringToJson('\{"a": [1, 2.50, 1e10], "b": "x\\\\y"\}'))"#),
            json!(r#"{"a":[1,2.5,1.0E10],"b":"x\\y"}"#)
        );
        assert_eq!(ok("States.JsonToString('HelloWorld')"), json!("\"HelloWorld\""));
        assert_eq!(ok("States.JsonToString(null)"), json!("null"));
    }

    #[test]
    fn merge_is_shallow_and_the_second_object_wins() {
        let merged = ok(r#"States.JsonMerge(
                States.StringToJson('\{"a": \{"a1": 1\}, "b": 2, "d": 3\}'),
                States.StringToJson('\{"a": \{"a3": 1\}, "c": 3, "d": 4\}'),
                false)"#);
        assert_eq!(merged, json!({"a": {"a3": 1}, "b": 2, "d": 4, "c": 3}));
        let keys: Vec<&String> = merged.as_object().map(|m| m.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["a", "b", "d", "c"]);
        assert_eq!(
            cause(r"States.JsonMerge(States.StringToJson('\{\}'), States.StringToJson('\{\}'), true)"),
            "Invalid arguments in States.JsonMerge: deep merging is not supported; the third \
             argument must be false"
        );
        assert!(
            cause(r"States.JsonMerge(States.Array(), States.StringToJson('\{\}'), false)")
                .contains("the first argument must be a JSON object, but it is an array")
        );
    }
}
