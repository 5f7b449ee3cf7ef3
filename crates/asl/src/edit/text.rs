//! A change to a text: a byte range and what replaces it.

use crate::span::Span;

/// Replaces `span` of the original text with `text` (an insertion when `span` is empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub text: String,
}

impl TextEdit {
    pub fn replace(span: Span, text: impl Into<String>) -> Self {
        TextEdit { span, text: text.into() }
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        TextEdit { span: Span::new(at, at), text: text.into() }
    }
}

/// `text` with `edits` made, each against the original's positions. Edits must not overlap;
/// insertions at the same place keep their order.
pub fn apply(text: &str, edits: &[TextEdit]) -> String {
    let mut order: Vec<&TextEdit> = edits.iter().collect();
    order.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut at = 0;
    for edit in order {
        debug_assert!(edit.span.start >= at, "overlapping edits");
        out.push_str(&text[at..edit.span.start.max(at)]);
        out.push_str(&edit.text);
        at = at.max(edit.span.end);
    }
    out.push_str(&text[at..]);
    out
}

/// The smallest single edit that turns `before` into `after` (their common start and end
/// kept), or `None` when they are equal: what an editor needs to apply a change as one step.
pub fn difference(before: &str, after: &str) -> Option<TextEdit> {
    if before == after {
        return None;
    }
    let prefix = common_prefix(before, after);
    let suffix = common_suffix(&before[prefix..], &after[prefix..]);
    Some(TextEdit::replace(Span::new(prefix, before.len() - suffix), &after[prefix..after.len() - suffix]))
}

/// Bytes `a` and `b` share at their start, ending on a character boundary of both.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(n) || !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Bytes `a` and `b` share at their end, starting on a character boundary of both.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().rev().zip(b.bytes().rev()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(a.len() - n) || !b.is_char_boundary(b.len() - n) {
        n -= 1;
    }
    n
}
