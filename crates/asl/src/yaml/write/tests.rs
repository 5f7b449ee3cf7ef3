use serde_json::{Map, Value, json};

use super::to_yaml;
use crate::yaml::parse;

/// Writes `value`, reads it back, and requires the same value.
fn round_trip(value: &Value) -> String {
    let text = to_yaml(value);
    let parsed = parse(&text);
    assert!(parsed.errors.is_empty(), "{value}\n{text}\n{:?}", parsed.errors);
    assert_eq!(parsed.value.as_ref(), Some(value), "\n{text}");
    assert!(text.ends_with('\n') && !text.starts_with("---"), "{text}");
    text
}

/// A string in every place a string can be: the document, a value, a key, an item, a
/// mapping on a dash's line, a long key's explicit form.
fn round_trip_everywhere(s: &str) {
    round_trip(&json!(s));
    round_trip(&json!({"k": s, "n": 1}));
    round_trip(&Value::Object(Map::from_iter([(s.to_string(), json!(1)), ("after".into(), json!(s))])));
    round_trip(&json!([s, [s], {"k": s}]));
    round_trip(&json!({"a": [Value::Object(Map::from_iter([(s.to_string(), json!(s))]))]}));
}

/// Strings that must be quoted, by reason.
const MUST_QUOTE: &[&[&str]] = &[
    // Null, booleans and numbers in YAML 1.2's core schema (the empty plain scalar is null).
    &["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False"],
    &["12", "-7", "+1", "012", "0x1F", "0o17", "1e3", "1.5", ".5", "1.", "-0"],
    &[".inf", "-.Inf", "+.INF", ".nan", ".NaN"],
    // Booleans, numbers and timestamps in YAML 1.1, which CloudFormation reads.
    &["yes", "No", "on", "OFF", "y", "N", "1_000", "12:30:00", "2024-01-01", "<<", "="],
    // Edge spaces, and what would be read as structure, comments, tags, anchors or aliases.
    &[" lead", "trail ", "-", "- x", "-x", "?", "? x", ":", ": x", "a: b", "a #b", "key:"],
    &["#comment", "&anchor", "*alias", "!Ref x", "|", ">", "%TAG", "@at", "`tick`", "---", "..."],
    &["'single'", "\"double\"", ",comma", "[x]", "{x}", "]", "}"],
    // Control characters and line breaks, which only double quotes can hold.
    &["a\tb", "\ttab", "line\nbreak", "cr\rlf", "\u{8}\u{c}", "nul\u{0}", "bell\u{7}"],
    &["del\u{7f}", "nel\u{85}", "ls\u{2028}", "ps\u{2029}", "\u{feff}bom"],
];

/// Strings that stay plain: what definitions hold, and characters that are harmless where
/// they are.
const STAY_PLAIN: &[&[&str]] = &[
    &["$", "$.foo", "$$.Execution.Id", "Payload.$", "States.ALL", "${LambdaArn}", "a:b"],
    &["arn:aws:lambda:us-east-1:123:function:x", "arn:aws:states:::lambda:invoke", "States.Format('{}', $.a)"],
    &["a#b", "it's", "say \"hi\"", "back\\slash", "a-b", "x?", "a,b", "a [b]", "Yes please", "nulls"],
    &["é", "日本語", "😀 emoji", "http://example.com/x?y=1#z"],
];

#[test]
fn strings_that_could_read_as_something_else_are_quoted() {
    for s in MUST_QUOTE.iter().copied().flatten() {
        let text = to_yaml(&json!({"k": s}));
        assert!(text.starts_with("k: \""), "{s:?} should be quoted: {text}");
        round_trip_everywhere(s);
    }
}

#[test]
fn strings_people_write_in_definitions_stay_plain() {
    for s in STAY_PLAIN.iter().copied().flatten() {
        assert_eq!(to_yaml(&json!({"k": s})), format!("k: {s}\n"));
        assert_eq!(to_yaml(&Value::Object(Map::from_iter([(s.to_string(), json!(1))]))), format!("{s}: 1\n"));
        round_trip_everywhere(s);
    }
}

#[test]
fn other_tricky_strings_read_back() {
    let long_colons = "a: ".repeat(2000);
    let long_escapes = "\u{1}".repeat(600);
    let others: [&[&str]; 3] = [
        &["\\", "\"", "'", "a'b\"c", "\"unclosed", "#", "a\\nb", "%", "@", ".", "..", "-.", "+", "0b101"],
        &[" ", "  ", "a  b", "\u{a0}nbsp\u{a0}", "zero\u{200b}width", "multi\nline\ntext\n", "tab\tend\t"],
        &["\u{1F600}", "\u{10FFFF}", "\u{E000}", "\u{FFFD}", "\u{FFFE}\u{FFFF}", "\u{1}\u{1f}"],
    ];
    for s in others.iter().copied().flatten().copied().chain([long_colons.as_str(), long_escapes.as_str()]) {
        round_trip_everywhere(s);
    }
    round_trip_everywhere(&"x".repeat(20_000));
    round_trip_everywhere(&"k".repeat(1500));
}

#[test]
fn a_long_key_is_written_in_the_explicit_form() {
    let key = "k".repeat(1200);
    let value = Value::Object(Map::from_iter([(key.clone(), json!({"a": [1]})), ("b".into(), json!([key]))]));
    let text = round_trip(&value);
    assert!(text.starts_with(&format!("? {key}\n:\n  a:\n    - 1\nb:\n")), "{text}");
    round_trip(&json!([value.clone(), [value]]));
}

