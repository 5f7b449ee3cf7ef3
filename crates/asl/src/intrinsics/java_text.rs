//! Text the way AWS's Java runtime writes it: `Double.toString` for floats, `Map.toString` /
//! `List.toString` for values interpolated by `States.Format`, Jackson's compact JSON for
//! `States.JsonToString`, and `Math.round` for the functions that round their arguments.

use std::fmt::Write;

use serde_json::{Number, Value};

/// Java's `Math.round(double)`: the closest integer, ties towards positive infinity
/// (`-1.5` gives `-1`, `2.5` gives `3`). `None` when the result does not fit in an `i64`.
pub fn java_round(x: f64) -> Option<i64> {
    if !x.is_finite() {
        return None;
    }
    let floor = x.floor();
    // `x - floor` is exact for every finite double, so ties are decided without the
    // `x + 0.5` rounding error that once made Java round 0.49999999999999994 up.
    let rounded = if x - floor >= 0.5 { floor + 1.0 } else { floor };
    // 2^63 is exactly representable; anything at or beyond it does not fit.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if !(-LIMIT..LIMIT).contains(&rounded) {
        return None;
    }
    Some(rounded as i64)
}

/// Appends a number as Java prints it: integers in decimal, floats as `Double.toString`.
pub fn write_number(number: &Number, out: &mut String) {
    if let Some(i) = number.as_i64() {
        let _ = write!(out, "{i}");
    } else if let Some(u) = number.as_u64() {
        let _ = write!(out, "{u}");
    } else if let Some(f) = number.as_f64() {
        write_double(f, out);
    }
}

/// Appends `Double.toString(x)`: plain notation with at least one fractional digit for
/// `1e-3 <= |x| < 1e7`, otherwise computerized scientific notation (`1.0E10`, `1.5E-4`).
/// The digits are the shortest that read back as the same double, as Java (since JDK 19) and
/// Rust both choose them.
pub fn write_double(x: f64, out: &mut String) {
    if x.is_nan() {
        out.push_str("NaN");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x > 0.0 { "Infinity" } else { "-Infinity" });
        return;
    }
    if x == 0.0 {
        out.push_str(if x.is_sign_negative() { "-0.0" } else { "0.0" });
        return;
    }
    // Rust's `{:e}` gives the shortest round-trip digits as `d.ddde±x`.
    let scientific = format!("{:e}", x.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if x < 0.0 {
        out.push('-');
    }
    if (-3..7).contains(&exponent) {
        if exponent < 0 {
            out.push_str("0.");
            for _ in 0..(-exponent - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let integer_len = exponent as usize + 1;
            if digits.len() <= integer_len {
                out.push_str(&digits);
                for _ in digits.len()..integer_len {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                let (integer, fraction) = digits.split_at(integer_len);
                out.push_str(integer);
                out.push('.');
                out.push_str(fraction);
            }
        }
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        out.push('.');
        out.push_str(if rest.is_empty() { "0" } else { rest });
        let _ = write!(out, "E{exponent}");
    }
}

/// Appends a value as Java's `toString` shows it once AWS has turned JSON into Java objects:
/// strings bare, objects as `{key=value, ...}`, arrays as `[a, b]` (what `States.Format`
/// interpolates).
pub fn write_java_string(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(n, out),
        Value::String(s) => out.push_str(s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_java_string(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(key);
                out.push('=');
                write_java_string(item, out);
            }
            out.push('}');
        }
    }
}

/// Appends compact JSON as Jackson writes it: no spaces, floats as `Double.toString`, control
/// characters escaped with short forms where JSON has them and `\u00XX` (upper-case hex)
/// otherwise, everything else (non-ASCII, `/`) written as is.
pub fn write_jackson_json(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(n, out),
        Value::String(s) => write_jackson_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_jackson_json(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_jackson_string(key, out);
                out.push(':');
                write_jackson_json(item, out);
            }
            out.push('}');
        }
    }
}

fn write_jackson_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let code = c as usize;
                out.push_str("\\u00");
                out.push(HEX[code >> 4] as char);
                out.push(HEX[code & 0xF] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn double(x: f64) -> String {
        let mut out = String::new();
        write_double(x, &mut out);
        out
    }

    #[test]
    fn doubles_print_like_java() {
        assert_eq!(double(1.1), "1.1");
        assert_eq!(double(1.0), "1.0");
        assert_eq!(double(100.0), "100.0");
        assert_eq!(double(-2.5), "-2.5");
        assert_eq!(double(0.001), "0.001");
        assert_eq!(double(0.0001), "1.0E-4");
        assert_eq!(double(0.000123), "1.23E-4");
        assert_eq!(double(1234567.0), "1234567.0");
        assert_eq!(double(9999999.5), "9999999.5");
        assert_eq!(double(1.0e7), "1.0E7");
        assert_eq!(double(12345678.9), "1.23456789E7");
        assert_eq!(double(1.0e10), "1.0E10");
        assert_eq!(double(-1.5e300), "-1.5E300");
        assert_eq!(double(0.0), "0.0");
        assert_eq!(double(-0.0), "-0.0");
        assert_eq!(double(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn round_matches_java_math_round() {
        let cases = [
            (1.49, 1),
            (1.5, 2),
            (2.5, 3),
            (0.5, 1),
            (-0.5, 0),
            (-1.5, -1),
            (-1.51, -2),
            (-2.5, -2),
            (-3.5, -3),
            (0.49999999999999994, 0),
            (7.0, 7),
        ];
        for (x, expected) in cases {
            assert_eq!(java_round(x), Some(expected), "Math.round({x})");
        }
        assert_eq!(java_round(1e19), None);
        assert_eq!(java_round(-(2f64.powi(63))), Some(i64::MIN));
    }

    #[test]
    fn java_to_string_of_json_values() {
        let mut out = String::new();
        write_java_string(
            &json!({"Arg1": 1, "Arg2": [], "s": "x y", "n": null, "f": 1.5, "l": [1, "a", true]}),
            &mut out,
        );
        assert_eq!(out, "{Arg1=1, Arg2=[], s=x y, n=null, f=1.5, l=[1, a, true]}");
    }

    #[test]
    fn jackson_json_is_compact_with_java_numbers() {
        let mut out = String::new();
        write_jackson_json(&json!({"a": [1, 2.0, 1e10, "q\"\\\n\u{1}é/"], "b": {}, "c": null, "d": false}), &mut out);
        assert_eq!(out, r#"{"a":[1,2.0,1.0E10,"q\"\\\n\u0001é/"],"b":{},"c":null,"d":false}"#);
    }
}
