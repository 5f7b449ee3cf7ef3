//! Executions recorded in AWS, as people bring them: the output of
//! `aws stepfunctions get-execution-history` (in either order, several pages joined, with or
//! without the execution's data), with or without `describe-execution` and
//! `describe-state-machine-for-execution` beside it.
//!
//! - [`read`] turns the text into a [`Recorded`] execution: its events in order, each with the
//!   state it belongs to, and the input and definition when the text carries them.
//! - [`mock_config`] makes the MockConfigFile test case that answers every task the way AWS
//!   answered it, so the definition can run again against the recording.
//! - [`first_divergence`] finds where another run departs from the recording.
//! - [`history_events`] turns the recording into the engine's history events, and [`visits`]
//!   and [`outcome`] read them as a run's, to play it back as a run.

mod compare;
mod events;
mod mocks;
mod read;
#[cfg(test)]
mod tests;
mod visits;

pub use compare::{Divergence, Event, EventSummary, data_differences, first_divergence};
pub use events::history_events;
pub use mocks::{TEST_CASE, mock_config};
pub use read::read;
pub use visits::{outcome, visits};

use serde_json::Value;

/// Whether `text` looks like what [`read`] reads (a history page, or describe-execution),
/// rather than a definition or a template: a quick look for the page to choose its reader.
pub fn looks_like_history(text: &str) -> bool {
    let head = text.trim_start();
    (head.starts_with('{') || head.starts_with('['))
        && ((text.contains("\"events\"") && text.contains("\"previousEventId\""))
            || (text.contains("\"executionArn\"") && text.contains("\"startDate\"")))
}

/// A recorded execution.
#[derive(Clone, Debug, Default)]
pub struct Recorded {
    /// The events in the order they happened (by id).
    pub events: Vec<RecordedEvent>,
    /// The execution's input, from its first event or `describe-execution`.
    pub input: Option<Value>,
    /// The definition it ran, from `describe-state-machine-for-execution` (as text).
    pub definition: Option<String>,
    /// Names, when the text gives them.
    pub execution_name: Option<String>,
    pub state_machine_name: Option<String>,
    /// Whether the events carry their data (inputs, outputs): `--no-include-execution-data`
    /// leaves it out.
    pub has_data: bool,
}

/// One event as recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedEvent {
    pub id: u64,
    pub previous_event_id: u64,
    /// The timestamp as written, and in milliseconds since the epoch when it can be read.
    pub timestamp: String,
    pub millis: Option<i64>,
    /// `TaskStateEntered`, `ExecutionSucceeded`...
    pub kind: String,
    /// The `...EventDetails` object (`Null` when there is none).
    pub details: Value,
    /// The state the event belongs to: its own name for a state's entry and exit, else the
    /// state of the event that led to it.
    pub state: Option<String>,
}

impl RecordedEvent {
    /// The name the event itself carries (a state's entry or exit, a Map iteration).
    pub fn own_name(&self) -> Option<&str> {
        self.details.get("name").and_then(Value::as_str)
    }

    /// A text field of the details, read as JSON (`input`, `output`...).
    pub fn json_field(&self, field: &str) -> Option<Value> {
        let text = self.details.get(field)?.as_str()?;
        serde_json::from_str(text).ok()
    }
}

impl Recorded {
    /// How the execution ended: the last event's kind, when it is an ending.
    pub fn ending(&self) -> Option<&RecordedEvent> {
        self.events.last().filter(|e| {
            matches!(
                e.kind.as_str(),
                "ExecutionSucceeded" | "ExecutionFailed" | "ExecutionTimedOut" | "ExecutionAborted"
            )
        })
    }

    /// The states the events name, each once, in order of first appearance.
    pub fn state_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for e in &self.events {
            if e.kind.ends_with("StateEntered")
                && let Some(name) = e.own_name()
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        names
    }
}
