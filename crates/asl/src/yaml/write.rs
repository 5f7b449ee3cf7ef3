//! A JSON value as YAML text, so that the page can switch a definition between JSON and YAML.
//!
//! The text is block-style YAML as people write Step Functions definitions and SAM templates:
//! `key: value`, `- item`, two spaces of indentation, a mapping in a sequence starting on the
//! dash's line, `{}` and `[]` for empty containers, keys in their order. It reads back as the
//! same value with [`super::parse`].
//!
//! A string is written plain when nothing can read it otherwise, and double-quoted (with JSON's
//! escapes) when anything might: a null, boolean or number in YAML 1.2's core schema, and also
//! in YAML 1.1's (`yes`, `off`, `1_000`, timestamps), which CloudFormation and older tools
//! read; leading indicators, `: ` and ` #`, edge spaces, and any control or line-break
//! character. Quoting is never wrong, so whatever is in doubt is quoted.

#[cfg(test)]
mod tests;

use std::fmt::Write;

use serde_json::{Map, Value};

use super::scalars;

/// How long a key's written text may be on its `key:` line: YAML reads an implicit key only
/// within 1024 characters, so a longer key is written in the explicit form (`? key` then
/// `: value`), with a margin.
const IMPLICIT_KEY_LIMIT: usize = 1000;

/// The YAML text of a value: block style, two-space indentation, ending with a newline.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match scalar(value) {
        Some(text) => {
            out.push_str(&text);
            out.push('\n');
        }
        None => container(&mut out, value, 0, false),
    }
    out
}

/// A scalar or an empty container as it is written on one line; `None` for a non-empty
/// container, which takes lines of its own.
fn scalar(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(items) if items.is_empty() => "[]".to_string(),
        Value::Object(map) if map.is_empty() => "{}".to_string(),
        Value::Array(_) | Value::Object(_) => return None,
    })
}

/// Writes a non-empty container's lines at `indent`. When `on_dash_line`, the current line
/// already holds a sequence's `- `, and the first member or item continues it.
fn container(out: &mut String, value: &Value, indent: usize, on_dash_line: bool) {
    match value {
        Value::Object(map) => mapping(out, map, indent, on_dash_line),
        Value::Array(items) => sequence(out, items, indent, on_dash_line),
        _ => unreachable!("scalars are written on their key's or dash's line"),
    }
}

fn mapping(out: &mut String, map: &Map<String, Value>, indent: usize, on_dash_line: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !on_dash_line {
            pad(out, indent);
        }
        let key = string(key);
        if key.chars().count() > IMPLICIT_KEY_LIMIT {
            out.push_str("? ");
            out.push_str(&key);
            out.push('\n');
            pad(out, indent);
        } else {
            out.push_str(&key);
        }
        out.push(':');
        match scalar(value) {
            Some(text) => {
                out.push(' ');
                out.push_str(&text);
                out.push('\n');
            }
            // Both a mapping and a sequence go on the lines below their key, indented.
            None => {
                out.push('\n');
                container(out, value, indent + 2, false);
            }
        }
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize, on_dash_line: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !on_dash_line {
            pad(out, indent);
        }
        out.push_str("- ");
        match scalar(item) {
            Some(text) => {
                out.push_str(&text);
                out.push('\n');
            }
            None => container(out, item, indent + 2, true),
        }
    }
}

fn pad(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A string (value or key) as written: plain when that is safe, else double-quoted.
fn string(s: &str) -> String {
    if plain_is_safe(s) { s.to_string() } else { quoted(s) }
}

fn plain_is_safe(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false; // The empty plain scalar is null.
    };
    let indicator = "-?:,[]{}#&*!|>'\"%@`".contains(first);
    // `: ` would end a key and ` #` start a comment; a final `:` reads as a key too; `...`
    // at a line's start ends the document.
    let breaks_structure = s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.starts_with("...");
    let edge_space = first.is_whitespace() || last.is_whitespace();
    !(indicator || breaks_structure || edge_space || s.chars().any(needs_escape) || other_type(s))
}

/// Whether a plain scalar could read as something other than this string: what the reader
/// itself makes of it (YAML 1.2's core schema, `.inf` and `.nan` included), and what YAML 1.1
/// readers make of it: more booleans, the merge and value keys, and numbers with underscores,
/// sexagesimal numbers and timestamps, all of which start like a number.
fn other_type(s: &str) -> bool {
    const YAML_1_1_WORDS: [&str; 10] = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"];
    !matches!(scalars::plain(s), Ok(Value::String(_)))
        || YAML_1_1_WORDS.iter().any(|word| word.eq_ignore_ascii_case(s))
        || s == "<<"
        || s == "="
        || s.trim_start_matches(['+', '-', '.']).starts_with(|c: char| c.is_ascii_digit())
}

/// Characters a plain scalar cannot hold and a double-quoted one holds only escaped: control
/// characters (tab and line feed among them), YAML 1.1's line and paragraph separators, the
/// byte order mark and the non-characters YAML does not allow.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A double-quoted scalar with JSON's escapes (every one of which YAML's double quotes know).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            // All of them are in the Basic Multilingual Plane: four hex digits suffice.
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
