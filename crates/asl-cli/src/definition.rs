//! The definition a command works on: the FILE as given (a definition in JSON or YAML, or a
//! SAM or CloudFormation template), the state machine chosen in it (`--state-machine`), its
//! placeholders valued (`--subs FILE`, then each `--sub KEY=VALUE`), loaded by the engine.
//! Diagnostics are placed in the file that holds the definition: the template itself, the
//! file its `DefinitionUri` names, or the `DefinitionString`.

use std::path::Path;

use asl::source::{self, Placeholder, Substitutions};
use asl::span::{LineCol, LineIndex, Span};

use crate::args::Args;
use crate::files::read_text;

/// A definition, loaded from what the command was given.
pub struct Loaded {
    /// Where the definition's text is, for messages: the file, the DefinitionUri file, or
    /// `FILE (Id's DefinitionString)`.
    pub label: String,
    /// The text diagnostics are placed in, and where the definition starts in it.
    pub text: String,
    pub offset: usize,
    pub logical_id: Option<String>,
    pub placeholders: Vec<Placeholder>,
    pub definition: asl::Definition,
    /// The definition with every value put in, as it runs.
    pub value: Option<serde_json::Value>,
}

impl Loaded {
    /// Where a diagnostic is, in `text`.
    pub fn position(&self, span: Span) -> LineCol {
        LineIndex::new(&self.text).line_col(span.start + self.offset)
    }

    /// Each ERROR diagnostic as `FILE:LINE:COL: ERROR Code: message`, in the text's order.
    pub fn error_lines(&self) -> Vec<String> {
        let mut errors: Vec<_> = self.definition.diagnostics.iter().filter(|d| d.is_error()).collect();
        errors.sort_by_key(|d| d.span.start);
        errors
            .iter()
            .map(|d| {
                let at = self.position(d.span);
                format!("{}:{}:{}: ERROR {}: {}", self.label, at.line, at.column, d.code, d.message)
            })
            .collect()
    }

    /// The placeholders nothing gave a value, to say so.
    pub fn unvalued(&self) -> impl Iterator<Item = &Placeholder> {
        self.placeholders.iter().filter(|p| p.effective().is_none())
    }
}

/// Loads the definition in `text`, the content of `args.file`.
pub fn load(args: &Args, text: &str) -> Result<Loaded, String> {
    load_file(&args.file, text, args)
}

/// Loads the definition in `text`, the content of the file `file` (`args` choose and value).
pub fn load_file(file: &str, text: &str, args: &Args) -> Result<Loaded, String> {
    let text = text.to_string();
    let given = substitutions(args)?;
    let folder = Path::new(file).parent().map(Path::to_path_buf).unwrap_or_default();
    let reader_folder = folder.clone();
    let read_file =
        move |relative: &str| std::fs::read_to_string(reader_folder.join(relative)).map_err(|e| e.to_string());
    let opened = source::open(&text, args.value("state-machine"), &given, &read_file).map_err(|e| {
        let hint = if e.ends_with("choose one") { " with --state-machine ID" } else { "" };
        format!("{}: {e}{hint}", file)
    })?;
    // Only a template's state machine has a logical id: the text is not read again to tell.
    let is_template = opened.logical_id.is_some();
    let definition_file = match (&opened.logical_id, opened.offset) {
        (Some(id), None) if is_template => definition_uri(&text, id).map(|uri| folder.join(uri).display().to_string()),
        _ => None,
    };
    let (label, diagnostics_text, offset) = match (opened.offset, definition_file, &opened.logical_id) {
        (Some(offset), _, _) => (file.to_string(), text.clone(), offset),
        (None, Some(file), _) => (file, opened.text.clone(), 0),
        (None, None, Some(id)) => (format!("{} ({id}'s DefinitionString)", file), opened.text.clone(), 0),
        (None, None, None) => (file.to_string(), opened.text.clone(), 0),
    };
    if args.value("state-machine").is_some() && !is_template {
        return Err(format!(
            "{}: --state-machine chooses among a template's state machines, and this is a definition",
            file
        ));
    }
    Ok(Loaded {
        label,
        text: diagnostics_text,
        offset,
        logical_id: opened.logical_id,
        placeholders: opened.placeholders,
        value: opened.value,
        definition: opened.definition,
    })
}

/// `--subs FILE` (a JSON or YAML object of names to values), then each `--sub KEY=VALUE`.
fn substitutions(args: &Args) -> Result<Substitutions, String> {
    let mut given = Substitutions::new();
    if let Some(path) = args.value("subs") {
        let text = read_text(path, "substitutions file")?;
        let document = source::read(&text);
        let object = match (&document.parsed.value, document.parsed.errors.first()) {
            (Some(serde_json::Value::Object(object)), None) => object.clone(),
            (_, Some(e)) => return Err(format!("the substitutions file '{path}' cannot be read: {}", e.message)),
            _ => return Err(format!("the substitutions file '{path}' must hold an object of names to values")),
        };
        for (name, value) in object {
            let value = match value {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(_) | serde_json::Value::Bool(_) => value.to_string(),
                _ => return Err(format!("in '{path}', {name} must be a string, a number or a boolean")),
            };
            given.insert(name, value);
        }
    }
    for pair in args.values("sub") {
        let (name, value) = pair.split_once('=').ok_or_else(|| format!("--sub takes KEY=VALUE, not '{pair}'"))?;
        given.insert(name.to_string(), value.to_string());
    }
    Ok(given)
}

/// The DefinitionUri of a template's state machine.
fn definition_uri(template: &str, id: &str) -> Option<String> {
    let document = source::read(template);
    let machines = source::template::state_machines(document.parsed.value.as_ref()?);
    match &machines.into_iter().find(|m| m.logical_id == id)?.definition {
        source::template::DefinitionSource::File { path } => Some(path.clone()),
        _ => None,
    }
}
