//! History events shaped like AWS's GetExecutionHistory: every change of an execution is one
//! event with an id, the id of the event that led to it, a virtual-time timestamp and details.
//! The playground's animation, event table and inspector, and the CLI's output are all derived
//! from this list.

use serde::ser::{Serialize, SerializeMap, Serializer};
use std::sync::Arc;

use serde_json::Value;

use crate::timestamp::format_millis;

/// The eight state types, as they prefix event names (`PassStateEntered`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateType {
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

impl StateType {
    pub fn name(self) -> &'static str {
        match self {
            StateType::Pass => "Pass",
            StateType::Task => "Task",
            StateType::Choice => "Choice",
            StateType::Wait => "Wait",
            StateType::Succeed => "Succeed",
            StateType::Fail => "Fail",
            StateType::Parallel => "Parallel",
            StateType::Map => "Map",
        }
    }

    fn entered(self) -> &'static str {
        match self {
            StateType::Pass => "PassStateEntered",
            StateType::Task => "TaskStateEntered",
            StateType::Choice => "ChoiceStateEntered",
            StateType::Wait => "WaitStateEntered",
            StateType::Succeed => "SucceedStateEntered",
            StateType::Fail => "FailStateEntered",
            StateType::Parallel => "ParallelStateEntered",
            StateType::Map => "MapStateEntered",
        }
    }

    fn exited(self) -> &'static str {
        match self {
            StateType::Pass => "PassStateExited",
            StateType::Task => "TaskStateExited",
            StateType::Choice => "ChoiceStateExited",
            StateType::Wait => "WaitStateExited",
            StateType::Succeed => "SucceedStateExited",
            StateType::Fail => "FailStateExited",
            StateType::Parallel => "ParallelStateExited",
            StateType::Map => "MapStateExited",
        }
    }
}

/// An error name and cause as they appear in event details.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorDetails {
    pub error: String,
    pub cause: Option<String>,
}

impl ErrorDetails {
    /// Boxed, as events carry it (errors are rare; keeping them out of line keeps every event
    /// small).
    pub fn of(f: &crate::errors::Failure) -> Box<ErrorDetails> {
        Box::new(ErrorDetails::from(f))
    }
}

impl From<&crate::errors::Failure> for ErrorDetails {
    fn from(f: &crate::errors::Failure) -> Self {
        ErrorDetails { error: f.error.clone(), cause: f.cause.clone() }
    }
}

