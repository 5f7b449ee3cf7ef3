//! Node spans by JSON pointer, and duplicate keys.

use super::parse;
use crate::json::{DuplicateKey, NodeSpans};
use crate::span::Span;
use serde_json::json;

/// The text of a node's key and value.
fn node_text<'a>(text: &'a str, spans: &NodeSpans) -> (Option<&'a str>, &'a str) {
    let key = spans.key.map(|k| &text[k.start..k.end]);
    (key, &text[spans.value.start..spans.value.end])
}

#[test]
fn every_node_has_its_key_and_value_spans() {
    let text = r#" {"States": {"A": {"Next": "B", "Retry": [{"ErrorEquals": ["x", "y"]}]}}} "#;
    let parsed = parse(text);
    let at = |pointer: &str| node_text(text, parsed.spans.get(pointer).expect(pointer));
    assert_eq!(at(""), (None, text.trim()));
    assert_eq!(at("/States/A/Next"), (Some("\"Next\""), "\"B\""));
    assert_eq!(at("/States/A/Retry"), (Some("\"Retry\""), r#"[{"ErrorEquals": ["x", "y"]}]"#));
    assert_eq!(at("/States/A/Retry/0"), (None, r#"{"ErrorEquals": ["x", "y"]}"#));
    assert_eq!(at("/States/A/Retry/0/ErrorEquals/1"), (None, "\"y\""));
    // root, States, A, Next, Retry, Retry/0, ErrorEquals, its two items
    assert_eq!(parsed.spans.len(), 9);
}

#[test]
fn pointers_escape_tilde_and_slash() {
    let text = r#"{"a/b": {"c~d": 1, "~1": 2}, "": 3}"#;
    let parsed = parse(text);
    let value_of = |pointer: &str| {
        let spans = parsed.spans.get(pointer).expect(pointer);
        &text[spans.value.start..spans.value.end]
    };
    assert_eq!(value_of("/a~1b/c~0d"), "1");
    assert_eq!(value_of("/a~1b/~01"), "2");
    assert_eq!(value_of("/"), "3");
}

#[test]
fn locate_points_at_the_key_or_the_closest_existing_ancestor() {
    let text = "{\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\"}\n  }\n}";
    let parsed = parse(text);
    let key_of_a = text.find("\"A\"").unwrap();
    assert_eq!(parsed.spans.locate("/States/A"), Span::new(key_of_a, key_of_a + 3));
    assert_eq!(parsed.spans.locate("/States/A/Next"), Span::new(key_of_a, key_of_a + 3));
}

#[test]
fn duplicate_keys_keep_the_last_value_in_the_first_place() {
    let text = r#"{"S": {"a": {"x": [1]}, "b": 2, "a": {"y": 2}}}"#;
    let parsed = parse(text);
    assert_eq!(parsed.errors, []);
    assert_eq!(parsed.value.as_ref().map(ToString::to_string), Some(json!({"S": {"a": {"y": 2}, "b": 2}}).to_string()));
    let second = text.rfind("\"a\"").unwrap();
    assert_eq!(
        parsed.duplicate_keys,
        [DuplicateKey { object: "/S".into(), key: "a".into(), span: Span::new(second, second + 3) }]
    );
    // The spans describe the value: the last occurrence, without the first one's nodes.
    assert_eq!(parsed.spans.get("/S/a").and_then(|n| n.key), Some(Span::new(second, second + 3)));
    assert!(parsed.spans.get("/S/a/y").is_some());
    assert!(parsed.spans.get("/S/a/x").is_none());
    assert!(parsed.spans.get("/S/a/x/0").is_none());
    // "", /S, /S/a, /S/a/y, /S/b
    assert_eq!(parsed.spans.len(), 5);
}

#[test]
fn repeated_duplicates_and_duplicates_inside_dropped_values() {
    let text = r#"{"a": {"d": {"p": 1}, "d": {"q": 2}}, "a": 1, "a": {"r": 3}}"#;
    let parsed = parse(text);
    assert_eq!(parsed.value, Some(json!({"a": {"r": 3}})));
    let keys: Vec<(&str, &str)> = parsed.duplicate_keys.iter().map(|d| (d.object.as_str(), d.key.as_str())).collect();
    assert_eq!(keys, [("/a", "d"), ("", "a"), ("", "a")]);
    for pointer in ["", "/a", "/a/r"] {
        assert!(parsed.spans.get(pointer).is_some(), "{pointer}");
    }
    assert_eq!(parsed.spans.len(), 3);
}

#[test]
fn recovered_nodes_have_spans_too() {
    let text = "{\"a\": [1, 2,], Next: 'x'}";
    let parsed = parse(text);
    assert!(parsed.spans.get("/a/1").is_some());
    let next = parsed.spans.get("/Next").expect("unquoted key node");
    assert_eq!(node_text(text, next), (Some("Next"), "'x'"));
}
