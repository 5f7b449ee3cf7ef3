//! Export back: a template with one state machine's definition replaced by the text the
//! person edited, in the form the template has it (a YAML `Definition` stays YAML in the
//! template's indentation, a JSON one JSON; an `Fn::Sub` string stays an `Fn::Sub` string with
//! its placeholders; an `Fn::Join` stays a join of the same intrinsics), and every other byte
//! of the template as it was.

use serde_json::Value;

use super::definition_string::part_name;
use super::open::node_lines;
use super::template::{DefinitionSource, StringForm, state_machines};
use super::{Format, Kind, read};
use crate::yaml;

/// The template with state machine `id`'s definition replaced by `definition`. A definition
/// kept in its own file (`DefinitionUri`) is not in the template: the error says so, and that
/// file is what to export.
pub fn replace_definition(template: &str, id: &str, definition: &str) -> Result<String, String> {
    let document = read(template);
    let value = match (&document.kind, &document.parsed.value) {
        (Kind::Template, Some(value)) => value,
        _ => return Err("this is not a SAM or CloudFormation template".into()),
    };
    let machine = state_machines(value)
        .into_iter()
        .find(|m| m.logical_id == id)
        .ok_or_else(|| format!("the template has no state machine {id}"))?;
    let spans = &document.parsed.spans;
    let span_of = |pointer: &str| {
        spans
            .get(pointer)
            .map(|s| (s.value.start, s.value.end.min(template.len())))
            .ok_or("the definition's position is not known")
    };
    match &machine.definition {
        DefinitionSource::Object { pointer } => {
            let (start, end) = node_lines(template, spans, pointer)?;
            let original = &template[start..end];
            let block = template[..start].ends_with('\n') || start == 0;
            let written = definition_in(document.format, definition)?;
            let mut replacement = if block && document.format == Format::Yaml {
                indent(&written, indentation(original))
            } else {
                // A JSON template's object (or a YAML flow mapping): its lines after the first
                // are indented from the line it starts on.
                let line = &template[template[..start].rfind('\n').map_or(0, |i| i + 1)..start];
                indent_after_first(&written, line.len() - line.trim_start_matches(' ').len())
            };
            keep_line_end(original, &mut replacement);
            Ok(format!("{}{replacement}{}", &template[..start], &template[end..]))
        }
        DefinitionSource::String { pointer, form } => {
            let (inner, replacement) = match form {
                StringForm::Plain => (pointer.clone(), definition.to_string()),
                StringForm::Sub => (format!("{pointer}/Fn::Sub"), definition.to_string()),
                StringForm::SubWithVariables => (format!("{pointer}/Fn::Sub/0"), definition.to_string()),
                StringForm::Join => {
                    let parts = value
                        .pointer(&format!("{pointer}/Fn::Join/1"))
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    (format!("{pointer}/Fn::Join"), join(definition, &parts))
                }
                StringForm::Other => {
                    return Err(format!(
                        "{id}'s DefinitionString is written with an intrinsic the playground does not write back"
                    ));
                }
            };
            let (start, end) = span_of(&inner)?;
            let start = block_header(template, start);
            // A YAML tag (`!Sub`, `!Join`) that starts the node's text stays before it.
            let tag = match template[start..end].strip_prefix('!') {
                Some(rest) => format!("!{} ", rest.split([' ', '\n']).next().unwrap_or_default()),
                None => String::new(),
            };
            let scalar = if *form == StringForm::Join {
                replacement
            } else {
                // A string: a YAML block in a YAML template, where the text stays readable; a
                // JSON string otherwise.
                let line = &template[template[..start].rfind('\n').map_or(0, |i| i + 1)..start];
                let indentation = line.len() - line.trim_start_matches(' ').len();
                match document.format {
                    Format::Yaml => yaml_block(&replacement, indentation + 2).unwrap_or_else(|| quoted(&replacement)),
                    Format::Json => quoted(&replacement),
                }
            };
            let mut replacement = format!("{tag}{scalar}");
            keep_line_end(&template[start..end], &mut replacement);
            Ok(format!("{}{replacement}{}", &template[..start], &template[end..]))
        }
        DefinitionSource::File { path } => {
            Err(format!("{id}'s definition is in its own file, {path}: export that file"))
        }
        DefinitionSource::S3 { location } => Err(format!("{id}'s definition is in S3 ({location})")),
        DefinitionSource::Missing { why } => Err(format!("{id}: {why}")),
    }
    .and_then(|out| {
        // What is written back must read back.
        let again = read(&out);
        if again.parsed.errors.is_empty() {
            Ok(out)
        } else {
            Err("the definition does not fit back into the template".into())
        }
    })
}

/// Where a YAML block scalar (`|`, `|-`, `>+2`...) whose content starts at `start` starts:
/// its header, so that the whole scalar is replaced. `start` itself for anything else.
fn block_header(template: &str, start: usize) -> usize {
    let before = template[..start].trim_end_matches([' ', '\n', '\r']);
    let header = before.len() - before.trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit()).len();
    let indicator = before.len() - header;
    match before[..indicator].chars().last() {
        Some('|' | '>') if template[indicator..start].contains('\n') => indicator - 1,
        _ => start,
    }
}