/// Which service a Task* event is about: `resourceType` and `resource` as AWS writes them.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskResource {
    pub resource_type: Arc<str>,
    pub resource: Arc<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExecutionStart {
    pub input: Arc<Value>,
    pub role_arn: String,
    pub state_machine_arn: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskSchedule {
    pub task: Arc<TaskResource>,
    pub region: Arc<str>,
    pub parameters: Arc<Value>,
    pub timeout_seconds: Option<u64>,
    pub heartbeat_seconds: Option<u64>,
}

/// A Lambda function or an activity scheduled.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionSchedule {
    pub resource: Arc<str>,
    pub input: Arc<Value>,
    pub timeout_seconds: Option<u64>,
    pub heartbeat_seconds: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationFailure {
    pub error: ErrorDetails,
    pub location: String,
    pub state: String,
}

/// What happened, with the details AWS records for it. Rare events keep their details boxed
/// so that the frequent ones (a state entered or exited) stay small.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    ExecutionStarted(Box<ExecutionStart>),
    ExecutionSucceeded {
        output: Arc<Value>,
    },
    ExecutionFailed(Box<ErrorDetails>),
    ExecutionTimedOut(Box<ErrorDetails>),
    ExecutionAborted(Box<ErrorDetails>),
    StateEntered {
        state_type: StateType,
        name: Arc<str>,
        input: Arc<Value>,
    },
    StateExited {
        state_type: StateType,
        name: Arc<str>,
        output: Arc<Value>,
        /// The variables the state assigned, by name, as AWS lists them in the event.
        assigned: Option<Box<[(String, Value)]>>,
    },
    TaskScheduled(Box<TaskSchedule>),
    TaskStarted {
        task: Arc<TaskResource>,
    },
    TaskSubmitted {
        task: Arc<TaskResource>,
        output: Arc<Value>,
    },
    TaskSucceeded {
        task: Arc<TaskResource>,
        output: Arc<Value>,
    },
    TaskFailed {
        task: Arc<TaskResource>,
        error: Box<ErrorDetails>,
    },
    TaskTimedOut {
        task: Arc<TaskResource>,
        error: Box<ErrorDetails>,
    },
    LambdaFunctionScheduled(Box<FunctionSchedule>),
    LambdaFunctionStarted,
    LambdaFunctionSucceeded {
        output: Arc<Value>,
    },
    LambdaFunctionFailed(Box<ErrorDetails>),
    LambdaFunctionTimedOut(Box<ErrorDetails>),
    ActivityScheduled(Box<FunctionSchedule>),
    ActivityStarted {
        worker_name: Arc<str>,
    },
    ActivitySucceeded {
        output: Arc<Value>,
    },
    ActivityFailed(Box<ErrorDetails>),
    ActivityTimedOut(Box<ErrorDetails>),
    ParallelStateStarted,
    ParallelStateSucceeded,
    ParallelStateFailed,
    ParallelStateAborted,
    MapStateStarted {
        length: usize,
    },
    MapStateSucceeded,
    MapStateFailed,
    MapStateAborted,
    MapIterationStarted {
        name: Arc<str>,
        index: usize,
    },
    MapIterationSucceeded {
        name: Arc<str>,
        index: usize,
    },
    MapIterationFailed {
        name: Arc<str>,
        index: usize,
    },
    MapIterationAborted {
        name: Arc<str>,
        index: usize,
    },
    MapRunStarted {
        map_run_arn: Arc<str>,
    },
    MapRunSucceeded,
    /// The run was stopped with its state: the execution stopped, or a sibling branch failed.
    MapRunAborted,
    MapRunFailed(Box<ErrorDetails>),
    /// A JSONata expression (or another evaluation) failed while a state ran.
    EvaluationFailed(Box<EvaluationFailure>),
}

/// One history event.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEvent {
    pub id: u64,
    pub previous_event_id: u64,
    /// Virtual time, in milliseconds since the Unix epoch.
    pub timestamp: i64,
    pub kind: EventKind,
}

impl HistoryEvent {
    /// The event's type name, as GetExecutionHistory spells it.
    pub fn type_name(&self) -> &'static str {
        use EventKind::*;
        match &self.kind {
            ExecutionStarted { .. } => "ExecutionStarted",
            ExecutionSucceeded { .. } => "ExecutionSucceeded",
            ExecutionFailed(_) => "ExecutionFailed",
            ExecutionTimedOut(_) => "ExecutionTimedOut",
            ExecutionAborted(_) => "ExecutionAborted",
            StateEntered { state_type, .. } => state_type.entered(),
            StateExited { state_type, .. } => state_type.exited(),
            TaskScheduled { .. } => "TaskScheduled",
            TaskStarted { .. } => "TaskStarted",
            TaskSubmitted { .. } => "TaskSubmitted",
            TaskSucceeded { .. } => "TaskSucceeded",
            TaskFailed { .. } => "TaskFailed",
            TaskTimedOut { .. } => "TaskTimedOut",
            LambdaFunctionScheduled { .. } => "LambdaFunctionScheduled",
            LambdaFunctionStarted => "LambdaFunctionStarted",
            LambdaFunctionSucceeded { .. } => "LambdaFunctionSucceeded",
            LambdaFunctionFailed(_) => "LambdaFunctionFailed",
            LambdaFunctionTimedOut(_) => "LambdaFunctionTimedOut",
            ActivityScheduled { .. } => "ActivityScheduled",
            ActivityStarted { .. } => "ActivityStarted",
            ActivitySucceeded { .. } => "ActivitySucceeded",
            ActivityFailed(_) => "ActivityFailed",
            ActivityTimedOut(_) => "ActivityTimedOut",
            ParallelStateStarted => "ParallelStateStarted",
            ParallelStateSucceeded => "ParallelStateSucceeded",
            ParallelStateFailed => "ParallelStateFailed",
            ParallelStateAborted => "ParallelStateAborted",
            MapStateStarted { .. } => "MapStateStarted",
            MapStateSucceeded => "MapStateSucceeded",
            MapStateFailed => "MapStateFailed",
            MapStateAborted => "MapStateAborted",
            MapIterationStarted { .. } => "MapIterationStarted",
            MapIterationSucceeded { .. } => "MapIterationSucceeded",
            MapIterationFailed { .. } => "MapIterationFailed",
            MapIterationAborted { .. } => "MapIterationAborted",
            MapRunStarted { .. } => "MapRunStarted",
            MapRunSucceeded => "MapRunSucceeded",
            MapRunAborted => "MapRunAborted",
            MapRunFailed(_) => "MapRunFailed",
            EvaluationFailed { .. } => "EvaluationFailed",
        }
    }

    /// The state this event names, for events that carry a state name.
    pub fn state_name(&self) -> Option<&str> {
        match &self.kind {
            EventKind::StateEntered { name, .. } | EventKind::StateExited { name, .. } => Some(name.as_ref()),
            EventKind::MapIterationStarted { name, .. }
            | EventKind::MapIterationSucceeded { name, .. }
            | EventKind::MapIterationFailed { name, .. }
            | EventKind::MapIterationAborted { name, .. } => Some(name.as_ref()),
            EventKind::EvaluationFailed(e) => Some(&e.state),
            _ => None,
        }
    }
}

