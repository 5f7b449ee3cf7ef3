//! Deciding whether a filter accepts an element, with Jayway's comparison rules: a number
//! equals a string that reads as the same number, `<` compares numbers with numbers and
//! strings with strings (UTF-16 order, as Java does) and is false otherwise, and anything
//! compared with a missing value is unequal.

use std::borrow::Cow;
use std::cmp::Ordering;

use serde_json::{Number, Value};

use super::filter::{CompareOp, Filter, FilterPath, FilterRoot, Operand};
use super::regex::Regex;
use super::select::select_from;

/// Whether `filter` accepts `item`; `document` is what `$` means inside the filter.
pub(crate) fn accepts(filter: &Filter, item: &Value, document: &Value) -> bool {
    match filter {
        Filter::And(left, right) => accepts(left, item, document) && accepts(right, item, document),
        Filter::Or(left, right) => accepts(left, item, document) || accepts(right, item, document),
        Filter::Exists { path, negated } => exists(path, item, document) != *negated,
        Filter::Compare { left, op, right } => {
            let left = resolve(left, item, document);
            let right = resolve(right, item, document);
            compare(&left, *op, &right)
        }
    }
}

/// An operand's value for one element.
enum Resolved<'a> {
    /// The path found nothing.
    Missing,
    Value(Cow<'a, Value>),
    Pattern(&'a Regex),
}

impl Resolved<'_> {
    fn value(&self) -> Option<&Value> {
        match self {
            Resolved::Value(value) => Some(value),
            _ => None,
        }
    }
}

fn resolve<'a>(operand: &'a Operand, item: &'a Value, document: &'a Value) -> Resolved<'a> {
    match operand {
        Operand::Literal(value) => Resolved::Value(Cow::Borrowed(value)),
        Operand::Pattern(regex) => Resolved::Pattern(regex),
        Operand::Path(path) => match select_path(path, item, document) {
            Some(value) => Resolved::Value(value),
            None => Resolved::Missing,
        },
    }
}

fn select_path<'a>(path: &FilterPath, item: &'a Value, document: &'a Value) -> Option<Cow<'a, Value>> {
    let start = match path.root {
        FilterRoot::Current => item,
        FilterRoot::Document => document,
    };
    select_from(&path.segments, start, document, path.definite)
}

fn exists(path: &FilterPath, item: &Value, document: &Value) -> bool {
    match select_path(path, item, document) {
        None => false,
        Some(value) if !path.definite => value.as_array().is_some_and(|found| !found.is_empty()),
        Some(_) => true,
    }
}

