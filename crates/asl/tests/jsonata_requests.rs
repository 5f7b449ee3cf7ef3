//! JSONata states as the engine asks a host about them: which expressions go out, with which
//! bindings, and what the engine makes of the answers. The answers here are scripted, so these
//! tests check the engine alone; `crates/asl-cli` runs the real JSONata.

use std::sync::Arc;

use asl::exec::{EvalRequest, Evaluated, Execution, Options, Poll, Request, Status, TaskAnswer};
use serde_json::{Value, json};

fn start(definition: Value, input: Value) -> Execution {
    let def = asl::load_value(&definition);
    assert!(!def.has_errors(), "{:?}", def.diagnostics);
    Execution::start(Arc::new(def.machine.unwrap()), input, Options::default()).unwrap()
}

/// Runs to the end, answering each evaluation with `answer` and each task with its input.
fn run(exec: &mut Execution, mut answer: impl FnMut(&EvalRequest) -> Vec<Evaluated>) -> Vec<EvalRequest> {
    let mut asked = Vec::new();
    loop {
        match exec.poll() {
            Poll::Request(Request::Evaluate(r)) => {
                exec.answer_evaluation(r.id, answer(&r)).unwrap();
                asked.push(*r);
            }
            Poll::Request(Request::Task(t)) => {
                exec.answer(t.id, TaskAnswer::Succeeded(t.input.clone()), 0).unwrap();
            }
            Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
            Poll::Idle { next_deadline: None } | Poll::Finished => return asked,
            Poll::Yielded => {}
        }
    }
}

#[test]
fn assign_and_output_go_out_together_and_output_sees_the_old_variables() {
    let mut exec = start(
        json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "B"},
            "B": {"Type": "Pass", "Assign": {"x": "{% $x + 1 %}"}, "Output": {"seen": "{% $x %}"}, "End": true}
        }}),
        json!({"k": "v"}),
    );
    let asked = run(&mut exec, |r| {
        let x = r.bindings["x"].as_i64().unwrap();
        r.expressions.iter().map(|e| Evaluated::Value(if e == "$x + 1" { json!(x + 1) } else { json!(x) })).collect()
    });
    assert_eq!(asked.len(), 1, "A has no expressions, so nothing is asked for it");
    assert_eq!(asked[0].expressions, ["$x + 1", "$x"], "Assign, then Output");
    assert_eq!(asked[0].bindings["states"]["input"], json!({"k": "v"}));
    assert_eq!(asked[0].bindings["states"]["context"]["State"]["Name"], "B");
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.output, Some(json!({"seen": 1})));
    assert_eq!(exec.variables(), [("x", &json!(2))]);
    // Each exit event lists what its state assigned, values as JSON text, as AWS's do.
    let history = serde_json::to_value(exec.history()).unwrap();
    let exits: Vec<&Value> = history.as_array().unwrap().iter().filter(|e| e["type"] == "PassStateExited").collect();
    assert_eq!(exits[1]["stateExitedEventDetails"]["assignedVariables"], json!({"x": "2"}));
    assert_eq!(exits[1]["stateExitedEventDetails"]["assignedVariablesDetails"], json!({"truncated": false}));
}

#[test]
fn undefined_fails_with_aws_cause_and_an_evaluation_failed_event() {
    let mut exec = start(
        json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "Output": {"result": "{% $doesNotExist %}"}, "End": true}
        }}),
        json!({}),
    );
    run(&mut exec, |_| vec![Evaluated::Undefined]);
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.status, Status::Failed);
    assert_eq!(outcome.error.as_deref(), Some("States.QueryEvaluationError"));
    assert_eq!(
        outcome.cause.as_deref(),
        Some(
            "An error occurred while executing the state 'A' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined)."
        )
    );
    let types: Vec<&str> = exec.history().iter().map(|e| e.type_name()).collect();
    assert_eq!(types, ["ExecutionStarted", "PassStateEntered", "EvaluationFailed", "ExecutionFailed"]);
}

