//! AWS's TestState API, locally: one state tested by itself, with its work mocked, and the
//! answer TestState gives (status, output, error, next state, inspection data) or the
//! exception it refuses the request with.
//!
//! The state runs on the executor, alone (see `machine.rs`); what an execution would do next
//! with its error (retry, catch) is decided the TestState way (`recovery.rs`) rather than done.
//! The host answers JSONata evaluations, as for any execution: the engine stays free of I/O.

mod checks;
mod inspect;
mod machine;
mod recovery;
mod request;
mod shapes;

use std::sync::Arc;

use serde_json::{Map, Value, json};

use crate::errors::Failure;
use crate::exec::{Execution, Options, TaskAnswer, TaskRequest};
use crate::host::{self, Evaluator};
use inspect::Seen;
use machine::{Target, VARIABLES_STATE, default_context};
use recovery::Decision;
pub use request::{FieldValidation, Level, Mock, Request, StateConfiguration};
/// The API models a mock's result is checked against, for a host that fetches them
/// (WebAssembly builds do not compile them in): see `shapes.rs`.
pub use shapes::install as install_output_shapes;

/// A refusal, as the API answers it: its code (`ValidationException`, `InvalidDefinition`) and
/// message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exception {
    pub code: &'static str,
    pub message: String,
}

impl Exception {
    pub fn validation(message: impl Into<String>) -> Exception {
        Exception { code: "ValidationException", message: message.into() }
    }

    pub fn invalid_definition(message: impl Into<String>) -> Exception {
        Exception { code: "InvalidDefinition", message: message.into() }
    }

    /// `{"exception": {"Code", "Message"}}`.
    pub fn to_json(&self) -> Value {
        json!({"exception": {"Code": self.code, "Message": self.message}})
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Succeeded,
    Failed,
    Retriable,
    CaughtError,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Succeeded => "SUCCEEDED",
            Status::Failed => "FAILED",
            Status::Retriable => "RETRIABLE",
            Status::CaughtError => "CAUGHT_ERROR",
        }
    }
}

/// TestState's answer.
#[derive(Clone, Debug)]
pub struct Response {
    pub status: Status,
    pub output: Option<Value>,
    pub error: Option<String>,
    pub cause: Option<String>,
    pub next_state: Option<String>,
    /// At DEBUG and TRACE; its payloads are JSON text already.
    pub inspection: Option<Map<String, Value>>,
    /// The state's visit as the executor recorded it (every data-flow step, its error), for a
    /// host that shows the data flow as it shows a run's. Not part of the API's response.
    pub visit: Option<Box<crate::exec::Visit>>,
}

impl Response {
    /// The response as the API writes it: the output as JSON text.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        out.insert("status".into(), json!(self.status.name()));
        if let Some(o) = &self.output {
            out.insert("output".into(), Value::String(o.to_string()));
        }
        for (key, v) in [("error", &self.error), ("cause", &self.cause), ("nextState", &self.next_state)] {
            if let Some(v) = v {
                out.insert(key.into(), json!(v));
            }
        }
        if let Some(i) = &self.inspection {
            out.insert("inspectionData".into(), Value::Object(i.clone()));
        }
        Value::Object(out)
    }
}

const THRESHOLD: &str = "States.ExceedToleratedFailureThreshold";