/// Assigned variables, each value as JSON text, as AWS lists them.
struct Assigned<'a>(&'a [(String, Value)]);

impl Serialize for Assigned<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            m.serialize_entry(name, &Payload(value))?;
        }
        m.end()
    }
}

/// Payloads in event details are JSON text, as AWS returns them.
struct Payload<'a>(&'a Value);

impl Serialize for Payload<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The text is written into one buffer reused for every payload: a long history has
        // two payloads per state, and allocating each one's text costs more than writing it.
        PAYLOAD_TEXT.with(|buffer| match buffer.try_borrow_mut() {
            Ok(mut text) => {
                text.clear();
                serde_json::to_writer(&mut *text, self.0).map_err(serde::ser::Error::custom)?;
                s.serialize_str(std::str::from_utf8(&text).map_err(serde::ser::Error::custom)?)
            }
            // Serialized from within a payload's serialization: no buffer to share.
            Err(_) => s.serialize_str(&serde_json::to_string(self.0).map_err(serde::ser::Error::custom)?),
        })
    }
}

thread_local! {
    static PAYLOAD_TEXT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The last timestamp written, and its text: events of one moment share it.
    static LAST_TIMESTAMP: std::cell::RefCell<(i64, String)> = const { std::cell::RefCell::new((i64::MIN, String::new())) };
}

/// An event's timestamp as text (consecutive events mostly share one, in virtual time).
struct Timestamp(i64);

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        LAST_TIMESTAMP.with(|last| match last.try_borrow_mut() {
            Ok(mut last) => {
                if last.0 != self.0 {
                    *last = (self.0, format_millis(self.0));
                }
                s.serialize_str(&last.1)
            }
            Err(_) => s.serialize_str(&format_millis(self.0)),
        })
    }
}

struct Truncated;

impl Serialize for Truncated {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("truncated", &false)?;
        m.end()
    }
}

/// Writes `{"error": ..., "cause": ...}` into an open details map.
fn error_entries<M: SerializeMap>(m: &mut M, e: &ErrorDetails) -> Result<(), M::Error> {
    // A Fail state without Error: AWS's event has no error field.
    if !e.error.is_empty() {
        m.serialize_entry("error", &e.error)?;
    }
    if let Some(c) = &e.cause {
        m.serialize_entry("cause", c)?;
    }
    Ok(())
}

struct Details<'a>(&'a EventKind);