/// The edited definition as the template writes definitions: YAML text as it is in a YAML
/// template (JSON is YAML too), JSON as it is in a JSON template, YAML turned into JSON there.
fn definition_in(format: Format, definition: &str) -> Result<String, String> {
    let is_json = yaml::looks_like_json(definition);
    match (format, is_json) {
        (Format::Yaml, false) | (Format::Json, true) => Ok(definition.trim_end_matches('\n').to_string()),
        // A YAML template's definition stays YAML, though the editor showed it as JSON.
        (Format::Yaml, true) => {
            let value: serde_json::Value =
                serde_json::from_str(definition).map_err(|e| format!("the definition's JSON has mistakes: {e}"))?;
            Ok(yaml::to_yaml(&value).trim_end_matches('\n').to_string())
        }
        (Format::Json, false) => {
            let parsed = yaml::parse(definition);
            let value =
                parsed.value.filter(|_| parsed.errors.is_empty()).ok_or("the definition's YAML has mistakes")?;
            serde_json::to_string_pretty(&value).map_err(|e| e.to_string())
        }
    }
}

/// The text with the indentation all its lines share taken off (a template's `Definition`
/// block, as an editor shows it), and how much that was.
pub fn dedent(text: &str) -> (String, usize) {
    let shared = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> =
        text.lines().map(|l| if l.len() >= shared { &l[shared..] } else { l.trim_start() }).collect();
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    (out, shared)
}

/// How many spaces the first line of `text` starts with.
fn indentation(text: &str) -> usize {
    text.len() - text.trim_start_matches(' ').len()
}

/// Every line with something on it indented by `n` spaces.
pub fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines()
        .map(|l| if l.trim().is_empty() { String::new() } else { format!("{pad}{l}") })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Lines after the first without the `n` spaces they start with (the column a JSON object
/// starts at in its template), as [`indent_after_first`] puts them back.
pub fn outdent_after_first(text: &str, n: usize) -> String {
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or_default().to_string();
    std::iter::once(first)
        .chain(lines.map(|l| {
            let spaces = l.len() - l.trim_start_matches(' ').len();
            l[spaces.min(n)..].to_string()
        }))
        .collect::<Vec<_>>()
        .join("\n")
}

fn indent_after_first(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().to_string();
    std::iter::once(first)
        .chain(lines.map(|l| if l.trim().is_empty() { String::new() } else { format!("{pad}{l}") }))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The replaced text ends as the original did (a block ends with its line's end).
fn keep_line_end(original: &str, replacement: &mut String) {
    let ends = original.len() - original.trim_end_matches(['\n', ' ']).len();
    let tail = &original[original.len() - ends..];
    let trimmed = replacement.trim_end_matches(['\n', ' ']).len();
    replacement.truncate(trimmed);
    replacement.push_str(tail);
}

/// A string as a YAML literal block (`|`, `|-` or `|+` as its ending asks) with its lines
/// indented by `indentation`; `None` when a block cannot hold it as it is (a first line that
/// starts with a space, tabs, carriage returns or other control characters).
fn yaml_block(text: &str, indentation: usize) -> Option<String> {
    if text.starts_with(' ') || text.chars().any(|c| c.is_control() && c != '\n') || text.trim().is_empty() {
        return None;
    }
    let chomp = if text.ends_with("\n\n") {
        "+"
    } else if text.ends_with('\n') {
        ""
    } else {
        "-"
    };
    let body = text.strip_suffix('\n').unwrap_or(text);
    Some(format!("|{chomp}\n{}\n", indent(body, indentation)))
}

/// A string as a JSON string, which a YAML template reads as a double-quoted scalar.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// An `Fn::Join`'s arguments again from the edited text: each placeholder that named one of
/// the join's intrinsics is that intrinsic again, the rest is literal text.
fn join(text: &str, original_parts: &[Value]) -> String {
    let intrinsics: Vec<(String, &Value)> = original_parts.iter().filter_map(|p| Some((part_name(p)?, p))).collect();
    let mut parts: Vec<Value> = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        literal.push_str(&rest[..start]);
        if let Some(escaped) = after.strip_prefix('!') {
            literal.push_str("${");
            rest = escaped;
            continue;
        }
        let end = after.find('}');
        match end.and_then(|e| intrinsics.iter().find(|(n, _)| *n == after[..e]).map(|(_, v)| (e, v))) {
            Some((e, intrinsic)) => {
                if !literal.is_empty() {
                    parts.push(Value::String(std::mem::take(&mut literal)));
                }
                parts.push((*intrinsic).clone());
                rest = &after[e + 1..];
            }
            None => {
                literal.push_str("${");
                rest = after;
            }
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        parts.push(Value::String(literal));
    }
    serde_json::to_string(&Value::Array(vec![Value::String(String::new()), Value::Array(parts)])).unwrap_or_default()
}