/// Tests the request's state; `evaluator` answers JSONata expressions.
pub fn test_state(request: &Request, evaluator: &mut dyn Evaluator) -> Result<Response, Exception> {
    let target = Target::find(&request.definition, request.state_name.as_deref())?;
    let mock_result = checks::check(request, &target)?;
    let retries = request.config.retrier_retry_count.unwrap_or(0);
    let retryable = matches!(target.kind(), "Task" | "Map" | "Parallel");
    let options = Options::default();
    let context = request.context.clone().unwrap_or_else(|| {
        let at = crate::timestamp::format_millis(options.start_time);
        default_context(&request.input, request.role_arn.as_deref(), retryable, retries, &at)
    });
    let tester = Tester { request, target: &target, mock_result, context, options };
    let mut seen = Seen::default();

    // A JSONPath Map reads its items first: a failure there is the state's.
    let reads_items = !target.jsonata() && !target.body.contains_key("ItemReader");
    if target.kind() == "Map" && reads_items {
        let probe = tester.run(&target.items_probe(), evaluator);
        // Only the steps before the items are the state's: the probe's own iteration is not.
        let before = [crate::exec::Stage::Input, crate::exec::Stage::AfterInputPath];
        let steps: Vec<_> = probe.stages.iter().filter(|(s, _)| before.contains(s)).cloned().collect();
        seen.add(&steps);
        if let Some(failure) = probe.failure {
            return Ok(tester.failed(failure, seen, None));
        }
        seen.items = probe.output;
    }
    seen.iterated = true;
    let mocked = request.mock.is_some();
    let first = tester.run(&target.test_machine(mocked, request.variables.as_ref(), None), evaluator);
    seen.add(&first.stages);
    seen.variables = first.variables.clone();
    let Some(failure) = first.failure else {
        let next_state = match target.kind() {
            "Choice" => first.went,
            _ => target.body.get("Next").and_then(Value::as_str).map(str::to_string),
        };
        let response = Response {
            status: Status::Succeeded,
            output: first.output,
            error: None,
            cause: None,
            next_state,
            inspection: None,
            visit: first.visit,
        };
        return Ok(tester.inspected(response, seen, None));
    };
    let visit = first.visit;
    let response = match recovery::decide(&target.body, &failure, retries) {
        Decision::Retry { index, backoff_seconds } => {
            let details = json!({"retryIndex": index, "retryBackoffIntervalSeconds": seconds(backoff_seconds)});
            let mut response = tester.failed(failure, seen, Some(details));
            response.status = Status::Retriable;
            response
        }
        Decision::Catch { index, retried } => {
            let machine = target.test_machine(mocked, request.variables.as_ref(), Some(index));
            let caught = tester.run(&machine, evaluator);
            let mut details = json!({"catchIndex": index});
            if let Some(r) = retried {
                details["retryIndex"] = json!(r);
            }
            let mut response = tester.failed(failure, seen, Some(details));
            response.status = Status::CaughtError;
            response.output = caught.output;
            response.next_state = caught.went;
            response
        }
        Decision::Fail { retried } => tester.failed(failure, seen, retried.map(|r| json!({"retryIndex": r}))),
    };
    Ok(Response { visit, ..response })
}

/// The failure with the cause TestState gives: an execution's runtime errors say which state
/// and event they happened at, but a test has only the one state.
fn bare_cause(mut failure: Failure) -> Failure {
    if let Some(cause) = &failure.cause
        && cause.starts_with("An error occurred while executing the state '")
        && let Some(at) = cause.find("). ")
    {
        failure.cause = Some(cause[at + 3..].to_string());
    }
    failure
}

/// A whole number of seconds as an integer, as AWS writes it.
fn seconds(s: f64) -> Value {
    if s.fract() == 0.0 && s.abs() < 9e15 { json!(s as i64) } else { json!(s) }
}

/// What one run of a test machine showed.
struct Run {
    stages: Vec<(crate::exec::Stage, crate::exec::Data)>,
    failure: Option<Failure>,
    output: Option<Value>,
    /// The state the run went on to after the tested state (a Choice's way, a catcher's Next).
    went: Option<String>,
    variables: Map<String, Value>,
    visit: Option<Box<crate::exec::Visit>>,
}

struct Tester<'a> {
    request: &'a Request,
    target: &'a Target,
    mock_result: Option<Value>,
    context: Value,
    options: Options,
}

