//! Definitions written in YAML, with `${...}` placeholders, or taken from a SAM or
//! CloudFormation template. The engine's reader of these (`asl::yaml`, `asl::source`) is split
//! off the page's first download (scripts/build-wasm.mjs cuts the wasm at [`split::prepare`]):
//! a JSON definition with no placeholder and no template never needs it. When one does, the
//! store asks for it ([`Prepared`]) and the analysis waits for the answer, keeping what it
//! showed meanwhile.

mod read;
pub mod split;

use std::collections::BTreeMap;

use asl::source::{Format, Placeholder};

use crate::store::{TemplateSource, Workspace};

/// What the reader is asked: the definition's text, its template, the values given.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub text: String,
    pub source: Option<TemplateSource>,
    pub substitutions: BTreeMap<String, String>,
}

impl Key {
    pub fn of(w: &Workspace) -> Key {
        Key { text: w.definition.clone(), source: w.source.clone(), substitutions: w.substitutions.clone() }
    }
}

/// What the reader made of a definition's text.
#[derive(Debug)]
pub struct Prepared {
    pub key: Key,
    pub format: Format,
    /// The definition with its values put in, loaded: diagnostics at positions in the text
    /// (none when the text is a template).
    pub definition: Option<asl::Definition>,
    /// The definition's value with its values put in (none when it does not read).
    pub value: Option<std::sync::Arc<serde_json::Value>>,
    pub placeholders: Vec<Placeholder>,
    /// When the text is a template rather than a definition: its state machines.
    pub offer: Option<Vec<Offered>>,
    /// Why the workspace's template gives no values (it cannot be read any more).
    pub template_problem: Option<String>,
}

/// A state machine a template offers.
#[derive(Clone, Debug, PartialEq)]
pub struct Offered {
    pub logical_id: String,
    /// Where its definition is, for people (`Definition`, `DefinitionUri x.asl.json`...).
    pub definition: String,
    /// A `DefinitionUri` file the page must ask for.
    pub needs_file: Option<String>,
    /// Why it cannot be opened (its definition is in S3...).
    pub refused: Option<String>,
}

/// Whether the workspace's definition needs the reader: a template behind it, text that is
/// not JSON, placeholders, or JSON that may be a template (CDK's have no placeholder).
pub fn needs_reader(w: &Workspace) -> bool {
    let text = w.definition.trim();
    w.source.is_some()
        || (!text.is_empty() && !asl::yaml::looks_like_json(text))
        || text.contains("${")
        || asl::source::may_be_template(text)
}
