//! The deadlines still ahead of an execution: when a pending task's TimeoutSeconds or
//! HeartbeatSeconds runs out, or the state machine's own TimeoutSeconds.
//!
//! A host that lets a person answer callback tasks moves the clock on its own only up to the
//! next of their deadlines: past it, the person's chance to answer is gone, so that step is
//! theirs to take (see [`crate::host::PersonTasks`]).

use serde::Serialize;

use super::{Execution, RequestId};

/// What happens when a deadline comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DeadlineKind {
    /// A task's TimeoutSeconds: it fails with States.Timeout.
    TaskTimeout,
    /// A callback task's HeartbeatSeconds without a heartbeat: it fails with States.Timeout.
    HeartbeatTimeout,
    /// The state machine's TimeoutSeconds: the execution times out.
    ExecutionTimeout,
}

/// A moment of virtual time at which something gives up waiting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// Epoch milliseconds.
    pub at: i64,
    pub kind: DeadlineKind,
    /// The task it belongs to (none for the execution's own deadline).
    pub request: Option<RequestId>,
    /// The task's state (none for the execution's own deadline).
    pub state_name: Option<String>,
}

impl Execution {
    /// The deadlines of one pending task, earliest first: empty when it has none or is no
    /// longer pending.
    pub fn task_deadlines(&self, id: RequestId) -> Vec<Deadline> {
        let Some(task) = self.tasks.get(&id) else { return Vec::new() };
        let state_name = Some(self.state_of(&self.machine, task.frame).name.to_string());
        let heartbeat = task.heartbeat_seconds.filter(|_| task.callback).map(|h| task.last_beat + h as i64 * 1000);
        let mut out: Vec<Deadline> =
            [(task.timeout_at, DeadlineKind::TaskTimeout), (heartbeat, DeadlineKind::HeartbeatTimeout)]
                .into_iter()
                .filter_map(|(at, kind)| {
                    at.map(|at| Deadline { at, kind, request: Some(id), state_name: state_name.clone() })
                })
                .collect();
        crate::sort::sort_by_key(&mut out, |d| d.at);
        out
    }

    /// The state machine's own TimeoutSeconds, while the execution runs.
    pub fn execution_deadline(&self) -> Option<Deadline> {
        let at = self.execution_deadline.filter(|_| self.outcome.is_none())?;
        Some(Deadline { at, kind: DeadlineKind::ExecutionTimeout, request: None, state_name: None })
    }

    /// Whether a task request is still waiting for its answer.
    pub fn is_pending(&self, id: RequestId) -> bool {
        self.tasks.contains_key(&id)
    }
}
