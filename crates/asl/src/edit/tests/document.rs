use serde_json::{Value, json};

use crate::edit::{Document, EditError, Place, apply};

/// `text` with one edit made by `f` on its document.
fn edited(text: &str, f: impl Fn(&Document) -> Result<crate::edit::TextEdit, EditError>) -> String {
    let doc = Document::parse(text).unwrap();
    let edit = f(&doc).unwrap();
    let out = apply(text, &[edit]);
    assert!(crate::json::parse(&out).errors.is_empty(), "not JSON:\n{out}");
    out
}

const TWO: &str = "{\n  \"Comment\": \"x\",\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"End\": true}\n  }\n}";

#[test]
fn a_replaced_value_changes_only_its_own_text() {
    let out = edited(TWO, |d| d.replace("/Comment", &json!("a longer comment")));
    assert_eq!(out, TWO.replace("\"x\"", "\"a longer comment\""));
}

#[test]
fn a_new_member_takes_the_indentation_of_its_siblings() {
    let out = edited(TWO, |d| d.insert("", "TimeoutSeconds", &json!(30), Place::Last));
    assert_eq!(out, TWO.replace("\n  }\n}", "\n  },\n  \"TimeoutSeconds\": 30\n}"));
    let out = edited(TWO, |d| d.insert("", "Version", &json!("1.0"), Place::First));
    assert!(out.starts_with("{\n  \"Version\": \"1.0\",\n  \"Comment\": \"x\","), "{out}");
    let out = edited(TWO, |d| d.insert("", "QueryLanguage", &json!("JSONPath"), Place::After("Comment")));
    assert!(out.contains("\"Comment\": \"x\",\n  \"QueryLanguage\": \"JSONPath\",\n  \"StartAt\""), "{out}");
}

#[test]
fn a_new_object_is_written_in_the_document_s_unit_and_colon_spacing() {
    let four = "{\n    \"StartAt\": \"A\",\n    \"States\": {\n        \"A\": {\n            \"Type\": \"Pass\",\n            \"End\": true\n        }\n    }\n}";
    let state = json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}], "End": true});
    let out = edited(four, |d| d.insert("/States", "B", &state, Place::Last));
    let expected = "        \"B\": {\n            \"Type\": \"Task\",\n            \"Resource\": \"arn:aws:states:::lambda:invoke\",\n            \"Retry\": [\n                {\n                    \"ErrorEquals\": [\"States.ALL\"],\n                    \"MaxAttempts\": 2\n                }\n            ],\n            \"End\": true\n        }\n    }\n}";
    assert!(out.ends_with(expected), "{out}");

    let tabs = "{\n\t\"StartAt\":\"A\",\n\t\"States\":{\n\t\t\"A\":{\"Type\":\"Pass\",\"End\":true}\n\t}\n}";
    let out = edited(tabs, |d| d.insert("/States", "B", &json!({"Type": "Succeed"}), Place::Last));
    assert!(out.contains("\t\t\"B\":{\n\t\t\t\"Type\":\"Succeed\"\n\t\t}\n\t}"), "{out}");
}

#[test]
fn a_one_line_object_stays_on_one_line() {
    let out = edited(TWO, |d| d.insert("/States/A", "Comment", &json!({"a": [1, 2]}), Place::After("Type")));
    assert!(out.contains("\"A\": {\"Type\": \"Pass\", \"Comment\": {\"a\": [1, 2]}, \"End\": true}"), "{out}");
}

#[test]
fn an_empty_object_opens_into_a_block() {
    let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {}\n}";
    let out = edited(text, |d| d.insert("/States", "A", &json!({"Type": "Pass", "End": true}), Place::Last));
    assert_eq!(
        out,
        "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\n      \"Type\": \"Pass\",\n      \"End\": true\n    }\n  }\n}"
    );
}

