//! Tests of the tolerant JSON parser, with helpers shared by the groups below.

mod equivalence;
mod recovery;
mod robustness;
mod seed;
mod spans;
mod speed;

use super::{ParsedJson, parse};
use crate::span::LineIndex;

/// Each error as (line, column, message), for assertions people can read.
fn located_errors(text: &str) -> Vec<(usize, usize, String)> {
    let index = LineIndex::new(text);
    parse(text)
        .errors
        .into_iter()
        .map(|error| {
            let at = index.line_col(error.span.start);
            (at.line, at.column, error.message)
        })
        .collect()
}

/// Only the messages.
fn messages(text: &str) -> Vec<String> {
    parse(text).errors.into_iter().map(|e| e.message).collect()
}

/// The text an error's span covers.
fn spanned<'a>(text: &'a str, parsed: &ParsedJson, error: usize) -> &'a str {
    let span = parsed.errors[error].span;
    &text[span.start..span.end]
}
