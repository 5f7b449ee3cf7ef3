//! Retry and Catch: what happens when a state's work fails.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::Execution;
use super::dataflow::apply_result_path;
use super::frames::{Flow, FrameId};
use super::history::EventKind;
use super::timers::Timer;
use crate::errors::Failure;
use crate::model::{Edge, Jitter, Retrier, StateKind, error_matches};

impl Execution {
    /// The first retrier whose ErrorEquals matches decides: retry after its backoff, or (its
    /// attempts spent) fall through to the catchers. Errors AWS deems terminal skip both.
    pub(super) fn recover(&mut self, f: FrameId, failure: Failure) -> Flow {
        let machine = Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        let record = self.frames[f.0].visit.record;
        if let Some(r) = record
            && let Some(a) = self.visits[r].attempts.last_mut()
        {
            a.error = Some(failure.clone());
            a.ended_at = Some(self.now);
        }
        let container_failed = std::mem::take(&mut self.frames[f.0].visit.container_failed);
        if let Some(i) = state.retry.iter().position(|r| error_matches(&r.error_equals, &failure)) {
            let retrier = &state.retry[i];
            let done = self.frames[f.0].visit.retrier_attempts.get(i).copied().unwrap_or(0);
            if done < retrier.max_attempts {
                let delay = self.backoff(retrier, done);
                let visit = &mut self.frames[f.0].visit;
                if let Some(n) = visit.retrier_attempts.get_mut(i) {
                    *n += 1;
                }
                visit.retry_count += 1;
                if let Some(r) = record
                    && let Some(a) = self.visits[r].attempts.last_mut()
                {
                    a.retry_delay_ms = Some(delay);
                    a.retrier = Some(i);
                }
                self.timers.schedule(self.now.saturating_add(delay as i64), Timer::Resume(f, Flow::Attempt));
                return Flow::Blocked;
            }
        }
        if container_failed {
            let event = match state.kind {
                StateKind::Parallel(_) => EventKind::ParallelStateFailed,
                _ => EventKind::MapStateFailed,
            };
            self.emit(Some(f), event);
        }
        if let Some(i) = state.catch.iter().position(|c| error_matches(&c.error_equals, &failure)) {
            if state.query_language == crate::model::QueryLanguage::Jsonata {
                return self.jsonata_catch(f, state, i, failure);
            }
            let catcher = &state.catch[i];
            let error_output = error_output(&failure);
            let raw = Arc::clone(&self.frames[f.0].input);
            let output = apply_result_path(&raw, Arc::new(error_output.clone()), &catcher.result_path);
            let output = match output {
                Ok(o) => o,
                Err(e) => return Flow::FrameFailed(self.in_state(f, state, e)),
            };
            let assigned = match self.eval_assign(f, state, &catcher.assign, &error_output) {
                Ok(a) => a,
                Err(e) => return Flow::FrameFailed(self.in_state(f, state, e)),
            };
            if let Some(r) = record {
                self.visits[r].error = Some(failure);
                self.visits[r].caught_by = Some(i);
            }
            if let Some(vars) = assigned {
                self.assign(f, vars);
            }
            self.exit(f, state, &output);
            return self.leave(f, Edge::Catch(i), &catcher.next, output);
        }
        Flow::FrameFailed(failure)
    }

    /// The wait before retry number `done + 1`, in milliseconds: IntervalSeconds ×
    /// BackoffRate^done, capped by MaxDelaySeconds, and with FULL jitter a random share of it.
    fn backoff(&mut self, r: &Retrier, done: u64) -> u64 {
        let mut seconds = r.interval_seconds as f64 * r.backoff_rate.powi(done.min(i32::MAX as u64) as i32);
        if let Some(max) = r.max_delay_seconds {
            seconds = seconds.min(max as f64);
        }
        // Far beyond any execution's lifetime, and keeps the arithmetic finite.
        seconds = seconds.min(1.0e10);
        let ms = (seconds * 1000.0).round() as u64;
        match r.jitter {
            Jitter::None => ms,
            Jitter::Full => (self.rng.next_f64() * ms as f64).round() as u64,
        }
    }
}

/// The error output a catcher passes on: `{"Error": ..., "Cause": ...}`.
///
/// A failure without an error name (a task failed with only a cause, or with neither) still
/// has both keys, as nulls where a value is missing: AWS passes `{"Error": null, "Cause":
/// null}` on for a callback failed with neither. A task Step Functions timed out has an
/// empty cause (`{"Error": "States.Timeout", "Cause": ""}`, as AWS records it); any other
/// named error without a cause keeps its one key (AWS's shape for that is not recorded).
pub(super) fn error_output(failure: &Failure) -> Value {
    let mut m = Map::with_capacity(2);
    let nameless = failure.error.is_empty();
    m.insert("Error".into(), if nameless { Value::Null } else { Value::String(failure.error.clone()) });
    match &failure.cause {
        Some(c) => {
            m.insert("Cause".into(), Value::String(c.clone()));
        }
        None if nameless => {
            m.insert("Cause".into(), Value::Null);
        }
        None if failure.timed_out => {
            m.insert("Cause".into(), Value::String(String::new()));
        }
        None => {}
    }
    Value::Object(m)
}
