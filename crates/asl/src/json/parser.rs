//! The tolerant recursive-descent parser behind [`super::parse`]: the document, the dispatch on
//! each value, and the bookkeeping of pointers and node spans.

use super::cursor::{is_whitespace, starts_value};
use super::{DuplicateKey, JsonSyntaxError, NodeSpans, ParsedJson, SpanIndex};
use crate::span::Span;
use serde_json::Value;
use std::fmt::Write as _;
use std::ops::Range;

/// Deepest nesting of objects and arrays accepted; deeper is an error, not a stack overflow.
pub(super) const MAX_DEPTH: usize = 512;

pub fn parse(text: &str) -> ParsedJson {
    let mut parser = Parser::new(text);
    let value = parser.parse_document();
    parser.finish(value)
}

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) errors: Vec<JsonSyntaxError>,
    /// Set when a mistake just reported also explains the separator that seems to be missing
    /// next (a string that ran off its line, an array left open before the next member), so
    /// that one mistake is reported once.
    pub(super) separator_excused: bool,
    /// Pointer of the node being parsed.
    pub(super) pointer: String,
    /// The pointers of all nodes, back to back (see [`SpanIndex`]).
    pub(super) pointer_text: String,
    /// Every node's pointer (a range of `pointer_text`) and spans, in the order the nodes end,
    /// children before their parent, so that the nodes of one subtree form a contiguous run.
    pub(super) nodes: Vec<(Range<usize>, NodeSpans)>,
    /// Runs of `nodes` that belong to an earlier occurrence of a repeated key: the value keeps
    /// the last occurrence, so their spans must not be reported.
    pub(super) dropped: Vec<Range<usize>>,
    pub(super) duplicate_keys: Vec<DuplicateKey>,
    /// The run of `nodes` of each distinct member of the objects being parsed, one stack
    /// shared by all nesting levels.
    pub(super) member_runs: Vec<Range<usize>>,
    /// How many arrays and objects are open around the cursor: a closer of the wrong kind
    /// closes an outer container when there is one, otherwise it is taken as a typo.
    pub(super) open_arrays: usize,
    pub(super) open_objects: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            errors: Vec::new(),
            separator_excused: false,
            pointer: String::new(),
            // Typical documents hold about one node per 20 bytes, with pointers of about 40
            // bytes; reserving up front saves the copies of growing from nothing.
            pointer_text: String::with_capacity(text.len() * 2),
            nodes: Vec::with_capacity(text.len() / 20),
            dropped: Vec::new(),
            duplicate_keys: Vec::new(),
            member_runs: Vec::new(),
            open_arrays: 0,
            open_objects: 0,
        }
    }

    fn parse_document(&mut self) -> Option<Value> {
        if self.text.starts_with('\u{FEFF}') {
            let bom = '\u{FEFF}'.len_utf8();
            self.error(0, bom, "a byte order mark is not allowed at the start of JSON".into());
            self.pos = bom;
        }
        self.skip_trivia();
        if self.peek().is_none() {
            self.error(0, 0, "the document is empty: expected a JSON value".into());
            return None;
        }
        let value = self.parse_value(None, 0)?;
        self.skip_trivia();
        if self.pos < self.bytes.len() {
            let (found_span, found) = self.found_here();
            let end = self.text.trim_end().len().max(found_span.end);
            self.error(found_span.start, end, format!("unexpected text after the JSON value, found {found}"));
        }
        Some(value)
    }

    /// Parses the value at the cursor and records its spans under the current pointer.
    /// `None` when no value is there (reported as such); a separator or closer that ends the
    /// search is left for the caller.
    pub(super) fn parse_value(&mut self, key: Option<Span>, depth: usize) -> Option<Value> {
        let mut reported = false;
        loop {
            self.skip_trivia();
            let start = self.pos;
            let value = match self.peek() {
                None | Some(b',' | b'}' | b']') => {
                    if !reported {
                        self.report_expected("a value");
                    }
                    return None;
                }
                Some(first) if starts_value(first) => {
                    self.separator_excused = false;
                    self.parse_started_value(first, depth)
                }
                Some(_) => {
                    self.skip_junk();
                    reported = true;
                    continue;
                }
            };
            let spans = NodeSpans { key, value: Span::new(start, self.pos) };
            let pointer_start = self.pointer_text.len();
            self.pointer_text.push_str(&self.pointer);
            let pointer = pointer_start..self.pointer_text.len();
            self.nodes.push((pointer, spans));
            return Some(value);
        }
    }

    fn parse_started_value(&mut self, first: u8, depth: usize) -> Value {
        match first {
            b'{' => self.parse_object(depth),
            b'[' => self.parse_array(depth),
            b'"' => Value::String(self.parse_string(b'"')),
            b'\'' => Value::String(self.parse_single_quoted()),
            b'-' | b'+' | b'.' | b'0'..=b'9' => self.parse_number(),
            _ => self.parse_word(),
        }
    }

    /// A string in single quotes: reported, then read like a JSON string.
    #[inline(never)]
    pub(super) fn parse_single_quoted(&mut self) -> String {
        let start = self.pos;
        let contents = self.parse_string(b'\'');
        self.error(start, self.pos, "single-quoted strings are not allowed in JSON; use double quotes".into());
        contents
    }

    /// Parses a value that only gets in the way (a value where a key belongs, a member
    /// without a key): its errors count, but it leaves no node spans or duplicate keys.
    #[cold]
    pub(super) fn parse_discarded_value(&mut self, depth: usize) {
        let nodes = self.nodes.len();
        let pointer_text = self.pointer_text.len();
        let dropped = self.dropped.len();
        let duplicates = self.duplicate_keys.len();
        let _ = self.parse_value(None, depth);
        self.nodes.truncate(nodes);
        self.pointer_text.truncate(pointer_text);
        self.dropped.truncate(dropped);
        self.duplicate_keys.truncate(duplicates);
    }

    /// Skips and reports a run of characters that cannot start anything (`@`, `:`, `#`, ...)
    /// where a value belongs.
    #[cold]
    fn skip_junk(&mut self) {
        let start = self.pos;
        self.pos = self.junk_end();
        let found = super::cursor::quote_snippet(self.text.get(start..self.pos).unwrap_or_default());
        self.error(start, self.pos, format!("expected a value, found {found}"));
    }

    fn junk_end(&self) -> usize {
        let mut i = self.pos;
        while let Some(&b) = self.bytes.get(i) {
            let comment = b == b'/' && matches!(self.bytes.get(i + 1), Some(b'/' | b'*'));
            if is_whitespace(b) || starts_value(b) || matches!(b, b',' | b'}' | b']') || comment {
                break;
            }
            // Non-ASCII bytes start values (bare words), so every junk byte is one character.
            i += 1;
        }
        i
    }

    /// Appends `/key` to the pointer; returns the length to truncate back to.
    pub(super) fn push_key_segment(&mut self, key: &str) -> usize {
        let saved = self.pointer.len();
        self.pointer.push('/');
        if key.bytes().any(|b| b == b'~' || b == b'/') {
            self.pointer.push_str(&super::escape_pointer_segment(key));
        } else {
            self.pointer.push_str(key);
        }
        saved
    }

    /// Appends `/index` to the pointer; returns the length to truncate back to.
    pub(super) fn push_index_segment(&mut self, index: usize) -> usize {
        let saved = self.pointer.len();
        // Writing to a String cannot fail.
        let _ = write!(self.pointer, "/{index}");
        saved
    }

    fn finish(mut self, value: Option<Value>) -> ParsedJson {
        // Errors at an opening bracket are only known at the end; sorting keeps text order
        // (stable, so errors at one position stay in the order they were found).
        crate::sort::sort_by_key(&mut self.errors, |error| error.span.start);
        let mut live = vec![true; if self.dropped.is_empty() { 0 } else { self.nodes.len() }];
        for run in &self.dropped {
            for flag in live.get_mut(run.clone()).into_iter().flatten() {
                *flag = false;
            }
        }
        let capacity = self.nodes.len();
        let live_nodes = self
            .nodes
            .into_iter()
            .enumerate()
            .filter(|(index, _)| live.get(*index).copied().unwrap_or(true))
            .map(|(_, node)| node);
        let spans = SpanIndex::from_text(self.pointer_text, capacity, live_nodes);
        ParsedJson { value, errors: self.errors, spans, duplicate_keys: self.duplicate_keys }
    }
}
