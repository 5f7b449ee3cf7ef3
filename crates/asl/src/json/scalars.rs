//! Bare tokens: numbers (checked against RFC 8259's grammar, converted exactly as serde_json
//! converts them) and the words `true`, `false`, `null`, plus the near misses people type.

use super::cursor::quote_snippet;
use super::parser::Parser;
use serde_json::{Number, Value};

impl Parser<'_> {
    /// The number token at the cursor (starting with `-`, `+`, `.` or a digit).
    #[inline(never)]
    pub(super) fn parse_number(&mut self) -> Value {
        let start = self.pos;
        let end = self.bare_end(start);
        self.pos = end;
        let token = self.text.get(start..end).unwrap_or_default();
        if let Err(reason) = check_number_grammar(token) {
            let message = format!("invalid number {}: {reason}", quote_snippet(token));
            let value = lenient_number(token);
            self.error(start, end, message);
            return value;
        }
        match exact_number(token) {
            Some(number) => Value::Number(number),
            None => {
                let message = format!("number {} is out of range", quote_snippet(token));
                self.error(start, end, message);
                Value::Null
            }
        }
    }

    /// The bare word at the cursor (starting with a letter, `_`, `$` or a non-ASCII character).
    #[inline(never)]
    pub(super) fn parse_word(&mut self) -> Value {
        let start = self.pos;
        let end = self.bare_end(start);
        self.pos = end;
        let word = self.text.get(start..end).unwrap_or_default();
        let literal = match word {
            "true" => return Value::Bool(true),
            "false" => return Value::Bool(false),
            "null" => return Value::Null,
            _ if word.eq_ignore_ascii_case("true") => Some(("true", Value::Bool(true))),
            _ if word.eq_ignore_ascii_case("false") => Some(("false", Value::Bool(false))),
            _ if word.eq_ignore_ascii_case("null") => Some(("null", Value::Null)),
            _ => None,
        };
        let found = quote_snippet(word);
        if let Some((spelling, value)) = literal {
            self.error(
                start,
                end,
                format!("expected a value, found {found} (JSON literals are lowercase: '{spelling}')"),
            );
            return value;
        }
        if is_nan_or_infinity(word) {
            self.error(start, end, format!("invalid number {found}: JSON has no NaN or Infinity"));
            return Value::Null;
        }
        self.error(start, end, format!("expected a value, found {found} (strings must be in double quotes)"));
        // Most likely a string whose quotes were forgotten; keeping it lets the editor go on.
        Value::String(word.to_owned())
    }
}

fn is_nan_or_infinity(word: &str) -> bool {
    let unsigned = word.strip_prefix(['-', '+']).unwrap_or(word);
    unsigned.eq_ignore_ascii_case("nan") || unsigned.eq_ignore_ascii_case("infinity")
}

/// RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, with a reason when not.
fn check_number_grammar(token: &str) -> Result<(), &'static str> {
    if is_nan_or_infinity(token) {
        return Err("JSON has no NaN or Infinity");
    }
    let bytes = token.as_bytes();
    let digits_from =
        |at: usize| at + bytes.get(at..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = 0;
    match bytes.first() {
        Some(b'+') => return Err("a number cannot start with '+'"),
        Some(b'-') => i += 1,
        _ => {}
    }
    match bytes.get(i) {
        Some(b'0') => {
            i += 1;
            if bytes.get(i).is_some_and(u8::is_ascii_digit) {
                return Err("leading zeros are not allowed");
            }
        }
        Some(b'1'..=b'9') => i = digits_from(i),
        Some(b'.') => return Err("a digit is required before '.'"),
        _ if i == 1 => return Err("a digit is required after '-'"),
        _ => return Err("not a number"),
    }
    if bytes.get(i) == Some(&b'.') {
        let end = digits_from(i + 1);
        if end == i + 1 {
            return Err("a digit is required after '.'");
        }
        i = end;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits_from(i);
        if end == i {
            return Err("a digit is required in the exponent");
        }
        i = end;
    }
    if i == bytes.len() { Ok(()) } else { Err("unexpected characters in number") }
}

/// A grammatical number token as serde_json parses it (`None` when it is out of f64's range).
fn exact_number(token: &str) -> Option<Number> {
    // Plain unsigned integers that surely fit a u64 are most numbers in practice; serde_json
    // gives them as u64 too, so skip its deserializer for them.
    if token.len() <= 19 && token.bytes().all(|b| b.is_ascii_digit()) {
        let value = token.bytes().fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
        return Some(Number::from(value));
    }
    serde_json::from_str::<Number>(token).ok()
}

/// What an invalid number most likely meant (`+1` is 1, `.5` is 0.5, `01` is 1), so the value
/// stays usable; `null` when nothing sensible comes out.
fn lenient_number(token: &str) -> Value {
    if let Ok(integer) = token.parse::<i64>() {
        return Value::Number(integer.into());
    }
    token.parse::<f64>().ok().and_then(Number::from_f64).map_or(Value::Null, Value::Number)
}
