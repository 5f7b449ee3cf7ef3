//! Playing a finished execution back: which state each history event belongs to, which
//! transition it took, and what every state looks like after the first `n` events.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use asl::exec::{EventKind, HistoryEvent};

/// Facts about each event, computed once per run.
#[derive(Debug, Default)]
pub struct Index {
    /// The state each event belongs to (task events belong to their Task state).
    pub state_of: Vec<Option<Arc<str>>>,
    /// For a state-entered event, the state it came from.
    pub came_from: Vec<Option<Arc<str>>>,
}

impl Index {
    pub fn of(history: &[HistoryEvent]) -> Index {
        let mut state_of: Vec<Option<Arc<str>>> = Vec::with_capacity(history.len());
        let mut came_from = Vec::with_capacity(history.len());
        for e in history {
            let previous = (e.previous_event_id as usize).checked_sub(1).filter(|&i| i < state_of.len());
            let own = match &e.kind {
                EventKind::StateEntered { name, .. } | EventKind::StateExited { name, .. } => Some(Arc::clone(name)),
                EventKind::MapIterationStarted { name, .. }
                | EventKind::MapIterationSucceeded { name, .. }
                | EventKind::MapIterationFailed { name, .. }
                | EventKind::MapIterationAborted { name, .. } => Some(Arc::clone(name)),
                EventKind::ExecutionStarted(_)
                | EventKind::ExecutionSucceeded { .. }
                | EventKind::ExecutionFailed(_)
                | EventKind::ExecutionTimedOut(_)
                | EventKind::ExecutionAborted(_) => None,
                _ => previous.and_then(|p| state_of[p].clone()),
            };
            let from = match (&e.kind, previous) {
                (EventKind::StateEntered { .. }, Some(p)) => match &history[p].kind {
                    EventKind::StateExited { name, .. } => Some(Arc::clone(name)),
                    _ => None,
                },
                _ => None,
            };
            state_of.push(own);
            came_from.push(from);
        }
        Index { state_of, came_from }
    }
}

/// How a state looks at a moment of the playback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Running now.
    Active,
    Succeeded,
    /// Succeeded after failed attempts.
    Retried,
    /// Failed, and a retry is waiting.
    Retrying,
    Failed,
    /// Failed, and a Catch took over.
    Caught,
    /// Stopped because something else failed.
    Cancelled,
}

impl Phase {
    pub fn class(self) -> &'static str {
        match self {
            Phase::Active => "active",
            Phase::Succeeded => "succeeded",
            Phase::Retried => "retried",
            Phase::Retrying => "retrying",
            Phase::Failed => "failed",
            Phase::Caught => "caught",
            Phase::Cancelled => "cancelled",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeStatus {
    pub phase: Phase,
    pub visits: u32,
    pub failed_attempts: u32,
}

/// Every state's look after the first `events` events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub events: usize,
    pub nodes: HashMap<Arc<str>, NodeStatus>,
    pub edges: HashSet<(Arc<str>, Arc<str>)>,
    pub last_edge: Option<(Arc<str>, Arc<str>)>,
    pub current: Option<Arc<str>>,
    /// States whose latest attempt failed and that have not been retried yet.
    failed_pending: HashSet<Arc<str>>,
}

/// Snapshots every this many events, so that jumping anywhere in a long history replays at
/// most this many events.
const CHECKPOINT_EVERY: usize = 2048;

/// Snapshots at regular intervals of one history.
#[derive(Debug, Default)]
pub struct Checkpoints {
    snapshots: Vec<Snapshot>,
}

impl Checkpoints {
    pub fn of(history: &[HistoryEvent], index: &Index) -> Checkpoints {
        let mut snapshots = vec![Snapshot::default()];
        let mut s = Snapshot::default();
        let mut at = 0;
        while at + CHECKPOINT_EVERY <= history.len() {
            advance(&mut s, history, index, at + CHECKPOINT_EVERY);
            at += CHECKPOINT_EVERY;
            snapshots.push(s.clone());
        }
        Checkpoints { snapshots }
    }

