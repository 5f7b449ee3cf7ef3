//! A JSON text to edit in place: every change is a [`TextEdit`] of the original text that
//! touches only the node it changes, so key order, formatting and unknown fields stay as the
//! person wrote them.

use serde_json::Value;

use super::EditError;
use super::style::{Style, quote};
use super::text::TextEdit;
use crate::json::{self, NodeSpans, ParsedJson, escape_pointer_segment};
use crate::span::Span;

/// Where a new member goes among an object's members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'k> {
    First,
    Last,
    /// Right after this member (last when it is not there).
    After(&'k str),
    /// Right before the first of these members that is there (last when none is).
    Before(&'k [&'k str]),
}

/// A valid JSON text, its value and the spans of its nodes.
pub struct Document<'a> {
    text: &'a str,
    parsed: ParsedJson,
    value: Value,
    style: Style,
}

impl<'a> Document<'a> {
    /// `text` ready to edit, or why it cannot be: it is not valid JSON, or an object repeats a
    /// key (which member an edit meant would be a guess).
    pub fn parse(text: &'a str) -> Result<Self, EditError> {
        let mut parsed = json::parse(text);
        if let Some(e) = parsed.errors.first() {
            return Err(EditError::NotJson { message: e.message.clone(), at: e.span.start });
        }
        let Some(value) = parsed.value.take() else {
            return Err(EditError::NotJson { message: "the text holds no JSON value".into(), at: 0 });
        };
        if let Some(d) = parsed.duplicate_keys.first() {
            return Err(EditError::DuplicateKey { object: d.object.clone(), key: d.key.clone() });
        }
        let first_colon = value.as_object().and_then(|map| map.keys().next()).and_then(|key| {
            let spans = parsed.spans.get(&child("", key))?;
            Some(&text[spans.key?.end..spans.value.start])
        });
        let style = Style::of(text, first_colon);
        Ok(Document { text, parsed, value, style })
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The value at `pointer`, if there is one.
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.value.pointer(pointer)
    }

    fn spans(&self, pointer: &str) -> Result<NodeSpans, EditError> {
        self.parsed.spans.get(pointer).copied().ok_or_else(|| EditError::NotFound(pointer.to_string()))
    }

    fn object(&self, pointer: &str) -> Result<&serde_json::Map<String, Value>, EditError> {
        match self.get(pointer) {
            Some(Value::Object(map)) => Ok(map),
            Some(_) => Err(EditError::NotAnObject(pointer.to_string())),
            None => Err(EditError::NotFound(pointer.to_string())),
        }
    }

