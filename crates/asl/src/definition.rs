//! The front door: definition text to a checked state machine and its diagnostics.

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Diagnostics, code};
use crate::json::{self, SpanIndex};
use crate::model::{self, StateMachine};
use crate::validate;

/// A definition as loaded: the model (when the text holds one) and everything found wrong.
#[derive(Debug)]
pub struct Definition {
    pub machine: Option<StateMachine>,
    pub diagnostics: Vec<Diagnostic>,
    pub spans: SpanIndex,
}

impl Definition {
    /// No definition at all: no machine, nothing found.
    pub fn empty() -> Definition {
        Definition { machine: None, diagnostics: Vec::new(), spans: SpanIndex::default() }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The state machine, when it can run (no ERROR diagnostics).
    pub fn runnable(&self) -> Option<&StateMachine> {
        if self.has_errors() { None } else { self.machine.as_ref() }
    }
}

/// Parses, builds and validates definition text. Never panics, whatever the text.
pub fn load(text: &str) -> Definition {
    load_parsed(text, json::parse(text))
}

/// [`load`] for a definition written in YAML: diagnostics at YAML positions.
pub fn load_yaml(text: &str) -> Definition {
    load_parsed(text, crate::yaml::parse(text))
}

/// Builds and validates a parsed text (its value possibly changed since, spans kept).
pub fn load_parsed(text: &str, parsed: json::ParsedJson) -> Definition {
    let mut d = Diagnostics::new(&parsed.spans);
    let empty = text.trim().is_empty();
    if empty {
        d.error(code::MISSING_DESCRIPTION, "", "The definition is empty");
    }
    for e in parsed.errors.iter().filter(|_| !empty) {
        d.list.push(Diagnostic {
            severity: crate::diagnostics::Severity::Error,
            code: code::INVALID_JSON_DESCRIPTION,
            message: e.message.clone(),
            location: String::new(),
            span: e.span,
        });
    }
    for dup in &parsed.duplicate_keys {
        let states_object =
            dup.object == "/States" || dup.object.ends_with("/States") && !dup.object.ends_with("/States/States");
        let location = format!("{}/{}", dup.object, json::escape_pointer_segment(&dup.key));
        let (code, message) = if states_object {
            (code::DUPLICATE_STATE_NAME, format!("The state name '{}' appears more than once", dup.key))
        } else {
            (code::SCHEMA_VALIDATION_FAILED, format!("The key '{}' appears more than once in the same object", dup.key))
        };
        d.list.push(Diagnostic {
            severity: crate::diagnostics::Severity::Error,
            code,
            message,
            location,
            span: dup.span,
        });
    }
    let machine = parsed.value.as_ref().and_then(|v| build_and_validate(v, &mut d));
    let diagnostics = d.list;
    Definition { machine, diagnostics, spans: parsed.spans }
}

/// Builds and validates an already parsed definition (no spans: diagnostics carry locations
/// only).
pub fn load_value(value: &Value) -> Definition {
    let spans = SpanIndex::default();
    let mut d = Diagnostics::new(&spans);
    let machine = build_and_validate(value, &mut d);
    let diagnostics = d.list;
    Definition { machine, diagnostics, spans }
}

fn build_and_validate(value: &Value, d: &mut Diagnostics) -> Option<StateMachine> {
    let machine = model::build(value, d)?;
    validate::validate(&machine, d);
    Some(machine)
}
