//! What a person brings: a definition written in JSON or YAML, or a SAM or CloudFormation
//! template (JSON or YAML, CDK's `*.template.json` included) that holds state machines.
//!
//! - [`read`] tells which it is and parses it (YAML's short intrinsic tags in their long form).
//! - [`template::state_machines`] lists a template's state machines and where each definition
//!   is: `Definition` (an object), `DefinitionString` (a string, `Fn::Sub` in both forms,
//!   `Fn::Join`), `DefinitionUri` (a local file, or S3), `DefinitionS3Location`.
//! - [`placeholders`] lists the `${...}` placeholders and the `Ref` / `Fn::GetAtt` a definition
//!   uses, each prefilled from `DefinitionSubstitutions`, the template's parameters, AWS's
//!   pseudo parameters or a plausible value made from the resource's logical id and type
//!   ([`plausible`]).
//! - [`resolve`] puts the values into the definition, as CloudFormation and Step Functions
//!   would, so that validation, the graph and runs see the deployed definition.
//! - [`open`] does all of it for one state machine of a text, as the command does.
//! - [`export::replace_definition`] writes an edited definition back into its template.

mod definition_string;
pub mod export;
mod open;
pub mod placeholders;
pub mod plausible;
pub mod resolve;
pub mod template;
#[cfg(test)]
mod tests;

pub use definition_string::definition_string_text;
pub use open::{Extracted, Opened, Setting, extract, open, open_definition, setting_for};
pub use placeholders::{Placeholder, Substitutions, placeholders};

use serde_json::Value;

use crate::json::{self, ParsedJson};
use crate::yaml;

/// How the text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
}

/// What the text holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A state machine's definition (or text that holds nothing better).
    Definition,
    /// A SAM or CloudFormation template.
    Template,
}

/// A text, read.
#[derive(Debug)]
pub struct Document {
    pub format: Format,
    pub kind: Kind,
    pub parsed: ParsedJson,
}

/// Reads a text as JSON when it starts like JSON, as YAML otherwise, and tells a template from
/// a definition. Never panics, whatever the text.
pub fn read(text: &str) -> Document {
    let format = if yaml::looks_like_json(text) { Format::Json } else { Format::Yaml };
    let parsed = match format {
        Format::Json => json::parse(text),
        Format::Yaml => yaml::parse(text),
    };
    let kind = if parsed.value.as_ref().is_some_and(is_template) { Kind::Template } else { Kind::Definition };
    Document { format, kind, parsed }
}

/// Whether a text may be a template, at a glance (without reading it): it names one of the
/// keys [`is_template`] looks for. A host that reads JSON definitions itself asks this before
/// handing a text to [`read`].
pub fn may_be_template(text: &str) -> bool {
    ["\"Resources\"", "\"AWSTemplateFormatVersion\"", "\"Transform\""].iter().any(|key| text.contains(key))
}

/// A template has `Resources`, or names its format version or a transform; a definition has
/// `States`.
pub fn is_template(value: &Value) -> bool {
    let Some(object) = value.as_object() else { return false };
    if object.contains_key("States") && object.contains_key("StartAt") {
        return false;
    }
    object.get("Resources").is_some_and(Value::is_object)
        || object.contains_key("AWSTemplateFormatVersion")
        || object.contains_key("Transform")
}
