//! Each mistake of hand-edited JSON: reported once, where it is, saying what was expected and
//! found, with a value that keeps what the person meant.

use super::{located_errors, messages, parse, spanned};
use serde_json::{Value, json};

/// The recovered value, which must exist.
fn recovered(text: &str) -> Value {
    parse(text).value.expect("a recovered value")
}

#[test]
fn trailing_commas_are_reported_at_the_comma_and_skipped() {
    let text = "{\"a\": [1, 2,], \"b\": 3,}";
    let parsed = parse(text);
    assert_eq!(messages(text), ["trailing comma is not allowed in JSON", "trailing comma is not allowed in JSON"]);
    assert_eq!(parsed.errors[0].span.start, text.find(",]").unwrap());
    assert_eq!(parsed.errors[1].span.start, text.find(",}").unwrap());
    assert_eq!(spanned(text, &parsed, 1), ",");
    assert_eq!(parsed.value, Some(json!({"a": [1, 2], "b": 3})));
}

#[test]
fn missing_commas_are_reported_at_what_follows_and_assumed() {
    let text = "{\"a\": 1 \"b\": [1 2 {\"c\": null}]}";
    assert_eq!(
        located_errors(text),
        [
            (1, 9, "expected ',' or '}' after object member, found '\"b\"'".to_owned()),
            (1, 17, "expected ',' or ']' after array element, found '2'".to_owned()),
            (1, 19, "expected ',' or ']' after array element, found '{'".to_owned()),
        ]
    );
    assert_eq!(recovered(text), json!({"a": 1, "b": [1, 2, {"c": null}]}));
}

#[test]
fn missing_colon_is_reported_and_the_value_still_read() {
    let text = "{\"a\" 1, \"b\" = 2}";
    assert_eq!(
        messages(text),
        ["expected ':' after object key, found '1'", "expected ':' after object key, found '='"]
    );
    assert_eq!(recovered(text), json!({"a": 1, "b": 2}));
}

#[test]
fn key_being_typed_before_the_next_member_has_no_value_yet() {
    let text = "{\"Type\": \"Pass\",\n \"Nex\"\n \"End\": true}";
    assert_eq!(located_errors(text), [(3, 2, "expected ':' after object key, found '\"End\"'".to_owned())]);
    assert_eq!(recovered(text), json!({"Type": "Pass", "End": true}));
}

#[test]
fn unquoted_and_single_quoted_keys_are_reported_and_kept() {
    let text = "{Next: \"A\", 'Type': 'Pass', amount.$: 1}";
    assert_eq!(
        messages(text),
        [
            "object keys must be double-quoted strings, found 'Next'",
            "single-quoted strings are not allowed in JSON; use double quotes",
            "single-quoted strings are not allowed in JSON; use double quotes",
            "object keys must be double-quoted strings, found 'amount.$'",
        ]
    );
    assert_eq!(recovered(text), json!({"Next": "A", "Type": "Pass", "amount.$": 1}));
}

#[test]
fn unterminated_string_is_reported_at_its_start_and_ends_at_the_line() {
    let text = "{\n  \"Next\": \"Done,\n  \"End\": true\n}";
    let parsed = parse(text);
    assert_eq!(
        located_errors(text),
        [(2, 11, "unterminated string: expected a closing '\"' before the end of the line".to_owned())]
    );
    assert_eq!(spanned(text, &parsed, 0), "\"Done,");
    assert_eq!(recovered(text), json!({"Next": "Done,", "End": true}));
}

#[test]
fn unterminated_string_at_end_of_input() {
    let text = "[\"abc";
    assert_eq!(
        located_errors(text),
        [
            (1, 1, "expected ']' to close this array, found end of input".to_owned()),
            (1, 2, "unterminated string: expected a closing '\"' before the end of input".to_owned()),
        ]
    );
    assert_eq!(recovered(text), json!(["abc"]));
}

