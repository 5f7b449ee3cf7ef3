//! Property-style tests over random and damaged inputs: the parser never panics, its spans are
//! always valid, and it agrees with serde_json on what is valid JSON and what it means.

use super::parse;
use crate::json::ParsedJson;
use serde_json::Value;

/// A small deterministic generator (xorshift64), so failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Pieces that random documents are made of: JSON's own tokens, near misses, and bytes that
/// must be handled with care (control characters, multi-byte characters, a BOM).
const PIECES: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\"b\"", "'", "\\", "\\u", "\\ud83d", "\\ude00", "0", "1", "-", "+",
    ".", "e", "E", "12", "0.5", "1e9", "true", "false", "null", "NaN", " ", "\n", "\r", "\t", "/", "*", "//", "/*",
    "*/", "\u{0}", "\u{1f}", "\u{7f}", "é", "😀", "\u{FEFF}", "x", "Next", "@",
];

const DOCUMENT: &str = r#"{
  "Comment": "An example \"quoted\" \u00e9 😀",
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Result": {"n": [1, -2.5e3, 0, true, null]}, "Next": "Second"},
    "Second": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "BackoffRate": 1.5}],
      "Catch": [{"ErrorEquals": ["A", "B"], "Next": "Third"}],
      "End": true
    },
    "Third": {"Type": "Fail", "Error": "E", "Cause": "tab\there"}
  }
}"#;

/// Everything that must hold for any input.
fn check(text: &str) -> ParsedJson {
    let parsed = parse(text);
    let valid_span = |start: usize, end: usize| {
        start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
    };
    for error in &parsed.errors {
        assert!(valid_span(error.span.start, error.span.end), "{error:?} in {text:?}");
        assert!(!error.message.is_empty());
    }
    assert!(parsed.errors.windows(2).all(|w| w[0].span.start <= w[1].span.start), "errors out of order for {text:?}");
    for (pointer, node) in parsed.spans.iter() {
        assert!(valid_span(node.value.start, node.value.end), "{pointer} in {text:?}");
        if let Some(key) = node.key {
            assert!(valid_span(key.start, key.end), "{pointer} key in {text:?}");
            assert!(key.end <= node.value.start, "{pointer} in {text:?}");
        }
    }
    for duplicate in &parsed.duplicate_keys {
        assert!(valid_span(duplicate.span.start, duplicate.span.end));
    }
    if parsed.value.is_none() {
        assert!(!parsed.errors.is_empty(), "no value and no error for {text:?}");
    }

    // Same verdict and same value as serde_json (these inputs nest far less than its limit).
    match serde_json::from_str::<Value>(text) {
        Ok(expected) => {
            assert_eq!(parsed.errors, [], "serde_json accepts {text:?}");
            let value = parsed.value.as_ref().expect("a value");
            assert_eq!(value.to_string(), expected.to_string(), "for {text:?}");
            let mut nodes = 0;
            assert_every_node_has_spans(value, &mut String::new(), &parsed, &mut nodes);
            assert_eq!(parsed.spans.len(), nodes, "stray spans for {text:?}");
        }
        Err(_) => assert!(!parsed.errors.is_empty(), "serde_json rejects {text:?}"),
    }
    parsed
}

fn assert_every_node_has_spans(value: &Value, pointer: &mut String, parsed: &ParsedJson, nodes: &mut usize) {
    assert!(parsed.spans.get(pointer).is_some(), "no spans for {pointer:?}");
    *nodes += 1;
    let saved = pointer.len();
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                pointer.push('/');
                pointer.push_str(&crate::json::escape_pointer_segment(key));
                assert_every_node_has_spans(item, pointer, parsed, nodes);
                pointer.truncate(saved);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointer.push_str(&format!("/{index}"));
                assert_every_node_has_spans(item, pointer, parsed, nodes);
                pointer.truncate(saved);
            }
        }
        _ => {}
    }
}

