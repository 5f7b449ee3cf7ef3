//! CloudFormation reads templates whose flow collections (`{...}`, `[...]`) run onto lines
//! indented less than the block around them, though YAML's specification forbids it, and
//! AWS's own samples have them. Such a text is read again with each such line indented
//! further until it is read, which changes nothing in a flow collection's meaning, and the
//! spans are moved back onto the text as written.

use crate::json::ParsedJson;
use crate::span::Span;

use super::builder;

/// The error the strict reading gives for such a line.
pub const UNDER_INDENTED: &str = "invalid indentation";

/// How many times two spaces are added before the text's own error is reported instead.
const MAX_STEPS: usize = 400;

/// Reads `text`, re-indenting the lines the strict reading refused (see the module). `strict`
/// is the strict reading's result, returned when re-indenting does not help.
pub fn reread(text: &str, strict: ParsedJson) -> ParsedJson {
    let mut padded = text.to_string();
    // Spaces inserted: (where, in the padded text as it was then; how many).
    let mut inserted: Vec<(usize, usize)> = Vec::new();
    for _ in 0..MAX_STEPS {
        let Some(at) = under_indented(&builder::build(&padded)) else { break };
        let line_start = padded[..at.min(padded.len())].rfind('\n').map_or(0, |i| i + 1);
        if line_start == 0 {
            return strict;
        }
        // Two more spaces at a time, until the line is read (a line refused again gets more).
        padded.insert_str(line_start, "  ");
        inserted.push((line_start, 2));
    }
    let mut parsed = builder::build(&padded);
    if under_indented(&parsed).is_some() {
        return strict;
    }
    let back = |span: Span| Span::new(original(span.start, &inserted), original(span.end, &inserted));
    parsed.spans.map_spans(back);
    for e in &mut parsed.errors {
        e.span = back(e.span);
    }
    for d in &mut parsed.duplicate_keys {
        d.span = back(d.span);
    }
    parsed
}

/// Where the first error is, when it is an under-indented line.
fn under_indented(parsed: &ParsedJson) -> Option<usize> {
    parsed.errors.first().filter(|e| e.message == UNDER_INDENTED).map(|e| e.span.start)
}

/// A position in the padded text, in the text as written.
fn original(mut position: usize, inserted: &[(usize, usize)]) -> usize {
    for &(at, count) in inserted.iter().rev() {
        if position >= at + count {
            position -= count;
        } else if position >= at {
            position = at;
        }
    }
    position
}