#[test]
fn invalid_escapes_are_reported_and_the_character_kept() {
    let text = r#"["a\qb", "\u12", "\ud800", "\udc00x", "\ud83d\ude00"]"#;
    let parsed = parse(text);
    assert_eq!(
        messages(text),
        [
            "invalid escape '\\q' in string (valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \
             and \\uXXXX)",
            "invalid unicode escape '\\u12': expected 4 hex digits after '\\u'",
            "unpaired UTF-16 surrogate '\\ud800' in string",
            "unpaired UTF-16 surrogate '\\udc00' in string",
        ]
    );
    assert_eq!(spanned(text, &parsed, 0), "\\q");
    assert_eq!(parsed.value, Some(json!(["aqb", "\u{FFFD}", "\u{FFFD}", "\u{FFFD}x", "😀"])));
}

#[test]
fn control_characters_in_strings_are_reported_and_kept() {
    let text = "[\"a\tb\", \"c\u{1}\"]";
    assert_eq!(
        messages(text),
        [
            "control character U+0009 is not allowed in a string; write it as '\\t'",
            "control character U+0001 is not allowed in a string; write it as '\\u0001'",
        ]
    );
    assert_eq!(recovered(text), json!(["a\tb", "c\u{1}"]));
}

#[test]
fn invalid_numbers_say_why_and_keep_what_was_meant() {
    let cases: [(&str, &str, Value); 11] = [
        ("01", "invalid number '01': leading zeros are not allowed", json!(1)),
        (".5", "invalid number '.5': a digit is required before '.'", json!(0.5)),
        ("1.", "invalid number '1.': a digit is required after '.'", json!(1.0)),
        ("+1", "invalid number '+1': a number cannot start with '+'", json!(1)),
        ("1e", "invalid number '1e': a digit is required in the exponent", Value::Null),
        ("-", "invalid number '-': a digit is required after '-'", Value::Null),
        ("NaN", "invalid number 'NaN': JSON has no NaN or Infinity", Value::Null),
        ("Infinity", "invalid number 'Infinity': JSON has no NaN or Infinity", Value::Null),
        ("-Infinity", "invalid number '-Infinity': JSON has no NaN or Infinity", Value::Null),
        ("0x1F", "invalid number '0x1F': unexpected characters in number", Value::Null),
        ("1e400", "number '1e400' is out of range", Value::Null),
    ];
    for (number, message, value) in cases {
        let text = format!("[{number}]");
        assert_eq!(messages(&text), [message], "{number}");
        assert_eq!(recovered(&text), json!([value]), "{number}");
    }
}

#[test]
fn unclosed_containers_are_reported_where_they_were_opened() {
    let text = "{\n  \"a\": [1, 2,\n  \"b\": {\"c\": 3";
    assert_eq!(
        located_errors(text),
        [
            (1, 1, "expected '}' to close this object, found end of input".to_owned()),
            (3, 3, "expected ']' to close the array, found '\"b\"'".to_owned()),
            (3, 8, "expected '}' to close this object, found end of input".to_owned()),
        ]
    );
    assert_eq!(recovered(text), json!({"a": [1, 2], "b": {"c": 3}}));
}

#[test]
fn closer_of_the_wrong_kind_closes_the_right_container() {
    // `]` forgotten: the `}` belongs to the object around the array.
    let text = "{\"a\": [1, 2}";
    assert_eq!(messages(text), ["expected ',' or ']' after array element, found '}'"]);
    assert_eq!(recovered(text), json!({"a": [1, 2]}));

    let text = "[{\"a\": 1]";
    assert_eq!(messages(text), ["expected ',' or '}' after object member, found ']'"]);
    assert_eq!(recovered(text), json!([{"a": 1}]));

    // Nothing outer to close: a typo for the right closer.
    let text = "{\"a\": 1]";
    assert_eq!(messages(text), ["expected ',' or '}' after object member, found ']'"]);
    assert_eq!(parse(text).errors.len(), 1);
    assert_eq!(recovered(text), json!({"a": 1}));
}