    /// The whitespace that starts the line holding byte `at`.
    fn line_indent(&self, at: usize) -> &'a str {
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line = &self.text[line_start..];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    }

    /// Whether the text between two positions breaks the line.
    fn breaks(&self, from: usize, to: usize) -> bool {
        self.text[from..to].contains('\n')
    }

    /// Replaces the value at `pointer` with `value`.
    pub fn replace(&self, pointer: &str, value: &Value) -> Result<TextEdit, EditError> {
        let span = self.spans(pointer)?.value;
        Ok(TextEdit::replace(span, self.style.write(value, self.line_indent(span.start))))
    }

    /// Renames the object member at `pointer` (its value untouched).
    pub fn rename_key(&self, pointer: &str, key: &str) -> Result<TextEdit, EditError> {
        let span = self.spans(pointer)?.key.ok_or_else(|| EditError::NotAnObject(parent(pointer).to_string()))?;
        Ok(TextEdit::replace(span, quote(key)))
    }

    /// Replaces the whole member at `pointer` (key and value) with `key: value`, in its place.
    pub fn replace_member(&self, pointer: &str, key: &str, value: &Value) -> Result<TextEdit, EditError> {
        let spans = self.spans(pointer)?;
        let key_span = spans.key.ok_or_else(|| EditError::NotAnObject(parent(pointer).to_string()))?;
        let indent = self.line_indent(key_span.start);
        Ok(TextEdit::replace(Span::new(key_span.start, spans.value.end), self.style.member(key, value, indent)))
    }

    /// Sets member `key` of the object at `object`: its value replaced when it is there, else
    /// the member added at `place`.
    pub fn set(&self, object: &str, key: &str, value: &Value, place: Place) -> Result<TextEdit, EditError> {
        if self.object(object)?.contains_key(key) {
            self.replace(&child(object, key), value)
        } else {
            self.insert(object, key, value, place)
        }
    }

    /// Sets member `key` of the object at `object` to `value` (in place when it is there, else
    /// at `place`), or removes it (`None`); `Ok(None)` when there is nothing to change.
    pub fn put(
        &self,
        object: &str,
        key: &str,
        value: Option<&Value>,
        place: Place,
    ) -> Result<Option<TextEdit>, EditError> {
        let there = self.object(object)?.contains_key(key);
        Ok(match (value, there) {
            (Some(v), true) => Some(self.replace(&child(object, key), v)?),
            (Some(v), false) => Some(self.insert(object, key, v, place)?),
            (None, true) => Some(self.remove(&child(object, key))?),
            (None, false) => None,
        })
    }

    /// Adds member `key: value` to the object at `object`, at `place`.
    pub fn insert(&self, object: &str, key: &str, value: &Value, place: Place) -> Result<TextEdit, EditError> {
        self.insert_member(object, key, place, |indent| match indent {
            Some(indent) => self.style.member(key, value, indent),
            None => self.inline_member(key, value),
        })
    }

    /// The text of the value at `pointer`, and the indentation of the line it starts on: what
    /// [`Document::insert_written`] needs to put it elsewhere as it is written.
    pub fn written(&self, pointer: &str) -> Result<(&'a str, &'a str), EditError> {
        let span = self.spans(pointer)?.value;
        Ok((&self.text[span.start..span.end], self.line_indent(span.start)))
    }

    /// Adds member `key` to the object at `object`, at `place`, with `written` as its value:
    /// `value` as it is written elsewhere, on lines indented from `indent`. Its lines are
    /// indented anew for their place, so that its own layout and the way its numbers and
    /// strings are written stay as they were; in an object written on one line, a value written
    /// over several lines is written on one line instead.
    pub fn insert_written(
        &self,
        object: &str,
        key: &str,
        value: &Value,
        (written, indent): (&str, &str),
        place: Place,
    ) -> Result<TextEdit, EditError> {
        self.insert_member(object, key, place, |to| match to {
            Some(to) => format!("{}:{}{}", quote(key), self.style.after_colon, reindent(written, indent, to)),
            None if written.contains('\n') => self.inline_member(key, value),
            None => format!("{}:{}{written}", quote(key), self.style.after_colon),
        })
    }

    /// Adds the member `member` writes to the object at `object`, at `place`: `member` is given
    /// the indentation of the member's line, or `None` when the object is written on one line.
    fn insert_member(
        &self,
        object: &str,
        key: &str,
        place: Place,
        member: impl Fn(Option<&str>) -> String,
    ) -> Result<TextEdit, EditError> {
        let map = self.object(object)?;
        if map.contains_key(key) {
            return Err(EditError::Exists(child(object, key)));
        }
        let open = self.spans(object)?.value;
        let keys: Vec<&String> = map.keys().collect();
        let Some(first) = keys.first() else {
            // {} becomes a block of one member.
            let indent = self.line_indent(open.start);
            let inner = format!("{indent}{}", self.style.unit);
            let member = member(Some(&inner));
            return Ok(TextEdit::replace(open, format!("{{\n{inner}{member}\n{indent}}}")));
        };
        let first_key = self.spans(&child(object, first))?.key.unwrap_or(open);
        let multiline = self.breaks(open.start, first_key.start);
        let indent = if multiline { self.line_indent(first_key.start).to_string() } else { String::new() };
        let member = member(multiline.then_some(indent.as_str()));
        let separator = if multiline { format!("\n{indent}") } else { " ".to_string() };
        let after = match place {
            Place::First => None,
            Place::Last => keys.last().copied(),
            Place::After(k) => keys.iter().find(|x| x.as_str() == k).or(keys.last()).copied(),
            Place::Before(names) => match keys.iter().position(|x| names.contains(&x.as_str())) {
                Some(0) => None,
                Some(i) => Some(keys[i - 1]),
                None => keys.last().copied(),
            },
        };
        Ok(match after {
            None => TextEdit::insert(first_key.start, format!("{member},{separator}")),
            Some(k) => TextEdit::insert(self.spans(&child(object, k))?.value.end, format!(",{separator}{member}")),
        })
    }

    /// Adds `value` at the end of the array at `array`.
    pub fn push(&self, array: &str, value: &Value) -> Result<TextEdit, EditError> {
        let items = match self.get(array) {
            Some(Value::Array(items)) => items,
            Some(_) => return Err(EditError::NotAnArray(array.to_string())),
            None => return Err(EditError::NotFound(array.to_string())),
        };
        let open = self.spans(array)?.value;
        let (Some(first), Some(last)) = (self.spans(&format!("{array}/0")).ok(), items.len().checked_sub(1)) else {
            let indent = self.line_indent(open.start);
            let inner = format!("{indent}{}", self.style.unit);
            let text = if value.is_object() || value.is_array() {
                format!("[\n{inner}{}\n{indent}]", self.style.write(value, &inner))
            } else {
                format!("[{value}]")
            };
            return Ok(TextEdit::replace(open, text));
        };
        let end = self.spans(&format!("{array}/{last}"))?.value.end;
        let text = if self.breaks(open.start, first.value.start) {
            let indent = self.line_indent(first.value.start);
            format!(",\n{indent}{}", self.style.write(value, indent))
        } else {
            format!(", {}", self.inline(value))
        };
        Ok(TextEdit::insert(end, text))
    }

    /// Adds `value` to the array at `array` before its element `index` (at the end when there
    /// is no such element).
    pub fn insert_at(&self, array: &str, index: usize, value: &Value) -> Result<TextEdit, EditError> {
        let Ok(next) = self.spans(&format!("{array}/{index}")) else { return self.push(array, value) };
        let open = self.spans(array)?.value;
        let first = self.spans(&format!("{array}/0"))?.value;
        Ok(if self.breaks(open.start, first.start) {
            let indent = self.line_indent(next.value.start);
            TextEdit::insert(next.value.start, format!("{},\n{indent}", self.style.write(value, indent)))
        } else {
            TextEdit::insert(next.value.start, format!("{}, ", self.inline(value)))
        })
    }

    /// Removes the member or element at `pointer`, with its comma and the space before it.
    pub fn remove(&self, pointer: &str) -> Result<TextEdit, EditError> {
        let (container, _) = split(pointer).ok_or_else(|| EditError::NotFound(pointer.to_string()))?;
        let this = self.spans(pointer)?;
        let siblings: Vec<String> = match self.get(container) {
            Some(Value::Object(map)) => map.keys().map(|k| child(container, k)).collect(),
            Some(Value::Array(items)) => (0..items.len()).map(|i| format!("{container}/{i}")).collect(),
            _ => return Err(EditError::NotFound(pointer.to_string())),
        };
        let at = siblings.iter().position(|s| s == pointer).ok_or_else(|| EditError::NotFound(pointer.to_string()))?;
        let start = |spans: NodeSpans| spans.key.unwrap_or(spans.value).start;
        if siblings.len() == 1 {
            let open = self.spans(container)?.value;
            let empty = if self.get(container).is_some_and(Value::is_array) { "[]" } else { "{}" };
            return Ok(TextEdit::replace(open, empty));
        }
        Ok(if at == 0 {
            let next = self.spans(&siblings[1])?;
            TextEdit::replace(Span::new(start(this), start(next)), "")
        } else {
            let previous = self.spans(&siblings[at - 1])?;
            TextEdit::replace(Span::new(previous.value.end, this.value.end), "")
        })
    }

    /// `value` on one line, as the document writes a colon.
    fn inline(&self, value: &Value) -> String {
        match value {
            Value::Object(map) => {
                let members: Vec<String> = map.iter().map(|(k, v)| self.inline_member(k, v)).collect();
                format!("{{{}}}", members.join(", "))
            }
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(|v| self.inline(v)).collect();
                format!("[{}]", items.join(", "))
            }
            scalar => scalar.to_string(),
        }
    }

    fn inline_member(&self, key: &str, value: &Value) -> String {
        format!("{}:{}{}", quote(key), self.style.after_colon, self.inline(value))
    }
}

/// The pointer of member `key` of the object at `object`.
pub fn child(object: &str, key: &str) -> String {
    format!("{object}/{}", escape_pointer_segment(key))
}

/// `text`, written on lines indented from `from`, with each line after its first indented from
/// `to` instead. (A JSON text breaks lines only between tokens, never inside a string.)
fn reindent(text: &str, from: &str, to: &str) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        out.push('\n');
        match line.strip_prefix(from) {
            Some(rest) => {
                out.push_str(to);
                out.push_str(rest);
            }
            // A line less indented than the value's first (an odd layout) is kept as it is.
            None => out.push_str(line),
        }
    }
    out
}

/// The pointer of the node holding `pointer`.
fn parent(pointer: &str) -> &str {
    split(pointer).map_or("", |(p, _)| p)
}

fn split(pointer: &str) -> Option<(&str, &str)> {
    pointer.rfind('/').map(|i| (&pointer[..i], &pointer[i + 1..]))
}
