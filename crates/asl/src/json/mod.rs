//! JSON text to a value plus the span of every node, tolerant of the mistakes people make by
//! hand (trailing commas, missing commas, unclosed brackets...), so that *every* syntax error
//! is reported with its position instead of only the first.
//!
//! CONTRACT (implemented in this module's files):
//!
//! ```ignore
//! pub fn parse(text: &str) -> ParsedJson;
//! ```
//!
//! - `ParsedJson.value` is the document's value. It is `Some` whenever recovery produced a value
//!   (a trailing comma is skipped, a missing comma is assumed, ...), `None` only when the text
//!   holds no value at all (empty, or hopelessly broken at the top).
//! - `ParsedJson.errors` lists every syntax error in text order, each with a message saying
//!   what was expected and found ("trailing comma before '}'", "missing ',' between object
//!   members", "unterminated string", ...) and the span where it was found. An empty list means
//!   the text is valid JSON (RFC 8259) and `value` equals what `serde_json::from_str` returns.
//! - `ParsedJson.spans` maps every node to its spans, keyed by RFC 6901 JSON pointer ("" for
//!   the root, "/States/A/Next", "/States/A/Retry/0/ErrorEquals/1"; `~` and `/` in keys escaped
//!   as `~0` and `~1`).
//! - `ParsedJson.duplicate_keys` lists every object member whose key repeats an earlier key of
//!   the same object (the value keeps the last occurrence, as serde_json does).
//! - Numbers become `serde_json::Number` exactly as serde_json parses them.
//! - Nesting deeper than 512 levels is an error, not a stack overflow.

mod containers;
mod cursor;
mod parser;
mod pointer_hash;
mod scalars;
mod span_index;
mod strings;
#[cfg(test)]
mod tests;

pub use parser::parse;
pub use span_index::SpanIndex;

use crate::span::Span;
use serde_json::Value;

/// The result of parsing: the value (if any), all syntax errors, and every node's spans.
#[derive(Debug, Default)]
pub struct ParsedJson {
    pub value: Option<Value>,
    pub errors: Vec<JsonSyntaxError>,
    pub spans: SpanIndex,
    pub duplicate_keys: Vec<DuplicateKey>,
}

/// One syntax error, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonSyntaxError {
    pub message: String,
    pub span: Span,
}

/// An object member whose key repeats an earlier key of the same object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    /// Pointer of the object that holds the member.
    pub object: String,
    pub key: String,
    /// Span of the repeated key (with its quotes).
    pub span: Span,
}

/// Where a node sits in the text: its key (for object members, quotes included) and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeSpans {
    pub key: Option<Span>,
    pub value: Span,
}

/// Escapes one key for use as a JSON pointer segment (RFC 6901).
pub fn escape_pointer_segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
