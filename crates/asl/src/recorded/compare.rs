//! Where a run departs from a recording: the first event that differs.

use serde_json::Value;

use super::RecordedEvent;
use crate::exec::{EventKind, HistoryEvent};

/// An event, as the comparison sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventSummary {
    pub id: u64,
    pub kind: String,
    pub state: Option<String>,
}

impl std::fmt::Display for EventSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.state {
            Some(state) => write!(f, "#{} {} ({state})", self.id, self.kind),
            None => write!(f, "#{} {}", self.id, self.kind),
        }
    }
}

/// The first difference: the position in both lists (the same, as they agree until there),
/// what the recording has there and what the run has (`None` past the end of one), and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    pub index: usize,
    pub recorded: Option<EventSummary>,
    pub ran: Option<EventSummary>,
    pub why: String,
}

/// What the comparison reads of an event: a recorded one, or one of the engine's own.
pub trait Event {
    fn id(&self) -> u64;
    /// The type, as GetExecutionHistory spells it.
    fn kind(&self) -> &str;
    /// The state it enters or leaves, or the Map of its iteration.
    fn own_name(&self) -> Option<&str>;
    /// An execution's failure's error name ("" for other events).
    fn error(&self) -> &str;
}

impl Event for RecordedEvent {
    fn id(&self) -> u64 {
        self.id
    }
    fn kind(&self) -> &str {
        &self.kind
    }
    fn own_name(&self) -> Option<&str> {
        RecordedEvent::own_name(self)
    }
    fn error(&self) -> &str {
        self.details.get("error").and_then(Value::as_str).unwrap_or_default()
    }
}

impl Event for HistoryEvent {
    fn id(&self) -> u64 {
        self.id
    }
    fn kind(&self) -> &str {
        self.type_name()
    }
    fn own_name(&self) -> Option<&str> {
        match &self.kind {
            EventKind::StateEntered { name, .. }
            | EventKind::StateExited { name, .. }
            | EventKind::MapIterationStarted { name, .. }
            | EventKind::MapIterationSucceeded { name, .. }
            | EventKind::MapIterationFailed { name, .. }
            | EventKind::MapIterationAborted { name, .. } => Some(name),
            _ => None,
        }
    }
    fn error(&self) -> &str {
        match &self.kind {
            EventKind::ExecutionFailed(e) | EventKind::ExecutionTimedOut(e) | EventKind::ExecutionAborted(e) => {
                &e.error
            }
            _ => "",
        }
    }
}

fn summary(e: &impl Event) -> EventSummary {
    EventSummary { id: e.id(), kind: e.kind().to_string(), state: e.own_name().map(str::to_string) }
}

/// Compares two executions event by event: each event's type, the state it enters or leaves,
/// and for an execution that failed, its error. `None` when they agree. Data (inputs,
/// outputs, causes) is compared by [`data_differences`], apart: a recording may hold values
/// no run can give again (random numbers, request ids, times).
pub fn first_divergence<E: Event>(recorded: &[E], ran: &[E]) -> Option<Divergence> {
    let len = recorded.len().max(ran.len());
    for index in 0..len {
        let (a, b) = (recorded.get(index), ran.get(index));
        let why = match (a, b) {
            (Some(a), Some(b)) if a.kind() != b.kind() => {
                format!("the recording has {}, the run {}", a.kind(), b.kind())
            }
            (Some(a), Some(b)) if a.own_name() != b.own_name() => format!(
                "the recording is in state {}, the run in {}",
                a.own_name().unwrap_or("-"),
                b.own_name().unwrap_or("-")
            ),
            (Some(a), Some(b)) if a.kind().starts_with("Execution") && a.error() != b.error() => {
                format!("the recording fails with {}, the run with {}", a.error(), b.error())
            }
            (Some(_), Some(_)) => continue,
            (Some(_), None) => "the run ends here".into(),
            (None, Some(_)) => "the recording ends here".into(),
            (None, None) => continue,
        };
        return Some(Divergence { index, recorded: a.map(summary), ran: b.map(summary), why });
    }
    None
}

/// Where two executions that agree event by event differ in their data: the events whose
/// output (or, for a failure, cause) differs, as (position, what differs).
pub fn data_differences(recorded: &[RecordedEvent], ran: &[RecordedEvent]) -> Vec<(usize, String)> {
    recorded
        .iter()
        .zip(ran)
        .enumerate()
        .filter_map(|(i, (a, b))| {
            let field = |e: &RecordedEvent, k: &str| e.details.get(k).cloned().unwrap_or(Value::Null);
            if a.kind != b.kind {
                return None;
            }
            let output = |e: &RecordedEvent| e.json_field("output").or_else(|| e.details.get("output").cloned());
            if a.details.get("output").is_some() && output(a) != output(b) {
                return Some((i, format!("{} (#{}): the output differs", a.kind, a.id)));
            }
            if a.details.get("cause").is_some() && field(a, "cause") != field(b, "cause") {
                return Some((i, format!("{} (#{}): the cause differs", a.kind, a.id)));
            }
            None
        })
        .collect()
}
