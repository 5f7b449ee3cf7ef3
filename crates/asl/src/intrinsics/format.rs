//! `States.Format`: a template with `{}` placeholders, filled with the values that follow it.
//! Values are interpolated as AWS's Java runtime prints them (strings bare, objects as
//! `{key=value}`, floats as `Double.toString`).

use serde_json::Value;

use super::Env;
use super::eval::{all_arguments, invalid, string_arg};
use super::functions::Function;
use super::java_text::write_java_string;
use super::parse::Call;
use crate::errors::Failure;

/// A literal template split at its placeholders: `n` placeholders give `n + 1` pieces.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Template {
    pieces: Vec<String>,
}

impl Template {
    /// Splits a resolved literal at the placeholder offsets the parser recorded (escaped
    /// braces are not among them).
    pub(crate) fn from_literal(text: &str, placeholders: &[usize]) -> Template {
        let mut pieces = Vec::with_capacity(placeholders.len() + 1);
        let mut start = 0;
        for &at in placeholders {
            pieces.push(text.get(start..at).unwrap_or("").to_string());
            start = at + 2;
        }
        pieces.push(text.get(start..).unwrap_or("").to_string());
        Template { pieces }
    }

    fn placeholders(&self) -> usize {
        self.pieces.len().saturating_sub(1)
    }
}

pub(super) fn format(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let values = all_arguments(call, env)?;
    let Some((template, values)) = values.split_first() else {
        return Err(invalid(Function::Format, "a template is required"));
    };
    let mut out = String::new();
    match &call.template {
        Some(literal) => {
            check_count(literal.placeholders(), values.len())?;
            for (piece, value) in literal.pieces.iter().zip(values) {
                out.push_str(piece);
                write_java_string(value, &mut out);
            }
            out.push_str(literal.pieces.last().map(String::as_str).unwrap_or(""));
        }
        None => {
            // A template read from the data has no escapes: every `{}` is a placeholder.
            let text = string_arg(Function::Format, 0, template)?;
            check_count(text.matches("{}").count(), values.len())?;
            let mut pieces = text.split("{}");
            for value in values {
                out.push_str(pieces.next().unwrap_or(""));
                write_java_string(value, &mut out);
            }
            out.push_str(pieces.next().unwrap_or(""));
        }
    }
    Ok(Value::String(out))
}

fn check_count(placeholders: usize, values: usize) -> Result<(), Failure> {
    if placeholders == values {
        return Ok(());
    }
    Err(invalid(
        Function::Format,
        format!(
            "the template has {placeholders} placeholder(s) '{{}}' but {values} value(s) \
             follow it"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_env::{TestEnv, cause, eval};
    use serde_json::json;

    fn ok(text: &str) -> serde_json::Value {
        eval(text).unwrap_or_else(|failure| panic!("{text}: {failure}"))
    }

    #[test]
    fn values_print_as_java_prints_them() {
        assert_eq!(
            ok("States.Format('{}|{}|{}|{}|{}|{}', 'text', 1, 1.1, null, true, 2.0)"),
            json!("text|1|1.1|null|true|2.0")
        );
        assert_eq!(ok("States.Format('{}', 1e10)"), json!("1.0E10"));
        assert_eq!(ok("States.Format('{}', 0.0001)"), json!("1.0E-4"));
        assert_eq!(
            ok("States.Format('{} {}', States.Array(1, 'a', States.Array()), \
                States.StringToJson('\\{\"Arg1\": 1, \"Arg2\": [], \"s\": \"x\"\\}'))"),
            json!("[1, a, []] {Arg1=1, Arg2=[], s=x}")
        );
    }

    #[test]
    fn escaped_braces_are_text() {
        assert_eq!(ok(r"States.Format('\{\} is {}', 'x')"), json!("{} is x"));
        assert_eq!(ok(r"States.Format('\{{}\}', 'x')"), json!("{x}"));
        assert_eq!(ok(r"States.Format('it\'s \\ {}', 1)"), json!("it's \\ 1"));
        assert_eq!(ok("States.Format('no placeholders')"), json!("no placeholders"));
    }

    #[test]
    fn a_template_from_data_is_checked_when_it_arrives() {
        let mut env = TestEnv::new(json!(null)).with_variables(json!({"t": "{} and {}", "n": 5}));
        assert_eq!(env.eval("States.Format($t, 1, 'x')").expect("formats"), json!("1 and x"));
        let failure = env.eval("States.Format($t, 1)").expect_err("one value short");
        assert_eq!(
            failure.cause.as_deref(),
            Some(
                "Invalid arguments in States.Format: the template has 2 placeholder(s) '{}' but \
                 1 value(s) follow it"
            )
        );
        let failure = env.eval("States.Format($n)").expect_err("not a string");
        assert!(failure.cause.unwrap_or_default().contains("must be a string"));
    }

    #[test]
    fn nested_template_from_a_call() {
        assert_eq!(ok("States.Format(States.Format('\\{\\}!'), 'x')"), json!("x!"));
        assert!(cause("States.Format(States.Format('\\{\\}'))").contains("1 placeholder(s)"));
    }
}