    /// The look after the first `cursor` events.
    pub fn at(&self, history: &[HistoryEvent], index: &Index, cursor: usize) -> Snapshot {
        let mut s =
            self.snapshots.get(cursor / CHECKPOINT_EVERY).or(self.snapshots.last()).cloned().unwrap_or_default();
        advance(&mut s, history, index, cursor);
        s
    }
}

/// Applies the events from `s.events` up to `cursor` to `s`.
fn advance(s: &mut Snapshot, history: &[HistoryEvent], index: &Index, cursor: usize) {
    let from = s.events.min(cursor);
    let mut failed_pending = std::mem::take(&mut s.failed_pending);
    for (i, e) in history.iter().enumerate().take(cursor).skip(from) {
        let Some(name) = index.state_of.get(i).cloned().flatten() else {
            if matches!(
                e.kind,
                EventKind::ExecutionFailed(_) | EventKind::ExecutionTimedOut(_) | EventKind::ExecutionAborted(_)
            ) {
                let to =
                    if matches!(e.kind, EventKind::ExecutionAborted(_)) { Phase::Cancelled } else { Phase::Failed };
                for st in s.nodes.values_mut() {
                    if matches!(st.phase, Phase::Active | Phase::Retrying) {
                        st.phase = to;
                    }
                }
            }
            continue;
        };
        let entry = s.nodes.entry(Arc::clone(&name)).or_insert(NodeStatus {
            phase: Phase::Active,
            visits: 0,
            failed_attempts: 0,
        });
        match &e.kind {
            EventKind::StateEntered { state_type, .. } => {
                entry.visits += 1;
                entry.phase = if *state_type == asl::exec::StateType::Fail { Phase::Failed } else { Phase::Active };
                s.current = Some(Arc::clone(&name));
                if let Some(from) = index.came_from.get(i).cloned().flatten() {
                    s.edges.insert((Arc::clone(&from), Arc::clone(&name)));
                    s.last_edge = Some((from, Arc::clone(&name)));
                }
            }
            EventKind::StateExited { .. } => {
                entry.phase = if failed_pending.remove(&name) {
                    Phase::Caught
                } else if entry.failed_attempts > 0 {
                    Phase::Retried
                } else {
                    Phase::Succeeded
                };
            }
            EventKind::TaskFailed { .. }
            | EventKind::TaskTimedOut { .. }
            | EventKind::LambdaFunctionFailed(_)
            | EventKind::LambdaFunctionTimedOut(_)
            | EventKind::ActivityFailed(_)
            | EventKind::ActivityTimedOut(_)
            | EventKind::ParallelStateFailed
            | EventKind::MapStateFailed => {
                entry.phase = Phase::Failed;
                entry.failed_attempts += 1;
                failed_pending.insert(Arc::clone(&name));
            }
            EventKind::TaskScheduled(_)
            | EventKind::LambdaFunctionScheduled(_)
            | EventKind::ActivityScheduled(_)
            | EventKind::ParallelStateStarted
            | EventKind::MapStateStarted { .. }
                if failed_pending.remove(&name) =>
            {
                entry.phase = Phase::Retrying;
            }
            _ => {}
        }
    }
    s.events = cursor.max(from);
    s.failed_pending = failed_pending;
}

#[cfg(test)]
mod tests {
    use super::*;
    use asl::exec::{Execution, Options, TaskAnswer};

    fn snapshot(history: &[HistoryEvent], index: &Index, cursor: usize) -> Snapshot {
        let mut s = Snapshot::default();
        advance(&mut s, history, index, cursor);
        s
    }
    use serde_json::json;

    #[test]
    fn retries_and_catches_show() {
        let def = asl::load_value(&json!({"StartAt": "Pay", "States": {
            "Pay": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Pay",
                "Retry": [{"ErrorEquals": ["Busy"], "MaxAttempts": 1}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Sorry"}], "End": true},
            "Sorry": {"Type": "Pass", "End": true}}}));
        let mut exec = Execution::start(Arc::new(def.machine.unwrap()), json!({}), Options::default()).unwrap();
        asl::host::run_to_end(&mut exec, |_| {
            (TaskAnswer::FunctionFailed { error: "Busy".into(), message: "".into() }, 0)
        });
        let history = exec.history();
        let index = Index::of(history);
        let end = snapshot(history, &index, history.len());
        let checkpoints = Checkpoints::of(history, &index);
        assert_eq!(checkpoints.at(history, &index, history.len()), end);
        assert_eq!(end.nodes["Pay"].phase, Phase::Caught);
        assert_eq!(end.nodes["Pay"].failed_attempts, 2);
        assert_eq!(end.nodes["Sorry"].phase, Phase::Succeeded);
        assert!(end.edges.contains(&(Arc::from("Pay"), Arc::from("Sorry"))));
        // Right after the first failure, Pay shows as failed; once rescheduled, as retrying.
        let first_failure = history.iter().position(|e| e.type_name() == "LambdaFunctionFailed").unwrap();
        assert_eq!(snapshot(history, &index, first_failure + 1).nodes["Pay"].phase, Phase::Failed);
        assert_eq!(snapshot(history, &index, first_failure + 2).nodes["Pay"].phase, Phase::Retrying);
    }
}
