//! Wait: holds the execution until a number of seconds has passed or a timestamp is reached,
//! in virtual time.

use serde_json::Value;

use super::super::Execution;
use super::super::eval::shown;
use super::super::frames::{Flow, FrameId};
use super::super::timers::Timer;
use crate::errors::Failure;
use crate::model::{Dynamic, State, StateKind, Wait};

/// AWS refuses waits longer than 2^31 - 1 seconds.
const MAX_WAIT_SECONDS: i64 = i32::MAX as i64;

impl Execution {
    pub(in crate::exec) fn run_wait(&mut self, f: FrameId, state: &State, wait: &Wait) -> Flow {
        let effective = match self.effective_input(f, state) {
            Ok(v) => v,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let until = match self.eval(f, state, None, |env| -> Result<i64, Failure> {
            match wait {
                Wait::Seconds(Dynamic::Literal(s)) => Ok(env.state.entered_time.saturating_add(*s as i64 * 1000)),
                Wait::Seconds(Dynamic::Path(p)) => {
                    let v = env.select(p, &effective).ok_or_else(|| not_referenced("SecondsPath", p.as_str()))?;
                    let seconds = whole_seconds(&v).ok_or_else(|| {
                        Failure::runtime(format!(
                            "The SecondsPath parameter cannot be parsed as a long value: {} == {}",
                            p.as_str(),
                            shown(&v)
                        ))
                    })?;
                    if seconds < 0 {
                        return Err(Failure::runtime(format!(
                            "The SecondsPath parameter references a negative value: {} == {}",
                            p.as_str(),
                            v
                        )));
                    }
                    Ok(env.state.entered_time.saturating_add(seconds.saturating_mul(1000)))
                }
                Wait::Timestamp(Dynamic::Literal(s)) => timestamp(s),
                Wait::Timestamp(Dynamic::Path(p)) => {
                    let v = env.select(p, &effective).ok_or_else(|| not_referenced("TimestampPath", p.as_str()))?;
                    let parsed = match v.as_ref() {
                        Value::String(s) => timestamp_millis(s).ok(),
                        _ => None,
                    };
                    parsed.ok_or_else(|| {
                        Failure::runtime(format!(
                            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {} == {}",
                            p.as_str(),
                            shown(&v)
                        ))
                    })
                }
                Wait::Seconds(Dynamic::Jsonata(_)) | Wait::Timestamp(Dynamic::Jsonata(_)) => {
                    Err(Failure::runtime("JSONata expressions are not supported yet"))
                }
            }
        }) {
            Ok(t) => t,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        self.frames[f.0].input = effective;
        self.wait_until(f, state, until)
    }

    /// Waits until `until` (virtual time), or refuses a wait longer than AWS allows.
    pub(in crate::exec) fn wait_until(&mut self, f: FrameId, state: &State, until: i64) -> Flow {
        if (until - self.now) / 1000 > MAX_WAIT_SECONDS {
            return Flow::Failed(self.in_state(f, state, Failure::runtime("Wait state delay is too long.")));
        }
        if until <= self.now {
            return Flow::WaitOver;
        }
        self.timers.schedule(until, Timer::Resume(f, Flow::WaitOver));
        Flow::Blocked
    }

    /// The Wait is over: OutputPath, Assign, exit.
    pub(in crate::exec) fn wait_over(&mut self, f: FrameId) -> Flow {
        let machine = std::sync::Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        if !matches!(state.kind, StateKind::Wait(_)) {
            return Flow::Blocked;
        }
        if state.query_language == crate::model::QueryLanguage::Jsonata {
            return self.jsonata_exit(f, state, None, None, None);
        }
        // The effective input was parked in the frame while waiting.
        let effective = std::sync::Arc::clone(&self.frames[f.0].input);
        let assigned = match self.eval_assign(f, state, &state.assign, &effective) {
            Ok(a) => a,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let output = match self.output_of(f, state, effective) {
            Ok(o) => o,
            Err(e) => return Flow::Failed(e),
        };
        self.complete_state(f, state, output, assigned)
    }
}

/// A Wait's `SecondsPath` or `TimestampPath` that selects nothing.
fn not_referenced(field: &str, path: &str) -> Failure {
    Failure::runtime(format!("The {field} parameter does not reference an input value: {path}"))
}

/// A JSON number that is a whole number (`5` or `5.0`).
pub(in crate::exec) fn whole_seconds(v: &Value) -> Option<i64> {
    let n = v.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let f = n.as_f64()?;
    (f.fract() == 0.0 && f.abs() < 9.2e18).then_some(f as i64)
}

fn timestamp(s: &str) -> Result<i64, Failure> {
    timestamp_millis(s).map_err(Failure::runtime)
}

/// A Wait's Timestamp in milliseconds, or AWS's cause for one it cannot read.
pub(in crate::exec) fn timestamp_millis(s: &str) -> Result<i64, String> {
    match crate::timestamp::parse(s) {
        Some(t) => Ok(crate::timestamp::to_millis(t).clamp(i64::MIN as i128, i64::MAX as i128) as i64),
        None => Err(format!(
            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {s}"
        )),
    }
}
