//! Read whatever text arrives as a test suite (`asl test`, the page's Tests tab): no text may
//! panic the reader. Errors have a message and a line inside the text; a suite that reads has
//! its state names checked against a small machine, each case run there with its inline
//! answers and checked (which may fail, never panic), its coverage counted, and a case added to
//! its text that reads back.

#![no_main]

use std::sync::Arc;

use asl::exec::{Execution, Options, TaskAnswer};
use asl::suite::{CaseInput, CaseMocks, Coverage, add_case, check, check_references, read};
use libfuzzer_sys::fuzz_target;

const MACHINE: &str = r#"{"StartAt": "Pay", "States": {
  "Pay": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:pay",
    "Retry": [{"ErrorEquals": ["Busy"], "MaxAttempts": 2}],
    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}], "Next": "Big?"},
  "Big?": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Done"}], "Default": "Done"},
  "Done": {"Type": "Succeed"},
  "Failed": {"Type": "Fail", "Error": "E"}}}"#;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count().max(1) + 1;
    let suite = match read(&text) {
        Ok(s) => s,
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(!e.message.is_empty() && e.line >= 1 && e.line <= lines, "{e}");
            }
            return;
        }
    };
    let machine = asl::load(MACHINE).machine.expect("the machine loads");
    for e in check_references(&suite, &machine) {
        assert!(!e.message.is_empty() && e.line >= 1 && e.line <= lines, "{e}");
    }
    let mut coverage = Coverage::new(&machine);
    let machine = Arc::new(machine);
    for case in suite.cases.iter().take(8) {
        let input = match &case.input {
            CaseInput::Value(v) => v.clone(),
            CaseInput::File(_) => serde_json::Value::Null,
        };
        let Ok(mut exec) = Execution::start(Arc::clone(&machine), input, Options::default()) else { continue };
        let mut mocks = CaseMocks::new(case);
        asl::host::run_to_end(&mut exec, |req| {
            (mocks.answer(&req.state_name).unwrap_or(TaskAnswer::Succeeded(req.input.clone())), 0)
        });
        let result = check(case, &exec);
        assert_eq!(result.passed, result.failures.is_empty());
        coverage.add(exec.visits());
    }
    let report = coverage.report();
    assert!(report.states.covered <= report.states.total);
    let case = serde_json::json!({"name": "added by the fuzzer", "input": {"n": 2}, "expect": {"status": "SUCCEEDED"}});
    if let Ok(added) = add_case(&text, &case) {
        let again = read(&added).map(|s| s.cases.len());
        assert!(again.is_err() || again == Ok(suite.cases.len() + 1), "{added}");
    }
});
