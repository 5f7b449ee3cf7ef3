//! Objects and arrays, with recovery from the mistakes of hand-edited JSON: trailing and
//! missing commas, missing colons, unquoted keys, wrong or missing closing brackets.

use super::DuplicateKey;
use super::cursor::{is_bare_byte, quote_snippet, starts_key, starts_value};
use super::parser::{MAX_DEPTH, Parser};
use crate::span::Span;
use serde_json::map::Entry as MapEntry;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::ops::Range;

/// An object being filled in.
struct ObjectBuilder {
    map: Map<String, Value>,
    /// Where this object's entries start in [`Parser::member_runs`].
    runs_base: usize,
    /// Key to position among the distinct keys; built only once a key repeats, because
    /// `Map` cannot say where a key sits.
    key_positions: Option<HashMap<String, usize>>,
}

impl Parser<'_> {
    /// The object at the cursor (which is on its `{`).
    // Not inlined into `parse_value`, nor `parse_array`: one nesting level then costs about
    // 400 bytes of stack (release), so 512 levels fit easily in wasm's 1 MiB stack.
    #[inline(never)]
    pub(super) fn parse_object(&mut self, depth: usize) -> Value {
        if depth >= MAX_DEPTH {
            return self.skip_too_deep();
        }
        let open = self.pos;
        self.consume_punctuation();
        self.open_objects += 1;
        let mut object = ObjectBuilder { map: Map::new(), runs_base: self.member_runs.len(), key_positions: None };
        let mut pending_comma = None;
        'members: loop {
            self.skip_trivia();
            match self.peek() {
                None => {
                    self.report_unclosed(open, "object", '}');
                    break;
                }
                Some(b'}') => {
                    self.report_trailing_comma(pending_comma);
                    self.consume_punctuation();
                    break;
                }
                Some(b']') => {
                    self.report_expected("an object member or '}'");
                    self.close_mismatched(self.open_arrays > 0);
                    break;
                }
                Some(b',') => {
                    self.report_expected("an object member");
                    pending_comma = None;
                    self.consume_punctuation();
                    continue;
                }
                Some(_) => {}
            }
            pending_comma = None;
            if !self.parse_member(&mut object, depth) {
                continue;
            }
            loop {
                self.skip_trivia();
                match self.peek() {
                    Some(b',') => {
                        pending_comma = Some(self.pos);
                        self.consume_punctuation();
                        continue 'members;
                    }
                    Some(b'}') => {
                        self.consume_punctuation();
                        break 'members;
                    }
                    None => {
                        self.report_unclosed(open, "object", '}');
                        break 'members;
                    }
                    Some(b']') => {
                        self.report_expected("',' or '}' after object member");
                        self.close_mismatched(self.open_arrays > 0);
                        break 'members;
                    }
                    // Most likely a forgotten comma: go on as if it were there.
                    Some(b) if starts_key(b) => {
                        if !self.separator_excused {
                            self.report_expected("',' or '}' after object member");
                        }
                        continue 'members;
                    }
                    Some(b'{' | b'[') => {
                        self.report_expected("',' or '}' after object member");
                        self.parse_discarded_value(depth + 1);
                    }
                    Some(_) => {
                        self.report_expected("',' or '}' after object member");
                        if self.skip_stray_tokens(true) {
                            continue 'members;
                        }
                    }
                }
            }
        }
        self.member_runs.truncate(object.runs_base);
        self.open_objects -= 1;
        Value::Object(object.map)
    }

    /// One `"key": value` member, starting at the cursor (which is not on a separator).
    /// Returns false when it gave up on the member at the start of the next one, where no
    /// separator is to be expected.
    fn parse_member(&mut self, object: &mut ObjectBuilder, depth: usize) -> bool {
        self.separator_excused = false;
        let key_start = self.pos;
        let key = match self.peek() {
            Some(b'"') => Some(self.parse_string(b'"')),
            Some(b'\'') => Some(self.parse_single_quoted()),
            Some(b'{' | b'[') => {
                self.report_expected("a string key");
                self.parse_discarded_value(depth + 1);
                return true;
            }
            Some(b) if is_bare_byte(b) => {
                let end = self.bare_end(key_start);
                let word = self.text.get(key_start..end).unwrap_or_default();
                let message = format!("object keys must be double-quoted strings, found {}", quote_snippet(word));
                let key = word.to_owned();
                self.error(key_start, end, message);
                self.pos = end;
                Some(key)
            }
            Some(b':') => {
                // A member without a key: its value is still read below so that it does not
                // derail what follows.
                self.report_expected("a string key");
                None
            }
            _ => {
                self.report_expected("a string key");
                return !self.skip_stray_tokens(true);
            }
        };
        let key_span = Span::new(key_start, self.pos);
        self.skip_trivia();
        match self.peek() {
            Some(b':') => self.pos += 1,
            Some(b'=') if key.is_some() => {
                self.report_expected("':' after object key");
                self.pos += 1;
            }
            found => {
                if key.is_none() || self.separator_excused {
                    return true;
                }
                self.report_expected("':' after object key");
                // With the next member's key in sight, or no value at all, this member
                // simply has no value yet (as while it is being typed).
                if self.next_member_follows() {
                    return false;
                }
                if !found.is_some_and(starts_value) {
                    return true;
                }
            }
        }
        let Some(key) = key else {
            self.parse_discarded_value(depth + 1);
            return true;
        };
        let saved = self.push_key_segment(&key);
        let run_start = self.nodes.len();
        let value = self.parse_value(Some(key_span), depth + 1);
        self.pointer.truncate(saved);
        if let Some(value) = value {
            let run = run_start..self.nodes.len();
            self.insert_member(object, key, key_span, value, run);
        }
        true
    }

    /// Adds a member; a repeated key replaces the earlier value in place (as serde_json does)
    /// and is recorded, and the earlier occurrence's node spans are dropped.
    #[inline(never)]
    fn insert_member(
        &mut self,
        object: &mut ObjectBuilder,
        key: String,
        key_span: Span,
        value: Value,
        run: Range<usize>,
    ) {
        let position = object.map.len();
        let key = match object.map.entry(key) {
            MapEntry::Vacant(slot) => {
                if let Some(positions) = &mut object.key_positions {
                    positions.insert(slot.key().clone(), position);
                }
                slot.insert(value);
                self.member_runs.push(run);
                return;
            }
            MapEntry::Occupied(mut slot) => {
                slot.insert(value);
                slot.key().clone()
            }
        };
        let positions = object.key_positions.get_or_insert_with(|| {
            object.map.keys().enumerate().map(|(position, key)| (key.clone(), position)).collect()
        });
        let earlier = positions.get(&key).and_then(|&position| self.member_runs.get_mut(object.runs_base + position));
        if let Some(earlier) = earlier {
            let earlier_run = std::mem::replace(earlier, run);
            self.dropped.push(earlier_run);
        }
        self.duplicate_keys.push(DuplicateKey { object: self.pointer.clone(), key, span: key_span });
    }

    /// The array at the cursor (which is on its `[`).
    // Not inlined: see `parse_object`.
    #[inline(never)]
    pub(super) fn parse_array(&mut self, depth: usize) -> Value {
        if depth >= MAX_DEPTH {
            return self.skip_too_deep();
        }
        let open = self.pos;
        self.consume_punctuation();
        self.open_arrays += 1;
        let mut items = Vec::new();
        let mut pending_comma = None;
        'elements: loop {
            self.skip_trivia();
            match self.peek() {
                None => {
                    self.report_unclosed(open, "array", ']');
                    break;
                }
                Some(b']') => {
                    self.report_trailing_comma(pending_comma);
                    self.consume_punctuation();
                    break;
                }
                Some(b'}') => {
                    self.report_expected("a value or ']'");
                    self.close_mismatched(self.open_objects > 0);
                    break;
                }
                Some(b',') => {
                    self.report_expected("a value");
                    pending_comma = None;
                    self.consume_punctuation();
                    continue;
                }
                Some(_) if self.array_left_open() => break,
                Some(_) => {}
            }
            pending_comma = None;
            let saved = self.push_index_segment(items.len());
            let value = self.parse_value(None, depth + 1);
            self.pointer.truncate(saved);
            items.extend(value);
            loop {
                self.skip_trivia();
                match self.peek() {
                    Some(b',') => {
                        pending_comma = Some(self.pos);
                        self.consume_punctuation();
                        continue 'elements;
                    }
                    Some(b']') => {
                        self.consume_punctuation();
                        break 'elements;
                    }
                    None => {
                        self.report_unclosed(open, "array", ']');
                        break 'elements;
                    }
                    Some(b'}') => {
                        self.report_expected("',' or ']' after array element");
                        self.close_mismatched(self.open_objects > 0);
                        break 'elements;
                    }
                    Some(_) if self.array_left_open() => break 'elements,
                    // Most likely a forgotten comma: go on as if it were there.
                    Some(b) if starts_value(b) => {
                        if !self.separator_excused {
                            self.report_expected("',' or ']' after array element");
                        }
                        continue 'elements;
                    }
                    Some(_) => {
                        self.report_expected("',' or ']' after array element");
                        self.skip_stray_tokens(false);
                    }
                }
            }
        }
        self.open_arrays -= 1;
        Value::Array(items)
    }

    /// Whether the array at the cursor was left open: an object's `key:` member follows, so
    /// the `]` was forgotten before it (reported here; the object then expects no comma).
    #[inline(never)]
    fn array_left_open(&mut self) -> bool {
        let left_open = self.open_objects > 0 && self.peek().is_some_and(starts_key) && self.next_member_follows();
        if left_open {
            self.report_expected("']' to close the array");
            self.separator_excused = true;
        }
        left_open
    }

    /// Steps over a comma or bracket; whatever a string left unterminated is now behind us.
    fn consume_punctuation(&mut self) {
        self.pos += 1;
        self.separator_excused = false;
    }

    /// A closer of the wrong kind (already reported): when a container of its kind is open
    /// further out, it belongs to that one and is left for it; otherwise it is taken as a typo
    /// for this container's closer.
    fn close_mismatched(&mut self, closes_outer: bool) {
        if !closes_outer {
            self.consume_punctuation();
        }
    }

    #[cold]
    fn report_trailing_comma(&mut self, comma: Option<usize>) {
        if let Some(at) = comma {
            self.error(at, at + 1, "trailing comma is not allowed in JSON".into());
        }
    }

    #[cold]
    fn report_unclosed(&mut self, open: usize, what: &str, closer: char) {
        self.error(open, open + 1, format!("expected '{closer}' to close this {what}, found end of input"));
    }

    /// A container opened deeper than [`MAX_DEPTH`]: reported once and skipped as a whole
    /// (counting brackets, without recursion), standing as `null`.
    #[cold]
    fn skip_too_deep(&mut self) -> Value {
        self.error(self.pos, self.pos + 1, format!("nesting is deeper than {MAX_DEPTH} levels"));
        let mut open = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'{' | b'[' => open += 1,
                b'}' | b']' => {
                    open = open.saturating_sub(1);
                    if open == 0 {
                        self.pos += 1;
                        break;
                    }
                }
                b'"' => {
                    self.pos = self.token_end(self.pos);
                    continue;
                }
                _ => {}
            }
            self.pos += 1;
        }
        Value::Null
    }
}
