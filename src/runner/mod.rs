//! Running the engine in the page: the execution is computed in short slices (so a
//! 10,000-item Map never freezes the page), its tasks answered by the mocks in the sandbox, and
//! its history handed to the playback. JSONata expressions are evaluated in the sandbox too.
//!
//! A callback task that no mock answers pauses the run ([`session`]): the history so far is
//! shown, with a panel to answer the task as its worker would (success, failure, heartbeat) or
//! to let time pass. The person's answer ([`respond`]) continues the same execution.

mod jsonata;
mod mocks;
mod preview;
mod recording;
mod session;
mod split;
pub mod suite;
pub mod test_state;

use std::sync::Arc;

use asl::exec::{Deadline, HistoryEvent, Outcome, RequestId, Visit};
use serde_json::Value;

use crate::playback::{Checkpoints, Index};
use crate::store::{Action, Store};

pub use session::forget;
pub use suite::SuiteOutcome;

#[derive(Clone, Debug, Default)]
pub enum RunState {
    #[default]
    Idle,
    Running {
        events: usize,
        /// What stays on show while a paused run continues.
        shown: Option<Arc<RunResult>>,
    },
    Done(Arc<RunResult>),
    /// The run could not start: what and where.
    Refused(String),
}

impl RunState {
    pub fn events(&self) -> usize {
        self.result().map_or(0, |r| r.history.len())
    }

    pub fn result(&self) -> Option<Arc<RunResult>> {
        match self {
            RunState::Done(r) | RunState::Running { shown: Some(r), .. } => Some(Arc::clone(r)),
            _ => None,
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self, RunState::Running { .. })
    }
}

/// An execution as far as it has gone: finished, or paused for a person.
#[derive(Debug, Default)]
pub struct RunResult {
    pub history: Vec<HistoryEvent>,
    pub visits: Vec<Visit>,
    /// `None` while the execution still runs.
    pub outcome: Option<Outcome>,
    /// The callback tasks waiting for the person (empty once the execution has finished).
    pub waiting: Vec<WaitingTask>,
    /// The next deadline that ends the person's chance to answer.
    pub next_deadline: Option<Deadline>,
    pub index: Index,
    pub checkpoints: Checkpoints,
    pub computed_ms: f64,
    /// The definition the run used, as JSON.
    pub definition: Option<Arc<Value>>,
    /// The S3 objects the run wrote (ResultWriter, S3 tasks), as `bucket/key` and text.
    pub written: Vec<(String, String)>,
    pub origin: Origin,
}

/// What an execution on show is: a run of the page's own, or one recorded in AWS.
#[derive(Clone, Debug, Default)]
pub enum Origin {
    #[default]
    Run,
    /// A run beside the workspace's recording: where it departs from it (`None`: nowhere).
    Compared(Option<asl::recorded::Divergence>),
    /// The recording itself, played back.
    Recording {
        /// The states its events name that the definition shown does not have.
        missing: Vec<String>,
        /// How many states its events name.
        states: usize,
        /// The definition it ran, when it carries it (describe-state-machine-for-execution).
        definition: Option<String>,
    },
}

impl RunResult {
    pub fn start_time(&self) -> i64 {
        self.history.first().map(|e| e.timestamp).unwrap_or(0)
    }

    /// The JSON object of the state at `pointer` in the definition the run used (none for a
    /// recorded state the definition lacks, whose pointer is empty).
    pub fn state_definition(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return None;
        }
        self.definition.as_deref().and_then(|d| d.pointer(pointer))
    }

    pub fn is_paused(&self) -> bool {
        self.outcome.is_none() && !self.waiting.is_empty()
    }
}

/// A callback task the person answers, as its panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitingTask {
    pub id: RequestId,
    pub state_name: String,
    pub resource: String,
    pub task_token: String,
    /// What the task sent (its effective parameters: for SQS, the message with the token).
    pub payload: Value,
    /// Its own deadlines, earliest first.
    pub deadlines: Vec<Deadline>,
}

/// The person's answer to a waiting callback task, or their decision to let time pass.
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    Success(Value),
    Failure { error: String, cause: String },
    Heartbeat,
    LetTimePass,
}

/// What a run says when the code that runs workflows could not be fetched.
const NOT_LOADED: &str =
    "The code that runs workflows could not be loaded (the network may be down). Press Run to try again.";

const PREVIEW_NOT_LOADED: &str = "The code that runs workflows could not be loaded (the network may be down): the preview comes back with the next change.";

/// Runs the workspace's state machine and reports through `store`.
pub fn start(store: Store) {
    store.apply(Action::RunStarted);
    leptos::task::spawn_local(async move {
        match split::run(store).await {
            Ok(job) => job.await,
            Err(_) => store.apply(Action::RunFinished(RunState::Refused(NOT_LOADED.into()))),
        }
    });
}

/// Continues a paused run with the person's response to task `id` (ignored when the run it
/// belongs to is gone or already moving).
pub fn respond(store: Store, id: RequestId, response: Response) {
    leptos::task::spawn_local(async move {
        // A run is paused, so its code has loaded: this cannot fail.
        if let Ok(job) = split::resume(store, id, response).await {
            job.await;
        }
    });
}

/// Reads an execution history and, when it is one, keeps it in the workspace and plays it
/// back; else says why, changing nothing.
pub fn import(store: Store, text: String) {
    leptos::task::spawn_local(async move {
        match split::import(store, text).await {
            Ok(job) => job.await,
            Err(_) => store.apply(Action::Notify(crate::store::Notice::error(NOT_LOADED_IMPORT))),
        }
    });
}

/// Plays the workspace's recording back, as a run's history.
pub fn play_recording(store: Store) {
    leptos::task::spawn_local(async move {
        if let Ok(job) = split::play_recording(store).await {
            job.await;
        }
    });
}

/// Runs the definition again against the workspace's recording: the recording's input, and a
/// MockConfigFile that answers every task as AWS did (made unless the workspace has one).
pub fn replay(store: Store) {
    store.apply(Action::RunStarted);
    leptos::task::spawn_local(async move {
        match split::replay(store).await {
            Ok(job) => job.await,
            Err(_) => store.apply(Action::RunFinished(RunState::Refused(NOT_LOADED.into()))),
        }
    });
}

const NOT_LOADED_IMPORT: &str =
    "The code that reads execution histories could not be loaded (the network may be down). Try again.";

/// Runs the state `machine` starts at by itself on `input` (see [`preview`]): design mode's
/// data-flow preview.
pub async fn preview(store: Store, machine: Value, input: Value) -> Result<Visit, String> {
    match split::preview_state(store, machine, input).await {
        Ok(job) => job.await,
        Err(_) => Err(PREVIEW_NOT_LOADED.into()),
    }
}

/// Fetches the code that runs workflows ahead of the first Run (a failure is retried then), a
/// moment after the first graph so that the page's first paint has the network to itself.
pub fn preload() {
    leptos::task::spawn_local(async {
        crate::browser::sleep(PRELOAD_DELAY_MS).await;
        let _ = split::preload().await;
    });
}

const PRELOAD_DELAY_MS: i32 = 1000;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn plain(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
