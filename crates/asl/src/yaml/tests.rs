use serde_json::json;

use super::*;

fn value(text: &str) -> serde_json::Value {
    let parsed = parse(text);
    assert!(parsed.errors.is_empty(), "{text}: {:?}", parsed.errors);
    parsed.value.expect("a value")
}

fn error(text: &str) -> String {
    let parsed = parse(text);
    assert!(parsed.value.is_none(), "{text}: no value expected, got {:?}", parsed.value);
    parsed.errors.first().expect("an error").message.clone()
}

#[test]
fn block_and_flow_collections() {
    let text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: [1, two, {x: y}]\n    End: true\n";
    assert_eq!(
        value(text),
        json!({"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": [1, "two", {"x": "y"}], "End": true}}})
    );
}

#[test]
fn plain_scalars_follow_the_core_schema() {
    let v = value(
        "a: ~\nb: null\nc:\nd: True\ne: FALSE\nf: 012\ng: -7\nh: 0x1F\ni: 0o17\nj: 1.5\nk: .5\nl: 1e3\nm: -2.5E-1\nn: +3\no: yes\np: 1_000\nq: 12abc\nr: 1.\n",
    );
    assert_eq!(
        v,
        json!({"a": null, "b": null, "c": null, "d": true, "e": false, "f": 12, "g": -7, "h": 31, "i": 15,
               "j": 1.5, "k": 0.5, "l": 1000.0, "m": -0.25, "n": 3, "o": "yes", "p": "1_000", "q": "12abc", "r": 1.0})
    );
}

#[test]
fn quoted_and_block_scalars_are_strings() {
    let v = value("a: '12'\nb: \"true\"\nc: |\n  line one\n  line two\nd: >-\n  folded\n  text\ne: \"tab\\there\"\n");
    assert_eq!(v, json!({"a": "12", "b": "true", "c": "line one\nline two\n", "d": "folded text", "e": "tab\there"}));
}

#[test]
fn core_tags() {
    assert_eq!(
        value("a: !!str 12\nb: !!int '7'\nc: !!float 2\nd: !!bool 'true'\ne: !!null x\n"),
        json!({"a": "12", "b": 7, "c": 2, "d": true, "e": null})
    );
    assert!(error("a: !!int seven\n").contains("not an integer"));
}

#[test]
fn cloudformation_short_tags_become_the_long_form() {
    let v = value(
        "A: !Ref Table\nB: !GetAtt Fn.Arn\nC: !GetAtt [Fn, Arn]\nD: !Sub 'arn:${AWS::Partition}:x'\nE: !Join ['', [a, !Ref B]]\nF: !If [Cond, 1, 2]\nG: !Condition IsProd\nH: !GetAtt Stack.Outputs.Name\nI: !Sub\n  - '${X}'\n  - X: !Ref Y\n",
    );
    assert_eq!(
        v,
        json!({
            "A": {"Ref": "Table"},
            "B": {"Fn::GetAtt": ["Fn", "Arn"]},
            "C": {"Fn::GetAtt": ["Fn", "Arn"]},
            "D": {"Fn::Sub": "arn:${AWS::Partition}:x"},
            "E": {"Fn::Join": ["", ["a", {"Ref": "B"}]]},
            "F": {"Fn::If": ["Cond", 1, 2]},
            "G": {"Condition": "IsProd"},
            "H": {"Fn::GetAtt": ["Stack", "Outputs.Name"]},
            "I": {"Fn::Sub": ["${X}", {"X": {"Ref": "Y"}}]},
        })
    );
}

#[test]
fn spans_are_byte_offsets_by_pointer() {
    let text = "# é comment\nStates:\n  Ä:\n    Next: B\n";
    let parsed = parse(text);
    let next = parsed.spans.get("/States/Ä/Next").expect("span");
    assert_eq!(&text[next.value.start..next.value.end], "B");
    assert_eq!(&text[next.key.unwrap().start..next.key.unwrap().end], "Next");
    let state = parsed.spans.get("/States/Ä").expect("span");
    assert_eq!(&text[state.key.unwrap().start..state.key.unwrap().end], "Ä");
}

#[test]
fn a_tagged_node_is_found_under_both_pointers() {
    let text = "DefinitionString: !Sub |\n  {\"StartAt\": \"${X}\"}\n";
    let parsed = parse(text);
    let outer = parsed.spans.get("/DefinitionString").expect("outer");
    let inner = parsed.spans.get("/DefinitionString/Fn::Sub").expect("inner");
    assert_eq!(outer.value, inner.value);
    let text = "J: !Join\n  - ''\n  - [a, b]\n";
    let parsed = parse(text);
    let part = parsed.spans.get("/J/Fn::Join/1/0").expect("part");
    assert_eq!(&text[part.value.start..part.value.end], "a");
}

#[test]
fn anchors_and_aliases_are_expanded() {
    let v = value("base: &b {Type: Pass, End: true}\nStates:\n  A: *b\n  B: *b\n");
    assert_eq!(v["States"]["A"], json!({"Type": "Pass", "End": true}));
    assert_eq!(v["States"]["B"], v["States"]["A"]);
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
    }
    assert!(error(&text).contains("aliases expand to more than"), "{}", error(&text));
}

#[test]
fn mistakes_are_located() {
    let parsed = parse("a: [1, 2\nb: 3\n");
    assert!(parsed.value.is_none());
    assert!(!parsed.errors.is_empty());
    assert!(error("a: 1\n---\nb: 2\n").contains("second YAML document"));
    assert!(error("? [a, b]\n: c\n").contains("key must be a scalar"));
    assert!(error("a: .inf\n").contains("JSON cannot hold"));
    assert!(error("a: *nothing\n").len() > 3);
    let parsed = parse("a: 1\na: 2\n");
    assert_eq!(parsed.value, Some(json!({"a": 2})));
    assert_eq!(parsed.duplicate_keys.len(), 1);
    assert_eq!(parsed.duplicate_keys[0].key, "a");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = "[".repeat(5000) + &"]".repeat(5000);
    let parsed = parse(&text);
    assert!(parsed.value.is_none());
    assert!(!parsed.errors.is_empty());
}

#[test]
fn empty_text_has_no_value() {
    assert_eq!(parse("").value, None);
    assert_eq!(parse("# only a comment\n").value, None);
}

#[test]
fn json_is_told_from_yaml() {
    assert!(looks_like_json("  {\"a\": 1}"));
    assert!(looks_like_json("# c\n[1]"));
    assert!(!looks_like_json("StartAt: A"));
    assert!(!looks_like_json(""));
}

#[test]
fn flow_lines_indented_less_than_their_block_are_read_as_cloudformation_reads_them() {
    let text = "A:\n  - \n    Effect: Allow\n    Resource: [\n      x,\n      y\n    ]\n\nB:\n  KeyPolicy: {\n      \"a\": 1\n  }\nC: 1\n";
    let parsed = parse(text);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let v = parsed.value.unwrap();
    assert_eq!(v, json!({"A": [{"Effect": "Allow", "Resource": ["x", "y"]}], "B": {"KeyPolicy": {"a": 1}}, "C": 1}));
    let c = parsed.spans.get("/C").unwrap();
    assert_eq!(&text[c.value.start..c.value.end], "1");
}
