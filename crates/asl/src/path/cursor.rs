//! A position in a path's text, shared by the path and filter parsers, and the errors they raise.

use super::PathSyntaxError;

/// How many segments a path may have in all, counting those of the paths inside its
/// filters: far more than any real path, few enough that evaluating one (which recurses once
/// per segment) cannot exhaust the stack, even in a browser.
const MAX_SEGMENTS: usize = 256;

/// Reads a path text one character at a time; positions are byte offsets into `text`.
pub(crate) struct Cursor<'t> {
    text: &'t str,
    pos: usize,
    segments: usize,
}

impl<'t> Cursor<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Cursor { text, pos: 0, segments: 0 }
    }

    /// Counts one more segment read, refusing paths with too many.
    pub(crate) fn count_segment(&mut self) -> Result<(), PathSyntaxError> {
        self.segments += 1;
        if self.segments > MAX_SEGMENTS {
            return Err(self.error_at(self.pos, format!("a path may have at most {MAX_SEGMENTS} parts")));
        }
        Ok(())
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn rest(&self) -> &'t str {
        self.text.get(self.pos..).unwrap_or("")
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    pub(crate) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(crate) fn peek_second(&self) -> Option<char> {
        let mut chars = self.rest().chars();
        chars.next();
        chars.next()
    }

    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Consumes `c` if it is next.
    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Consumes `word` if the text continues with it.
    pub(crate) fn eat_str(&mut self, word: &str) -> bool {
        if self.rest().starts_with(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    pub(crate) fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// Consumes characters while `keep` holds and returns them.
    pub(crate) fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'t str {
        let start = self.pos;
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
        self.text.get(start..self.pos).unwrap_or("")
    }

    pub(crate) fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or("")
    }

    pub(crate) fn error_at(&self, offset: usize, reason: impl Into<String>) -> PathSyntaxError {
        PathSyntaxError::new(self.text, offset, reason.into())
    }

    /// "unexpected character 'x'" at the current position, or "unexpected end" there.
    pub(crate) fn unexpected(&self, expected: &str) -> PathSyntaxError {
        let reason = match self.peek() {
            Some(c) => format!("unexpected character '{c}' ({expected})"),
            None => format!("unexpected end of path ({expected})"),
        };
        self.error_at(self.pos, reason)
    }

    /// Reads a quoted string whose opening quote is next, decoding Jayway's escapes (`\'`,
    /// `\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f`, `\uXXXX`; any other escaped character stands
    /// for itself), except that the other quote escaped stays as written: AWS reads
    /// `$['a\"b']` as the name `a\"b`, backslash included.
    pub(crate) fn quoted(&mut self) -> Result<String, PathSyntaxError> {
        let start = self.pos;
        let Some(quote) = self.bump() else {
            return Err(self.unexpected("expected a quoted name"));
        };
        let mut out = String::new();
        loop {
            let Some(c) = self.bump() else {
                return Err(self.error_at(start, format!("unterminated string: missing closing {quote}")));
            };
            if c == quote {
                return Ok(out);
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let escape_at = self.pos - 1;
            match self.bump() {
                None => {
                    return Err(self.error_at(start, format!("unterminated string: missing closing {quote}")));
                }
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('u') => out.push(self.unicode_escape(escape_at)?),
                Some(other @ ('\'' | '"')) if other != quote => {
                    out.push('\\');
                    out.push(other);
                }
                Some(other) => out.push(other),
            }
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair
    /// written as two escapes.
    fn unicode_escape(&mut self, escape_at: usize) -> Result<char, PathSyntaxError> {
        let high = self.hex4(escape_at)?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high).ok_or_else(|| self.error_at(escape_at, "\\u escape is a lone surrogate"));
        }
        if !self.eat_str("\\u") {
            return Err(self.error_at(escape_at, "\\u escape is a lone surrogate"));
        }
        let low = self.hex4(escape_at)?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(self.error_at(escape_at, "\\u escape is a lone surrogate"));
        }
        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.error_at(escape_at, "invalid \\u escape"))
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u32, PathSyntaxError> {
        let digits = self.rest().get(..4).unwrap_or("");
        if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(self.error_at(escape_at, "\\u must be followed by four hex digits"));
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error_at(escape_at, "\\u must be followed by four hex digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Result<String, PathSyntaxError> {
        Cursor::new(text).quoted()
    }

    #[test]
    fn quoted_strings_decode_jayway_escapes() {
        assert_eq!(quoted("'a b'").unwrap(), "a b");
        assert_eq!(quoted(r"'it\'s'").unwrap(), "it's");
        assert_eq!(quoted(r#""say \"hi\"""#).unwrap(), "say \"hi\"");
        assert_eq!(quoted(r"'a\\b'").unwrap(), "a\\b");
        assert_eq!(quoted(r"'\n\t'").unwrap(), "\n\t");
        assert_eq!(quoted(r"'\u00e9'").unwrap(), "é");
        // The other quote, escaped, keeps its backslash (as AWS reads `$['Test\""Name"']`).
        assert_eq!(quoted(r#"'Test\""Name"'"#).unwrap(), r#"Test\""Name""#);
        assert_eq!(quoted(r#""it\'s""#).unwrap(), r"it\'s");
        assert_eq!(quoted(r"'\ud83d\ude00'").unwrap(), "😀");
        assert_eq!(quoted(r"'\q'").unwrap(), "q");
        assert_eq!(quoted(r#"'"'"#).unwrap(), "\"");
    }

    #[test]
    fn quoted_string_errors() {
        assert!(quoted("'abc").unwrap_err().reason.contains("unterminated"));
        assert!(quoted("'abc\\").unwrap_err().reason.contains("unterminated"));
        assert!(quoted(r"'\u12'").unwrap_err().reason.contains("four hex digits"));
        assert!(quoted(r"'\ud83d'").unwrap_err().reason.contains("surrogate"));
        assert!(quoted(r"'\ude00'").unwrap_err().reason.contains("surrogate"));
    }

    #[test]
    fn cursor_moves_by_characters() {
        let mut cursor = Cursor::new("é.x");
        assert_eq!(cursor.bump(), Some('é'));
        assert_eq!(cursor.pos(), 2);
        assert!(cursor.eat('.'));
        assert_eq!(cursor.peek(), Some('x'));
        assert_eq!(cursor.peek_second(), None);
        assert_eq!(cursor.take_while(|c| c == 'x'), "x");
        assert!(cursor.at_end());
        assert_eq!(cursor.bump(), None);
    }
}
