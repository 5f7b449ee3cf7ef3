//! The executor as a host drives it: answers given late and out of order, a step budget for
//! short frames, stopping, and determinism.

use std::sync::Arc;

use asl::exec::{Execution, ExecutionType, Options, Poll, Request, Status, TaskAnswer};
use serde_json::{Value, json};

fn machine(definition: Value) -> Arc<asl::model::StateMachine> {
    let def = asl::load_value(&definition);
    assert!(!def.has_errors(), "{:?}", def.diagnostics);
    Arc::new(def.machine.unwrap())
}

fn parallel_tasks() -> Value {
    json!({
        "StartAt": "Both",
        "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "End": true}}}
        ]}}
    })
}

#[test]
fn answers_can_come_later_and_in_any_order() {
    let mut exec = Execution::start(machine(parallel_tasks()), json!({}), Options::default()).unwrap();
    let mut pending = Vec::new();
    loop {
        match exec.poll() {
            Poll::Request(Request::Task(r)) => pending.push(r),
            Poll::Idle { next_deadline: None } => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(pending.len(), 2, "both branches asked before anything was answered");
    // Answer B first, then A, both after some latency.
    exec.answer(pending[1].id, TaskAnswer::Succeeded(json!("b")), 300).unwrap();
    exec.answer(pending[0].id, TaskAnswer::Succeeded(json!("a")), 100).unwrap();
    assert!(exec.answer(pending[0].id + 100, TaskAnswer::Heartbeat, 0).is_err(), "unknown ids are refused");
    loop {
        match exec.poll() {
            Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
            Poll::Finished => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.status, Status::Succeeded);
    assert_eq!(outcome.output, Some(json!(["a", "b"])), "results stay in branch order");
    let last = exec.history().last().unwrap();
    assert_eq!(last.timestamp - exec.history()[0].timestamp, 300, "the slower answer decides the end");
}

#[test]
fn a_step_budget_keeps_each_poll_short() {
    let def = json!({
        "StartAt": "Init",
        "States": {
            "Init": {"Type": "Pass", "Result": 0, "ResultPath": "$.i", "Next": "Inc"},
            "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
            "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 1000, "Next": "Inc"}], "Default": "Done"},
            "Done": {"Type": "Succeed"}
        }
    });
    let options = Options { execution_type: ExecutionType::Express, ..Options::default() };
    let mut exec = Execution::start(machine(def), json!({}), options).unwrap();
    exec.set_step_budget(50);
    let mut yields = 0;
    loop {
        match exec.poll() {
            Poll::Yielded => yields += 1,
            Poll::Finished => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(exec.transitions(), 2002);
    assert!(yields >= 2002 / 50 - 1, "{yields} yields");
    assert_eq!(exec.outcome().unwrap().output, Some(json!({"i": 1000})));
}

#[test]
fn stopping_aborts_the_execution() {
    let def = json!({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}});
    let mut exec = Execution::start(machine(def), json!({}), Options::default()).unwrap();
    assert!(matches!(exec.poll(), Poll::Idle { next_deadline: Some(_) }));
    exec.stop(Some("Operator.Stop".into()), Some("stopped by hand".into()));
    assert!(matches!(exec.poll(), Poll::Finished));
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.status, Status::Aborted);
    assert_eq!(exec.history().last().unwrap().type_name(), "ExecutionAborted");
}

#[test]
fn stopping_aborts_a_running_map_run_first() {
    let def = json!({"StartAt": "M", "States": {"M": {
        "Type": "Map",
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}
        },
        "End": true
    }}});
    let mut exec = Execution::start(machine(def), json!([1, 2]), Options::default()).unwrap();
    assert!(matches!(exec.poll(), Poll::Idle { next_deadline: Some(_) }));
    exec.stop(None, None);
    let types: Vec<&str> = exec.history().iter().map(|e| e.type_name()).collect();
    assert_eq!(types[types.len() - 3..], ["MapRunStarted", "MapRunAborted", "ExecutionAborted"]);
}

fn random_run(seed: u64) -> String {
    let def = json!({
        "StartAt": "Roll",
        "States": {
            "Roll": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()", "n.$": "States.MathRandom(1, 1000)"}, "Next": "Flaky"},
            "Flaky": {
                "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "F", "Payload.$": "$"},
                "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3, "JitterStrategy": "FULL"}],
                "End": true
            }
        }
    });
    let options = Options { seed, ..Options::default() };
    let mut exec = Execution::start(machine(def), json!({}), options).unwrap();
    let mut calls = 0;
    asl::host::run_to_end(&mut exec, |req| {
        calls += 1;
        if calls < 3 {
            (TaskAnswer::FunctionFailed { error: "Flaky".into(), message: "try again".into() }, 40)
        } else {
            (TaskAnswer::FunctionReturned(req.function_input().clone()), 40)
        }
    });
    serde_json::to_string(exec.history()).unwrap()
}

#[test]
fn the_same_seed_gives_the_same_history_byte_for_byte() {
    assert_eq!(random_run(7), random_run(7));
    assert_ne!(random_run(7), random_run(8));
}
