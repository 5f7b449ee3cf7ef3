//! A suite's text written and extended: the page adds a run as a case. YAML keeps its text and
//! comments (the case goes in at the end of `cases:`); JSON is written again, indented.

use serde_json::{Map, Value};

use crate::json::{self, ParsedJson};
use crate::yaml;

/// A value as a suite's text: block YAML, or indented JSON.
pub fn to_text(value: &Value, as_yaml: bool) -> String {
    if as_yaml {
        yaml::to_yaml(value)
    } else {
        let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Appends `case` (a case as a suite writes it, with a `name`) to the suite's text. Refused
/// when the text cannot be read or already has a case of that name.
pub fn add_case(text: &str, case: &Value) -> Result<String, String> {
    let name = case.get("name").and_then(Value::as_str).ok_or("a case needs a name")?;
    let is_json = yaml::looks_like_json(text);
    let parsed = if is_json { json::parse(text) } else { yaml::parse(text) };
    if let Some(e) = parsed.errors.first() {
        return Err(format!("the suite cannot be read: {}", e.message));
    }
    let root = match &parsed.value {
        Some(Value::Object(root)) => root.clone(),
        None => Map::new(),
        Some(_) => return Err("the suite must be a mapping".into()),
    };
    let cases: Vec<Value> = match root.get("cases") {
        Some(Value::Array(cases)) => cases.clone(),
        None | Some(Value::Null) => Vec::new(),
        Some(_) => return Err("the suite's cases must be a list".into()),
    };
    if cases.iter().any(|c| c.get("name").and_then(Value::as_str) == Some(name)) {
        return Err(format!("a case named '{name}' is already in the suite"));
    }
    let added = if is_json {
        let mut root = root;
        let mut all = cases.clone();
        all.push(case.clone());
        root.insert("cases".into(), Value::Array(all));
        to_text(&Value::Object(root), false)
    } else {
        yaml_append(text, &parsed, &cases, case)
    };
    // The text must read back with the case added at the end, and everything else as it was.
    let back = if is_json { json::parse(&added) } else { yaml::parse(&added) };
    let expected = root_with_case(parsed.value.as_ref(), case);
    if !back.errors.is_empty() || back.value.as_ref() != Some(&expected) {
        return Err("the case could not be added to this text: add it by hand".into());
    }
    Ok(added)
}

fn root_with_case(root: Option<&Value>, case: &Value) -> Value {
    let mut root = root.and_then(Value::as_object).cloned().unwrap_or_default();
    let mut cases = match root.get("cases") {
        Some(Value::Array(c)) => c.clone(),
        _ => Vec::new(),
    };
    cases.push(case.clone());
    root.insert("cases".into(), Value::Array(cases));
    Value::Object(root)
}

/// The YAML text with `case` after the last item of `cases:` (a block list), or with `cases:`
/// written as a block list where it was empty, a flow list or missing.
fn yaml_append(text: &str, parsed: &ParsedJson, cases: &[Value], case: &Value) -> String {
    let cases_node = parsed.spans.get("/cases");
    let last_end = cases.len().checked_sub(1).and_then(|i| item_end(text, parsed, &format!("/cases/{i}")));
    match (cases_node, last_end) {
        (Some(list), Some(end)) if text.get(list.value.start..).is_some_and(|t| t.starts_with('-')) => {
            let indent = column(text, list.value.start);
            let at = line_end(text, end.saturating_sub(1));
            let mut out = String::with_capacity(text.len() + 256);
            out.push_str(&text[..at]);
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&item_block(case, indent));
            out.push_str(&text[at..]);
            out
        }
        (Some(node), _) => {
            // `cases:` with nothing, or a flow list: its value becomes a block list.
            let key = node.key.map_or(node.value.start, |k| k.start);
            let indent = column(text, key) + 2;
            let colon = text.get(key..).and_then(|t| t.find(':')).map_or(node.value.start, |i| key + i + 1);
            let end = if node.value.start >= colon { node.value.end } else { colon };
            if !text.is_char_boundary(colon) || !text.is_char_boundary(end) || end < colon {
                // Spans this text's reader could not place: the check after refuses the result.
                return text.to_string();
            }
            let mut block = String::from("\n");
            for c in cases.iter().chain(std::iter::once(case)) {
                block.push_str(&item_block(c, indent));
            }
            let rest = &text[end..];
            let block = if rest.starts_with('\n') || rest.is_empty() {
                block.trim_end_matches('\n').to_string()
            } else {
                block
            };
            format!("{}{block}{rest}", &text[..colon])
        }
        (None, _) => {
            let mut out = text.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str("cases:\n");
            out.push_str(&item_block(case, 2));
            out
        }
    }
}

/// Where the text of the node at `pointer` ends: its last scalar or flow collection. (A block
/// collection's own span runs on over the comments after it.)
fn item_end(text: &str, parsed: &ParsedJson, pointer: &str) -> Option<usize> {
    let root = parsed.value.as_ref()?;
    let inside = format!("{pointer}/");
    parsed
        .spans
        .iter()
        .filter(|(p, _)| *p == pointer || p.starts_with(&inside))
        .filter(|(p, n)| {
            let value = root.pointer(p);
            let flow = text.get(n.value.start..).is_some_and(|t| t.starts_with('{') || t.starts_with('['));
            flow || value.is_some_and(|v| !v.is_object() && !v.is_array())
        })
        .map(|(_, n)| n.value.end)
        .max()
}

/// `case` as one item of a block list indented by `indent` spaces.
fn item_block(case: &Value, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for (i, line) in yaml::to_yaml(case).lines().enumerate() {
        let lead = if i == 0 { "- " } else { "  " };
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("{pad}{lead}{line}\n"));
        }
    }
    out
}

/// The 0-based column of byte `at` (in bytes: indentation is spaces).
fn column(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    at - text.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// The offset just after the end of the line that holds byte `at` (searched as bytes: `at`
/// may fall inside a character, and a line break is one byte).
fn line_end(text: &str, at: usize) -> usize {
    let from = at.min(text.len());
    text.as_bytes()[from..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| from + i + 1)
}
