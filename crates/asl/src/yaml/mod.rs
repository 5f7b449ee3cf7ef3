//! YAML text to the same value and spans as JSON text gives (`crate::json::ParsedJson`), for
//! definitions written in YAML and for SAM and CloudFormation templates.
//!
//! - Plain scalars follow YAML 1.2's core schema (`true`, `null`, `~`, `12`, `0x1F`, `1.5e3`);
//!   quoted and block scalars are strings. `!!str`, `!!int`, `!!float`, `!!bool` and `!!null`
//!   are honoured.
//! - CloudFormation's short intrinsic tags become the long form a JSON template writes:
//!   `!Ref X` is `{"Ref": "X"}`, `!Condition X` is `{"Condition": "X"}`, `!GetAtt A.B` is
//!   `{"Fn::GetAtt": ["A", "B"]}`, and any other `!Name v` is `{"Fn::Name": v}` (`!Sub`,
//!   `!Join`, `!If`, `!Select`, `!FindInMap`, ...). The tagged node's spans are recorded under
//!   both the node's pointer and the long form's (`.../DefinitionString/Fn::Sub`).
//! - Anchors and aliases are expanded, within a budget of values: an alias bomb is an error,
//!   not an exhausted memory. Nesting deeper than 512 levels is an error too.
//! - Keys must be scalars; a repeated key is listed in `duplicate_keys` (the value keeps the
//!   last, as in JSON). A second document in the stream is an error.
//! - A flow collection's lines indented less than the block around them are read as
//!   CloudFormation reads them (`lenient.rs`), though the specification forbids them.
//! - Spans are byte offsets into the text, like the JSON parser's, so the editor and the
//!   command place YAML diagnostics the same way.
//!
//! The way back, a value as YAML text (for the page's switch between JSON and YAML), is
//! [`to_yaml`] (`write.rs`).

mod builder;
mod lenient;
mod positions;
mod scalars;
mod tags;
#[cfg(test)]
mod tests;
mod write;

use crate::json::ParsedJson;

pub use write::to_yaml;

/// How many values aliases may expand to in one document, all aliases together: far above
/// any real template, far below what exhausts a browser tab.
pub const ALIAS_EXPANSION_LIMIT: usize = 250_000;

/// Parses YAML text. Never panics, whatever the text.
pub fn parse(text: &str) -> ParsedJson {
    let parsed = builder::build(text);
    if parsed.errors.first().is_some_and(|e| e.message == lenient::UNDER_INDENTED) {
        return lenient::reread(text, parsed);
    }
    parsed
}

/// Whether `text` reads as JSON rather than YAML: its first significant character opens a
/// JSON object or array. (JSON is YAML too, but the JSON parser's messages are better.)
pub fn looks_like_json(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{FEFF}');
    loop {
        rest = rest.trim_start();
        if let Some(comment) = rest.strip_prefix('#') {
            rest = comment.split_once('\n').map_or("", |(_, after)| after);
            continue;
        }
        return rest.starts_with('{') || rest.starts_with('[');
    }
}
