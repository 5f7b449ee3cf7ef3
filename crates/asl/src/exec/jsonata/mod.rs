//! JSONata states: their expressions go to the host as [`EvalRequest`]s, through the same
//! request/answer path as tasks, and the state goes on when the answers come back.
//!
//! The engine does not evaluate JSONata itself. It finds the `{% ... %}` expressions of the
//! fields a step needs (a [`Phase`]), asks the host to evaluate them all at once with the
//! `$states` binding and the variables in scope, then checks the answers (undefined, wrong
//! type, errors: States.QueryEvaluationError with AWS's causes) and puts them back into the
//! fields as written. What each state does with the values is in `states.rs`.

mod fields;
mod states;
mod wire;

use std::sync::Arc;

use serde::Serialize;
use serde_json::{Map, Value};

use super::frames::{Flow, FrameId};
use super::history::{ErrorDetails, EvaluationFailure, EventKind};
use super::{AnswerError, Data, Execution, Request, RequestId};
use crate::errors::{Failure, QUERY_EVALUATION_ERROR};
use crate::model::State;
pub(super) use fields::Field;
pub use fields::expression_body;

/// A batch of JSONata expressions for the host to evaluate, all with the same bindings.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EvalRequest {
    pub id: RequestId,
    pub state_name: String,
    /// The expressions, without their `{%` `%}` delimiters.
    pub expressions: Vec<String>,
    /// `states` (`input`, `context`, and `result` or `errorOutput` where they exist) and
    /// every variable in scope, each bound as `$name`.
    pub bindings: Value,
    /// The execution's virtual clock, for `$now()` and `$millis()`.
    pub now: i64,
    /// Seeds `$random()` and `$uuid()` for this batch, drawn from the execution's seed.
    pub seed: u64,
}

/// The host's answer for one expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Evaluated {
    Value(Value),
    /// The expression evaluated to nothing (JSONata's `undefined`).
    Undefined,
    /// The expression evaluated to something JSON cannot hold (a function).
    Unsupported,
    /// The expression did not compile or failed while evaluating.
    Failed {
        code: String,
        message: String,
    },
}

/// Which step of a JSONata state a batch belongs to, and what to do with its answers.
#[derive(Debug)]
pub(super) enum Phase {
    /// Task: Arguments, TimeoutSeconds, HeartbeatSeconds, before the task is scheduled.
    TaskStart,
    /// Parallel: Arguments, the branches' input.
    ParallelStart,
    /// Map: Items, MaxConcurrency, ToleratedFailureCount, ToleratedFailurePercentage.
    MapStart,
    /// One Map iteration's ItemSelector (the frame waiting is the iteration's; `map` is the
    /// Map state's frame). For a Distributed Map's batch, `batch` is the item's position in
    /// the batch and its index in the whole dataset: each item of the batch is selected in turn.
    ItemSelector { map: FrameId, batch: Option<(usize, usize)> },
    /// Choice: every rule's Condition.
    Conditions,
    /// Wait: Seconds or Timestamp.
    WaitTime,
    /// Fail: Error and Cause.
    FailFields,
    /// The state's end: Assign and Output (a Choice rule's when `rule` is set).
    Exit { result: Option<Data>, rule: Option<usize>, next: Option<String> },
    /// A catcher's Assign and Output, with `$states.errorOutput`.
    Catch { catcher: usize, failure: Failure },
}

/// An evaluation batch waiting for the host.
#[derive(Debug)]
pub(super) struct PendingEvaluation {
    pub id: RequestId,
    pub frame: FrameId,
    pub phase: Phase,
}

/// What `$states` holds besides `input` and `context`.
#[derive(Default)]
pub(super) struct StatesExtra<'a> {
    pub input: Option<&'a Value>,
    pub result: Option<&'a Value>,
    pub error_output: Option<&'a Value>,
    pub map_item: Option<(usize, &'a Value)>,
}