#[test]
fn extra_text_after_the_value_is_reported_once() {
    let text = "{\"a\": 1}\n}\n{\"b\": 2}\n";
    let parsed = parse(text);
    assert_eq!(located_errors(text), [(2, 1, "unexpected text after the JSON value, found '}'".to_owned())]);
    assert_eq!(spanned(text, &parsed, 0), "}\n{\"b\": 2}");
    assert_eq!(parsed.value, Some(json!({"a": 1})));
}

#[test]
fn comments_are_reported_and_skipped() {
    let text = "// header\n{\"a\": /* one */ 1, # nope\n \"b\": 2 /* open";
    let parsed = parse(text);
    assert_eq!(
        located_errors(text),
        [
            (1, 1, "comments are not allowed in JSON".to_owned()),
            (2, 1, "expected '}' to close this object, found end of input".to_owned()),
            (2, 7, "comments are not allowed in JSON".to_owned()),
            (2, 20, "expected a string key, found '#'".to_owned()),
            (3, 9, "unterminated comment (and comments are not allowed in JSON)".to_owned()),
        ]
    );
    assert_eq!(spanned(text, &parsed, 0), "// header");
    assert_eq!(parsed.value, Some(json!({"a": 1, "b": 2})));
}

#[test]
fn empty_input_has_no_value() {
    for text in ["", "  \n\t", "\u{FEFF}"] {
        let parsed = parse(text);
        assert_eq!(parsed.value, None, "{text:?}");
        assert_eq!(
            parsed.errors.last().map(|e| e.message.as_str()),
            Some("the document is empty: expected a JSON value"),
            "{text:?}"
        );
    }
    assert_eq!(
        messages("/* nothing */"),
        ["comments are not allowed in JSON", "the document is empty: expected a JSON value"]
    );
}

#[test]
fn missing_and_stray_values() {
    assert_eq!(messages("{\"a\": , \"b\": 1}"), ["expected a value, found ','"]);
    assert_eq!(recovered("{\"a\": , \"b\": 1}"), json!({"b": 1}));
    assert_eq!(messages("[1,,2]"), ["expected a value, found ','"]);
    assert_eq!(recovered("[1,,2]"), json!([1, 2]));
    assert_eq!(messages("[,]"), ["expected a value, found ','"]);
    assert_eq!(messages("{,}"), ["expected an object member, found ','"]);
    assert_eq!(messages("[1, @@ 2]"), ["expected a value, found '@@'"]);
    assert_eq!(recovered("[1, @@ 2]"), json!([1, 2]));
    assert_eq!(messages("}"), ["expected a value, found '}'"]);
    assert_eq!(parse("}").value, None);
}

#[test]
fn bare_words_are_reported_and_kept_as_meant() {
    let text = "{\"Type\": Task, \"End\": True, \"Next\": null}";
    assert_eq!(
        messages(text),
        [
            "expected a value, found 'Task' (strings must be in double quotes)",
            "expected a value, found 'True' (JSON literals are lowercase: 'true')",
        ]
    );
    assert_eq!(recovered(text), json!({"Type": "Task", "End": true, "Next": null}));
}

#[test]
fn nesting_up_to_512_levels_is_fine_and_deeper_is_an_error() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(512)).errors.is_empty());

    let text = format!("{{\"deep\": {}, \"after\": 1}}", nested(512));
    let parsed = parse(&text);
    assert_eq!(messages(&text), ["nesting is deeper than 512 levels"]);
    assert_eq!(parsed.errors[0].span.start, 9 + 511);
    let value = parsed.value.expect("value");
    assert_eq!(value["after"], json!(1));
}

#[test]
fn very_deep_nesting_does_not_overflow_the_stack() {
    let text = format!("{}1{}", "[{\"a\":".repeat(50_000), "}]".repeat(50_000));
    assert_eq!(messages(&text), ["nesting is deeper than 512 levels"]);
    // Every open bracket is reported, but only 512 of them are ever opened.
    let unclosed = "[".repeat(100_000);
    let parsed = parse(&unclosed);
    assert_eq!(parsed.errors.len(), 513);
    assert_eq!(parsed.errors[512].message, "nesting is deeper than 512 levels");
}