fn compare(left: &Resolved, op: CompareOp, right: &Resolved) -> bool {
    match op {
        CompareOp::Eq => loose_eq(left.value(), right.value()),
        CompareOp::Ne => !loose_eq(left.value(), right.value()),
        CompareOp::StrictEq => strict_eq(left.value(), right.value()),
        CompareOp::StrictNe => !strict_eq(left.value(), right.value()),
        CompareOp::Lt => order(left, right).is_some_and(Ordering::is_lt),
        CompareOp::Le => order(left, right).is_some_and(Ordering::is_le),
        CompareOp::Gt => order(left, right).is_some_and(Ordering::is_gt),
        CompareOp::Ge => order(left, right).is_some_and(Ordering::is_ge),
        CompareOp::Matches => match (left, right) {
            (Resolved::Pattern(regex), other) | (other, Resolved::Pattern(regex)) => {
                regex_matches(regex, other.value())
            }
            _ => false,
        },
        CompareOp::In => match right.value() {
            Some(Value::Array(list)) => list.iter().any(|item| loose_eq(left.value(), Some(item))),
            _ => false,
        },
        CompareOp::NotIn => match right.value() {
            Some(Value::Array(list)) => !list.iter().any(|item| loose_eq(left.value(), Some(item))),
            // Jayway: an object on the right is "no list", so nothing is in it.
            Some(Value::Object(_)) => true,
            _ => false,
        },
        CompareOp::SubsetOf => match (left.value(), right.value()) {
            (Some(Value::Array(subset)), Some(Value::Array(set))) => {
                subset.iter().all(|item| set.iter().any(|other| loose_eq(Some(item), Some(other))))
            }
            _ => false,
        },
        CompareOp::AnyOf => match (left.value(), right.value()) {
            (Some(Value::Array(a)), Some(Value::Array(b))) => {
                a.iter().any(|item| b.iter().any(|other| loose_eq(Some(item), Some(other))))
            }
            _ => false,
        },
        CompareOp::NoneOf => match (left.value(), right.value()) {
            (Some(Value::Array(a)), Some(Value::Array(b))) => {
                !a.iter().any(|item| b.iter().any(|other| loose_eq(Some(item), Some(other))))
            }
            _ => false,
        },
        CompareOp::Contains => match (left.value(), right.value()) {
            (Some(Value::String(text)), Some(Value::String(part))) => text.contains(part.as_str()),
            (Some(Value::Array(list)), needle) => list.iter().any(|item| loose_eq(needle, Some(item))),
            _ => false,
        },
        CompareOp::Size => {
            let Some(Value::Number(expected)) = right.value() else {
                return false;
            };
            let Some(expected) = int_value(expected) else {
                return false;
            };
            let actual = match left.value() {
                Some(Value::String(text)) => text.encode_utf16().count(),
                Some(Value::Array(list)) => list.len(),
                Some(Value::Object(object)) => object.len(),
                _ => return false,
            };
            i64::try_from(actual).is_ok_and(|actual| actual == expected)
        }
        CompareOp::Empty => {
            let Some(Value::Bool(expected)) = right.value() else {
                return false;
            };
            match left.value() {
                Some(Value::String(text)) => text.is_empty() == *expected,
                Some(Value::Array(list)) => list.is_empty() == *expected,
                Some(Value::Object(object)) => object.is_empty() == *expected,
                _ => false,
            }
        }
    }
}

/// Jayway's `==`, led by the left side: a number equals a string that reads as that number;
/// a string equals a number written the same way; lists and objects equal only lists and
/// objects with the same content; a missing value equals nothing.
fn loose_eq(left: Option<&Value>, right: Option<&Value>) -> bool {
    let (Some(left), Some(right)) = (left, right) else {
        return false;
    };
    match (left, right) {
        (Value::Array(_) | Value::Object(_), Value::Array(_) | Value::Object(_)) => left == right,
        (Value::Array(_) | Value::Object(_), _) | (_, Value::Array(_) | Value::Object(_)) => false,
        (Value::Number(a), Value::Number(b)) => {
            compare_numbers(Numeric::of(a), Numeric::of(b)) == Some(Ordering::Equal)
        }
        (Value::Number(a), Value::String(b)) => {
            Numeric::parse(b).is_some_and(|b| compare_numbers(Numeric::of(a), b) == Some(Ordering::Equal))
        }
        (Value::String(a), Value::Number(b)) => *a == b.to_string(),
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Null, Value::Null) => true,
        _ => false,
    }
}

/// `===`: the same kind of value (lists and objects count as one kind, as in Jayway), then `==`.
fn strict_eq(left: Option<&Value>, right: Option<&Value>) -> bool {
    let kind = |value: &Value| match value {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) | Value::Object(_) => 4,
    };
    match (left, right) {
        (Some(a), Some(b)) => kind(a) == kind(b) && loose_eq(left, right),
        _ => false,
    }
}

fn order(left: &Resolved, right: &Resolved) -> Option<Ordering> {
    match (left.value()?, right.value()?) {
        (Value::Number(a), Value::Number(b)) => compare_numbers(Numeric::of(a), Numeric::of(b)),
        (Value::String(a), Value::String(b)) => Some(a.encode_utf16().cmp(b.encode_utf16())),
        _ => None,
    }
}

