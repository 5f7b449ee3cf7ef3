//! AWS's payload quota: 256 KiB of UTF-8 JSON per state input, output and task result.

use serde_json::Value;

pub(super) const MAX_PAYLOAD_BYTES: usize = 262_144;

/// The length of `v` as compact JSON text, computed without building the text.
pub(super) fn json_size(v: &Value) -> usize {
    match v {
        Value::Null => 4,
        Value::Bool(true) => 4,
        Value::Bool(false) => 5,
        Value::Number(n) => number_len(n),
        Value::String(s) => string_len(s),
        Value::Array(a) => 2 + a.iter().map(json_size).sum::<usize>() + a.len().saturating_sub(1),
        Value::Object(o) => {
            2 + o.iter().map(|(k, v)| string_len(k) + 1 + json_size(v)).sum::<usize>() + o.len().saturating_sub(1)
        }
    }
}

fn number_len(n: &serde_json::Number) -> usize {
    if let Some(i) = n.as_i64() {
        let digits = if i == 0 { 1 } else { i.unsigned_abs().ilog10() as usize + 1 };
        digits + usize::from(i < 0)
    } else if let Some(u) = n.as_u64() {
        u.ilog10() as usize + 1
    } else {
        n.to_string().len()
    }
}

fn string_len(s: &str) -> usize {
    2 + s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
            0..=0x1f => 6,
            _ => 1,
        })
        .sum::<usize>()
}

/// Whether `v` is over the quota.
pub(super) fn too_large(v: &Value) -> bool {
    json_size(v) > MAX_PAYLOAD_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn size_matches_serialized_length() {
        for v in [
            json!(null),
            json!({"a": [1, -20, 3.5, "x\"y\n\u{1}"], "b": {"c": true, "d": false}, "é": 12345678901234u64}),
            json!([]),
            json!({}),
            json!(-0.000001),
        ] {
            assert_eq!(json_size(&v), serde_json::to_string(&v).unwrap().len(), "{v}");
        }
    }
}
