//! Reading one JSON object's fields with type checks: every read marks the field as known, a
//! wrong type becomes a diagnostic (and the field reads as absent), and what was never read is
//! reported as a field this kind of object does not support.

use serde_json::{Map, Value};

use crate::diagnostics::{Diagnostics, code};
use crate::json::escape_pointer_segment;

pub(crate) struct Fields<'v> {
    map: &'v Map<String, Value>,
    pub pointer: String,
    read: Vec<&'v str>,
}

/// The JSON type names AWS uses in its messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NULL",
        Value::Bool(_) => "BOOLEAN",
        Value::Number(_) => "NUMBER",
        Value::String(_) => "STRING",
        Value::Array(_) => "ARRAY",
        Value::Object(_) => "OBJECT",
    }
}

impl<'v> Fields<'v> {
    pub fn new(map: &'v Map<String, Value>, pointer: impl Into<String>) -> Self {
        Fields { map, pointer: pointer.into(), read: Vec::new() }
    }

    pub fn child(&self, key: &str) -> String {
        format!("{}/{}", self.pointer, escape_pointer_segment(key))
    }

    pub fn map(&self) -> &'v Map<String, Value> {
        self.map
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The raw value of a field, marking it as known.
    pub fn get(&mut self, key: &str) -> Option<&'v Value> {
        let (k, v) = self.map.get_key_value(key)?;
        self.read.push(k.as_str());
        Some(v)
    }

    fn wrong_type(&self, d: &mut Diagnostics, key: &str, expected: &str, found: &Value) {
        // A `${...}` placeholder from a SAM or CloudFormation template stands for a value that
        // is filled in at deployment: worth a warning, not an error.
        if let Value::String(s) = found
            && is_placeholder(s)
        {
            d.warning(
                code::SUBSTITUTION_PLACEHOLDER,
                &self.child(key),
                format!(
                    "'{s}' is a template substitution placeholder; '{key}' must be {expected} once it is filled in"
                ),
            );
            return;
        }
        d.error_at_value(
            code::SCHEMA_VALIDATION_FAILED,
            &self.child(key),
            format!("The value of the field '{key}' must be {expected}, not {}", type_name(found)),
        );
    }

    pub fn string(&mut self, d: &mut Diagnostics, key: &str) -> Option<&'v str> {
        match self.get(key)? {
            Value::String(s) => Some(s),
            other => {
                self.wrong_type(d, key, "a STRING", other);
                None
            }
        }
    }

    pub fn bool(&mut self, d: &mut Diagnostics, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(d, key, "a BOOLEAN", other);
                None
            }
        }
    }

    /// A non-negative integer (AWS accepts `3.0` as 3; a fraction or a negative number is an
    /// error).
    pub fn uint(&mut self, d: &mut Diagnostics, key: &str) -> Option<u64> {
        let v = self.get(key)?;
        match v
            .as_u64()
            .or_else(|| v.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0 && *f < 1.8e19).map(|f| f as u64))
        {
            Some(n) => Some(n),
            None => {
                let expected = "a non-negative INTEGER";
                if let Value::Number(_) = v {
                    d.error_at_value(
                        code::SCHEMA_VALIDATION_FAILED,
                        &self.child(key),
                        format!("The value of the field '{key}' must be {expected}, not {v}"),
                    );
                } else {
                    self.wrong_type(d, key, expected, v);
                }
                None
            }
        }
    }

    pub fn number(&mut self, d: &mut Diagnostics, key: &str) -> Option<f64> {
        match self.get(key)? {
            Value::Number(n) => n.as_f64(),
            other => {
                self.wrong_type(d, key, "a NUMBER", other);
                None
            }
        }
    }

    pub fn object(&mut self, d: &mut Diagnostics, key: &str) -> Option<&'v Map<String, Value>> {
        match self.get(key)? {
            Value::Object(m) => Some(m),
            other => {
                self.wrong_type(d, key, "an OBJECT", other);
                None
            }
        }
    }

    pub fn array(&mut self, d: &mut Diagnostics, key: &str) -> Option<&'v Vec<Value>> {
        match self.get(key)? {
            Value::Array(a) => Some(a),
            other => {
                self.wrong_type(d, key, "an ARRAY", other);
                None
            }
        }
    }

    /// A field that must be present: reports it missing when it is not.
    pub fn require(&mut self, d: &mut Diagnostics, key: &str) -> bool {
        if self.has(key) {
            true
        } else {
            d.error(
                code::SCHEMA_VALIDATION_FAILED,
                &self.pointer,
                format!("The field '{key}' is required but missing"),
            );
            false
        }
    }

    /// Reports every field that was never read; `context` names the kind of object, as in
    /// "a Pass state" or "a Retrier".
    pub fn finish(self, d: &mut Diagnostics, context: &str) {
        for key in self.map.keys() {
            if !self.read.contains(&key.as_str()) {
                d.error(
                    code::SCHEMA_VALIDATION_FAILED,
                    &self.child(key),
                    format!("The field '{key}' is not supported in {context}{}", language_hint(key, context)),
                );
            }
        }
    }
}

/// A `${...}` substitution placeholder (SAM `DefinitionSubstitutions`, CloudFormation `Fn::Sub`).
pub(crate) fn is_placeholder(s: &str) -> bool {
    s.starts_with("${") && s.ends_with('}') && s.len() > 3
}

/// Why a field may be out of place: it belongs to the other query language.
fn language_hint(key: &str, context: &str) -> &'static str {
    const JSONATA_ONLY: [&str; 4] = ["Arguments", "Output", "Items", "Condition"];
    const JSONPATH_ONLY: [&str; 7] =
        ["InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath", "Variable"];
    let in_jsonata = context.contains("JSONata");
    if !in_jsonata && JSONATA_ONLY.contains(&key) {
        " (it is a JSONata field: set \"QueryLanguage\": \"JSONata\" on the state or the state machine)"
    } else if in_jsonata && JSONPATH_ONLY.contains(&key) {
        " (it is a JSONPath field: states using JSONata use Arguments, Output and Assign)"
    } else {
        ""
    }
}
