//! Diagnostics about a definition, in the vocabulary of AWS's ValidateStateMachineDefinition:
//! a severity, a code, a message, a location (`/States/<State>/<Field>`) and the span in the
//! text it came from.

use serde::Serialize;

use crate::json::SpanIndex;
use crate::span::{LineCol, LineIndex, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "ERROR",
            Severity::Warning => "WARNING",
        }
    }
}

/// Diagnostic codes. The first group is AWS's own; the rest name rules AWS enforces under a
/// broader code, kept apart so a person can tell them apart.
pub mod code {
    pub const INVALID_JSON_DESCRIPTION: &str = "INVALID_JSON_DESCRIPTION";
    pub const MISSING_DESCRIPTION: &str = "MISSING_DESCRIPTION";
    pub const SCHEMA_VALIDATION_FAILED: &str = "SCHEMA_VALIDATION_FAILED";
    pub const INVALID_RESOURCE: &str = "INVALID_RESOURCE";
    pub const MISSING_END_STATE: &str = "MISSING_END_STATE";
    pub const DUPLICATE_STATE_NAME: &str = "DUPLICATE_STATE_NAME";
    pub const INVALID_STATE_NAME: &str = "INVALID_STATE_NAME";
    pub const DUPLICATE_LABEL_NAME: &str = "DUPLICATE_LABEL_NAME";
    pub const INVALID_LABEL_NAME: &str = "INVALID_LABEL_NAME";
    pub const MISSING_TRANSITION_TARGET: &str = "MISSING_TRANSITION_TARGET";
    pub const TOO_DEEPLY_NESTED: &str = "TOO_DEEPLY_NESTED";
    pub const NO_DOLLAR: &str = "NO_DOLLAR";
    pub const NO_PATH: &str = "NO_PATH";
    pub const PASS_RESULT_IS_STATIC: &str = "PASS_RESULT_IS_STATIC";
    pub const UNREACHABLE_STATE: &str = "UNREACHABLE_STATE";
    pub const SUBSTITUTION_PLACEHOLDER: &str = "SUBSTITUTION_PLACEHOLDER";
}

/// One finding about a definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    /// AWS's location form: a JSON pointer such as `/States/Pay/Next` ("" for the whole
    /// definition).
    pub location: String,
    pub span: Span,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Where the diagnostic starts, as a line and column of `text`.
    pub fn position(&self, index: &LineIndex) -> LineCol {
        index.line_col(self.span.start)
    }
}

/// Collects diagnostics, turning locations into spans as they come in.
pub struct Diagnostics<'a> {
    spans: &'a SpanIndex,
    pub list: Vec<Diagnostic>,
}

impl<'a> Diagnostics<'a> {
    pub fn new(spans: &'a SpanIndex) -> Self {
        Diagnostics { spans, list: Vec::new() }
    }

    pub fn error(&mut self, code: &'static str, location: &str, message: impl Into<String>) {
        self.push(Severity::Error, code, location, message.into());
    }

    pub fn warning(&mut self, code: &'static str, location: &str, message: impl Into<String>) {
        self.push(Severity::Warning, code, location, message.into());
    }

    fn push(&mut self, severity: Severity, code: &'static str, location: &str, message: String) {
        let span = self.spans.locate(location);
        self.list.push(Diagnostic { severity, code, message, location: location.to_string(), span });
    }

    /// The span of the value (rather than the key) at `location`, for diagnostics about a
    /// value's content.
    pub fn error_at_value(&mut self, code: &'static str, location: &str, message: impl Into<String>) {
        let span = self.spans.get(location).map(|n| n.value).unwrap_or_else(|| self.spans.locate(location));
        self.list.push(Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: location.to_string(),
            span,
        });
    }
}
