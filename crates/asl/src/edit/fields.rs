//! The fields design mode's form offers for a state, by its type and the machine's query
//! language, and for the machine itself; how a field's text becomes its value; and the check
//! that refuses a value the engine finds wrong, with the engine's message.

use serde_json::Value;

use super::palette::Language;
use super::states::set_field;
use super::{Document, EditError, Place, apply};

/// Fields of which a state has one at most: setting one removes the others.
const ALTERNATIVES: &[&[&str]] =
    &[&["Seconds", "Timestamp", "SecondsPath", "TimestampPath"], &["Error", "ErrorPath"], &["Cause", "CausePath"]];

/// Sets field `key` of state `name` in `scope` (`None` removes it); a value set replaces the
/// fields it is an alternative to (a Wait's Seconds and Timestamp, a Fail's Error and
/// ErrorPath).
pub fn set(text: &str, scope: &str, name: &str, key: &str, value: Option<Value>) -> Result<String, EditError> {
    let others: &[&str] =
        if value.is_some() { ALTERNATIVES.iter().find(|g| g.contains(&key)).copied().unwrap_or_default() } else { &[] };
    let mut text = set_field(text, scope, name, key, value)?;
    for other in others.iter().filter(|o| **o != key) {
        text = set_field(&text, scope, name, other, None)?;
    }
    Ok(text)
}

/// How a field's text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Text,
    /// JSON when the text is JSON (a number, `true`, an object...), else a string: a number of
    /// seconds or a JSONata `{% %}` expression.
    Value,
    /// JSON only (an object or an array), written over several lines.
    Json,
    /// One of these strings.
    Options(&'static [&'static str]),
}

/// One field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
}

const fn text(key: &'static str) -> Field {
    Field { key, kind: Kind::Text }
}
const fn value(key: &'static str) -> Field {
    Field { key, kind: Kind::Value }
}
const fn json(key: &'static str) -> Field {
    Field { key, kind: Kind::Json }
}

/// The fields of a state (its name, comment and transitions aside, and a Choice's rules, Retry
/// and Catch, which have their own editors), in the form's order: what its type does, its data flow for the
/// machine's query language, its errors.
pub fn state_fields(state: &Value, language: Language) -> Vec<Field> {
    let kind = state.get("Type").and_then(Value::as_str).unwrap_or_default();
    let distributed = ["ItemProcessor", "Iterator"]
        .iter()
        .filter_map(|k| state.pointer(&format!("/{k}/ProcessorConfig/Mode")))
        .any(|mode| mode == "DISTRIBUTED");
    let jsonata = language == Language::Jsonata;
    let mut fields = Vec::new();
    // What the state does.
    match kind {
        "Task" => fields.extend([text("Resource"), value("TimeoutSeconds"), value("HeartbeatSeconds")]),
        "Wait" if jsonata => fields.extend([value("Seconds"), value("Timestamp")]),
        "Wait" => fields.extend([value("Seconds"), text("Timestamp"), text("SecondsPath"), text("TimestampPath")]),
        "Map" if jsonata => fields.extend([value("Items"), json("ItemSelector")]),
        "Map" => fields.extend([text("ItemsPath"), json("ItemSelector")]),
        "Fail" if jsonata => fields.extend([value("Error"), value("Cause")]),
        "Fail" => fields.extend([text("Error"), text("Cause"), text("ErrorPath"), text("CausePath")]),
        _ => {}
    }
    if kind == "Map" {
        fields.push(value("MaxConcurrency"));
    }
    if kind == "Map" && distributed {
        fields.extend([value("ToleratedFailurePercentage"), value("ToleratedFailureCount")]);
        fields.extend([json("ItemReader"), json("ItemBatcher"), json("ResultWriter")]);
    }
    // Its data flow.
    if jsonata {
        // A Map's items get their arguments from ItemSelector.
        if matches!(kind, "Task" | "Parallel") {
            fields.push(json("Arguments"));
        }
        if kind != "Fail" {
            fields.push(value("Output"));
        }
    } else if kind != "Fail" {
        fields.push(text("InputPath"));
        match kind {
            "Pass" => fields.extend([json("Parameters"), json("Result"), text("ResultPath")]),
            "Task" | "Parallel" | "Map" => {
                fields.extend([json("Parameters"), json("ResultSelector"), text("ResultPath")])
            }
            _ => {}
        }
        fields.push(text("OutputPath"));
    }
    if !matches!(kind, "Fail" | "Succeed") {
        fields.push(json("Assign"));
    }
    fields
}

/// Sets (or removes, `None`) the machine's own setting `key`: a new one goes before StartAt.
pub fn set_machine(text: &str, key: &str, value: Option<Value>) -> Result<String, EditError> {
    let doc = Document::parse(text)?;
    match doc.put("", key, value.as_ref(), Place::Before(&["StartAt"]))? {
        Some(edit) => Ok(apply(text, &[edit])),
        None => Ok(text.to_string()),
    }
}

/// The machine's own settings.
pub fn machine_fields() -> Vec<Field> {
    vec![
        text("Comment"),
        value("TimeoutSeconds"),
        Field { key: "QueryLanguage", kind: Kind::Options(&["JSONPath", "JSONata"]) },
    ]
}

/// The value a field's text stands for (`None`: the field is removed), or why it is none.
pub fn read(kind: Kind, text: &str) -> Result<Option<Value>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match kind {
        Kind::Text => Ok(Some(Value::String(text.to_string()))),
        Kind::Options(options) if options.contains(&trimmed) => Ok(Some(Value::String(trimmed.to_string()))),
        Kind::Options(options) => Err(format!("one of {}", options.join(", "))),
        Kind::Value => Ok(Some(serde_json::from_str(trimmed).unwrap_or_else(|_| Value::String(text.to_string())))),
        Kind::Json => serde_json::from_str(trimmed).map(Some).map_err(|e| format!("not valid JSON: {e}")),
    }
}

/// A field's value as the form shows it (a string as itself, JSON over several lines).
pub fn show(kind: Kind, value: Option<&Value>) -> String {
    match (kind, value) {
        (_, None) => String::new(),
        (_, Some(Value::String(s))) => s.clone(),
        (Kind::Json, Some(v)) => serde_json::to_string_pretty(v).unwrap_or_default(),
        (_, Some(v)) => v.to_string(),
    }
}

/// Why the engine refuses `after` where `before` was fine at `pointer`: the first error at the
/// pointer or under it that `before` did not have (`None`: nothing new is wrong there).
pub fn refusal(before: &str, after: &str, pointer: &str) -> Option<String> {
    let under = |location: &str| location == pointer || location.starts_with(&format!("{pointer}/"));
    let errors = |text: &str| -> Vec<(String, String)> {
        crate::load(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.is_error() && under(&d.location))
            .map(|d| (d.location, d.message))
            .collect()
    };
    let old = errors(before);
    errors(after).into_iter().find(|e| !old.contains(e)).map(|(_, message)| message)
}