/// What `=~` matches against: strings, numbers and booleans as text; a list if any element
/// matches; anything else as the empty text (as Jayway does).
fn regex_matches(regex: &Regex, value: Option<&Value>) -> bool {
    match value {
        Some(Value::Array(items)) => items.iter().any(|item| regex.is_match(&regex_input(Some(item)))),
        other => regex.is_match(&regex_input(other)),
    }
}

fn regex_input(value: Option<&Value>) -> Cow<'_, str> {
    match value {
        Some(Value::String(text)) => Cow::Borrowed(text),
        Some(Value::Number(number)) => Cow::Owned(number.to_string()),
        Some(Value::Bool(flag)) => Cow::Borrowed(if *flag { "true" } else { "false" }),
        _ => Cow::Borrowed(""),
    }
}

/// A number for comparing: exact for integers, binary floating point otherwise.
#[derive(Clone, Copy)]
enum Numeric {
    Integer(i128),
    Float(f64),
}

impl Numeric {
    fn of(number: &Number) -> Numeric {
        if let Some(integer) = number.as_i64() {
            Numeric::Integer(i128::from(integer))
        } else if let Some(integer) = number.as_u64() {
            Numeric::Integer(i128::from(integer))
        } else {
            Numeric::Float(number.as_f64().unwrap_or(f64::NAN))
        }
    }

    /// A string as Java's `BigDecimal` reads it: `12`, `-1.5`, `+3`, `.5`, `1e3`.
    fn parse(text: &str) -> Option<Numeric> {
        let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
        let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
            Some(at) => (unsigned.get(..at)?, Some(unsigned.get(at + 1..)?)),
            None => (unsigned, None),
        };
        let (whole, fraction) = match mantissa.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (mantissa, None),
        };
        let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || !fraction.is_none_or(digits) || whole.len() + fraction.map_or(0, str::len) == 0 {
            return None;
        }
        if let Some(exponent) = exponent {
            let exponent_digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            if exponent_digits.is_empty() || !digits(exponent_digits) {
                return None;
            }
        }
        if fraction.is_none()
            && exponent.is_none()
            && let Ok(integer) = text.parse::<i128>()
        {
            return Some(Numeric::Integer(integer));
        }
        text.parse::<f64>().ok().filter(|f| f.is_finite()).map(Numeric::Float)
    }

    fn as_f64(self) -> f64 {
        match self {
            // Precision lost only beyond 2^53, where Jayway's doubles lose it too.
            Numeric::Integer(integer) => integer as f64,
            Numeric::Float(float) => float,
        }
    }
}

fn compare_numbers(a: Numeric, b: Numeric) -> Option<Ordering> {
    match (a, b) {
        (Numeric::Integer(a), Numeric::Integer(b)) => Some(a.cmp(&b)),
        _ => a.as_f64().partial_cmp(&b.as_f64()),
    }
}

