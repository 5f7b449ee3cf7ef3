use serde_json::json;

use super::super::{CaseInput, Expect, MockAnswer, Mocks, Source, StateCheck, VisitPick, check_references, read};
use super::{ORDER, machine, suite};
use crate::exec::{ExecutionType, Status};

const FULL: &str = "\
# An order suite.
definition: definition.asl.json
stateMachine: OrderWorkflow
mocks: mocks/
mockConfig: MockConfigFile.json
s3: s3/
type: EXPRESS
mockTimeoutMs: 250
cases:
  - name: happy path
    input: {amount: 50}
    message: Orders under 1,000 ship.
    testCase: HappyPath
    mocks:
      Pay:
        - error: Gateway.Busy
          cause: timed out
        - result: {id: p-1}
      Ship: {waitForCallback: true}
    expect:
      status: SUCCEEDED
      output: {status: SHIPPED}
      outputContains: {status: SHIPPED}
      error: E
      cause: C
      causeContains: c
      path: [Pay, Big?, Ship]
      visited: [Pay, Ship]
      visitedAnyOrder: [Ship, Pay]
      notVisited: Cancel
      states:
        Pay:
          visit: last
          retries: 1
          error: Gateway.Busy
        Ship: {}
      elapsedSeconds: 2
      maxElapsedSeconds: 60
  - name: from a file
    inputFile: inputs/big.json
";

#[test]
fn reads_every_field() {
    let s = suite(FULL);
    assert_eq!(s.definition.as_ref().unwrap().value, Source::Path("definition.asl.json".into()));
    assert_eq!(s.definition.as_ref().unwrap().at.line, 2);
    assert_eq!(s.state_machine.as_deref(), Some("OrderWorkflow"));
    assert_eq!(s.mocks.as_ref().unwrap().value, Mocks::Path("mocks/".into()));
    assert_eq!(s.mock_config.as_ref().unwrap().value, Source::Path("MockConfigFile.json".into()));
    assert_eq!(s.s3.as_ref().unwrap().value, "s3/");
    assert_eq!(s.execution_type, Some(ExecutionType::Express));
    assert_eq!(s.mock_timeout_ms, Some(250));
    assert_eq!(s.cases.len(), 2);
    let c = &s.cases[0];
    assert_eq!((c.name.as_str(), c.at.line), ("happy path", 10));
    assert_eq!(c.input, CaseInput::Value(json!({"amount": 50})));
    assert_eq!(c.message.as_deref(), Some("Orders under 1,000 ship."));
    assert_eq!(c.test_case.as_ref().unwrap().value, "HappyPath");
    assert_eq!(
        c.mocks["Pay"].value,
        [
            MockAnswer::Error { error: "Gateway.Busy".into(), cause: Some("timed out".into()) },
            MockAnswer::Result(json!({"id": "p-1"}))
        ]
    );
    assert_eq!(c.mocks["Pay"].at.line, 15);
    assert_eq!(c.mocks["Ship"].value, [MockAnswer::WaitForCallback]);
    let names: Vec<(&str, usize)> = c.expect.iter().map(|e| (e.name.as_str(), e.at.line)).collect();
    assert_eq!(
        names,
        [
            ("expect.status", 21),
            ("expect.output", 22),
            ("expect.outputContains", 23),
            ("expect.error", 24),
            ("expect.cause", 25),
            ("expect.causeContains", 26),
            ("expect.path", 27),
            ("expect.visited", 28),
            ("expect.visitedAnyOrder", 29),
            ("expect.notVisited", 30),
            ("expect.states.\"Pay\".retries", 34),
            ("expect.states.\"Pay\".error", 35),
            ("expect.states.\"Ship\"", 36),
            ("expect.elapsedSeconds", 37),
            ("expect.maxElapsedSeconds", 38),
        ]
    );
    assert_eq!(c.expect[0].kind, Expect::Status(Status::Succeeded));
    assert!(matches!(&c.expect[10].kind, Expect::State { visit: VisitPick::Last, check: StateCheck::Retries(1), .. }));
    assert!(matches!(&c.expect[12].kind, Expect::State { visit: VisitPick::Nth(1), check: StateCheck::Entered, .. }));
    assert!(matches!(&c.expect[9].kind, Expect::NotVisited(l) if l[0].value == "Cancel" && l[0].at.line == 30));
    assert!(matches!(&s.cases[1].input, CaseInput::File(f) if f.value == "inputs/big.json" && f.at.line == 40));
}