#[test]
fn a_task_gets_its_arguments_and_its_result_reaches_output() {
    let mut exec = start(
        json!({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
            "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Arguments": {"Payload": "{% $states.input.n %}"},
                  "Output": "{% $states.result.Payload %}", "End": true}
        }}),
        json!({"n": 7}),
    );
    let asked = run(&mut exec, |r| {
        r.expressions
            .iter()
            .map(|e| match e.as_str() {
                "$states.input.n" => Evaluated::Value(r.bindings["states"]["input"]["n"].clone()),
                _ => Evaluated::Value(r.bindings["states"]["result"]["Payload"].clone()),
            })
            .collect()
    });
    assert_eq!(asked.len(), 2);
    assert!(asked[0].bindings["states"]["context"]["Task"]["Token"].is_string(), "the token is there for Arguments");
    assert_eq!(asked[1].bindings["states"]["result"], json!({"Payload": 7}));
    assert_eq!(exec.outcome().unwrap().output, Some(json!(7)));
}

#[test]
fn choice_takes_the_first_true_condition_and_refuses_a_non_boolean() {
    let def = json!({"QueryLanguage": "JSONata", "StartAt": "C", "States": {
        "C": {"Type": "Choice", "Choices": [
            {"Condition": "{% $states.input.a %}", "Next": "A"},
            {"Condition": "{% $states.input.b %}", "Next": "B", "Output": {"via": "b"}}
        ], "Default": "A"},
        "A": {"Type": "Succeed"},
        "B": {"Type": "Succeed"}
    }});
    let mut exec = start(def.clone(), json!({}));
    run(&mut exec, |r| match r.expressions.as_slice() {
        [_, _] => vec![Evaluated::Value(json!(false)), Evaluated::Value(json!(true))],
        _ => vec![Evaluated::Value(json!("b"))],
    });
    assert_eq!(exec.outcome().unwrap().output, Some(json!({"via": "b"})));

    let mut exec = start(def, json!({}));
    run(&mut exec, |_| vec![Evaluated::Value(json!("yes")), Evaluated::Value(json!(true))]);
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.error.as_deref(), Some("States.QueryEvaluationError"));
    assert!(outcome.cause.as_deref().unwrap().contains("Expected 'boolean', but was 'string'"));
}

#[test]
fn map_items_must_be_an_array_and_each_iteration_selects_with_its_item() {
    let def = json!({"QueryLanguage": "JSONata", "StartAt": "M", "States": {
        "M": {"Type": "Map", "Items": "{% $states.input.xs %}",
              "ItemSelector": {"v": "{% $states.context.Map.Item.Value %}"},
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}
    }});
    let mut exec = start(def.clone(), json!({"xs": [1, 2]}));
    run(&mut exec, |r| match r.expressions[0].as_str() {
        "$states.input.xs" => vec![Evaluated::Value(r.bindings["states"]["input"]["xs"].clone())],
        _ => vec![Evaluated::Value(r.bindings["states"]["context"]["Map"]["Item"]["Value"].clone())],
    });
    assert_eq!(exec.outcome().unwrap().output, Some(json!([{"v": 1}, {"v": 2}])));

    let mut exec = start(def, json!({}));
    run(&mut exec, |_| vec![Evaluated::Value(json!(1))]);
    assert_eq!(
        exec.outcome().unwrap().cause.as_deref(),
        Some(
            "An error occurred while executing the state 'M' (entered at the event id #2). The JSONata expression '$states.input.xs' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1"
        )
    );
}

#[test]
fn a_catcher_sees_the_error_output_and_its_variables_stay_in_scope() {
    let mut exec = start(
        json!({"QueryLanguage": "JSONata", "StartAt": "F", "States": {
            "F": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": "{% $nope %}",
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done",
                             "Assign": {"err": "{% $states.errorOutput.Error %}"}}], "End": true},
            "Done": {"Type": "Pass", "End": true}
        }}),
        json!({}),
    );
    run(&mut exec, |r| match r.expressions[0].as_str() {
        "$nope" => vec![Evaluated::Undefined],
        _ => vec![Evaluated::Value(r.bindings["states"]["errorOutput"]["Error"].clone())],
    });
    let outcome = exec.outcome().unwrap();
    assert_eq!(outcome.status, Status::Succeeded);
    assert_eq!(
        outcome.output.as_ref().unwrap()["Error"],
        "States.QueryEvaluationError",
        "Output defaults to the error"
    );
    assert_eq!(exec.variables(), [("err", &json!("States.QueryEvaluationError"))]);
}
