//! One execution in the page, from Run to its end: driven in slices, paused while a callback
//! task waits for the person (the execution is kept here meanwhile), and continued with their
//! response.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use asl::exec::{Execution, Options, Poll, Request, TaskAnswer};
use asl::host::{self, PersonTasks};
use leptos::prelude::*;
use serde_json::Value;

use super::{Response, RunResult, RunState, WaitingTask, mocks, plain, plural};
use crate::browser;
use crate::playback::{Checkpoints, Index};
use crate::store::{Action, Store};

/// State transitions per slice: small enough to keep each slice well under a frame.
const STEPS_PER_SLICE: usize = 1500;

struct Session {
    exec: Execution,
    person: PersonTasks,
    /// The mocks as they were at Run: editing them does not change a paused run.
    mocks: BTreeMap<String, String>,
    /// The MockConfigFile's test case, answering before the mocks.
    config: Option<asl::mock_config::CaseAnswers>,
    /// The definition as it was at Run, as JSON: the inspector shows its fields.
    definition: Option<Arc<Value>>,
    computed_ms: f64,
}

thread_local! {
    /// The run paused for the person, if any.
    static PAUSED: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Drops the paused run (a new run, another workflow).
pub fn forget() {
    PAUSED.with(|p| p.borrow_mut().take());
}

pub async fn run(store: Store) {
    forget();
    match prepare(store) {
        Ok(session) => drive(store, session, false).await,
        Err(message) => store.apply(Action::RunFinished(RunState::Refused(message))),
    }
}

pub async fn resume(store: Store, id: u64, response: Response) {
    let Some(mut s) = PAUSED.with(|p| p.borrow_mut().take()) else { return };
    let accepted = match response {
        Response::Success(v) => s.exec.answer(id, TaskAnswer::Succeeded(v), 0).is_ok(),
        Response::Failure { error, cause } => {
            let cause = (!cause.is_empty()).then_some(cause);
            s.exec.answer(id, TaskAnswer::Failed { error, cause }, 0).is_ok()
        }
        Response::Heartbeat => s.exec.answer(id, TaskAnswer::Heartbeat, 0).is_ok(),
        Response::LetTimePass => host::let_time_pass(&mut s.exec, &s.person),
    };
    if !accepted {
        PAUSED.with(|p| *p.borrow_mut() = Some(s));
        return;
    }
    store.apply(Action::RunResumed);
    drive(store, s, true).await;
}

fn prepare(store: Store) -> Result<Session, String> {
    let analysis = store.analysis.get_untracked();
    let Some(machine) = analysis.machine.clone() else {
        let n = analysis.errors();
        return Err(format!(
            "The definition has {n} error{}: fix {} to run it.",
            plural(n),
            if n == 1 { "it" } else { "them" }
        ));
    };
    let (input_text, mocks, config) =
        store.workspace.with_untracked(|w| (w.input.clone(), w.mocks.clone(), w.mock_config.clone()));
    let config = config.map(|text| mocks::read_config(&text)).transpose()?;
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
    let mut exec = Execution::start(machine, input, options(store)).map_err(|e| e.message)?;
    exec.set_step_budget(STEPS_PER_SLICE);
    let definition = analysis.definition_value();
    Ok(Session { exec, person: PersonTasks::default(), mocks, config, definition, computed_ms: 0.0 })
}

/// A run's options: the workflow type chosen, and the Files tab as its S3 (one bucket per first
/// path segment).
pub fn options(store: Store) -> Options {
    let s3 = store
        .workspace
        .with_untracked(|w| asl::s3::VirtualS3::from_files(w.files.iter().map(|(k, v)| (k.as_str(), v.as_bytes())), 0));
    Options { execution_type: store.execution_type(), s3: Some(s3), ..Options::default() }
}

/// Runs until the execution ends or only the person can move it on, then shows where it is.
async fn drive(store: Store, mut s: Session, continuing: bool) {
    let started = browser::now_ms();
    loop {
        match s.exec.poll() {
            Poll::Request(Request::Evaluate(req)) => {
                let answers = super::jsonata::evaluate(&req).await;
                let _ = s.exec.answer_evaluation(req.id, answers);
            }
            Poll::Request(Request::Task(req)) => {
                if let Some(req) = mocks::answer(&mut s.exec, req, &s.mocks, s.config.as_mut()).await {
                    s.person.take(&mut s.exec, *req);
                }
            }
            Poll::Idle { next_deadline: Some(t) } => {
                s.person.prune(&s.exec);
                if !s.person.may_advance(&s.exec, t) {
                    break;
                }
                s.exec.advance_to(t);
            }
            Poll::Idle { next_deadline: None } | Poll::Finished => {
                s.person.prune(&s.exec);
                break;
            }
            Poll::Yielded => {
                store.apply(Action::RunProgress(s.exec.history().len()));
                browser::sleep(0).await;
            }
        }
    }
    s.computed_ms += browser::now_ms() - started;
    let paused = s.exec.outcome().is_none() && !s.person.is_empty();
    let mut result = if paused { pause(s).await } else { record(s).await };
    result.origin = super::recording::compare(store, &result.history);
    let state = RunState::Done(Arc::new(result));
    store.apply(if continuing { Action::RunContinued(state) } else { Action::RunFinished(state) });
}

/// The execution so far, for a run that pauses; the session is kept for the person's answer
/// (a new Run replaces it).
async fn pause(s: Session) -> RunResult {
    let history = s.exec.history().to_vec();
    let waiting = s
        .person
        .waiting()
        .iter()
        .map(|r| WaitingTask {
            id: r.id,
            state_name: r.state_name.clone(),
            resource: r.resource.clone(),
            task_token: r.task_token.clone().unwrap_or_default(),
            payload: r.input.clone(),
            deadlines: s.exec.task_deadlines(r.id),
        })
        .collect();
    let next_deadline = s.person.next_deadline(&s.exec);
    let (visits, computed_ms, definition) = (s.exec.visits().to_vec(), s.computed_ms, s.definition.clone());
    let written = written(&s.exec);
    PAUSED.with(|p| *p.borrow_mut() = Some(s));
    let (index, checkpoints) = index(&history).await;
    RunResult {
        history,
        visits,
        outcome: None,
        waiting,
        next_deadline,
        index,
        checkpoints,
        computed_ms,
        definition,
        written,
        ..RunResult::default()
    }
}

/// A finished execution (or one stuck on something no one will send), without copies.
async fn record(s: Session) -> RunResult {
    let (computed_ms, definition) = (s.computed_ms, s.definition);
    let written = written(&s.exec);
    let (history, visits, outcome) = s.exec.into_record();
    let (index, checkpoints) = index(&history).await;
    RunResult { history, visits, outcome, index, checkpoints, computed_ms, definition, written, ..RunResult::default() }
}

/// The S3 objects the run wrote, as `bucket/key` and text.
fn written(exec: &Execution) -> Vec<(String, String)> {
    exec.s3()
        .map(|s3| {
            s3.written().map(|(b, k, o)| (format!("{b}/{k}"), String::from_utf8_lossy(&o.body).into_owned())).collect()
        })
        .unwrap_or_default()
}

/// Indexing a long history takes a few milliseconds per pass: one pass per frame.
pub(super) async fn index(history: &[asl::exec::HistoryEvent]) -> (Index, Checkpoints) {
    browser::sleep(0).await;
    let index = Index::of(history);
    browser::sleep(0).await;
    let checkpoints = Checkpoints::of(history, &index);
    browser::sleep(0).await;
    (index, checkpoints)
}
