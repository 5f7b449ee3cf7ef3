//! What each state type does. Every state follows the same data flow; what differs is the
//! work between `Parameters` and `ResultSelector` (a task, children, a timer, a decision).

mod choice;
mod container;
mod pass;
mod services;
mod task;
mod terminal;
mod wait;

use serde_json::Value;

use super::Execution;
use super::dataflow::{apply_result_path, select_io};
use super::frames::{Flow, FrameId};
use super::visits::Stage;
use crate::errors::{DATA_LIMIT_EXCEEDED, Failure};
use crate::model::{State, Template};

impl Execution {
    /// The end of a state that produced `result`: ResultSelector, ResultPath, OutputPath and
    /// Assign (evaluated with the selected result as `$`, applied after the output is built, so
    /// OutputPath still sees the old variables), then the exit event and the transition.
    pub(super) fn finish_with_result(&mut self, f: FrameId, state: &State, result: Value) -> Flow {
        let record = self.options.record_data_flow;
        if record {
            self.record(f, Stage::Result, &result);
        }
        let raw = std::mem::take(&mut self.frames[f.0].input);
        let computed = self.eval(f, state, None, |env| -> Result<_, Failure> {
            let selected = match &state.result_selector {
                Some(t) => env.template(t, &result)?,
                None => result,
            };
            let assigned = match &state.assign {
                Some(t) => Some(env.template(t, &selected)?),
                None => None,
            };
            let kept = (record && state.result_selector.is_some()).then(|| selected.clone());
            let after_result_path = apply_result_path(&raw, selected, &state.result_path)?;
            let output = select_io(env, &after_result_path, &state.output_path)?;
            Ok((kept, after_result_path, output, assigned))
        });
        self.frames[f.0].input = raw;
        let (selected, after_result_path, output, assigned) = match computed {
            Ok(c) => c,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        if record {
            if let Some(s) = &selected {
                self.record(f, Stage::AfterResultSelector, s);
            }
            self.record(f, Stage::AfterResultPath, &after_result_path);
        }
        let output = output.unwrap_or(after_result_path);
        self.complete_state(f, state, output, assigned)
    }

    /// Checks the output's size, applies the assignments, records the exit and moves on.
    pub(super) fn complete_state(&mut self, f: FrameId, state: &State, output: Value, assigned: Option<Value>) -> Flow {
        if let Some(failure) = too_large(state, &output) {
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

    /// InputPath, then `Parameters` (when the state has them): the effective input.
    pub(super) fn effective_input(&mut self, f: FrameId, state: &State) -> Result<Value, Failure> {
        let record = self.options.record_data_flow;
        let raw = std::mem::take(&mut self.frames[f.0].input);
        let computed = self.eval(f, state, None, |env| -> Result<_, Failure> {
            let after_input_path = select_io(env, &raw, &state.input_path)?;
            let dollar = after_input_path.as_ref().unwrap_or(&raw);
            let params = match &state.parameters {
                Some(t) if !matches!(state.kind, crate::model::StateKind::Map(_)) => Some(env.template(t, dollar)?),
                _ => None,
            };
            Ok((after_input_path, params))
        });
        let result = computed.map(|(after_input_path, params)| {
            if record {
                self.record(f, Stage::AfterInputPath, after_input_path.as_ref().unwrap_or(&raw));
                if let Some(p) = &params {
                    self.record(f, Stage::AfterParameters, p);
                }
            }
            params.or(after_input_path).unwrap_or_else(|| raw.clone())
        });
        self.frames[f.0].input = raw;
        result
    }
}

/// States.DataLimitExceeded when a payload is over AWS's 256 KiB quota.
pub(super) fn too_large(state: &State, v: &Value) -> Option<Failure> {
    super::limits::too_large(v).then(|| {
        Failure::terminal(
            DATA_LIMIT_EXCEEDED,
            format!("The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.", state.name),
        )
    })
}
