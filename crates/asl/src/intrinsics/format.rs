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
