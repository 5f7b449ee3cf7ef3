//! The suite module's tests: reading (`reading.rs`), checking each kind of expectation
//! (`check.rs`), coverage (`coverage.rs`), and suites made or extended (`text.rs`).

mod check;
mod coverage;
mod reading;
mod text;

use std::sync::Arc;

use serde_json::Value;

use super::{Case, CaseMocks, Suite, read};
use crate::exec::{Execution, Options, TaskAnswer};
use crate::model::StateMachine;

/// A machine from its JSON, which must load without errors.
pub(super) fn machine(definition: &str) -> StateMachine {
    let d = crate::load(definition);
    assert!(!d.has_errors(), "{:?}", d.diagnostics);
    d.machine.expect("a machine")
}

/// A suite's text that must read.
pub(super) fn suite(text: &str) -> Suite {
    read(text).unwrap_or_else(|e| panic!("the suite does not read: {e:?}"))
}

/// Runs `case` on `machine`: its inline mocks first, else a task returns its input.
pub(super) fn run(machine: &StateMachine, case: &Case) -> Execution {
    let input = match &case.input {
        super::CaseInput::Value(v) => v.clone(),
        super::CaseInput::File(_) => Value::Null,
    };
    let mut exec = Execution::start(Arc::new(machine.clone()), input, Options::default()).expect("starts");
    let mut mocks = CaseMocks::new(case);
    crate::host::run_to_end(&mut exec, |req| {
        (mocks.answer(&req.state_name).unwrap_or_else(|| TaskAnswer::Succeeded(req.input.clone())), 0)
    });
    exec
}

/// An order workflow: a retried, caught task, a Choice, and a Wait.
pub(super) const ORDER: &str = r#"{
  "StartAt": "Pay",
  "States": {
    "Pay": {
      "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:pay",
      "Retry": [{"ErrorEquals": ["Gateway.Busy"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Cancel"}],
      "ResultPath": "$.payment",
      "Next": "Big?"
    },
    "Big?": {
      "Type": "Choice",
      "Choices": [{"Variable": "$.amount", "NumericGreaterThan": 1000, "Next": "Review"}],
      "Default": "Ship"
    },
    "Review": {"Type": "Wait", "Seconds": 60, "Next": "Ship"},
    "Ship": {"Type": "Pass", "Result": "SHIPPED", "ResultPath": "$.status", "End": true},
    "Cancel": {"Type": "Fail", "Error": "Order.Cancelled", "Cause": "the payment failed"}
  }
}"#;