#[test]
fn reads_json_and_inline_parts() {
    let text = r#"{
  "definition": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}},
  "mocks": {"pay": "export default async () => 1"},
  "mockConfig": {"StateMachines": {}},
  "cases": [{"name": "one", "expect": {"states": {"A": [{"visit": 1}, {"visit": -1, "output": {}}]}}}]
}"#;
    let s = suite(text);
    assert!(matches!(&s.definition.unwrap().value, Source::Inline(v) if v["StartAt"] == "A"));
    assert!(matches!(&s.mocks.unwrap().value, Mocks::Inline(m) if m["pay"].starts_with("export")));
    assert!(matches!(&s.mock_config.unwrap().value, Source::Inline(_)));
    let c = &s.cases[0];
    assert_eq!(c.input, CaseInput::Value(json!({})));
    assert_eq!(c.expect[0].name, "expect.states.\"A\"[0]");
    assert_eq!(c.expect[1].name, "expect.states.\"A\"[1].output");
    assert_eq!(c.expect[1].at.line, 5);
}

/// The errors of a text that must not read, as `line:column: message`.
fn errors(text: &str) -> Vec<String> {
    read(text).expect_err("the suite must not read").iter().map(ToString::to_string).collect()
}

#[test]
fn unknown_keys_say_where_and_what_was_meant() {
    let e = errors("definition: d.json\ncases:\n  - name: a\n    expct:\n      status: SUCCEEDED\n");
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("4:5: unknown key 'expct' in case 1 (did you mean 'expect'?)"), "{e:?}");
    let e = errors("definitoin: d.json\ncases: []\n");
    assert!(e[0].starts_with("1:1: unknown key 'definitoin' in the suite (did you mean 'definition'?)"), "{e:?}");
    let e = errors("cases:\n  - name: a\n    expect:\n      states:\n        A: {retires: 2}\n");
    assert!(e[0].starts_with("5:13: unknown key 'retires' in expect.states.\"A\" (did you mean 'retries'?)"), "{e:?}");
    let e = errors("cases:\n  - name: a\n    mocks:\n      A: {reslt: 1}\n");
    assert!(e[0].contains("unknown key 'reslt'") && e[0].contains("did you mean 'result'?"), "{e:?}");
}

#[test]
fn wrong_values_are_errors_at_their_line() {
    let e = errors("cases:\n  - name: a\n    expect:\n      status: DONE\n      retries: x\n");
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("4:15: expect.status must be SUCCEEDED, FAILED, TIMED_OUT or ABORTED"), "{e:?}");
    assert!(e[1].starts_with("5:7: unknown key 'retries'"), "{e:?}");
    let e = errors("cases:\n  - name: a\n  - input: {}\n  - name: a\n");
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("3:5: case 2 has no name"), "{e:?}");
    assert!(e[1].starts_with("4:5: a case named 'a' is already in the suite"), "{e:?}");
    let e = errors("type: FAST\nmockTimeoutMs: 0\ncases: {}\n");
    assert_eq!(e.len(), 3, "{e:?}");
    let e = errors("cases:\n  - name: a\n    input: 1\n    inputFile: x.json\n    mocks:\n      A: []\n");
    assert!(e[0].starts_with("4:5: case 'a' has both input and inputFile"), "{e:?}");
    assert!(e[1].contains("the mock of 'A' is an empty list"), "{e:?}");
    let e = errors("cases:\n  - name: a\n    mocks:\n      A: {result: 1, error: E}\n");
    assert!(e[0].contains("needs exactly one of result, error"), "{e:?}");
    let e = errors("cases:\n  - name: a\n    expect:\n      states:\n        A: {visit: 0}\n");
    assert!(e[0].contains("visit must be 1 or more"), "{e:?}");
}

#[test]
fn syntax_errors_have_their_line() {
    let e = errors("cases:\n  - name: a\n    input: {amount: 50\n");
    assert!(e[0].starts_with("4:") || e[0].starts_with("3:"), "{e:?}");
    let e = errors("{\"cases\": [}\n");
    assert!(e[0].starts_with("1:"), "{e:?}");
    let e = errors("");
    assert!(e[0].contains("the suite is empty"), "{e:?}");
    let e = errors("cases: []\ncases: []\n");
    assert!(e[0].contains("given twice"), "{e:?}");
}

#[test]
fn references_to_missing_states_are_errors_with_a_suggestion() {
    let m = machine(ORDER);
    let s = suite(
        "cases:\n  - name: a\n    mocks:\n      Pai: {result: 1}\n    expect:\n      visited: [Pay, Shipp]\n      states:\n        Cancel: {}\n        Nowhere: {}\n",
    );
    let e: Vec<String> = check_references(&s, &m).iter().map(ToString::to_string).collect();
    assert_eq!(e.len(), 3, "{e:?}");
    assert!(
        e[0].starts_with("4:7: the case 'a' mocks names the state 'Pai'") && e[0].ends_with("(did you mean 'Pay'?)"),
        "{e:?}"
    );
    assert!(
        e[1].starts_with("6:22: expect.visited names the state 'Shipp'") && e[1].ends_with("(did you mean 'Ship'?)"),
        "{e:?}"
    );
    assert!(e[2].starts_with("9:9: expect.states.\"Nowhere\" names the state 'Nowhere'"), "{e:?}");
}
