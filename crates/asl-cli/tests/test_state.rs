//! `asl test-state`: TestState requests in, the API's response or exception out.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

/// Runs `asl test-state --input-json -` with `request` on stdin.
fn test_state(request: &Value) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asl"))
        .args(["test-state", "--input-json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("asl runs");
    child.stdin.take().unwrap().write_all(request.to_string().as_bytes()).unwrap();
    child.wait_with_output().expect("asl ends")
}

fn answer(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("a JSON answer")
}

#[test]
fn a_pass_state_answers_with_its_data_flow_at_debug() {
    let def = json!({"Type": "Pass", "Parameters": {"b.$": "$.a"}, "Next": "N"});
    let o = test_state(&json!({"definition": def.to_string(), "input": "{\"a\": 1}", "inspectionLevel": "DEBUG"}));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a = answer(&o);
    assert_eq!((a["status"].clone(), a["nextState"].clone()), (json!("SUCCEEDED"), json!("N")));
    // JSON-text fields are text, as the API writes them.
    assert_eq!(a["output"], "{\"b\":1}");
    assert_eq!(a["inspectionData"]["afterParameters"], "{\"b\":1}");
}

#[test]
fn a_jsonata_task_with_a_retrier_is_retriable() {
    let def = json!({"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::lambda:invoke",
        "Arguments": {"FunctionName": "f", "Payload": "{% $states.input.n + 1 %}"},
        "Retry": [{"ErrorEquals": ["Oops"], "IntervalSeconds": 2}], "End": true});
    let o = test_state(&json!({"definition": def.to_string(), "input": "{\"n\": 1}", "inspectionLevel": "TRACE",
        "mock": {"errorOutput": {"error": "Oops", "cause": "c"}}, "stateConfiguration": {"retrierRetryCount": 1}}));
    let a = answer(&o);
    assert_eq!(a["status"], "RETRIABLE");
    assert_eq!(a["inspectionData"]["errorDetails"], json!({"retryIndex": 0, "retryBackoffIntervalSeconds": 4}));
    assert_eq!(a["inspectionData"]["afterArguments"], "{\"FunctionName\":\"f\",\"Payload\":2}");
}

#[test]
fn a_refused_request_prints_the_exception_and_exits_1() {
    let def = json!({"Type": "Succeed"});
    let o = test_state(&json!({"definition": def.to_string(), "mock": {"result": "{}"}}));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        answer(&o),
        json!({"exception": {"Code": "ValidationException",
            "Message": "State type 'Succeed' is not supported when a mock is specified"}})
    );
}