impl Serialize for Details<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use EventKind::*;
        let mut m = s.serialize_map(None)?;
        match self.0 {
            ExecutionStarted(e) => {
                m.serialize_entry("input", &Payload(&e.input))?;
                m.serialize_entry("inputDetails", &Truncated)?;
                m.serialize_entry("roleArn", &e.role_arn)?;
                m.serialize_entry("stateMachineArn", &e.state_machine_arn)?;
            }
            ExecutionSucceeded { output } | LambdaFunctionSucceeded { output } | ActivitySucceeded { output } => {
                m.serialize_entry("output", &Payload(output))?;
                m.serialize_entry("outputDetails", &Truncated)?;
            }
            ExecutionFailed(e)
            | ExecutionTimedOut(e)
            | ExecutionAborted(e)
            | LambdaFunctionFailed(e)
            | LambdaFunctionTimedOut(e)
            | ActivityFailed(e)
            | ActivityTimedOut(e)
            | MapRunFailed(e) => {
                error_entries(&mut m, e)?;
            }
            StateEntered { name, input, .. } => {
                m.serialize_entry("name", &**name)?;
                m.serialize_entry("input", &Payload(input))?;
                m.serialize_entry("inputDetails", &Truncated)?;
            }
            StateExited { name, output, assigned, .. } => {
                m.serialize_entry("name", &**name)?;
                m.serialize_entry("output", &Payload(output))?;
                m.serialize_entry("outputDetails", &Truncated)?;
                if let Some(vars) = assigned {
                    m.serialize_entry("assignedVariables", &Assigned(vars))?;
                    m.serialize_entry("assignedVariablesDetails", &Truncated)?;
                }
            }
            TaskScheduled(t) => {
                m.serialize_entry("resourceType", &*t.task.resource_type)?;
                m.serialize_entry("resource", &*t.task.resource)?;
                m.serialize_entry("region", &*t.region)?;
                m.serialize_entry("parameters", &Payload(&t.parameters))?;
                if let Some(n) = t.timeout_seconds {
                    m.serialize_entry("timeoutInSeconds", &n)?;
                }
                if let Some(n) = t.heartbeat_seconds {
                    m.serialize_entry("heartbeatInSeconds", &n)?;
                }
            }
            TaskStarted { task } => {
                m.serialize_entry("resourceType", &*task.resource_type)?;
                m.serialize_entry("resource", &*task.resource)?;
            }
            TaskSubmitted { task, output } | TaskSucceeded { task, output } => {
                m.serialize_entry("resourceType", &*task.resource_type)?;
                m.serialize_entry("resource", &*task.resource)?;
                m.serialize_entry("output", &Payload(output))?;
                m.serialize_entry("outputDetails", &Truncated)?;
            }
            TaskFailed { task, error } | TaskTimedOut { task, error } => {
                m.serialize_entry("resourceType", &*task.resource_type)?;
                m.serialize_entry("resource", &*task.resource)?;
                error_entries(&mut m, error)?;
            }
            LambdaFunctionScheduled(l) => {
                m.serialize_entry("resource", &*l.resource)?;
                m.serialize_entry("input", &Payload(&l.input))?;
                m.serialize_entry("inputDetails", &Truncated)?;
                if let Some(n) = l.timeout_seconds {
                    m.serialize_entry("timeoutInSeconds", &n)?;
                }
            }
            ActivityScheduled(a) => {
                m.serialize_entry("resource", &*a.resource)?;
                m.serialize_entry("input", &Payload(&a.input))?;
                m.serialize_entry("inputDetails", &Truncated)?;
                if let Some(n) = a.timeout_seconds {
                    m.serialize_entry("timeoutInSeconds", &n)?;
                }
                if let Some(n) = a.heartbeat_seconds {
                    m.serialize_entry("heartbeatInSeconds", &n)?;
                }
            }
            ActivityStarted { worker_name } => {
                m.serialize_entry("workerName", &**worker_name)?;
            }
            MapStateStarted { length } => {
                m.serialize_entry("length", length)?;
            }
            MapIterationStarted { name, index }
            | MapIterationSucceeded { name, index }
            | MapIterationFailed { name, index }
            | MapIterationAborted { name, index } => {
                m.serialize_entry("name", &**name)?;
                m.serialize_entry("index", index)?;
            }
            MapRunStarted { map_run_arn } => {
                m.serialize_entry("mapRunArn", &**map_run_arn)?;
            }
            EvaluationFailed(e) => {
                error_entries(&mut m, &e.error)?;
                // A failure of the state's input itself (not of a field) has no location.
                if !e.location.is_empty() {
                    m.serialize_entry("location", &e.location)?;
                }
                m.serialize_entry("state", &e.state)?;
            }
            LambdaFunctionStarted
            | ParallelStateStarted
            | ParallelStateSucceeded
            | ParallelStateFailed
            | ParallelStateAborted
            | MapStateSucceeded
            | MapStateFailed
            | MapStateAborted
            | MapRunSucceeded
            | MapRunAborted => {}
        }
        m.end()
    }
}

