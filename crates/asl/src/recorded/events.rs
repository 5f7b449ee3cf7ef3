//! A recording's events as the engine's own history events, so that the playground plays an
//! execution recorded in AWS as it plays one of its runs. Payloads come back from their JSON
//! text (`null` when the recording left its data out).

use std::sync::Arc;

use serde_json::Value;

use super::{Recorded, RecordedEvent};
use crate::exec::history::{
    ErrorDetails, EvaluationFailure, ExecutionStart, FunctionSchedule, TaskResource, TaskSchedule,
};
use crate::exec::{EventKind, HistoryEvent, StateType};

/// The recording's events as history events, and the types the engine does not know (left
/// out, each named once).
pub fn history_events(recorded: &Recorded) -> (Vec<HistoryEvent>, Vec<String>) {
    let mut events = Vec::with_capacity(recorded.events.len());
    let mut unknown: Vec<String> = Vec::new();
    let start = recorded.events.first().and_then(|e| e.millis).unwrap_or(0);
    let mut last = start;
    for e in &recorded.events {
        // An event without a readable time keeps the one before it.
        let timestamp = e.millis.unwrap_or(last);
        last = timestamp;
        match kind(e) {
            Some(kind) => {
                events.push(HistoryEvent { id: e.id, previous_event_id: e.previous_event_id, timestamp, kind })
            }
            None if !unknown.contains(&e.kind) => unknown.push(e.kind.clone()),
            None => {}
        }
    }
    (events, unknown)
}

fn payload(e: &RecordedEvent, field: &str) -> Arc<Value> {
    Arc::new(e.json_field(field).unwrap_or(Value::Null))
}

fn text(e: &RecordedEvent, field: &str) -> String {
    e.details.get(field).and_then(Value::as_str).unwrap_or_default().to_string()
}

fn seconds(e: &RecordedEvent, field: &str) -> Option<u64> {
    e.details.get(field).and_then(Value::as_u64)
}

fn error(e: &RecordedEvent) -> Box<ErrorDetails> {
    Box::new(ErrorDetails {
        error: text(e, "error"),
        cause: e.details.get("cause").and_then(Value::as_str).map(str::to_string),
    })
}

fn task(e: &RecordedEvent) -> Arc<TaskResource> {
    Arc::new(TaskResource { resource_type: text(e, "resourceType").into(), resource: text(e, "resource").into() })
}

fn state_type(prefix: &str) -> Option<StateType> {
    Some(match prefix {
        "Pass" => StateType::Pass,
        "Task" => StateType::Task,
        "Choice" => StateType::Choice,
        "Wait" => StateType::Wait,
        "Succeed" => StateType::Succeed,
        "Fail" => StateType::Fail,
        "Parallel" => StateType::Parallel,
        "Map" => StateType::Map,
        _ => return None,
    })
}

fn index(e: &RecordedEvent) -> usize {
    e.details.get("index").and_then(Value::as_u64).map_or(0, |i| usize::try_from(i).unwrap_or(usize::MAX))
}

