//! Frames: one thread of control each (the execution itself, a Parallel branch, a Map
//! iteration), and the [`Flow`] that says what a frame does next.

use serde_json::Value;

use super::Data;

use super::RequestId;
use super::context::StateContext;
use super::vars::ScopeId;
use crate::errors::Failure;
use crate::model::{BodyId, State, StateKind};

/// A frame's slot and the generation of the slot it was given: slots of finished frames are
/// reused, and an id from an earlier generation no longer reaches the slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct FrameId(pub usize, pub u32);

/// What a frame does next. The executor's loop turns one flow into the next until the frame
/// blocks (on a task, a timer or its children) or ends.
#[derive(Debug)]
pub(super) enum Flow {
    /// Enter the frame's current state with the frame's input.
    Enter,
    /// Run the current state's work (again, after a retry's backoff).
    Attempt,
    /// The current state exited with `output`; move to the state at `state`.
    Next { state: usize, output: Data },
    /// The frame's last state exited with this output.
    End(Data),
    /// The current state's work failed: Retry and Catch decide.
    Failed(Failure),
    /// The frame failed and nothing in it can handle the error.
    FrameFailed(Failure),
    /// Waiting for a task, a timer or children.
    Blocked,
    /// A Wait state's time has come.
    WaitOver,
    /// A task's result arrived (already shaped and size-checked).
    TaskDone(Data),
    /// A Parallel or Map state: start more children, or finish.
    ContainerStep,
    /// The host evaluated a JSONata state's expressions.
    Evaluated(Box<(super::jsonata::Phase, Vec<super::Evaluated>)>),
}

/// Where a child frame reports back to.
#[derive(Clone, Copy, Debug)]
pub(super) struct Link {
    pub parent: FrameId,
    pub index: usize,
}

/// A frame: where it is, what it holds, and the bookkeeping of the state it is in.
#[derive(Debug)]
pub(super) struct Frame {
    pub body: BodyId,
    pub state: usize,
    /// The current state's raw input (while a Wait waits, its effective input).
    pub input: Data,
    pub link: Option<Link>,
    pub scope: ScopeId,
    /// The id of the frame's latest event, which the next one points back to.
    pub last_event: u64,
    pub alive: bool,
    pub generation: u32,
    /// Records no events (the iterations of a distributed Map run as child executions whose
    /// events are not part of this history).
    pub silent: bool,
    /// The context object's execution part when the frame runs in a child execution (a
    /// Distributed Map's child and everything inside it); `None`: the execution's own.
    pub execution: Option<std::sync::Arc<super::context::ExecutionContext>>,
    pub visit: VisitState,
}

impl Frame {
    /// The context object's state part (`$$.State`, `$$.Task`, `$$.Map`) for `state`, which
    /// this frame is in. `RetryCount` exists only for states that can retry.
    pub fn state_context<'a>(&'a self, state: &'a State, map_item: Option<(usize, &'a Value)>) -> StateContext<'a> {
        let retryable = matches!(state.kind, StateKind::Task(_) | StateKind::Parallel(_) | StateKind::Map(_));
        StateContext {
            name: &state.name,
            entered_time: self.visit.entered_at,
            retry_count: retryable.then_some(self.visit.retry_count),
            task_token: self.visit.task_token.as_deref(),
            map_item,
        }
    }
}

/// Bookkeeping for the state a frame is in; reset when it enters the next one.
#[derive(Debug, Default)]
pub(super) struct VisitState {
    pub entered_event: u64,
    pub entered_at: i64,
    pub retry_count: u64,
    /// Retries made so far under each retrier of the state.
    pub retrier_attempts: Vec<u64>,
    /// Index of the state's record in the execution's visits.
    pub record: Option<usize>,
    pub task: Option<RequestId>,
    pub task_token: Option<String>,
    pub container: Option<Box<Container>>,
    /// The Parallel or Map state's children failed; its ParallelStateFailed/MapStateFailed
    /// event waits until Retry has decided.
    pub container_failed: bool,
    /// The variables the state assigned, for its exit event.
    pub assigned: Vec<(String, Value)>,
}

/// What a Parallel or Map state tracks about its children.
#[derive(Debug)]
pub(super) struct Container {
    pub kind: ContainerKind,
    pub results: Vec<Value>,
    pub running: Vec<FrameId>,
    /// Index of the next child to start.
    pub next: usize,
    pub total: usize,
    pub finished: usize,
    /// At most this many children run at once (0: no limit).
    pub max_concurrency: usize,
    pub failed: usize,
    pub tolerated_count: Option<u64>,
    pub tolerated_percentage: Option<f64>,
    /// The failure that ends the container, once there is one.
    pub failure: Option<Failure>,
    /// A ContainerStep for this container is already queued.
    pub step_queued: bool,
}

#[derive(Debug)]
pub(super) enum ContainerKind {
    /// Each branch starts with this input.
    Parallel { input: Data, branches: Vec<BodyId> },
    /// One iteration per item; `input` is the Map's effective input (for ItemSelector).
    Map {
        items: Vec<Value>,
        input: Data,
        processor: BodyId,
        /// A distributed Map's run: its children are child executions.
        run: Option<Box<super::states::map_run::MapRun>>,
        /// The children's inputs are batches, built from items already selected.
        batched: bool,
    },
}

impl Container {
    pub fn is_map(&self) -> bool {
        matches!(self.kind, ContainerKind::Map { .. })
    }
}
