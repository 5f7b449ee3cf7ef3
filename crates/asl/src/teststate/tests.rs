//! The TestState rules end to end, on the executor (JSONPath states: no JSONata host needed).

use serde_json::{Value, json};

use super::*;
use crate::host::NoJsonata;

fn test(request: Value) -> Result<Response, Exception> {
    let mut r = request;
    r["definition"] = Value::String(r["definition"].to_string());
    for key in ["input", "context", "variables"] {
        if let Some(v) = r.get(key).cloned() {
            r[key] = Value::String(v.to_string());
        }
    }
    test_state(&Request::from_json(&r)?, &mut NoJsonata)
}

fn task(extra: Value) -> Value {
    let mut t = json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "After"});
    for (k, v) in extra.as_object().unwrap() {
        t[k] = v.clone();
    }
    t
}

fn failing() -> Value {
    json!({"errorOutput": {"error": "Boom", "cause": "it broke"}})
}

#[test]
fn a_mocked_task_succeeds_on_to_its_next_state() {
    let r = test(json!({"definition": task(json!({})), "input": {"a": 1}, "mock": {"result": "{\"Payload\": 2}"}}))
        .unwrap();
    assert_eq!(r.status, Status::Succeeded);
    assert_eq!(r.output, Some(json!({"Payload": 2})));
    assert_eq!(r.next_state.as_deref(), Some("After"));
    assert_eq!(r.inspection, None, "INFO shows no inspection data");
}

#[test]
fn a_retrier_with_attempts_left_makes_the_error_retriable() {
    let def =
        task(json!({"Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 3}]}));
    let req = |n: u64| {
        json!({"definition": def, "mock": failing(), "inspectionLevel": "DEBUG",
               "stateConfiguration": {"retrierRetryCount": n}})
    };
    let r = test(req(2)).unwrap();
    assert_eq!(r.status, Status::Retriable);
    assert_eq!(r.inspection.unwrap()["errorDetails"], json!({"retryIndex": 0, "retryBackoffIntervalSeconds": 18}));
    let r = test(req(3)).unwrap();
    assert_eq!((r.status, r.error.as_deref()), (Status::Failed, Some("Boom")));
    assert_eq!(r.inspection.unwrap()["errorDetails"], json!({"retryIndex": 0}));
}

#[test]
fn a_catcher_places_the_error_output_and_names_the_next_state() {
    let def = task(json!({"Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Handle"}]}));
    let r = test(json!({"definition": def, "input": {"a": 1}, "mock": failing()})).unwrap();
    assert_eq!(r.status, Status::CaughtError);
    assert_eq!(r.next_state.as_deref(), Some("Handle"));
    assert_eq!(r.output, Some(json!({"a": 1, "err": {"Error": "Boom", "Cause": "it broke"}})));
}

#[test]
fn a_choice_names_the_way_it_chose() {
    let def = json!({"Type": "Choice", "Default": "Small",
        "Choices": [{"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Big"}]});
    let r = test(json!({"definition": def, "input": {"n": 11}, "inspectionLevel": "DEBUG"})).unwrap();
    assert_eq!((r.status, r.next_state.as_deref()), (Status::Succeeded, Some("Big")));
    let mut keys: Vec<&String> = r.inspection.as_ref().unwrap().keys().collect();
    keys.sort_unstable();
    assert_eq!(keys, ["afterInputPath", "input"]);
    let r = test(json!({"definition": def, "input": {"n": 1}})).unwrap();
    assert_eq!(r.next_state.as_deref(), Some("Small"));
}

#[test]
fn a_state_of_a_machine_is_tested_by_name_with_the_given_variables() {
    let def = json!({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "Parameters": {"v.$": "$x"}, "End": true}}});
    let r =
        test(json!({"definition": def, "stateName": "B", "variables": {"x": 5}, "inspectionLevel": "TRACE"})).unwrap();
    assert_eq!(r.output, Some(json!({"v": 5})));
    assert_eq!(r.next_state, None);
    assert_eq!(r.inspection.unwrap()["variables"], "{\"x\":5}");
    let e = test(json!({"definition": def, "stateName": "C"})).unwrap_err();
    assert_eq!(e, Exception::validation("State not found in definition"));
}

#[test]
fn a_given_context_is_the_whole_context_object() {
    let def = task(json!({"ResultSelector": {"c.$": "$$"}}));
    let r = test(json!({"definition": def, "context": {}, "mock": {"result": "{}"}})).unwrap();
    assert_eq!(r.output, Some(json!({"c": {}})));
}

#[test]
fn a_mocked_map_over_its_tolerance_fails_with_the_threshold_error() {
    let def = json!({"Type": "Map", "ItemsPath": "$.items", "ToleratedFailureCount": 1, "End": true,
        "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}});
    let req = |n: u64| {
        json!({"definition": def, "input": {"items": [1, 2, 3]}, "inspectionLevel": "DEBUG",
               "mock": {"result": "[1, 2, 3]"}, "stateConfiguration": {"mapIterationFailureCount": n}})
    };
    let r = test(req(1)).unwrap();
    assert_eq!((r.status, r.output), (Status::Succeeded, Some(json!([1, 2, 3]))));
    let data = r.inspection.unwrap();
    assert_eq!((data["afterItemsPath"].clone(), data["maxConcurrency"].clone()), (json!("[1,2,3]"), json!(0)));
    let r = test(req(2)).unwrap();
    assert_eq!((r.status, r.error.as_deref()), (Status::Failed, Some(THRESHOLD)));
}

#[test]
fn a_fail_state_fails_with_its_error() {
    let r = test(json!({"definition": {"Type": "Fail", "Error": "E", "Cause": "C"}})).unwrap();
    assert_eq!((r.status, r.error.as_deref(), r.cause.as_deref()), (Status::Failed, Some("E"), Some("C")));
}

#[test]
fn a_mock_result_is_checked_against_the_operations_output_shape_as_the_mode_says() {
    let def = json!({"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true});
    let req = |result: Value, mode: Option<&str>| {
        let mut mock = json!({"result": result.to_string()});
        if let Some(mode) = mode {
            mock["fieldValidationMode"] = json!(mode);
        }
        test(json!({"definition": def, "mock": mock}))
    };
    let refused = |message: &str| Err(Exception::validation(format!("Mock result schema validation error: {message}")));
    // STRICT is the default; a field SendMessage's response does not have passes unchecked.
    let unknown = json!({"MessageId": "m-1", "Extra": {"MD5OfMessageBody": 1}});
    assert_eq!(req(unknown.clone(), None).unwrap().output, Some(unknown));
    let wrong = json!({"MessageId": 5});
    assert_eq!(req(wrong.clone(), None).map(|r| r.output), refused("Field 'MessageId' must be a string"));
    assert_eq!(req(wrong.clone(), Some("PRESENT")).map(|r| r.output), refused("Field 'MessageId' must be a string"));
    assert_eq!(req(wrong.clone(), Some("NONE")).unwrap().output, Some(wrong));
    // Only STRICT wants the required fields.
    let batch = json!({"Type": "Task", "Resource": "arn:aws:states:::batch:submitJob", "End": true});
    let mock = |mode: &str| json!({"result": "{\"JobId\": \"1\"}", "fieldValidationMode": mode});
    let e = test(json!({"definition": batch, "mock": mock("STRICT")})).unwrap_err();
    assert_eq!(e.message, "Mock result schema validation error: Required field 'JobName' is missing");
    assert_eq!(test(json!({"definition": batch, "mock": mock("PRESENT")})).unwrap().status, Status::Succeeded);
}
