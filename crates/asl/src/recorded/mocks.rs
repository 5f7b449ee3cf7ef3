//! The MockConfigFile test case that answers every task as AWS answered it in a recording.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::Recorded;

/// The test case's name.
pub const TEST_CASE: &str = "Replay";

/// The events that schedule a task, and those that end one.
const SCHEDULED: [&str; 3] = ["TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled"];

/// A MockConfigFile for the state machine `machine`, with the test case [`TEST_CASE`]: each
/// Task state's invocations in the order they were scheduled, each answered with what the
/// service returned (`Return`) or the error it raised (`Throw`). A task still running when
/// the recording ended gets no answer.
pub fn mock_config(recorded: &Recorded, machine: &str) -> Value {
    let events = &recorded.events;
    let by_id: BTreeMap<u64, usize> = events.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    // Each ending, by the scheduling event its chain goes back to.
    let mut outcome: BTreeMap<u64, Value> = BTreeMap::new();
    for event in events {
        let Some(answer) = answer(event) else { continue };
        let mut at = event.previous_event_id;
        for _ in 0..8 {
            let Some(&p) = by_id.get(&at) else { break };
            if SCHEDULED.contains(&events[p].kind.as_str()) {
                outcome.entry(events[p].id).or_insert(answer);
                break;
            }
            at = events[p].previous_event_id;
        }
    }
    let mut responses: Map<String, Value> = Map::new();
    let mut case: Map<String, Value> = Map::new();
    for event in events.iter().filter(|e| SCHEDULED.contains(&e.kind.as_str())) {
        let Some(state) = &event.state else { continue };
        let response_name = format!("{state} (recorded)");
        case.insert(state.clone(), Value::String(response_name.clone()));
        let list = responses.entry(response_name).or_insert_with(|| Value::Object(Map::new()));
        let list = list.as_object_mut().expect("an object");
        let n = list.len();
        if let Some(answer) = outcome.get(&event.id) {
            list.insert(n.to_string(), answer.clone());
        } else {
            // Kept in the count, so later invocations keep their numbers.
            list.insert(
                n.to_string(),
                json!({"Throw": {"Error": "States.Runtime", "Cause": "The recording ends before this task does."}}),
            );
        }
    }
    json!({
        "StateMachines": { machine: { "TestCases": { TEST_CASE: case } } },
        "MockedResponses": responses,
    })
}

/// What a task's ending says, as a MockConfigFile response.
fn answer(event: &super::RecordedEvent) -> Option<Value> {
    let d = &event.details;
    let text = |k: &str| d.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    match event.kind.as_str() {
        "TaskSucceeded" | "LambdaFunctionSucceeded" | "ActivitySucceeded" => {
            let output = event.json_field("output").unwrap_or(Value::Null);
            Some(json!({ "Return": output }))
        }
        "TaskFailed"
        | "LambdaFunctionFailed"
        | "ActivityFailed"
        | "TaskStartFailed"
        | "TaskSubmitFailed"
        | "LambdaFunctionStartFailed"
        | "LambdaFunctionScheduleFailed"
        | "ActivityScheduleFailed" => Some(json!({ "Throw": { "Error": text("error"), "Cause": text("cause") } })),
        "TaskTimedOut" | "LambdaFunctionTimedOut" | "ActivityTimedOut" => {
            let error = Some(text("error")).filter(|e| !e.is_empty()).unwrap_or_else(|| "States.Timeout".into());
            Some(json!({ "Throw": { "Error": error, "Cause": text("cause") } }))
        }
        _ => None,
    }
}