/// Java's `BigDecimal.intValue()` for the sizes `size` compares: the integer part.
fn int_value(number: &Number) -> Option<i64> {
    match Numeric::of(number) {
        Numeric::Integer(integer) => i64::try_from(integer).ok(),
        Numeric::Float(float) if float.is_finite() => Some(float.trunc() as i64),
        Numeric::Float(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::Path;
    use serde_json::json;

    /// Whether the filter text accepts the object `item`.
    fn accepts_item(filter: &str, item: Value) -> bool {
        let path = match Path::parse(&format!("$[?({filter})]")) {
            Ok(path) => path,
            Err(error) => panic!("{filter}: {error}"),
        };
        let input = Value::Array(vec![item]);
        match path.select(&input).map(Cow::into_owned) {
            Some(Value::Array(found)) => !found.is_empty(),
            other => panic!("{filter}: {other:?}"),
        }
    }

    #[test]
    fn equality_follows_jayway() {
        let item = json!({"n": 1, "f": 1.5, "s": "1", "t": "text", "b": true, "z": null, "l": [1, 2], "o": {"k": 1}});
        assert!(accepts_item("@.n == 1", item.clone()));
        assert!(accepts_item("@.n == 1.0", item.clone()));
        assert!(accepts_item("@.f == 1.5", item.clone()));
        assert!(accepts_item("@.n == '1'", item.clone()));
        assert!(accepts_item("@.n == '1.0'", item.clone()));
        assert!(!accepts_item("@.n == 'one'", item.clone()));
        assert!(accepts_item("@.s == 1", item.clone()));
        assert!(accepts_item("@.t == 'text'", item.clone()));
        assert!(accepts_item("@.t == \"text\"", item.clone()));
        assert!(accepts_item("@.t == text", item.clone()));
        assert!(!accepts_item("@.t == 'Text'", item.clone()));
        assert!(accepts_item("@.b == true", item.clone()));
        assert!(!accepts_item("@.b == 'true'", item.clone()));
        assert!(accepts_item("@.z == null", item.clone()));
        assert!(!accepts_item("@.missing == null", item.clone()));
        assert!(accepts_item("@.l == [1, 2]", item.clone()));
        assert!(!accepts_item("@.l == [2, 1]", item.clone()));
        assert!(accepts_item("@.o == {'k': 1}", item.clone()));
        assert!(!accepts_item("@.l == 1", item.clone()));
        assert!(accepts_item("@.n != 2", item.clone()));
        assert!(accepts_item("@.missing != 2", item.clone()));
        assert!(accepts_item("@.n === 1", item.clone()));
        assert!(!accepts_item("@.n === '1'", item.clone()));
        assert!(accepts_item("@.n !== '1'", item.clone()));
        assert!(accepts_item("@.n == @.s", item.clone()));
    }

    #[test]
    fn ordering_compares_like_with_like() {
        let item = json!({"n": 5, "f": 2.5, "s": "b", "big": 18446744073709551615u64});
        assert!(accepts_item("@.n < 10", item.clone()));
        assert!(accepts_item("@.n <= 5", item.clone()));
        assert!(accepts_item("@.n > 4.5", item.clone()));
        assert!(accepts_item("@.f >= 2.5", item.clone()));
        assert!(!accepts_item("@.n < '10'", item.clone()));
        assert!(accepts_item("@.s > 'a'", item.clone()));
        assert!(accepts_item("@.s < 'c'", item.clone()));
        assert!(!accepts_item("@.missing < 1", item.clone()));
        assert!(!accepts_item("@.missing >= 1", item.clone()));
        assert!(accepts_item("@.big > 9223372036854775807", item.clone()));
        assert!(accepts_item("@.n > -1e3", item.clone()));
        // Java compares strings by UTF-16 units: 😀 (U+1F600, written D83D DE00) sorts below
        // ～ (U+FF5E), the reverse of code point order.
        assert!(!accepts_item("@.s < '~'", json!({"s": "😀"})));
        assert!(accepts_item("@.s < '～'", json!({"s": "😀"})));
    }

    #[test]
    fn existence() {
        let item = json!({"a": null, "b": {"c": []}, "l": [1]});
        assert!(accepts_item("@.a", item.clone()));
        assert!(accepts_item("@.b.c", item.clone()));
        assert!(!accepts_item("@.x", item.clone()));
        assert!(accepts_item("!@.x", item.clone()));
        assert!(!accepts_item("!@.a", item.clone()));
        assert!(accepts_item("@.l[*]", item.clone()));
        assert!(!accepts_item("@.b.c[*]", item.clone()));
        assert!(!accepts_item("@.b.length()", item.clone()));
    }

    #[test]
    fn logic() {
        let item = json!({"a": "x", "b": 1});
        assert!(accepts_item("@.a == 'x' && @.b", item.clone()));
        assert!(!accepts_item("@.a == 'y' && @.b", item.clone()));
        assert!(accepts_item("@.a == 'y' || @.b", item.clone()));
        // Right grouping: false && (true || true) is false; (false && true) || true would not be.
        assert!(!accepts_item("@.a == 'y' && @.b || @.a", item.clone()));
        assert!(accepts_item("(@.a == 'y' && @.b) || @.a", item.clone()));
    }

    #[test]
    fn lists() {
        let item = json!({"a": "x", "n": 2, "l": ["x", "y"], "o": {"k": 1}});
        assert!(accepts_item("@.a in ['x', 'z']", item.clone()));
        assert!(!accepts_item("@.a in ['z']", item.clone()));
        assert!(accepts_item("@.n in [1, 2]", item.clone()));
        assert!(accepts_item("@.n in ['2']", item.clone()));
        assert!(!accepts_item("@.a in 'x'", item.clone()));
        assert!(accepts_item("@.a nin ['z']", item.clone()));
        assert!(!accepts_item("@.a nin ['x']", item.clone()));
        assert!(!accepts_item("@.a nin 'z'", item.clone()));
        assert!(accepts_item("@.a nin @.o", item.clone()));
        assert!(accepts_item("@.missing nin ['x']", item.clone()));
        assert!(accepts_item("@.a in @.l", item.clone()));
        assert!(accepts_item("@.l subsetof ['x', 'y', 'z']", item.clone()));
        assert!(!accepts_item("@.l subsetof ['x']", item.clone()));
        assert!(accepts_item("@.l anyof ['y', 'q']", item.clone()));
        assert!(!accepts_item("@.l anyof ['q']", item.clone()));
        assert!(accepts_item("@.l noneof ['q']", item.clone()));
        assert!(!accepts_item("@.l noneof ['x']", item.clone()));
        assert!(accepts_item("@.l contains 'y'", item.clone()));
        assert!(accepts_item("@.a contains 'x'", item.clone()));
        assert!(!accepts_item("@.a contains 'q'", item.clone()));
        assert!(accepts_item("@.l size 2", item.clone()));
        assert!(accepts_item("@.a size 1", item.clone()));
        assert!(accepts_item("@.o size 1", item.clone()));
        assert!(!accepts_item("@.n size 2", item.clone()));
        assert!(accepts_item("@.l empty false", item.clone()));
        assert!(!accepts_item("@.l empty true", item.clone()));
        assert!(accepts_item("@.e empty true", json!({"e": ""})));
        assert!(!accepts_item("@.l empty 'no'", item.clone()));
    }

    #[test]
    fn regular_expressions() {
        let item = json!({"a": "Nigel Rees", "n": 42, "b": true, "l": ["x", "abc"], "z": null});
        assert!(accepts_item("@.a =~ /.*Rees/", item.clone()));
        assert!(!accepts_item("@.a =~ /Rees/", item.clone()));
        assert!(accepts_item("@.a =~ /.*REES/i", item.clone()));
        assert!(accepts_item("@.n =~ /4\\d/", item.clone()));
        assert!(accepts_item("@.b =~ /tr.e/", item.clone()));
        assert!(accepts_item("@.l =~ /a.c/", item.clone()));
        assert!(accepts_item("/.*Rees/ =~ @.a", item.clone()));
        // Jayway matches anything else as the empty text.
        assert!(accepts_item("@.z =~ /.*/", item.clone()));
        assert!(accepts_item("@.missing =~ /a*/", item.clone()));
        assert!(!accepts_item("@.missing =~ /a+/", item.clone()));
    }

    #[test]
    fn numbers_read_from_strings() {
        let parse = |text: &str| Numeric::parse(text).map(Numeric::as_f64);
        assert_eq!(parse("12"), Some(12.0));
        assert_eq!(parse("-1.5"), Some(-1.5));
        assert_eq!(parse("+3"), Some(3.0));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("1."), Some(1.0));
        assert_eq!(parse("1e3"), Some(1000.0));
        assert_eq!(parse("1E-1"), Some(0.1));
        for bad in ["", "-", ".", "e3", "1e", "1x", " 1", "inf", "NaN", "1.2.3", "--1"] {
            assert!(Numeric::parse(bad).is_none(), "{bad}");
        }
    }
}