/// The key AWS uses for an event's details, or `None` for events without details.
fn details_key(kind: &EventKind) -> Option<&'static str> {
    use EventKind::*;
    Some(match kind {
        ExecutionStarted { .. } => "executionStartedEventDetails",
        ExecutionSucceeded { .. } => "executionSucceededEventDetails",
        ExecutionFailed(_) => "executionFailedEventDetails",
        ExecutionTimedOut(_) => "executionTimedOutEventDetails",
        ExecutionAborted(_) => "executionAbortedEventDetails",
        StateEntered { .. } => "stateEnteredEventDetails",
        StateExited { .. } => "stateExitedEventDetails",
        TaskScheduled { .. } => "taskScheduledEventDetails",
        TaskStarted { .. } => "taskStartedEventDetails",
        TaskSubmitted { .. } => "taskSubmittedEventDetails",
        TaskSucceeded { .. } => "taskSucceededEventDetails",
        TaskFailed { .. } => "taskFailedEventDetails",
        TaskTimedOut { .. } => "taskTimedOutEventDetails",
        LambdaFunctionScheduled { .. } => "lambdaFunctionScheduledEventDetails",
        LambdaFunctionSucceeded { .. } => "lambdaFunctionSucceededEventDetails",
        LambdaFunctionFailed(_) => "lambdaFunctionFailedEventDetails",
        LambdaFunctionTimedOut(_) => "lambdaFunctionTimedOutEventDetails",
        ActivityScheduled { .. } => "activityScheduledEventDetails",
        ActivityStarted { .. } => "activityStartedEventDetails",
        ActivitySucceeded { .. } => "activitySucceededEventDetails",
        ActivityFailed(_) => "activityFailedEventDetails",
        ActivityTimedOut(_) => "activityTimedOutEventDetails",
        MapStateStarted { .. } => "mapStateStartedEventDetails",
        MapIterationStarted { .. } => "mapIterationStartedEventDetails",
        MapIterationSucceeded { .. } => "mapIterationSucceededEventDetails",
        MapIterationFailed { .. } => "mapIterationFailedEventDetails",
        MapIterationAborted { .. } => "mapIterationAbortedEventDetails",
        MapRunStarted { .. } => "mapRunStartedEventDetails",
        MapRunFailed(_) => "mapRunFailedEventDetails",
        EvaluationFailed { .. } => "evaluationFailedEventDetails",
        LambdaFunctionStarted
        | ParallelStateStarted
        | ParallelStateSucceeded
        | ParallelStateFailed
        | ParallelStateAborted
        | MapStateSucceeded
        | MapStateFailed
        | MapStateAborted
        | MapRunSucceeded
        | MapRunAborted => return None,
    })
}

impl Serialize for HistoryEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("timestamp", &Timestamp(self.timestamp))?;
        m.serialize_entry("type", self.type_name())?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("previousEventId", &self.previous_event_id)?;
        if let Some(key) = details_key(&self.kind) {
            m.serialize_entry(key, &Details(&self.kind))?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn serializes_like_get_execution_history() {
        let e = HistoryEvent {
            id: 2,
            previous_event_id: 1,
            timestamp: 0,
            kind: EventKind::StateEntered {
                state_type: StateType::Pass,
                name: "Hello".into(),
                input: Arc::new(json!({"a": 1})),
            },
        };
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            json!({
                "timestamp": "1970-01-01T00:00:00.000Z",
                "type": "PassStateEntered",
                "id": 2,
                "previousEventId": 1,
                "stateEnteredEventDetails": {"name": "Hello", "input": "{\"a\":1}", "inputDetails": {"truncated": false}}
            })
        );
    }

    #[test]
    fn events_without_details_have_no_details_key() {
        let e = HistoryEvent { id: 3, previous_event_id: 2, timestamp: 0, kind: EventKind::MapStateSucceeded };
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v.as_object().unwrap().len(), 4);
        assert_eq!(e.type_name(), "MapStateSucceeded");
    }
}
