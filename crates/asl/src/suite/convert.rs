//! Suites made from what people already have: a MockConfigFile's test cases, and a run (the
//! page's "add this run as a test case").

use serde_json::{Map, Value, json};

use super::model::{Case, CaseInput, Expect, Expectation, Pos, Suite};
use crate::exec::{Execution, Status};
use crate::mock_config::MockConfig;

/// The test cases of `machine` in a MockConfigFile as a suite: one case per test case, named
/// after it, answered by it (`testCase`), expected to succeed. A file with a single state
/// machine gives its cases whatever `machine` is (as the MockConfigFile's lookup does). The
/// suite has no definition and no `mockConfig`: the host sets them.
pub fn from_mock_config(config: &MockConfig, machine: &str) -> Suite {
    let all = config.cases();
    let mut machines: Vec<&str> = all.iter().map(|(m, _)| *m).collect();
    machines.dedup();
    let chosen = if machines.contains(&machine) || machines.len() != 1 { machine } else { machines[0] };
    let cases = all
        .iter()
        .filter(|(m, _)| *m == chosen)
        .map(|(_, case)| Case {
            name: case.to_string(),
            at: Pos::default(),
            input: CaseInput::Value(Value::Object(Map::new())),
            message: None,
            test_case: Some(super::model::At::new(case.to_string(), Pos::default())),
            mocks: Default::default(),
            expect: vec![Expectation {
                name: "expect.status".into(),
                at: Pos::default(),
                kind: Expect::Status(Status::Succeeded),
            }],
        })
        .collect();
    Suite { state_machine: Some(chosen.to_string()), cases, ..Suite::default() }
}

/// A case, as a suite writes it, whose expectations are what the run did: its status, and its
/// output or its error and cause. A run that has not finished expects nothing yet.
pub fn case_from_run(name: &str, input: &Value, exec: &Execution) -> Value {
    let mut expect = Map::new();
    if let Some(outcome) = exec.outcome() {
        expect.insert("status".into(), json!(outcome.status.name()));
        match (&outcome.output, outcome.status) {
            (Some(output), Status::Succeeded) => {
                expect.insert("output".into(), output.clone());
            }
            _ => {
                if let Some(e) = &outcome.error {
                    expect.insert("error".into(), json!(e));
                }
                if let Some(c) = &outcome.cause {
                    expect.insert("cause".into(), json!(c));
                }
            }
        }
    }
    json!({ "name": name, "input": input, "expect": expect })
}
