//! Design mode's data-flow preview: one state run by itself (the machine `asl::exec::alone`
//! makes of it) on an input, its tasks answered by the workspace's mocks and its JSONata
//! evaluated in the sandbox, as a run would. The preview is that state's visit: the payload
//! after each data-flow step, the variables it assigned, or its error.

use std::sync::Arc;

use asl::exec::{Execution, Poll, Request, Visit};
use leptos::prelude::*;
use serde_json::Value;

use super::{mocks, session};
use crate::browser;
use crate::store::Store;

/// Steps a preview may take: a state's own work (a Map over a long sample may be cut short).
const STEP_LIMIT: usize = 20_000;
const STEPS_PER_SLICE: usize = 1500;

/// The visit of the state `machine` starts at, run on `input`.
pub async fn preview(store: Store, machine: Value, input: Value) -> Result<Visit, String> {
    let loaded = asl::load_value(&machine);
    let Some(built) = loaded.machine else {
        let first = loaded.diagnostics.iter().find(|d| d.is_error()).map(|d| d.message.clone()).unwrap_or_default();
        return Err(format!("The state cannot run by itself yet: {first}"));
    };
    let start = built.root().start_at.clone();
    let mocks = store.workspace.with_untracked(|w| w.mocks.clone());
    let mut exec = Execution::start(Arc::new(built), input, session::options(store)).map_err(|e| e.message)?;
    exec.set_step_budget(STEPS_PER_SLICE);
    let mut steps = 0;
    loop {
        match exec.poll() {
            Poll::Request(Request::Evaluate(req)) => {
                let answers = super::jsonata::evaluate(&req).await;
                let _ = exec.answer_evaluation(req.id, answers);
            }
            Poll::Request(Request::Task(req)) => {
                // A callback no mock answers: the preview shows what the state sends.
                if mocks::answer(&mut exec, req, &mocks, None).await.is_some() {
                    break;
                }
            }
            Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
            Poll::Idle { next_deadline: None } | Poll::Finished => break,
            Poll::Yielded => {
                steps += STEPS_PER_SLICE;
                if steps >= STEP_LIMIT {
                    return Err("The preview stopped: this state takes too many steps on this input.".into());
                }
                browser::sleep(0).await;
            }
        }
    }
    exec.visits()
        .iter()
        .find(|v| v.state_name == start && v.lineage.is_empty())
        .cloned()
        .ok_or_else(|| "The state did not start on this input.".to_string())
}
