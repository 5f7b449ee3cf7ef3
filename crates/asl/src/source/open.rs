//! One state machine of a text, opened as the command and the page open it: found
//! ([`extract`]: its definition's text and the setting its placeholders get values from),
//! then read, valued and loaded ([`open_definition`]).

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
    /// where that text starts in the text opened (`None` when it is not a part of it: a file
    /// of its own, or a `DefinitionString`).
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

/// Where a definition sits, which is where its placeholders get their values: alone, or in
/// a template's state machine.
#[derive(Clone, Debug, Default)]
pub struct Setting {
    pub template: Option<Value>,
    pub machine: Option<StateMachineResource>,
    /// An `Fn::Sub`'s own variables (a `DefinitionString` written with them).
    pub variables: Option<Map<String, Value>>,
    /// How `${...}` reads in the definition's strings.
    pub mode: Mode,
}

/// A template's state machine's definition, found.
#[derive(Clone, Debug)]
pub struct Extracted {
    pub logical_id: String,
    /// The definition's text, and where it starts in the template (see [`Opened::text`]).
    pub text: String,
    pub offset: Option<usize>,
    /// For a JSON object or a flow mapping (which starts after its key): the indentation of
    /// the line it starts on, which its other lines are indented from. 0 for a block (taken
    /// from its line's start).
    pub column: usize,
    pub setting: Setting,
}

impl Extracted {
    /// The definition's text as an editor shows it: a template's block without the
    /// indentation its lines share, an object's lines without the column it starts at.
    pub fn shown(&self) -> String {
        match (self.offset, self.column) {
            (None, _) => self.text.clone(),
            (Some(offset), 0) if !self.text.starts_with(['{', '[']) || offset == 0 => {
                super::export::dedent(&self.text).0
            }
            (Some(_), column) => super::export::outdent_after_first(&self.text, column),
        }
    }
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
    if document.kind != Kind::Template {
        return Ok(load(text.to_string(), Some(0), document, &Setting::default(), given));
    }
    let found = extract_from(text, &document, choice, read_file)?;
    let document = reread(&found.text);
    let mut opened = load(found.text, found.offset, document, &found.setting, given);
    opened.logical_id = Some(found.logical_id);
    Ok(opened)
}

/// Reads, values and loads a definition's text in its setting.
pub fn open_definition(text: &str, setting: &Setting, given: &Substitutions) -> Opened {
    load(text.to_string(), None, reread(text), setting, given)
}

/// Finds the state machine `choice` of the template `text` (the only one when `None`).
pub fn extract(
    text: &str,
    choice: Option<&str>,
    read_file: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Extracted, String> {
    let document = read(text);
    if document.kind != Kind::Template {
        return Err("this is not a SAM or CloudFormation template".into());
    }
    extract_from(text, &document, choice, read_file)
}

/// The setting of the template `text`'s state machine `choice`, for a definition text held
/// apart from the template (the page keeps the definition in its editor): where it is in the
/// template is not needed, so a `DefinitionUri` file is not read.
pub fn setting_for(text: &str, choice: &str) -> Result<Setting, String> {
    extract(text, Some(choice), &|_| Ok(String::new())).map(|found| found.setting)
}

fn extract_from(
    text: &str,
    document: &Document,
    choice: Option<&str>,
    read_file: &dyn Fn(&str) -> Result<String, String>,
) -> Result<Extracted, String> {
    let template = document.parsed.value.as_ref().ok_or("the template cannot be read")?;
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
    let mut setting = Setting {
        template: Some(template.clone()),
        machine: Some(machine.clone()),
        variables: None,
        mode: Mode::Plain,
    };
    let mut column = 0;
    let (part, offset) = match &machine.definition {
        DefinitionSource::Object { pointer } => {
            let (start, end) = node_lines(text, &document.parsed.spans, pointer)?;
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            if line_start != start {
                let line = &text[line_start..start];
                column = line.len() - line.trim_start_matches(' ').len();
            }
            (text[start..end].to_string(), Some(start))
        }
        DefinitionSource::String { pointer, form } => {
            let node = template.pointer(pointer).unwrap_or(&Value::Null);
            let part = definition_string_text(node).map_err(|why| format!("{id}: {why}"))?;
            if *form == StringForm::SubWithVariables {
                setting.variables = node.pointer("/Fn::Sub/1").and_then(Value::as_object).cloned();
            }
            if *form != StringForm::Plain {
                setting.mode = Mode::Sub;
            }
            (part, None)
        }
        DefinitionSource::File { path } => {
            let part = read_file(path).map_err(|why| format!("{id}: DefinitionUri {path} cannot be read: {why}"))?;
            (part, None)
        }
        DefinitionSource::S3 { location } => {
            return Err(format!(
                "{id}: the definition is in S3 ({location}), which the playground does not reach: download it beside the template and name it in DefinitionUri"
            ));
        }
        DefinitionSource::Missing { why } => return Err(format!("{id}: {why}")),
    };
    Ok(Extracted { logical_id: id.clone(), text: part, offset, column, setting })
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

fn load(
    text: String,
    offset: Option<usize>,
    mut document: Document,
    setting: &Setting,
    given: &Substitutions,
) -> Opened {
    let (template, machine, variables, mode) =
        (setting.template.as_ref(), setting.machine.as_ref(), setting.variables.as_ref(), setting.mode);
    // A DefinitionString whose text is JSON only once substituted (`"Max": ${Limit}`) is
    // substituted as text, as CloudFormation does, then read.
    let as_text = mode == Mode::Sub && !document.parsed.errors.is_empty();
    let mut found = match (&document.parsed.value, as_text) {
        (Some(value), false) => placeholders(template, machine, variables, value, mode),
        _ => placeholders(template, machine, variables, &Value::String(text.clone()), mode),
    };
    for placeholder in &mut found {
        placeholder.given = given.get(&placeholder.name).cloned();
    }
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
pub(super) fn node_lines(text: &str, spans: &SpanIndex, pointer: &str) -> Result<(usize, usize), String> {
    let spans = spans.get(pointer).ok_or("the definition's position is not known")?;
    let (start, end) = (spans.value.start, spans.value.end.min(text.len()));
    // (A block mapping's span may start before its first key, at the line's end before it.)
    let start = (start + text[start..end].len() - text[start..end].trim_start().len()).min(end);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let start = if text[line_start..start].chars().all(|c| c == ' ') { line_start } else { start };
    // A block's span runs to the next token: blank lines and comments after its last line
    // (often the next resource's) are left to the template.
    let mut end = end;
    while let Some(last_line) = text[start..end].trim_end_matches('\n').rsplit('\n').next() {
        let body = text[start..end].trim_end_matches('\n');
        let trimmed = last_line.trim();
        if body.len() == last_line.len() || !(trimmed.is_empty() || trimmed.starts_with('#')) {
            end = start + body.len() + usize::from(text[start + body.len()..].starts_with('\n'));
            break;
        }
        end = start + body.len() - last_line.len();
    }
    Ok((start, end))
}
