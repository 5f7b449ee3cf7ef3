//! What each state type does. Every state follows the same data flow; what differs is the
//! work between `Parameters` and `ResultSelector` (a task, children, a timer, a decision).
//!
//! Payloads are shared ([`Data`]): a step that changes nothing passes the same value on, so a
//! state without InputPath, Parameters, ResultPath or OutputPath copies nothing.

mod choice;
mod container;
pub(super) mod map_run;
mod pass;
mod services;
mod task;
mod terminal;
pub(super) mod wait;

use std::sync::Arc;

use serde_json::Value;

use super::dataflow::{apply_result_path, select_io};
use super::frames::{Flow, FrameId};
use super::visits::Stage;
use super::{Data, Execution};
use crate::errors::{DATA_LIMIT_EXCEEDED, Failure};
use crate::model::{State, StateKind, Template};

impl Execution {
    /// The end of a state that produced `result`: ResultSelector, ResultPath, OutputPath and
    /// Assign (evaluated with the selected result as `$`, applied after the output is built, so
    /// OutputPath still sees the old variables), then the exit event and the transition.
    pub(super) fn finish_with_result(&mut self, f: FrameId, state: &State, result: Data) -> Flow {
        if state.query_language == crate::model::QueryLanguage::Jsonata {
            return self.jsonata_exit(f, state, Some(result), None, None);
        }
        let record = self.frames[f.0].visit.record.is_some();
        if record {
            self.record(f, Stage::Result, &result);
        }
        let raw = Arc::clone(&self.frames[f.0].input);
        let evaluated = self.eval(f, state, None, |env| -> Result<_, Failure> {
            let selected = match &state.result_selector {
                Some(t) => Some(env.template(t, &result)?),
                None => None,
            };
            let assigned = match &state.assign {
                Some(t) => Some(env.template(t, selected.as_ref().unwrap_or(&result))?),
                None => None,
            };
            Ok((selected, assigned))
        });
        let (selected, assigned) = match evaluated {
            Ok(e) => e,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let selected = match selected {
            Some(s) => {
                let s = Arc::new(s);
                if record {
                    self.record(f, Stage::AfterResultSelector, &s);
                }
                s
            }
            None => result,
        };
        let after_result_path = match apply_result_path(&raw, selected, &state.result_path) {
            Ok(v) => v,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        if record {
            self.record(f, Stage::AfterResultPath, &after_result_path);
        }
        let output = match self.eval(f, state, None, |env| select_io(env, &after_result_path, &state.output_path)) {
            Ok(o) => o.map(Arc::new).unwrap_or(after_result_path),
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        self.complete_state(f, state, output, assigned)
    }

    /// Checks the output's size, applies the assignments, records the exit and moves on.
    pub(super) fn complete_state(&mut self, f: FrameId, state: &State, output: Data, assigned: Option<Value>) -> Flow {
        // An unchanged input was checked when it was produced.
        let unchanged = Arc::ptr_eq(&output, &self.frames[f.0].input);
        if self.options.enforce_payload_limit
            && !unchanged
            && let Some(failure) = too_large(state, &output)
        {
            return Flow::Failed(failure);
        }
        if let Some(vars) = assigned {
            self.assign(f, vars);
        }
        self.exit(f, state, &output);
        self.transition(f, state, output)
    }

    /// Sets the variables of an evaluated `Assign` object in the frame's scope.
    pub(super) fn assign(&mut self, f: FrameId, vars: Value) {
        let Value::Object(map) = vars else { return };
        let scope = self.frames[f.0].scope;
        let record = self.frames[f.0].visit.record;
        for (name, value) in map {
            if let Some(r) = record {
                self.visits[r].assigned.push((name.clone(), value.clone()));
            }
            self.frames[f.0].visit.assigned.push((name.clone(), value.clone()));
            self.scopes.set(scope, name, value);
        }
    }

    /// Evaluates an optional `Assign` template with `$` = `dollar`.
    pub(super) fn eval_assign(
        &mut self,
        f: FrameId,
        state: &State,
        assign: &Option<Template>,
        dollar: &Value,
    ) -> Result<Option<Value>, Failure> {
        match assign {
            Some(t) => self.eval(f, state, None, |env| env.template(t, dollar)).map(Some),
            None => Ok(None),
        }
    }

    /// InputPath, then `Parameters` (except on a Map, where it means ItemSelector): the
    /// effective input. The raw input itself when neither applies.
    pub(super) fn effective_input(&mut self, f: FrameId, state: &State) -> Result<Data, Failure> {
        let raw = Arc::clone(&self.frames[f.0].input);
        let (after_input_path, params) = self.eval(f, state, None, |env| -> Result<_, Failure> {
            let after_input_path = select_io(env, &raw, &state.input_path)?;
            let dollar = after_input_path.as_ref().unwrap_or(&raw);
            let params = match &state.parameters {
                Some(t) if !matches!(state.kind, StateKind::Map(_)) => Some(env.template(t, dollar)?),
                _ => None,
            };
            Ok((after_input_path, params))
        })?;
        let after_input_path = after_input_path.map(Arc::new).unwrap_or(raw);
        // AWS also refuses a state whose input after Parameters is over the quota (InputPath
        // alone only narrows an input that was already checked).
        if self.options.enforce_payload_limit
            && let Some(p) = &params
            && super::limits::too_large(p)
        {
            return Err(Failure::terminal(
                DATA_LIMIT_EXCEEDED,
                format!(
                    "The input of the state '{}' after Parameters is over the maximum number of bytes service limit.",
                    state.name
                ),
            ));
        }
        let params = params.map(Arc::new);
        if self.frames[f.0].visit.record.is_some() {
            self.record(f, Stage::AfterInputPath, &after_input_path);
            if let Some(p) = &params {
                self.record(f, Stage::AfterParameters, p);
            }
        }
        Ok(params.unwrap_or(after_input_path))
    }

    /// OutputPath applied to `effective`, for the states without a result (Choice, Wait,
    /// Succeed).
    pub(super) fn output_of(&mut self, f: FrameId, state: &State, effective: Data) -> Result<Data, Failure> {
        match self.eval(f, state, None, |env| select_io(env, &effective, &state.output_path)) {
            Ok(o) => Ok(o.map(Arc::new).unwrap_or(effective)),
            Err(e) => Err(self.in_state(f, state, e)),
        }
    }
}

/// States.DataLimitExceeded when a state's output is over AWS's 256 KiB quota.
pub(super) fn too_large(state: &State, v: &Value) -> Option<Failure> {
    super::limits::too_large(v).then(|| {
        Failure::terminal(
            DATA_LIMIT_EXCEEDED,
            format!(
                "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                state.name
            ),
        )
    })
}
