//! String literals: escapes, surrogate pairs, and recovery from unterminated strings, bad
//! escapes and raw control characters.

use super::cursor::quote_snippet;
use super::parser::Parser;

const REPLACEMENT: char = '\u{FFFD}';

/// Where the run of ordinary string bytes starting at `from` ends: at the first `quote`,
/// backslash or control byte, or the end. Eight bytes at a time, since most of a document is
/// string contents and this runs on every keystroke.
fn plain_run_end(bytes: &[u8], from: usize, quote: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Nonzero when some byte of `word` is zero (exact as to whether, not as to where).
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let quotes = has_zero(word ^ (ONES * u64::from(quote)));
        let backslashes = has_zero(word ^ (ONES * u64::from(b'\\')));
        let controls = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
        if quotes | backslashes | controls != 0 {
            break;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest.iter().position(|&b| b == quote || b == b'\\' || b < 0x20).unwrap_or(rest.len())
}

impl Parser<'_> {
    /// Reads the string literal at the cursor (opened by `quote`, normally `"`) and returns its
    /// contents. An unterminated string ends at the end of its line, where a person most likely
    /// forgot the closing quote.
    #[inline(never)]
    pub(super) fn parse_string(&mut self, quote: u8) -> String {
        let start = self.pos;
        let mut out = String::new();
        let mut i = start + 1;
        let mut segment = i;
        loop {
            i = plain_run_end(self.bytes, i, quote);
            let Some(&b) = self.bytes.get(i) else {
                self.push_segment(&mut out, segment, i);
                self.report_unterminated(start, i, "the end of input");
                self.pos = i;
                return out;
            };
            if b == quote {
                self.push_segment(&mut out, segment, i);
                self.pos = i + 1;
                return out;
            }
            match b {
                b'\\' => {
                    self.push_segment(&mut out, segment, i);
                    i = self.parse_escape(i, quote, &mut out);
                    segment = i;
                }
                b'\n' | b'\r' => {
                    self.push_segment(&mut out, segment, i);
                    self.report_unterminated(start, i, "the end of the line");
                    self.pos = i;
                    return out;
                }
                0..0x20 => {
                    // Kept in the value: the person meant it, it only needs escaping.
                    let advice = match b {
                        b'\t' => "\\t".to_owned(),
                        0x08 => "\\b".to_owned(),
                        0x0C => "\\f".to_owned(),
                        _ => format!("\\u{b:04x}"),
                    };
                    self.error(
                        i,
                        i + 1,
                        format!(
                            "control character U+{b:04X} is not allowed in a string; \
                             write it as '{advice}'"
                        ),
                    );
                    i += 1;
                }
                // Not reached: the run ends only at a quote, a backslash or a control byte.
                _ => i += 1,
            }
        }
    }

    fn push_segment(&self, out: &mut String, start: usize, end: usize) {
        out.push_str(self.text.get(start..end).unwrap_or_default());
    }

    fn report_unterminated(&mut self, start: usize, end: usize, before: &str) {
        self.separator_excused = true;
        self.error(start, end, format!("unterminated string: expected a closing '\"' before {before}"));
    }

    /// Decodes the escape whose backslash is at `at`, appends it to `out` and returns where the
    /// string continues.
    fn parse_escape(&mut self, at: usize, quote: u8, out: &mut String) -> usize {
        let simple = match self.bytes.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'\'') if quote == b'\'' => '\'',
            Some(b'u') => return self.parse_unicode_escape(at, out),
            // A string ending in a lone backslash: the caller reports it unterminated.
            None => return at + 1,
            Some(&b) if b < 0x20 => {
                self.error(at, at + 1, "invalid escape: '\\' must be followed by an escape character".into());
                return at + 1;
            }
            Some(_) => {
                // Keep the character itself, which is what the person most likely meant.
                let ch = self.text.get(at + 1..).and_then(|rest| rest.chars().next()).unwrap_or(REPLACEMENT);
                let end = at + 1 + ch.len_utf8();
                self.error(
                    at,
                    end,
                    format!(
                        "invalid escape '\\{ch}' in string (valid escapes are \\\" \\\\ \\/ \\b \
                         \\f \\n \\r \\t and \\uXXXX)"
                    ),
                );
                out.push(ch);
                return end;
            }
        };
        out.push(simple);
        at + 2
    }

    /// Decodes `\uXXXX` at `at` (pairing a leading surrogate with the `\uXXXX` after it) and
    /// returns where the string continues.
    fn parse_unicode_escape(&mut self, at: usize, out: &mut String) -> usize {
        let Some(unit) = self.hex4(at + 2) else {
            let digits = self
                .bytes
                .get(at + 2..)
                .unwrap_or_default()
                .iter()
                .take(4)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            let end = at + 2 + digits;
            let found = self.text.get(at..end).unwrap_or_default();
            self.error(
                at,
                end,
                format!("invalid unicode escape {}: expected 4 hex digits after '\\u'", quote_snippet(found)),
            );
            out.push(REPLACEMENT);
            return end;
        };
        let after = at + 6;
        if (0xD800..0xDC00).contains(&unit) {
            let trailing = match self.bytes.get(after..after + 2) {
                Some(b"\\u") => self.hex4(after + 2),
                _ => None,
            };
            if let Some(low @ 0xDC00..0xE000) = trailing {
                let code = 0x1_0000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                out.push(char::from_u32(code).unwrap_or(REPLACEMENT));
                return after + 6;
            }
        }
        match char::from_u32(u32::from(unit)) {
            Some(ch) => out.push(ch),
            None => {
                let found = self.text.get(at..after).unwrap_or_default();
                self.error(at, after, format!("unpaired UTF-16 surrogate {} in string", quote_snippet(found)));
                out.push(REPLACEMENT);
            }
        }
        after
    }

    fn hex4(&self, at: usize) -> Option<u16> {
        let digits = self.bytes.get(at..at + 4)?;
        digits.iter().try_fold(0u16, |acc, &b| {
            let digit = char::from(b).to_digit(16)?;
            Some(acc << 4 | digit as u16)
        })
    }
}