impl Tester<'_> {
    /// Runs `machine` with the request's context, its tasks answered by the mock.
    fn run(&self, machine: &Value, evaluator: &mut dyn Evaluator) -> Run {
        let loaded = crate::load_value(machine);
        let broken = loaded.has_errors();
        let Some(built) = loaded.machine.filter(|_| !broken) else {
            let message = loaded.diagnostics.first().map(|d| d.message.clone()).unwrap_or_default();
            return Run::failed(Failure::new("States.Runtime", message));
        };
        let mut options = self.options.clone();
        options.execution_type = crate::exec::ExecutionType::Express;
        options.context_object = Some(self.context.clone());
        options.role_arn = self.request.role_arn.clone();
        let mut exec = match Execution::start(Arc::new(built), self.request.input.clone(), options) {
            Ok(e) => e,
            Err(e) => return Run::failed(Failure::new("States.Runtime", e.message)),
        };
        host::run_to_end_with(&mut exec, |req| (self.answer(req), 0), evaluator);
        let variables: Map<String, Value> =
            exec.variables().into_iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let (_, visits, outcome) = exec.into_record();
        let name = &self.target.name;
        let at = visits.iter().position(|v| &v.state_name == name && v.lineage.is_empty());
        let visit = at.map(|i| &visits[i]);
        let went = at.and_then(|i| visits.get(i + 1)).map(|v| v.state_name.clone());
        let outcome = outcome.unwrap_or_else(|| crate::exec::Outcome {
            status: crate::exec::Status::Failed,
            output: None,
            error: Some("States.Runtime".into()),
            cause: Some("The state did not finish.".into()),
        });
        let failure = match outcome.status {
            crate::exec::Status::Succeeded => None,
            _ => Some(visit.and_then(|v| v.error.clone()).unwrap_or_else(|| Failure {
                cause: outcome.cause.clone(),
                ..Failure::bare(outcome.error.clone().unwrap_or_default())
            })),
        }
        .map(bare_cause);
        Run {
            stages: visit.map(|v| v.stages.clone()).unwrap_or_default(),
            visit: visit.cloned().map(Box::new),
            failure,
            output: outcome.output,
            went: went.filter(|w| w != VARIABLES_STATE),
            variables,
        }
    }

    /// The mock's answer to the state's work: its error, or its result (for a Map whose
    /// iterations failed beyond its tolerance, that error).
    fn answer(&self, _req: &TaskRequest) -> TaskAnswer {
        let Some(mock) = &self.request.mock else {
            // The service itself would answer: not here.
            return TaskAnswer::Failed {
                error: "States.Runtime".into(),
                cause: Some("This local TestState calls no AWS service: give the state a mock.".into()),
            };
        };
        if let Some((error, cause)) = &mock.error_output {
            return TaskAnswer::Failed { error: error.clone(), cause: Some(cause.clone()) };
        }
        if self.tolerance_exceeded() {
            return TaskAnswer::Failed {
                error: THRESHOLD.into(),
                cause: Some("The specified tolerated failure threshold was exceeded".into()),
            };
        }
        TaskAnswer::Succeeded(self.mock_result.clone().unwrap_or(Value::Null))
    }

    /// A mocked Map's failed iterations (`mapIterationFailureCount`) exceed the tolerance it
    /// sets. A Map that sets none is not judged on them.
    fn tolerance_exceeded(&self) -> bool {
        let body = &self.target.body;
        let Some(failed) = self.request.config.map_iteration_failure_count.filter(|_| self.target.kind() == "Map")
        else {
            return false;
        };
        let total = self.mock_result.as_ref().and_then(Value::as_array).map_or(0, Vec::len) as f64;
        let count = body.get("ToleratedFailureCount").and_then(Value::as_u64);
        let percentage = body.get("ToleratedFailurePercentage").and_then(Value::as_f64);
        let over_count = count.is_some_and(|c| failed > c);
        let over_percentage = percentage.is_some_and(|p| total > 0.0 && failed as f64 * 100.0 / total > p);
        over_count || over_percentage
    }

    /// A FAILED response for `failure`.
    fn failed(&self, failure: Failure, seen: Seen, details: Option<Value>) -> Response {
        let response = Response {
            status: Status::Failed,
            output: None,
            error: Some(failure.error),
            cause: failure.cause,
            next_state: None,
            inspection: None,
            visit: None,
        };
        self.inspected(response, seen, details)
    }

    /// The response with its inspection data, at the levels that have it.
    fn inspected(&self, mut response: Response, seen: Seen, details: Option<Value>) -> Response {
        if self.request.level >= Level::Debug {
            let mut data = inspect::data(self.target, &seen);
            if let Some(d) = details {
                data.insert("errorDetails".into(), d);
            }
            response.inspection = Some(data);
        }
        response
    }
}

impl Run {
    fn failed(failure: Failure) -> Run {
        Run { stages: Vec::new(), failure: Some(failure), output: None, went: None, variables: Map::new(), visit: None }
    }
}

#[cfg(test)]
mod tests;
