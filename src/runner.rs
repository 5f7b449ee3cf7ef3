//! Running the engine in the page: the execution is computed in short slices (so a
//! 10,000-item Map never freezes the page), its tasks answered by the mocks in the sandbox, and
//! the finished history handed to the playback.

use std::sync::Arc;

use asl::exec::{Execution, HistoryEvent, Options, Outcome, Poll, Request, TaskAnswer, TaskRequest, Visit};
use leptos::prelude::*;
use serde_json::{Value, json};

use crate::browser;
use crate::playback::{Checkpoints, Index};
use crate::store::{Action, Store};

/// State transitions per slice: small enough to keep each slice well under a frame.
const STEPS_PER_SLICE: usize = 1500;
/// Real time a mock may run before the sandbox stops it.
const MOCK_GUARD_MS: u32 = 3000;

#[derive(Clone, Debug, Default)]
pub enum RunState {
    #[default]
    Idle,
    Running {
        events: usize,
    },
    Done(Arc<RunResult>),
    /// The run could not start: what and where.
    Refused(String),
}

impl RunState {
    pub fn events(&self) -> usize {
        match self {
            RunState::Done(r) => r.history.len(),
            _ => 0,
        }
    }

    pub fn result(&self) -> Option<Arc<RunResult>> {
        match self {
            RunState::Done(r) => Some(Arc::clone(r)),
            _ => None,
        }
    }
}

/// A finished (or stuck) execution.
#[derive(Debug)]
pub struct RunResult {
    pub history: Vec<HistoryEvent>,
    pub visits: Vec<Visit>,
    /// `None` when the execution waits for something no mock answers.
    pub outcome: Option<Outcome>,
    pub index: Index,
    pub checkpoints: Checkpoints,
    pub computed_ms: f64,
}

impl RunResult {
    pub fn start_time(&self) -> i64 {
        self.history.first().map(|e| e.timestamp).unwrap_or(0)
    }
}

/// Runs the workspace's state machine and reports through `store`.
pub fn start(store: Store) {
    store.apply(Action::RunStarted);
    leptos::task::spawn_local(async move {
        let state = match execute(store).await {
            Ok(result) => RunState::Done(Arc::new(result)),
            Err(message) => RunState::Refused(message),
        };
        store.apply(Action::RunFinished(state));
    });
}

async fn execute(store: Store) -> Result<RunResult, String> {
    let analysis = store.analysis.get_untracked();
    let Some(machine) = analysis.machine.clone() else {
        let n = analysis.errors();
        return Err(format!(
            "The definition has {n} error{}: fix {} to run it.",
            plural(n),
            if n == 1 { "it" } else { "them" }
        ));
    };
    let (input_text, mocks) = store.workspace.with_untracked(|w| (w.input.clone(), w.mocks.clone()));
    let input: Value = match serde_json::from_str(if input_text.trim().is_empty() { "{}" } else { &input_text }) {
        Ok(v) => v,
        Err(e) => {
            return Err(format!(
                "The input is not valid JSON: {} (line {}, column {}).",
                plain(&e),
                e.line(),
                e.column()
            ));
        }
    };
    let options = Options { execution_type: store.execution_type(), ..Options::default() };
    let started = browser::now_ms();
    let mut exec = Execution::start(machine, input, options).map_err(|e| e.message)?;
    exec.set_step_budget(STEPS_PER_SLICE);
    loop {
        match exec.poll() {
            Poll::Request(Request::Task(req)) => {
                let (answer, latency) = answer(&req, &mocks).await;
                let _ = exec.answer(req.id, answer, latency);
            }
            Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
            Poll::Idle { next_deadline: None } | Poll::Finished => break,
            Poll::Yielded => {
                store.apply(Action::RunProgress(exec.history().len()));
                browser::sleep(0).await;
            }
        }
    }
    let (history, visits, outcome) = exec.into_record();
    // Indexing a long history takes a few milliseconds per pass: one pass per frame.
    browser::sleep(0).await;
    let index = Index::of(&history);
    browser::sleep(0).await;
    let checkpoints = Checkpoints::of(&history, &index);
    browser::sleep(0).await;
    Ok(RunResult { history, visits, outcome, index, checkpoints, computed_ms: browser::now_ms() - started })
}

/// Answers a task with its mock: the one named for its resource, else the one named for its
/// state, else the default (which returns the function's input).
async fn answer(req: &TaskRequest, mocks: &std::collections::BTreeMap<String, String>) -> (TaskAnswer, u64) {
    let key = req.mock_key();
    let Some(source) = mocks.get(&key).or_else(|| mocks.get(&req.state_name)) else {
        return (TaskAnswer::FunctionReturned(req.function_input().clone()), 0);
    };
    let info = json!({
        "stateName": req.state_name,
        "attempt": req.attempt + 1,
        "resource": req.resource,
        "taskToken": req.task_token,
        "callback": req.callback,
        "context": req.context,
    });
    let guard =
        req.timeout_seconds.map_or(MOCK_GUARD_MS, |t| (t.saturating_mul(1000)).min(MOCK_GUARD_MS as u64) as u32);
    let result = browser::invoke_mock(source, req.function_input(), &info, guard).await;
    let latency = result.get("latencyMs").and_then(Value::as_u64).unwrap_or(0);
    let text = |k: &str| result.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    if result.get("noAnswer") == Some(&Value::Bool(true)) {
        (TaskAnswer::NoAnswer, 0)
    } else if result.get("ok") == Some(&Value::Bool(true)) {
        (TaskAnswer::FunctionReturned(result.get("value").cloned().unwrap_or(Value::Null)), latency)
    } else {
        (TaskAnswer::FunctionFailed { error: text("error"), message: text("cause") }, latency)
    }
}

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