/// Appends a random valid JSON value, with random whitespace, numbers and escapes.
fn random_valid_json(rng: &mut XorShift, depth: usize, out: &mut String) {
    const SPACE: &[&str] = &["", "", " ", "\n  ", "\t", "\r\n"];
    const STRING_PIECES: &[&str] = &[
        "a",
        "Next",
        " ",
        "é",
        "😀",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b",
        "\\f",
        "\\n",
        "\\r",
        "\\t",
        "\\u0000",
        "\\u00E9",
        "\\uFFFF",
        "\\ud83d\\ude00",
        "~",
        "/",
        "'",
        "\u{7f}",
    ];
    out.push_str(rng.pick(SPACE));
    let kind = if depth >= 6 { rng.below(4) } else { rng.below(6) };
    match kind {
        0 => out.push_str(rng.pick(&["true", "false", "null"])),
        1 => {
            if rng.below(3) == 0 {
                out.push('-');
            }
            if rng.below(4) == 0 {
                out.push('0');
            } else {
                out.push(char::from(b'1' + rng.below(9) as u8));
                for _ in 0..rng.below(25) {
                    out.push(char::from(b'0' + rng.below(10) as u8));
                }
            }
            if rng.below(3) == 0 {
                out.push('.');
                for _ in 0..1 + rng.below(20) {
                    out.push(char::from(b'0' + rng.below(10) as u8));
                }
            }
            if rng.below(4) == 0 {
                out.push_str(rng.pick(&["e", "E", "e+", "e-", "E-"]));
                // Two digits at most: larger exponents may leave f64's range.
                for _ in 0..1 + rng.below(2) {
                    out.push(char::from(b'0' + rng.below(10) as u8));
                }
            }
        }
        2 | 3 => {
            out.push('"');
            for _ in 0..rng.below(6) {
                out.push_str(rng.pick(STRING_PIECES));
            }
            out.push('"');
        }
        4 => {
            out.push('[');
            for index in 0..rng.below(5) {
                if index > 0 {
                    out.push(',');
                }
                random_valid_json(rng, depth + 1, out);
            }
            out.push_str(rng.pick(SPACE));
            out.push(']');
        }
        _ => {
            out.push('{');
            for index in 0..rng.below(5) {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(rng.pick(SPACE));
                out.push_str(rng.pick(&["\"a\"", "\"b\"", "\"a/b~\"", "\"\"", "\"\\u0061\""]));
                out.push_str(rng.pick(SPACE));
                out.push(':');
                random_valid_json(rng, depth + 1, out);
            }
            out.push_str(rng.pick(SPACE));
            out.push('}');
        }
    }
    out.push_str(rng.pick(SPACE));
}

#[test]
fn random_valid_documents_match_serde() {
    let mut rng = XorShift(0x5851_F42D_4C95_7F2D);
    for _ in 0..5_000 {
        let mut text = String::new();
        random_valid_json(&mut rng, 0, &mut text);
        assert_eq!(check(&text).errors, [], "{text:?}");
    }
}

#[test]
fn the_sample_document_is_valid() {
    assert_eq!(check(DOCUMENT).errors, []);
}

#[test]
fn random_token_soup_never_panics_and_agrees_with_serde() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let mut text = String::new();
        for _ in 0..rng.below(24) {
            text.push_str(rng.pick(PIECES));
        }
        check(&text);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..5_000 {
        let bytes: Vec<u8> = (0..rng.below(80)).map(|_| rng.next() as u8).collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn every_truncation_of_a_document_is_reported_and_recovered() {
    for (end, _) in DOCUMENT.char_indices().skip(1) {
        let parsed = check(&DOCUMENT[..end]);
        assert!(!parsed.errors.is_empty(), "prefix of {end} bytes");
        assert!(parsed.value.is_some_and(|v| v.is_object()), "prefix of {end} bytes");
    }
}

#[test]
fn random_edits_of_a_document_agree_with_serde() {
    let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
    for _ in 0..5_000 {
        let mut text = DOCUMENT.to_owned();
        for _ in 0..1 + rng.below(3) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let last = bounds.len() - 1;
            let index = rng.below(bounds.len());
            let at = bounds[index];
            match rng.below(3) {
                0 => {
                    let end = bounds[(index + 1 + rng.below(8)).min(last)];
                    text.replace_range(at..end, "");
                }
                1 => text.insert_str(at, rng.pick(PIECES)),
                _ => {
                    let end = bounds[(index + 1).min(last)];
                    text.replace_range(at..end, rng.pick(PIECES));
                }
            }
        }
        check(&text);
    }
}
