//! Payload templates (`Parameters`, `ResultSelector`, `ItemSelector`, JSONPath `Assign`):
//! JSON in which a field whose name ends in `.$` takes its value from a path or an intrinsic
//! call. Compiled once: a subtree without any `.$` field becomes one literal that is cloned
//! whole.

use serde_json::{Map, Value};

use super::Expr;
use crate::diagnostics::{Diagnostics, code};
use crate::intrinsics;
use crate::json::escape_pointer_segment;
use crate::path::Path;

#[derive(Clone, Debug, PartialEq)]
pub enum Template {
    /// A subtree with nothing to evaluate.
    Literal(Value),
    Object(Vec<TemplateField>),
    Array(Vec<Template>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TemplateField {
    /// The output key (`.$` removed).
    pub key: String,
    /// The key as written (with `.$`), for messages.
    pub source_key: String,
    pub value: TemplateValue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TemplateValue {
    Static(Template),
    Expr(Expr),
}

impl Template {
    /// Compiles `value` found at `pointer`, reporting bad `.$` fields and keys that collide
    /// once `.$` is removed.
    pub fn compile(value: &Value, pointer: &str, d: &mut Diagnostics) -> Template {
        match value {
            Value::Object(map) => compile_object(map, pointer, d),
            Value::Array(items) => {
                let parts: Vec<Template> =
                    items.iter().enumerate().map(|(i, v)| Template::compile(v, &format!("{pointer}/{i}"), d)).collect();
                if parts.iter().all(|p| matches!(p, Template::Literal(_))) {
                    Template::Literal(value.clone())
                } else {
                    Template::Array(parts)
                }
            }
            other => Template::Literal(other.clone()),
        }
    }

    pub fn is_literal(&self) -> bool {
        matches!(self, Template::Literal(_))
    }
}

fn compile_object(map: &Map<String, Value>, pointer: &str, d: &mut Diagnostics) -> Template {
    let mut fields = Vec::with_capacity(map.len());
    let mut dynamic = false;
    for (source_key, v) in map {
        let at = format!("{pointer}/{}", escape_pointer_segment(source_key));
        let (key, value) = match source_key.strip_suffix(".$") {
            Some(stripped) => {
                dynamic = true;
                let expr = match v {
                    Value::String(s) => compile_expr(s, source_key, &at, d),
                    _ => {
                        d.error_at_value(
                            code::SCHEMA_VALIDATION_FAILED,
                            &at,
                            format!("The value of the field '{source_key}' must be a STRING holding a path or an intrinsic function"),
                        );
                        None
                    }
                };
                match expr {
                    Some(e) => (stripped.to_string(), TemplateValue::Expr(e)),
                    None => continue,
                }
            }
            None => {
                if let Value::String(s) = v
                    && looks_like_expression(s)
                {
                    d.warning(
                            code::NO_DOLLAR,
                            &at,
                            format!(
                                "The field '{source_key}' holds '{s}', which looks like a path or an intrinsic function, but its name does not end in '.$', so it is passed on as a plain string"
                            ),
                        );
                }
                let t = Template::compile(v, &at, d);
                dynamic |= !t.is_literal();
                (source_key.clone(), TemplateValue::Static(t))
            }
        };
        if fields.iter().any(|f: &TemplateField| f.key == key) {
            d.error(
                code::SCHEMA_VALIDATION_FAILED,
                &at,
                format!("The field '{source_key}' gives the key '{key}' a second time (a key and its '.$' form cannot both be used)"),
            );
            continue;
        }
        fields.push(TemplateField { key, source_key: source_key.clone(), value });
    }
    if dynamic { Template::Object(fields) } else { Template::Literal(Value::Object(map.clone())) }
}

/// Parses the text of a `.$` field or an `ErrorPath`/`CausePath`-style field.
pub(crate) fn compile_expr(text: &str, field: &str, at: &str, d: &mut Diagnostics) -> Option<Expr> {
    if intrinsics::is_intrinsic(text) {
        match intrinsics::parse(text) {
            Ok(call) => Some(Expr::Intrinsic(call)),
            Err(e) => {
                d.error_at_value(
                    code::SCHEMA_VALIDATION_FAILED,
                    at,
                    format!("The value of the field '{field}' is not a valid intrinsic function call: {}", e.message),
                );
                None
            }
        }
    } else {
        match Path::parse(text) {
            Ok(p) => Some(Expr::Path(p)),
            Err(e) => {
                d.error_at_value(
                    code::SCHEMA_VALIDATION_FAILED,
                    at,
                    format!("The value of the field '{field}' is not a valid JSONPath: {}", e.message),
                );
                None
            }
        }
    }
}

/// Strings that a person most likely meant as a path or an intrinsic call.
fn looks_like_expression(s: &str) -> bool {
    s.starts_with("$.") || s.starts_with("$$.") || s == "$" || (intrinsics::is_intrinsic(s) && s.ends_with(')'))
}
