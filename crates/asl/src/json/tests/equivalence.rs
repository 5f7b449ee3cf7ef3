//! Valid JSON gives exactly what serde_json gives: same values, same numbers, same key order,
//! and no errors.

use super::parse;
use serde_json::Value;

/// Asserts that `text` parses without errors to serde_json's value, key order included.
pub(super) fn assert_same_as_serde(text: &str) {
    let parsed = parse(text);
    assert_eq!(parsed.errors, [], "errors for {text:?}");
    let expected: Value = serde_json::from_str(text).expect("valid JSON");
    let value = parsed.value.expect("a value");
    // `Value`'s equality ignores key order; the serialized text does not.
    assert_eq!(value.to_string(), expected.to_string(), "for {text:?}");
    assert_eq!(value, expected, "for {text:?}");
}

#[test]
fn scalars_match_serde() {
    for text in [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "-0.0",
        "0.0",
        "1",
        "-1",
        "10",
        "1.5",
        "-1.5e-3",
        "1e2",
        "1E+2",
        "1e-2",
        "2.50",
        "0.1",
        "123.456e78",
        "1.7976931348623157e308",
        "-1.7976931348623157e308",
        "5e-324",
        "2.2250738585072014e-308",
        "1e-400",
        "9007199254740993",
        "1234567890123456789",
        "12345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "0.30000000000000004",
        "1.00000000000000011102230246251565404236316680908203125",
        "\"\"",
        "\"plain\"",
    ] {
        assert_same_as_serde(text);
    }
}

#[test]
fn strings_match_serde() {
    for text in [
        r#""\" \\ \/ \b \f \n \r \t""#,
        r#""\u0000\u001f\u0041\u00e9\u20ac""#,
        r#""\ud83d\ude00 \uD83D\uDE00""#,
        r#""\uffff\ufffe""#,
        "\"é 😀 ünïcödé \u{7f}\"",
        "\"a'b\"",
        "\"tabs\\tand\\nnewlines\"",
    ] {
        assert_same_as_serde(text);
    }
}

#[test]
fn containers_match_serde_with_key_order() {
    for text in [
        "{}",
        "[]",
        " \t\r\n{ \"b\" : 1 , \"a\" : [ ] , \"c\" : { } }\r\n ",
        r#"{"z": 1, "a": 2, "m": {"y": [1, {"x": null}], "b": true}}"#,
        r#"{"a": 1, "b": 2, "a": 3}"#,
        r#"{"a": {"x": 1}, "b": 2, "a": {"y": 2}, "a": [3]}"#,
        r#"[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]"#,
        r#"{"": "", "~/": "escaped in pointers only", "a/b": {"c~d": 1}}"#,
        r#"{"States.$": "$.x", "Parameters": {"x.$": "States.Format('{}', $.y)"}}"#,
    ] {
        assert_same_as_serde(text);
    }
}

#[test]
fn serde_rejects_what_we_report() {
    // What we report must also be invalid for serde_json, so "no errors" means "serde_json
    // agrees" (the differential test in `robustness` checks this on many more inputs).
    for text in ["1e400", "-1e400", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\""] {
        assert!(!parse(text).errors.is_empty(), "{text}");
        assert!(serde_json::from_str::<Value>(text).is_err(), "{text}");
    }
}

#[test]
fn a_state_machine_matches_serde() {
    let text = r#"{
  "Comment": "A workflow",
  "StartAt": "Choose",
  "TimeoutSeconds": 300,
  "States": {
    "Choose": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.kind", "StringEquals": "PURCHASE", "Next": "Purchase"},
        {"Variable": "$.amount", "NumericGreaterThan": 1.5e2, "Next": "Refund"}
      ],
      "Default": "Fail"
    },
    "Purchase": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:p",
                 "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 2.0, "MaxAttempts": 3}],
                 "End": true},
    "Refund": {"Type": "Pass", "Result": {"ok": true, "list": [1, -2, 3.25, null]}, "End": true},
    "Fail": {"Type": "Fail", "Error": "Unknown", "Cause": "kind was \"other\"\n"}
  }
}"#;
    assert_same_as_serde(text);
}