#[test]
fn a_removed_member_takes_its_comma_and_line_with_it() {
    let text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
    assert_eq!(edited(text, |d| d.remove("/a")), "{\n  \"b\": 2,\n  \"c\": 3\n}");
    assert_eq!(edited(text, |d| d.remove("/b")), "{\n  \"a\": 1,\n  \"c\": 3\n}");
    assert_eq!(edited(text, |d| d.remove("/c")), "{\n  \"a\": 1,\n  \"b\": 2\n}");
    assert_eq!(edited("{\"only\": {\"x\": 1}}", |d| d.remove("/only/x")), "{\"only\": {}}");
    assert_eq!(edited("[1, 2, 3]", |d| d.remove("/1")), "[1, 3]");
    assert_eq!(edited("[1]", |d| d.remove("/0")), "[]");
}

#[test]
fn renaming_a_key_leaves_its_value_alone() {
    let out = edited(TWO, |d| d.rename_key("/States/A", "Renamed \"quoted\""));
    assert!(out.contains("\"Renamed \\\"quoted\\\"\": {\"Type\": \"Pass\", \"End\": true}"), "{out}");
}

#[test]
fn a_member_replaced_whole_keeps_its_place() {
    let out = edited(TWO, |d| d.replace_member("/States/A/End", "Next", &json!("B")));
    assert!(out.contains("{\"Type\": \"Pass\", \"Next\": \"B\"}"), "{out}");
}

#[test]
fn arrays_grow_in_their_own_layout() {
    assert_eq!(edited("{\"a\": [1, 2]}", |d| d.push("/a", &json!(3))), "{\"a\": [1, 2, 3]}");
    assert_eq!(edited("{\"a\": []}", |d| d.push("/a", &json!("x"))), "{\"a\": [\"x\"]}");
    let text = "{\n  \"B\": [\n    {\"StartAt\": \"A\"}\n  ]\n}";
    let out = edited(text, |d| d.push("/B", &json!({"StartAt": "C"})));
    assert_eq!(out, "{\n  \"B\": [\n    {\"StartAt\": \"A\"},\n    {\n      \"StartAt\": \"C\"\n    }\n  ]\n}");
}

#[test]
fn keys_with_slashes_and_tildes_are_reached() {
    let text = "{\"a/b\": 1, \"c~d\": 2}";
    let out = edited(text, |d| d.replace(&crate::edit::child("", "a/b"), &json!(10)));
    assert_eq!(out, "{\"a/b\": 10, \"c~d\": 2}");
    let out = edited(text, |d| d.remove(&crate::edit::child("", "c~d")));
    assert_eq!(out, "{\"a/b\": 1}");
}

#[test]
fn text_that_is_not_json_or_repeats_a_key_is_refused_with_where() {
    match Document::parse("{\"a\": 1,, }") {
        Err(EditError::NotJson { at, .. }) => assert!(at > 0),
        other => panic!("{:?}", other.map(|d| d.value().clone())),
    }
    assert!(matches!(Document::parse(""), Err(EditError::NotJson { .. })));
    assert!(matches!(Document::parse("{\"a\": 1, \"a\": 2}"), Err(EditError::DuplicateKey { .. })));
}

#[test]
fn edits_of_missing_or_mistyped_nodes_are_errors() {
    let doc = Document::parse(TWO).unwrap();
    assert_eq!(doc.replace("/Nope", &Value::Null), Err(EditError::NotFound("/Nope".into())));
    assert_eq!(doc.insert("/Comment", "x", &Value::Null, Place::Last), Err(EditError::NotAnObject("/Comment".into())));
    assert_eq!(doc.insert("", "Comment", &Value::Null, Place::Last), Err(EditError::Exists("/Comment".into())));
    assert_eq!(doc.push("/States", &Value::Null), Err(EditError::NotAnArray("/States".into())));
}

#[test]
fn an_element_goes_before_another_in_the_array_s_layout() {
    assert_eq!(edited("{\"a\": [1, 3]}", |d| d.insert_at("/a", 1, &json!(2))), "{\"a\": [1, 2, 3]}");
    assert_eq!(edited("{\"a\": [1]}", |d| d.insert_at("/a", 5, &json!(2))), "{\"a\": [1, 2]}");
    let text = "[\n  {\"x\": 1}\n]";
    assert_eq!(edited(text, |d| d.insert_at("", 0, &json!({"y": 2}))), "[\n  {\n    \"y\": 2\n  },\n  {\"x\": 1}\n]");
}