impl Execution {
    /// Answers an evaluation request: one [`Evaluated`] per expression, in order.
    pub fn answer_evaluation(&mut self, id: RequestId, answers: Vec<Evaluated>) -> Result<(), AnswerError> {
        let at = self.evaluations.iter().position(|e| e.id == id).ok_or(AnswerError::UnknownRequest(id))?;
        let pending = self.evaluations.swap_remove(at);
        if self.live(pending.frame) {
            self.ready.push_back((pending.frame, Flow::Evaluated(Box::new((pending.phase, answers)))));
        }
        Ok(())
    }

    /// Asks the host to evaluate `fields` for frame `waiting` (evaluated in the context of
    /// frame `f`'s state), then blocks until the answer comes. A phase with nothing to evaluate
    /// goes on at once.
    pub(super) fn request_evaluation(
        &mut self,
        f: FrameId,
        waiting: FrameId,
        state: &State,
        fields: &[Field],
        extra: StatesExtra,
        phase: Phase,
    ) -> Flow {
        let expressions = fields::expressions(fields);
        if expressions.is_empty() {
            return Flow::Evaluated(Box::new((phase, Vec::new())));
        }
        let bindings = self.bindings(f, state, extra);
        let id = self.next_request;
        self.next_request += 1;
        let seed = self.rng.next_u64();
        self.outbox.push_back(Request::Evaluate(Box::new(EvalRequest {
            id,
            state_name: state.name.to_string(),
            expressions,
            bindings,
            now: self.now,
            seed,
        })));
        self.evaluations.push(PendingEvaluation { id, frame: waiting, phase });
        Flow::Blocked
    }

    /// `$states` and the variables frame `f` can read.
    fn bindings(&self, f: FrameId, state: &State, extra: StatesExtra) -> Value {
        let frame = &self.frames[f.0];
        let sc = frame.state_context(state, extra.map_item);
        let mut states = Map::with_capacity(4);
        states.insert("input".into(), extra.input.unwrap_or(&frame.input).clone());
        if let Some(r) = extra.result {
            states.insert("result".into(), r.clone());
        }
        if let Some(e) = extra.error_output {
            states.insert("errorOutput".into(), e.clone());
        }
        states.insert("context".into(), sc.whole(self.context_of(f)));
        let mut out = Map::new();
        for (name, value) in self.scopes.visible(frame.scope) {
            out.insert(name.to_string(), value.clone());
        }
        out.insert("states".into(), Value::Object(states));
        Value::Object(out)
    }

    /// Goes on with a phase whose answers came back.
    pub(super) fn evaluated(&mut self, f: FrameId, phase: Phase, answers: Vec<Evaluated>) -> Flow {
        let machine = Arc::clone(&self.machine);
        // An iteration's ItemSelector belongs to the Map state its parent frame is in.
        let owner = match phase {
            Phase::ItemSelector { map, .. } => map,
            _ => f,
        };
        let state = self.state_of(&machine, owner);
        self.continue_jsonata(f, state, phase, answers)
    }

    /// A JSONata evaluation failed: EvaluationFailed, then the failure takes its course (Retry
    /// and Catch apply as for any error).
    pub(super) fn evaluation_failed(&mut self, f: FrameId, state: &State, failure: EvalFailure) -> Failure {
        let failure_full = self.in_state(f, state, Failure::new(QUERY_EVALUATION_ERROR, failure.cause));
        self.emit(
            Some(f),
            EventKind::EvaluationFailed(Box::new(EvaluationFailure {
                error: *ErrorDetails::of(&failure_full),
                location: failure.field,
                state: state.name.to_string(),
            })),
        );
        failure_full
    }
}

/// Why a field's evaluation failed, before the state's name is put in front.
#[derive(Debug)]
pub(super) struct EvalFailure {
    pub field: String,
    pub cause: String,
}

/// JSONata's name for a value's type, as AWS's messages use it.
pub(super) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
