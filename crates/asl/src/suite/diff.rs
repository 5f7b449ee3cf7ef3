//! JSON values compared as a test suite compares them: numbers by value (`1` equals `1.0`),
//! exactly or as a subset, with each difference named by its path
//! (`$.order.status: expected "SHIPPED", got "CANCELLED"`).

use serde::Serialize;
use serde_json::{Number, Value};

/// One place where two values differ.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    /// Where, as a JSONPath: `$`, `$.order.items[2]`, `$['odd key']`.
    pub path: String,
    /// What the expectation has there (absent: nothing was expected there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Value>,
    /// What the run has there (absent: nothing is there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
    /// The difference in one line.
    pub text: String,
}

/// Whether two values are equal, numbers compared by value.
pub fn equal(a: &Value, b: &Value) -> bool {
    diff(a, b).is_empty()
}

/// Whether `actual` holds `expected`: objects have its keys (recursively), arrays have its
/// length with each element holding its element, scalars are equal.
pub fn contains(expected: &Value, actual: &Value) -> bool {
    subset_diff(expected, actual).is_empty()
}

/// Every difference between `expected` and `actual`, exactly.
pub fn diff(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(expected, actual, "$".to_string(), false, &mut out);
    out
}

/// Every way `actual` fails to hold `expected` (see [`contains`]).
pub fn subset_diff(expected: &Value, actual: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(expected, actual, "$".to_string(), true, &mut out);
    out
}

fn walk(expected: &Value, actual: &Value, path: String, subset: bool, out: &mut Vec<Difference>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let p = member(&path, k);
                match a.get(k) {
                    Some(av) => walk(ev, av, p, subset, out),
                    None => out.push(missing(p, ev)),
                }
            }
            if !subset {
                for (k, av) in a.iter().filter(|(k, _)| !e.contains_key(*k)) {
                    out.push(unexpected(member(&path, k), av));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if subset && e.len() != a.len() {
                let text = format!("{path}: expected a list of {}, got a list of {}", items(e.len()), items(a.len()));
                out.push(Difference { path, expected: Some(expected.clone()), actual: Some(actual.clone()), text });
                return;
            }
            for i in 0..e.len().max(a.len()) {
                let p = format!("{path}[{i}]");
                match (e.get(i), a.get(i)) {
                    (Some(ev), Some(av)) => walk(ev, av, p, subset, out),
                    (Some(ev), None) => out.push(missing(p, ev)),
                    (None, Some(av)) => out.push(unexpected(p, av)),
                    (None, None) => {}
                }
            }
        }
        (Value::Number(e), Value::Number(a)) if numbers_equal(e, a) => {}
        (e, a) if e == a => {}
        (e, a) => {
            let text = format!("{path}: expected {}, got {}", short(e), short(a));
            out.push(Difference { path, expected: Some(e.clone()), actual: Some(a.clone()), text });
        }
    }
}

fn missing(path: String, expected: &Value) -> Difference {
    let text = format!("{path}: missing (expected {})", short(expected));
    Difference { path, expected: Some(expected.clone()), actual: None, text }
}

fn unexpected(path: String, actual: &Value) -> Difference {
    let text = format!("{path}: not expected (got {})", short(actual));
    Difference { path, expected: None, actual: Some(actual.clone()), text }
}

fn items(n: usize) -> String {
    if n == 1 { "1 item".to_string() } else { format!("{n} items") }
}

/// Exact for integers, by value otherwise (`1 == 1.0`).
pub(super) fn numbers_equal(a: &Number, b: &Number) -> bool {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return x == y;
    }
    a.as_f64() == b.as_f64()
}

/// `$.key`, or `$['key']` when the key is not a plain name.
fn member(path: &str, key: &str) -> String {
    let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("{path}.{key}")
    } else {
        format!("{path}['{}']", key.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// A value in a line of text: its compact JSON, cut short when long.
pub(super) fn short(v: &Value) -> String {
    short_at(v, 60)
}

/// A value's compact JSON, cut after `max` characters.
pub(super) fn short_at(v: &Value, max: usize) -> String {
    let text = v.to_string();
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lines(d: Vec<Difference>) -> Vec<String> {
        d.into_iter().map(|d| d.text).collect()
    }

    #[test]
    fn exact_differences_by_path() {
        let expected = json!({"order": {"status": "SHIPPED", "items": [1, 2, 3]}, "n": 1});
        let actual = json!({"order": {"status": "CANCELLED", "items": [1, 2]}, "n": 1.0, "extra": true});
        assert_eq!(
            lines(diff(&expected, &actual)),
            [
                "$.order.status: expected \"SHIPPED\", got \"CANCELLED\"",
                "$.order.items[2]: missing (expected 3)",
                "$.extra: not expected (got true)",
            ]
        );
        assert!(equal(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]})));
        assert!(!equal(&json!(1), &json!("1")));
        assert_eq!(lines(diff(&json!([1]), &json!([1, {"x": 1}]))), ["$[1]: not expected (got {\"x\":1})"]);
        assert_eq!(lines(diff(&json!({"a b": 1}), &json!({}))), ["$['a b']: missing (expected 1)"]);
    }

    #[test]
    fn subsets() {
        let actual =
            json!({"status": "SHIPPED", "order": {"id": 7, "lines": [{"sku": "a", "n": 1}, {"sku": "b", "n": 2}]}});
        assert!(contains(&json!({"status": "SHIPPED"}), &actual));
        assert!(contains(&json!({"order": {"lines": [{"sku": "a"}, {}]}}), &actual));
        assert!(contains(&json!({"order": {"id": 7.0}}), &actual));
        assert_eq!(
            lines(subset_diff(&json!({"order": {"lines": [{"sku": "a"}]}}), &actual)),
            ["$.order.lines: expected a list of 1 item, got a list of 2 items"]
        );
        assert_eq!(lines(subset_diff(&json!({"order": {"x": 1}}), &actual)), ["$.order.x: missing (expected 1)"]);
        assert_eq!(lines(subset_diff(&json!({"status": {}}), &actual)), ["$.status: expected {}, got \"SHIPPED\""]);
        assert!(contains(&json!(3), &json!(3)));
    }

    #[test]
    fn long_values_are_cut_short() {
        let long = "x".repeat(100);
        assert!(short(&json!(long)).ends_with('…'));
        assert_eq!(short(&json!(long)).chars().count(), 61);
    }
}