#[test]
fn containers_empty_and_nested() {
    for value in [
        json!({}),
        json!([]),
        json!([[]]),
        json!([{}]),
        json!({"a": {}, "b": [], "c": [{}, [], [[]], {"d": {}}]}),
        json!([[1, 2], [[3], []], [[[4]]]]),
        json!([{"a": [{"b": [[{"c": null}]]}]}]),
        json!({"": {"": [""]}}),
    ] {
        round_trip(&value);
    }
}

#[test]
fn numbers_read_back_as_the_same_numbers() {
    let numbers = json!([
        0,
        1,
        -1,
        i64::MIN,
        i64::MAX,
        u64::MAX,
        1.5,
        -0.25,
        1e300,
        -1e-300,
        5e-324,
        f64::MAX,
        0.1,
        1.0,
        -0.0,
        123456789.123,
        1e20
    ]);
    round_trip(&numbers);
    for n in numbers.as_array().unwrap() {
        round_trip(n);
        round_trip(&json!({"n": n}));
    }
    assert_eq!(to_yaml(&json!({"a": 1, "b": -2.5, "c": true, "d": null})), "a: 1\nb: -2.5\nc: true\nd: null\n");
}

#[test]
fn the_style_is_the_one_people_write() {
    let choice = json!({
        "StartAt": "Check",
        "States": {
            "Check": {
                "Type": "Choice",
                "Choices": [
                    {"Variable": "$.x", "StringEquals": "a", "Next": "A"},
                    {"And": [
                        {"Variable": "$.n", "NumericGreaterThan": 1},
                        {"Not": {"Variable": "$.b", "BooleanEquals": true}}
                    ], "Next": "B"}
                ],
                "Default": "C"
            }
        }
    });
    let expected = "\
StartAt: Check
States:
  Check:
    Type: Choice
    Choices:
      - Variable: $.x
        StringEquals: a
        Next: A
      - And:
          - Variable: $.n
            NumericGreaterThan: 1
          - Not:
              Variable: $.b
              BooleanEquals: true
        Next: B
    Default: C
";
    assert_eq!(round_trip(&choice), expected);

    let task = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {
            "FunctionName": "${LambdaArn}",
            "Payload.$": "$",
            "Id.$": "$$.Execution.Id",
            "Message.$": "States.Format('Hello {}', $.name)"
        },
        "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "BackoffRate": 1.5}],
        "ResultSelector": {},
        "Tags": [],
        "Matrix": [[1, 2], [], [["x"]]],
        "Timestamp": "2024-01-01T00:00:00Z",
        "Comment": "",
        "Text": "two\nlines \"quoted\""
    });
    let expected = r#"Type: Task
Resource: arn:aws:states:::lambda:invoke
Parameters:
  FunctionName: ${LambdaArn}
  Payload.$: $
  Id.$: $$.Execution.Id
  Message.$: States.Format('Hello {}', $.name)
Retry:
  - ErrorEquals:
      - States.ALL
    IntervalSeconds: 2
    BackoffRate: 1.5
ResultSelector: {}
Tags: []
Matrix:
  - - 1
    - 2
  - []
  - - - x
Timestamp: "2024-01-01T00:00:00Z"
Comment: ""
Text: "two\nlines \"quoted\""
"#;
    assert_eq!(round_trip(&task), expected);

    assert_eq!(to_yaml(&json!("yes")), "\"yes\"\n");
    assert_eq!(to_yaml(&json!(null)), "null\n");
    assert_eq!(to_yaml(&json!([])), "[]\n");
    assert_eq!(to_yaml(&json!(["a", 1])), "- a\n- 1\n");
}

#[test]
fn every_example_definition_reads_back() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut count = 0;
    for folder in std::fs::read_dir(&examples).expect("the examples folder") {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            if !name.starts_with("definition") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            round_trip(&value);
            count += 1;
        }
    }
    assert!(count >= 10, "only {count} example definitions found");
}

/// SplitMix64: deterministic, and enough to vary the values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }

    /// Strings made of the pieces that trouble YAML writers.
    fn string(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a", "Next", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "\n", "\t", "\r", "{", "}",
            "[", "]", ",", "!", "&", "*", "|", ">", "%", "@", "`", "true", "No", "null", "~", "1", "0x1F", "0o7", ".",
            "...", "---", "e3", ".inf", "é", "😀", "\u{0}", "\u{7f}", "\u{85}", "\u{2028}", "\u{feff}", "\u{a0}", "$",
            "$.", "States.", "<<", "=", "_",
        ];
        (0..self.below(6)).map(|_| PIECES[self.below(PIECES.len() as u64)]).collect()
    }

    fn value(&mut self, depth: usize) -> Value {
        let kind = if depth == 0 { self.below(6) } else { self.below(8) };
        match kind {
            0 => Value::Null,
            1 => Value::Bool(self.below(2) == 0),
            2 => match self.below(3) {
                0 => json!(self.next()),
                1 => json!(self.next() as i64),
                // Any finite double.
                _ => {
                    let f = f64::from_bits(self.next());
                    if f.is_finite() { json!(f) } else { json!(self.below(1000) as f64 / 8.0) }
                }
            },
            3..=5 => Value::String(self.string()),
            6 => Value::Array((0..self.below(4)).map(|_| self.value(depth - 1)).collect()),
            _ => Value::Object((0..self.below(4)).map(|_| (self.string(), self.value(depth - 1))).collect()),
        }
    }
}

#[test]
fn random_values_read_back() {
    let mut rng = Rng(0x5EED);
    for _ in 0..2000 {
        let value = rng.value(4);
        round_trip(&value);
    }
}
