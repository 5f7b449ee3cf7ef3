//! One state machine of a text, opened as the command opens it: found, read, its placeholders
//! valued, and loaded.

use serde_json::{Map, Value};

use super::placeholders::{Placeholder, Substitutions, placeholders, values};
use super::resolve::{self, Mode};
use super::template::{DefinitionSource, StateMachineResource, StringForm, state_machines};
use super::{Document, Format, Kind, definition_string_text, read};
use crate::definition::{Definition, load_parsed};
use crate::json::{self, SpanIndex};
use crate::yaml;

/// A state machine, opened.
#[derive(Debug)]
pub struct Opened {
    /// The template's logical id of it (none for a bare definition).
    pub logical_id: Option<String>,
    /// Its definition's text as written (a template's `Definition` as the lines it spans) and
    /// where that text starts in the text opened (0 when it is a file of its own).
    pub text: String,
    pub offset: Option<usize>,
    pub format: Format,
    pub placeholders: Vec<Placeholder>,
    /// The definition's value with every value put in (none when the text holds none).
    pub value: Option<Value>,
    /// The definition with every value put in, loaded: diagnostics at positions in `text`
    /// (in the substituted text, for a DefinitionString that is JSON only once substituted).
    pub definition: Definition,
}

/// Opens `text`: a definition, or the state machine `choice` of a template (the only one
/// when `choice` is `None`). `read_file` reads a `DefinitionUri` file beside the template;
/// `given` overrides the placeholders' values. The error says what is wrong, for people.
pub fn open(
    text: &str,
    choice: Option<&str>,
    given: &Substitutions,
    read_file: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Opened, String> {
    let document = read(text);
    match (&document.kind, &document.parsed.value) {
        (Kind::Template, Some(template)) => {
            open_template(text, &document.parsed.spans, template, choice, given, read_file)
        }
        _ => Ok(definition(text.to_string(), Some(0), document, None, None, None, Mode::Plain, given)),
    }
}

fn open_template(
    text: &str,
    spans: &SpanIndex,
    template: &Value,
    choice: Option<&str>,
    given: &Substitutions,
    read_file: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Opened, String> {
    let machines = state_machines(template);
    let ids = || machines.iter().map(|m| m.logical_id.as_str()).collect::<Vec<_>>().join(", ");
    let machine = match (choice, machines.as_slice()) {
        (_, []) => {
            return Err("the template defines no state machine (no resource of type AWS::Serverless::StateMachine or AWS::StepFunctions::StateMachine)".into());
        }
        (None, [only]) => only,
        (None, _) => {
            return Err(format!("the template defines {} state machines ({}): choose one", machines.len(), ids()));
        }
        (Some(id), _) => machines
            .iter()
            .find(|m| m.logical_id == id)
            .ok_or_else(|| format!("the template has no state machine {id} (it has {})", ids()))?,
    };
    let id = &machine.logical_id;
    match &machine.definition {
        DefinitionSource::Object { pointer } => {
            let (start, end) = node_lines(text, spans, pointer)?;
            let part = text[start..end].to_string();
            let document = reread(&part);
            Ok(definition(part, Some(start), document, Some(template), Some(machine), None, Mode::Plain, given))
        }
        DefinitionSource::String { pointer, form } => {
            let node = template.pointer(pointer).unwrap_or(&Value::Null);
            let part = definition_string_text(node).map_err(|why| format!("{id}: {why}"))?;
            let variables = match form {
                StringForm::SubWithVariables => node.pointer("/Fn::Sub/1").and_then(Value::as_object),
                _ => None,
            };
            let mode = if *form == StringForm::Plain { Mode::Plain } else { Mode::Sub };
            let document = reread(&part);
            Ok(definition(part, None, document, Some(template), Some(machine), variables, mode, given))
        }
        DefinitionSource::File { path } => {
            let part = read_file(path).map_err(|why| format!("{id}: DefinitionUri {path} cannot be read: {why}"))?;
            let document = reread(&part);
            Ok(definition(part, None, document, Some(template), Some(machine), None, Mode::Plain, given))
        }
        DefinitionSource::S3 { location } => Err(format!(
            "{id}: the definition is in S3 ({location}), which the playground does not reach: download it beside the template and name it in DefinitionUri"
        )),
        DefinitionSource::Missing { why } => Err(format!("{id}: {why}")),
    }
    .map(|mut opened| {
        opened.logical_id = Some(id.clone());
        opened
    })
}

/// A definition's own text, read as what it is written in.
fn reread(text: &str) -> Document {
    let format = if yaml::looks_like_json(text) { Format::Json } else { Format::Yaml };
    let parsed = match format {
        Format::Json => json::parse(text),
        Format::Yaml => yaml::parse(text),
    };
    Document { format, kind: Kind::Definition, parsed }
}

#[allow(clippy::too_many_arguments)]
fn definition(
    text: String,
    offset: Option<usize>,
    mut document: Document,
    template: Option<&Value>,
    machine: Option<&StateMachineResource>,
    variables: Option<&Map<String, Value>>,
    mode: Mode,
    given: &Substitutions,
) -> Opened {
    // A DefinitionString whose text is JSON only once substituted (`"Max": ${Limit}`) is
    // substituted as text, as CloudFormation does, then read.
    let as_text = mode == Mode::Sub && !document.parsed.errors.is_empty();
    let found = match (&document.parsed.value, as_text) {
        (Some(value), false) => placeholders(template, machine, variables, value, mode),
        _ => placeholders(template, machine, variables, &Value::String(text.clone()), mode),
    };
    let values = values(&found, given);
    if as_text {
        let retry = json::parse(&resolve::substitute(&text, mode, &values, None));
        if retry.errors.is_empty() {
            document.parsed = retry;
        }
    }
    if let Some(value) = document.parsed.value.as_mut() {
        resolve::resolve(value, mode, &values, template);
    }
    let value = document.parsed.value.clone();
    let definition = load_parsed(&text, document.parsed);
    Opened { logical_id: None, text, offset, format: document.format, placeholders: found, value, definition }
}

/// The lines a template's node spans: from the start of its first line when only indentation
/// comes before it there (a block), else from the node itself (a flow collection, JSON), to
/// its end.
fn node_lines(text: &str, spans: &SpanIndex, pointer: &str) -> Result<(usize, usize), String> {
    let spans = spans.get(pointer).ok_or("the definition's position is not known")?;
    let (start, end) = (spans.value.start, spans.value.end.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let start = if text[line_start..start].chars().all(|c| c == ' ') { line_start } else { start };
    Ok((start, end))
}
