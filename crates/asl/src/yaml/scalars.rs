//! A scalar's value: YAML 1.2's core schema for plain scalars, strings for the rest, and the
//! core `!!` tags.

use serde_json::{Number, Value};

/// The value of a plain (unquoted) scalar.
pub fn plain(text: &str) -> Result<Value, String> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        _ => {}
    }
    if let Some(n) = integer(text).or_else(|| float(text)) {
        return n.map(Value::Number);
    }
    Ok(Value::String(text.to_string()))
}

/// The value of a scalar with a core tag (`!!str 12`, `!!int "12"`).
pub fn tagged(tag: &str, text: &str) -> Result<Value, String> {
    let wrong = |what: &str| format!("'{text}' is not {what} (tagged !!{tag})");
    match tag {
        "null" => Ok(Value::Null),
        "bool" => match plain(text) {
            Ok(Value::Bool(b)) => Ok(Value::Bool(b)),
            _ => Err(wrong("a boolean")),
        },
        "int" => integer(text).unwrap_or_else(|| Err(wrong("an integer"))).map(Value::Number),
        "float" => integer(text).or_else(|| float(text)).unwrap_or_else(|| Err(wrong("a number"))).map(Value::Number),
        _ => Ok(Value::String(text.to_string())),
    }
}

/// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`: `None` when the text is not an integer.
fn integer(text: &str) -> Option<Result<Number, String>> {
    let radix = |digits: &str, radix: u32| {
        (!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)))
            .then(|| u64::from_str_radix(digits, radix).map(Number::from).map_err(|_| too_large(text)))
    };
    if let Some(octal) = text.strip_prefix("0o") {
        return radix(octal, 8);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return radix(hex, 16);
    }
    let (negative, digits) = sign(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    let decimal = if digits.is_empty() { "0" } else { digits };
    let written = if negative { format!("-{decimal}") } else { decimal.to_string() };
    // Beyond 64 bits, a float, as JSON parsers do.
    Some(serde_json::from_str::<Number>(&written).map_err(|_| too_large(text)))
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, and the infinities and NaN JSON
/// cannot hold.
fn float(text: &str) -> Option<Result<Number, String>> {
    let (negative, body) = sign(text);
    if matches!(body, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(Err(format!("'{text}' is a YAML number that JSON cannot hold")));
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) || !exponent_ok {
        return None;
    }
    if !mantissa.contains('.') && exponent.is_none() {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let written = format!(
        "{}{}.{}{}",
        if negative { "-" } else { "" },
        if whole.is_empty() { "0" } else { whole },
        if fraction.is_empty() { "0" } else { fraction },
        exponent.map(|e| format!("e{e}")).unwrap_or_default()
    );
    Some(match written.parse::<f64>() {
        Ok(f) if f.is_finite() => Number::from_f64(f).ok_or_else(|| too_large(text)),
        _ => Err(too_large(text)),
    })
}

fn sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

fn too_large(text: &str) -> String {
    format!("the number {text} is too large")
}
