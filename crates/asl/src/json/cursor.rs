//! The parser's view of the text: peeking, skipping whitespace and comments, naming what was
//! found at a position, and recording errors.

use super::parser::Parser;
use crate::span::Span;

/// Longest piece of found text quoted in a message; a pasted megabyte must not end up in one.
const SNIPPET_CHARS: usize = 40;

/// Bytes that make up bare words and numbers (`true`, `-1.5e3`, an unquoted key, a typo).
/// Non-ASCII bytes count so that a word never ends inside a multi-byte character.
pub(super) fn is_bare_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'+' | b'-') || b >= 0x80
}

pub(super) fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether a value (or something we recover as one) can start with this byte.
pub(super) fn starts_value(b: u8) -> bool {
    matches!(b, b'{' | b'[' | b'"' | b'\'') || is_bare_byte(b)
}

/// Whether an object member (or something we recover as one, like an unquoted key) can start
/// with this byte.
pub(super) fn starts_key(b: u8) -> bool {
    matches!(b, b'"' | b'\'') || is_bare_byte(b)
}

/// `text` in single quotes for a message, shortened when long.
pub(super) fn quote_snippet(text: &str) -> String {
    match text.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("'{}…'", &text[..cut]),
        None => format!("'{text}'"),
    }
}

impl Parser<'_> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn error(&mut self, start: usize, end: usize, message: String) {
        self.errors.push(super::JsonSyntaxError { message, span: Span::new(start, end) });
    }

    /// Skips whitespace; comments are skipped too (so parsing goes on) but reported, because
    /// AWS rejects them.
    pub(super) fn skip_trivia(&mut self) {
        loop {
            let rest = self.bytes.get(self.pos..).unwrap_or_default();
            self.pos += rest.iter().take_while(|&&b| is_whitespace(b)).count();
            match (self.peek(), self.bytes.get(self.pos + 1)) {
                (Some(b'/'), Some(b'/')) => self.skip_line_comment(),
                (Some(b'/'), Some(b'*')) => self.skip_block_comment(),
                _ => return,
            }
        }
    }

    fn skip_line_comment(&mut self) {
        let start = self.pos;
        let rest = self.bytes.get(start..).unwrap_or_default();
        self.pos = match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(n) => start + n,
            None => self.bytes.len(),
        };
        self.error(start, self.pos, "comments are not allowed in JSON".into());
    }

    fn skip_block_comment(&mut self) {
        let start = self.pos;
        let body = self.text.get(start + 2..).unwrap_or_default();
        match body.find("*/") {
            Some(n) => {
                self.pos = start + 2 + n + 2;
                self.error(start, self.pos, "comments are not allowed in JSON".into());
            }
            None => {
                self.pos = self.bytes.len();
                self.error(start, self.pos, "unterminated comment (and comments are not allowed in JSON)".into());
            }
        }
    }

    /// End of the lexical token starting at `at`: a whole quoted string (up to the end of its
    /// line if unterminated), a whole bare word, or else one character.
    pub(super) fn token_end(&self, at: usize) -> usize {
        let len = self.bytes.len();
        match self.bytes.get(at) {
            None => len,
            Some(&quote @ (b'"' | b'\'')) => {
                let mut i = at + 1;
                while let Some(&b) = self.bytes.get(i) {
                    match b {
                        // A backslash before a line break does not carry the string on.
                        b'\\' if matches!(self.bytes.get(i + 1), Some(b'\n' | b'\r')) => {
                            return i + 1;
                        }
                        b'\\' => i += 2,
                        b'\n' | b'\r' => return i,
                        _ if b == quote => return i + 1,
                        _ => i += 1,
                    }
                }
                len
            }
            Some(&b) if is_bare_byte(b) => self.bare_end(at),
            // Only ASCII bytes reach here (non-ASCII ones are bare), so one byte is one char.
            Some(_) => at + 1,
        }
    }

    /// End of the run of bare bytes starting at `at`.
    pub(super) fn bare_end(&self, at: usize) -> usize {
        let rest = self.bytes.get(at..).unwrap_or_default();
        at + rest.iter().position(|&b| !is_bare_byte(b)).unwrap_or(rest.len())
    }

    /// The token at the cursor, as a span and as words for a message ("end of input" at the end).
    pub(super) fn found_here(&self) -> (Span, String) {
        if self.pos >= self.bytes.len() {
            let end = self.bytes.len();
            return (Span::new(end, end), "end of input".into());
        }
        let end = self.token_end(self.pos);
        let found = self.text.get(self.pos..end).unwrap_or_default();
        (Span::new(self.pos, end), quote_snippet(found))
    }

    /// Reports "expected `expected`, found <the token at the cursor>" without consuming it.
    #[cold]
    pub(super) fn report_expected(&mut self, expected: &str) {
        let (span, found) = self.found_here();
        self.error(span.start, span.end, format!("expected {expected}, found {found}"));
    }

    /// After an error, skips stray tokens up to something the caller can resynchronise on: a
    /// separator, a bracket, the end, or (`in_object`) the next `key:` member, in which case
    /// it returns true. Always consumes at least one token.
    #[cold]
    pub(super) fn skip_stray_tokens(&mut self, in_object: bool) -> bool {
        loop {
            self.pos = self.token_end(self.pos);
            self.skip_trivia();
            match self.peek() {
                None | Some(b',' | b'{' | b'}' | b'[' | b']') => return false,
                Some(b) if in_object && starts_key(b) && self.next_member_follows() => return true,
                Some(_) => {}
            }
        }
    }

    /// Whether the cursor is on a key followed by `:`, i.e. on an object member.
    pub(super) fn next_member_follows(&self) -> bool {
        let mut i = self.token_end(self.pos);
        while self.bytes.get(i).is_some_and(|&b| is_whitespace(b)) {
            i += 1;
        }
        self.bytes.get(i) == Some(&b':')
    }
}