/// The engine's kind of a recorded event, `None` for a type it does not know.
fn kind(e: &RecordedEvent) -> Option<EventKind> {
    use EventKind::*;
    if let Some(prefix) = e.kind.strip_suffix("StateEntered") {
        return Some(StateEntered {
            state_type: state_type(prefix)?,
            name: text(e, "name").into(),
            input: payload(e, "input"),
        });
    }
    if let Some(prefix) = e.kind.strip_suffix("StateExited") {
        let assigned = e.details.get("assignedVariables").and_then(Value::as_object).map(|vars| {
            vars.iter()
                .map(|(k, v)| (k.clone(), v.as_str().and_then(|t| serde_json::from_str(t).ok()).unwrap_or(Value::Null)))
                .collect::<Vec<_>>()
                .into_boxed_slice()
        });
        return Some(StateExited {
            state_type: state_type(prefix)?,
            name: text(e, "name").into(),
            output: payload(e, "output"),
            assigned,
        });
    }
    let name = || -> Arc<str> { text(e, "name").into() };
    let schedule = || {
        Box::new(FunctionSchedule {
            resource: text(e, "resource").into(),
            input: payload(e, "input"),
            timeout_seconds: seconds(e, "timeoutInSeconds"),
            heartbeat_seconds: seconds(e, "heartbeatInSeconds"),
        })
    };
    Some(match e.kind.as_str() {
        "ExecutionStarted" => ExecutionStarted(Box::new(ExecutionStart {
            input: payload(e, "input"),
            role_arn: text(e, "roleArn"),
            state_machine_arn: text(e, "stateMachineArn"),
        })),
        "ExecutionSucceeded" => ExecutionSucceeded { output: payload(e, "output") },
        "ExecutionFailed" => ExecutionFailed(error(e)),
        "ExecutionTimedOut" => ExecutionTimedOut(error(e)),
        "ExecutionAborted" => ExecutionAborted(error(e)),
        "TaskScheduled" => TaskScheduled(Box::new(TaskSchedule {
            task: task(e),
            region: text(e, "region").into(),
            parameters: payload(e, "parameters"),
            timeout_seconds: seconds(e, "timeoutInSeconds"),
            heartbeat_seconds: seconds(e, "heartbeatInSeconds"),
        })),
        "TaskStarted" => TaskStarted { task: task(e) },
        "TaskSubmitted" => TaskSubmitted { task: task(e), output: payload(e, "output") },
        "TaskSucceeded" => TaskSucceeded { task: task(e), output: payload(e, "output") },
        "TaskFailed" | "TaskStartFailed" | "TaskSubmitFailed" => TaskFailed { task: task(e), error: error(e) },
        "TaskTimedOut" => TaskTimedOut { task: task(e), error: error(e) },
        "LambdaFunctionScheduled" => LambdaFunctionScheduled(schedule()),
        "LambdaFunctionStarted" => LambdaFunctionStarted,
        "LambdaFunctionSucceeded" => LambdaFunctionSucceeded { output: payload(e, "output") },
        "LambdaFunctionFailed" | "LambdaFunctionStartFailed" | "LambdaFunctionScheduleFailed" => {
            LambdaFunctionFailed(error(e))
        }
        "LambdaFunctionTimedOut" => LambdaFunctionTimedOut(error(e)),
        "ActivityScheduled" => ActivityScheduled(schedule()),
        "ActivityStarted" => ActivityStarted { worker_name: text(e, "workerName").into() },
        "ActivitySucceeded" => ActivitySucceeded { output: payload(e, "output") },
        "ActivityFailed" | "ActivityScheduleFailed" => ActivityFailed(error(e)),
        "ActivityTimedOut" => ActivityTimedOut(error(e)),
        "ParallelStateStarted" => ParallelStateStarted,
        "ParallelStateSucceeded" => ParallelStateSucceeded,
        "ParallelStateFailed" => ParallelStateFailed,
        "ParallelStateAborted" => ParallelStateAborted,
        "MapStateStarted" => {
            MapStateStarted { length: e.details.get("length").and_then(Value::as_u64).unwrap_or(0) as usize }
        }
        "MapStateSucceeded" => MapStateSucceeded,
        "MapStateFailed" => MapStateFailed,
        "MapStateAborted" => MapStateAborted,
        "MapIterationStarted" => MapIterationStarted { name: name(), index: index(e) },
        "MapIterationSucceeded" => MapIterationSucceeded { name: name(), index: index(e) },
        "MapIterationFailed" => MapIterationFailed { name: name(), index: index(e) },
        "MapIterationAborted" => MapIterationAborted { name: name(), index: index(e) },
        "MapRunStarted" => MapRunStarted { map_run_arn: text(e, "mapRunArn").into() },
        "MapRunSucceeded" => MapRunSucceeded,
        "MapRunAborted" => MapRunAborted,
        "MapRunFailed" => MapRunFailed(error(e)),
        "EvaluationFailed" => EvaluationFailed(Box::new(EvaluationFailure {
            error: *error(e),
            location: text(e, "location"),
            state: text(e, "state"),
        })),
        _ => return None,
    })
}
