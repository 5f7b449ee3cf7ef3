//! Reading a parsed suite field by field: type checks and unknown keys, each error placed at
//! the line and column of what is wrong (the spans come from the engine's JSON and YAML
//! readers, by JSON pointer).

use serde::Serialize;
use serde_json::{Map, Value};

use super::model::{At, Pos};
use super::suggest::did_you_mean;
use crate::json::{SpanIndex, escape_pointer_segment};
use crate::span::LineIndex;

/// What is wrong with a suite, and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SuiteError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl SuiteError {
    pub fn new(at: Pos, message: impl Into<String>) -> SuiteError {
        SuiteError { line: at.line, column: at.column, message: message.into() }
    }
}

impl std::fmt::Display for SuiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

pub(super) struct Reader<'t> {
    spans: &'t SpanIndex,
    lines: LineIndex<'t>,
    pub errors: Vec<SuiteError>,
}

/// The pointer of `key` inside the node at `pointer`.
pub(super) fn child(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", escape_pointer_segment(key))
}

/// The pointer of item `i` inside the array at `pointer`.
pub(super) fn item(pointer: &str, i: usize) -> String {
    format!("{pointer}/{i}")
}

impl<'t> Reader<'t> {
    pub fn new(text: &'t str, spans: &'t SpanIndex) -> Reader<'t> {
        Reader { spans, lines: LineIndex::new(text), errors: Vec::new() }
    }

    pub fn pos_of_offset(&self, offset: usize) -> Pos {
        let at = self.lines.line_col(offset);
        Pos { line: at.line, column: at.column }
    }

    /// Where a node is: its key when it has one (the line a person reads as "this entry"),
    /// else its value; a missing node's closest ancestor.
    pub fn pos(&self, pointer: &str) -> Pos {
        self.pos_of_offset(self.spans.locate(pointer).start)
    }

    /// Where a node's value starts (an item of a list, the list itself).
    pub fn value_pos(&self, pointer: &str) -> Pos {
        match self.spans.get(pointer) {
            Some(n) => self.pos_of_offset(n.value.start),
            None => self.pos(pointer),
        }
    }

    pub fn error(&mut self, at: Pos, message: impl Into<String>) {
        self.errors.push(SuiteError::new(at, message));
    }

    /// `v` as an object whose keys are all `known`; an unknown key is an error at that key.
    pub fn object<'v>(
        &mut self,
        v: &'v Value,
        pointer: &str,
        what: &str,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let map = self.mapping(v, pointer, what)?;
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            let hint = did_you_mean(key, known.iter().copied());
            let message = format!("unknown key '{key}' in {what}{hint}; the keys are: {}", known.join(", "));
            self.error(self.pos(&child(pointer, key)), message);
        }
        Some(map)
    }

    /// `v` as a mapping of any keys (state names...).
    pub fn mapping<'v>(&mut self, v: &'v Value, pointer: &str, what: &str) -> Option<&'v Map<String, Value>> {
        if v.is_object() {
            return v.as_object();
        }
        self.error(self.value_pos(pointer), format!("{what} must be a mapping, not {}", kind(v)));
        None
    }

    pub fn string(&mut self, v: &Value, pointer: &str, what: &str) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.error(self.value_pos(pointer), format!("{what} must be a string, not {}", kind(other)));
                None
            }
        }
    }

    /// A string and where its value is written.
    pub fn located_string(&mut self, v: &Value, pointer: &str, what: &str) -> Option<At<String>> {
        let s = self.string(v, pointer, what)?;
        Some(At::new(s, self.value_pos(pointer)))
    }

    /// A list of strings (a single string is a list of one), each with where it is written.
    pub fn names(&mut self, v: &Value, pointer: &str, what: &str) -> Option<Vec<At<String>>> {
        match v {
            Value::String(s) => Some(vec![At::new(s.clone(), self.value_pos(pointer))]),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, x) in items.iter().enumerate() {
                    out.extend(self.located_string(x, &item(pointer, i), &format!("each item of {what}")));
                }
                Some(out)
            }
            other => {
                self.error(
                    self.value_pos(pointer),
                    format!("{what} must be a list of state names, not {}", kind(other)),
                );
                None
            }
        }
    }

    /// A number of zero or more.
    pub fn seconds(&mut self, v: &Value, pointer: &str, what: &str) -> Option<f64> {
        match v.as_f64() {
            Some(n) if n >= 0.0 && n.is_finite() => Some(n),
            _ => {
                self.error(self.value_pos(pointer), format!("{what} must be a number of seconds (0 or more)"));
                None
            }
        }
    }

    /// A whole number of zero or more.
    pub fn count(&mut self, v: &Value, pointer: &str, what: &str) -> Option<u64> {
        match v.as_u64() {
            Some(n) => Some(n),
            None => {
                self.error(self.value_pos(pointer), format!("{what} must be a whole number (0 or more), not {v}"));
                None
            }
        }
    }
}

/// A value's kind, in words.
pub(super) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}
