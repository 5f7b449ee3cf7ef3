use serde_json::{Value, json};

use super::super::{CaseInput, Expect, add_case, case_from_run, from_mock_config, read, to_text};
use super::{ORDER, machine, run, suite};
use crate::exec::Status;
use crate::mock_config::MockConfig;

const CASE: &str =
    r#"{"name": "new one", "input": {"amount": 7}, "expect": {"status": "SUCCEEDED", "output": {"a": [1, "x: y"]}}}"#;

fn new_case() -> Value {
    serde_json::from_str(CASE).unwrap()
}

#[test]
fn a_case_goes_at_the_end_of_a_yaml_list_keeping_comments() {
    let text = "# my suite\ndefinition: d.json\ncases:\n  # the first\n  - name: one\n    input: {a: 1} # inline\n    expect:\n      status: SUCCEEDED\n# after the cases\nmockTimeoutMs: 100\n";
    let added = add_case(text, &new_case()).unwrap();
    assert!(added.starts_with("# my suite\ndefinition: d.json\ncases:\n  # the first\n  - name: one\n    input: {a: 1} # inline\n    expect:\n      status: SUCCEEDED\n  - name: new one\n"), "{added}");
    assert!(added.contains("# after the cases\nmockTimeoutMs: 100\n"), "{added}");
    let s = suite(&added);
    assert_eq!(s.cases.len(), 2);
    assert_eq!(s.cases[1].input, CaseInput::Value(json!({"amount": 7})));
    assert_eq!(s.mock_timeout_ms, Some(100));
    assert!(add_case(&added, &new_case()).unwrap_err().contains("already"));
}

#[test]
fn a_case_goes_into_an_empty_flow_or_missing_list() {
    for text in [
        "definition: d.json\ncases: []\n",
        "definition: d.json\ncases:\n",
        "definition: d.json\n",
        "definition: d.json",
        "cases: [{name: one}]\nmockTimeoutMs: 5\n",
    ] {
        let added = add_case(text, &new_case()).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let s = read(&added).unwrap_or_else(|e| panic!("{added}: {e:?}"));
        assert_eq!(s.cases.last().unwrap().name, "new one", "{added}");
    }
}

#[test]
fn a_case_goes_into_json_rewritten() {
    let text = "{\"definition\": \"d.json\", \"cases\": []}";
    let added = add_case(text, &new_case()).unwrap();
    assert!(added.starts_with("{\n  \"definition\": \"d.json\",\n  \"cases\": [\n"), "{added}");
    assert_eq!(suite(&added).cases[0].name, "new one");
    assert!(add_case("{\"cases\": [}", &new_case()).is_err());
    assert!(add_case("cases: 3\n", &new_case()).is_err());
    assert!(add_case("cases: []\n", &json!({"input": 1})).is_err());
}

#[test]
fn a_run_becomes_a_case_that_passes() {
    let m = machine(ORDER);
    for (name, input, mocks) in [
        ("ships", json!({"amount": 5}), ""),
        ("declined", json!({"amount": 5}), "    mocks:\n      Pay: {error: Card.Declined}\n"),
    ] {
        let s = suite(&format!("cases:\n  - name: x\n    input: {input}\n{mocks}"));
        let exec = run(&m, &s.cases[0]);
        let mut case = case_from_run(name, &input, &exec);
        // The mocks are the page's to add; here the same ones again.
        if let Some(answers) =
            serde_json::to_value(&s.cases[0].mocks).ok().filter(|v| v.as_object().is_some_and(|o| !o.is_empty()))
        {
            let _ = answers;
            case["mocks"] = json!({"Pay": {"error": "Card.Declined"}});
        }
        let text = add_case("cases: []\n", &case).unwrap();
        let again = suite(&text);
        let r = super::super::check(&again.cases[0], &run(&m, &again.cases[0]));
        assert!(r.passed, "{text}\n{:?}", r.failures);
    }
    assert_eq!(to_text(&json!({"a": 1}), true), "a: 1\n");
    assert_eq!(to_text(&json!({"a": 1}), false), "{\n  \"a\": 1\n}\n");
}

#[test]
fn a_mock_config_becomes_a_suite() {
    let config = MockConfig::from_value(&json!({
        "StateMachines": {"Orders": {"TestCases": {"HappyPath": {"Pay": "R"}, "Declined": {"Pay": "R"}}}, "Other": {"TestCases": {"X": {}}}},
        "MockedResponses": {"R": {"0": {"Return": 1}}}
    }))
    .unwrap();
    let s = from_mock_config(&config, "Orders");
    let names: Vec<&str> = s.cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Declined", "HappyPath"]);
    assert_eq!(s.cases[0].test_case.as_ref().unwrap().value, "Declined");
    assert_eq!(s.cases[0].expect[0].kind, Expect::Status(Status::Succeeded));
    assert!(from_mock_config(&config, "Nope").cases.is_empty());
    let single = MockConfig::from_value(&json!({"StateMachines": {"Only": {"TestCases": {"T": {}}}}})).unwrap();
    assert_eq!(from_mock_config(&single, "Whatever").cases[0].name, "T");
}

#[test]
fn a_text_ending_inside_a_wide_character_takes_a_case() {
    // Found by the `suites` fuzz target: the last value ends with a character of several bytes.
    for text in ["cases:\n  - name: café", "cases:\n  - name: a\n    message: x\u{FFFD}", "cases:\n- name: 😀\n"] {
        let added = add_case(text, &new_case()).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(suite(&added).cases.len(), 2, "{added}");
    }
}
