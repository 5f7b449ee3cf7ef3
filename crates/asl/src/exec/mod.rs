//! The executor: a deterministic, sans-IO stepper.
//!
//! The engine never reads a clock, sleeps, calls a service or draws OS randomness. The host
//! drives it:
//!
//! ```text
//! let mut exec = Execution::start(machine, input, options)?;
//! loop {
//!     match exec.poll() {
//!         Poll::Request(req) => { /* answer now or later with exec.answer(id, ...) */ }
//!         Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
//!         Poll::Idle { next_deadline: None } => { /* waiting for answers only */ }
//!         Poll::Yielded => {}           // the step budget ran out; call poll again
//!         Poll::Finished => break,
//!     }
//! }
//! ```
//!
//! Every task, and later every JSONata evaluation, goes out as a [`Request`] and comes back
//! through [`Execution::answer`], so a browser can answer asynchronously and a test
//! synchronously. Time is virtual: a one-hour Wait costs nothing but a clock jump.

pub mod alone;
mod context;
mod dataflow;
mod deadlines;
mod eval;
mod events;
mod frames;
pub mod history;
mod jsonata;
mod limits;
mod options;
mod recovery;
mod run;
mod states;
mod timers;
mod vars;
mod visits;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

pub use context::ExecutionContext;
pub use deadlines::{Deadline, DeadlineKind};
pub use history::{EventKind, HistoryEvent, StateType};
pub use jsonata::{EvalRequest, Evaluated, expression_body};
pub use options::{ExecutionType, Options, STANDARD_HISTORY_LIMIT};
pub use visits::{Attempt, MapRunRecord, Stage, Visit};

use crate::errors::Failure;
use crate::model::{Resource, StateMachine};
use crate::rng::Rng;
use frames::{Flow, Frame, FrameId};
use timers::Timers;
use vars::Scopes;

/// A payload as the executor keeps it: shared, because the same value is one state's output,
/// the next state's input and a detail of both history events.
pub type Data = Arc<Value>;

/// Identifies one request to the host.
pub type RequestId = u64;

/// Something the engine needs the host to do.
#[derive(Clone, Debug)]
pub enum Request {
    Task(Box<TaskRequest>),
    /// JSONata expressions to evaluate: answer with [`Execution::answer_evaluation`].
    Evaluate(Box<EvalRequest>),
}

/// A Task state asks the host to run its resource.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskRequest {
    pub id: RequestId,
    pub state_name: String,
    /// JSON pointer of the state in the definition.
    pub state_pointer: String,
    pub resource: String,
    #[serde(skip)]
    pub resource_kind: Resource,
    /// What the task is called with: the effective parameters.
    pub input: Value,
    /// 0 for the first attempt, then 1, 2, ... for each retry.
    pub attempt: u64,
    /// The task's token (`$$.Task.Token`). Every task has one; callback tasks wait for it.
    pub task_token: Option<String>,
    /// The task waits for a callback with its token (`.waitForTaskToken`, an activity).
    pub callback: bool,
    pub timeout_seconds: Option<u64>,
    pub heartbeat_seconds: Option<u64>,
    /// The context object as the task sees it.
    pub context: Value,
}

impl TaskRequest {
    /// What the function behind the task receives as its event: for
    /// `arn:aws:states:::lambda:invoke`, the `Payload` parameter; otherwise the parameters.
    pub fn function_input(&self) -> &Value {
        if self.resource_kind.is_lambda_invoke() {
            self.input.get("Payload").unwrap_or(&Value::Null)
        } else {
            &self.input
        }
    }

    /// The name the task's mock is known by (see [`Resource::mock_key`]).
    pub fn mock_key(&self) -> String {
        self.resource_kind.mock_key(&self.input)
    }

    /// What a mock receives as its `context` (before `js/mock-runtime.js` adds its helpers):
    /// the state, the attempt counted from 1, the resource, the token, the context object.
    pub fn mock_info(&self) -> Value {
        serde_json::json!({
            "stateName": self.state_name,
            "attempt": self.attempt + 1,
            "resource": self.resource,
            "taskToken": self.task_token,
            "callback": self.callback,
            "context": self.context,
        })
    }
}

/// The host's answer to a [`TaskRequest`].
#[derive(Clone, Debug, PartialEq)]
pub enum TaskAnswer {
    /// The result as the state receives it (a MockConfigFile `Return`).
    Succeeded(Value),
    /// A Lambda function's own return value; the engine shapes it as AWS does for the task's
    /// resource (a bare function ARN passes it through, `lambda:invoke` wraps it).
    FunctionReturned(Value),
    Failed {
        error: String,
        cause: Option<String>,
    },
    /// A function threw: the engine reports it as AWS does for the task's resource (for a
    /// Lambda function, `error` is the error type and the cause Lambda's JSON error payload).
    FunctionFailed {
        error: String,
        message: String,
    },
    /// A callback task's heartbeat (SendTaskHeartbeat): restarts its HeartbeatSeconds clock.
    Heartbeat,
    /// A callback task's work was handed over (its message sent, an activity's worker took
    /// it): TaskSubmitted (or ActivityStarted) is recorded now, and the answer comes later.
    Submitted,
    /// The host gave up waiting (a mock that never returns): the task times out at its
    /// deadline, as an unresponsive task would on AWS.
    NoAnswer,
}

/// What the engine wants from the host next.
#[derive(Clone, Debug)]
pub enum Poll {
    Request(Request),
    /// Nothing can run until the clock reaches `next_deadline` or a pending request is
    /// answered.
    Idle {
        next_deadline: Option<i64>,
    },
    /// The step budget ran out; call `poll` again.
    Yielded,
    Finished,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}

impl Status {
    /// The status as AWS writes it: `SUCCEEDED`, `TIMED_OUT`...
    pub fn name(self) -> &'static str {
        match self {
            Status::Running => "RUNNING",
            Status::Succeeded => "SUCCEEDED",
            Status::Failed => "FAILED",
            Status::TimedOut => "TIMED_OUT",
            Status::Aborted => "ABORTED",
        }
    }
}

/// How an execution ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
}

/// Why an execution could not start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartError {
    pub message: String,
}

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// No request with this id is waiting (never issued, already answered, or timed out).
    UnknownRequest(RequestId),
}

/// A task waiting for the host.
#[derive(Clone, Debug)]
struct PendingTask {
    frame: FrameId,
    /// When the task started, or sent its latest heartbeat.
    last_beat: i64,
    /// When its TimeoutSeconds runs out.
    timeout_at: Option<i64>,
    heartbeat_seconds: Option<u64>,
    /// The task waits for a callback with its token.
    callback: bool,
    /// TaskSubmitted (or ActivityStarted) has been recorded.
    submitted: bool,
    task_resource: Arc<history::TaskResource>,
}

/// One execution of a state machine.
pub struct Execution {
    machine: Arc<StateMachine>,
    options: Options,
    ctx: ExecutionContext,
    now: i64,
    rng: Rng,
    history: Vec<HistoryEvent>,
    history_limit: Option<usize>,
    visits: Vec<Visit>,
    frames: Vec<Frame>,
    /// Slots of finished child frames, for reuse.
    free_frames: Vec<usize>,
    ready: VecDeque<(FrameId, Flow)>,
    timers: Timers,
    outbox: VecDeque<Request>,
    tasks: HashMap<RequestId, PendingTask>,
    /// JSONata batches waiting for the host: a host answers them one at a time, so a list.
    evaluations: Vec<jsonata::PendingEvaluation>,
    next_request: RequestId,
    scopes: Scopes,
    outcome: Option<Outcome>,
    /// When the state machine's own TimeoutSeconds runs out.
    execution_deadline: Option<i64>,
    /// State transitions run by `poll` before it yields (`usize::MAX`: no limit).
    step_budget: usize,
    transitions: u64,
    /// The virtual S3, taken from the options (see [`Options::s3`]).
    s3: Option<crate::s3::VirtualS3>,
}

impl Execution {
    /// Starts an execution: records ExecutionStarted and schedules the first state. Returns an
    /// error when the input is too large, as StartExecution would refuse it.
    pub fn start(machine: Arc<StateMachine>, input: Value, options: Options) -> Result<Execution, StartError> {
        let size = limits::json_size(&input);
        if size > limits::MAX_PAYLOAD_BYTES {
            return Err(StartError {
                message: format!(
                    "The execution input is {size} bytes; AWS allows at most {} bytes (256 KiB)",
                    limits::MAX_PAYLOAD_BYTES
                ),
            });
        }
        let ctx = ExecutionContext::new(&options, &input);
        let mut exec = Execution {
            rng: Rng::from_seed(options.seed),
            now: options.start_time,
            history_limit: options.history_limit(),
            machine,
            ctx,
            history: Vec::new(),
            visits: Vec::new(),
            frames: Vec::new(),
            free_frames: Vec::new(),
            ready: VecDeque::new(),
            timers: Timers::default(),
            outbox: VecDeque::new(),
            tasks: HashMap::new(),
            evaluations: Vec::new(),
            next_request: 1,
            scopes: Scopes::default(),
            outcome: None,
            execution_deadline: None,
            step_budget: usize::MAX,
            transitions: 0,
            s3: None,
            options,
        };
        exec.s3 = exec.options.s3.take();
        exec.begin(input);
        Ok(exec)
    }

    /// Limits how many state transitions one `poll` runs before it returns
    /// [`Poll::Yielded`], so a browser can keep frames short.
    pub fn set_step_budget(&mut self, steps: usize) {
        self.step_budget = steps.max(1);
    }

    /// Runs what can run, then says what the engine needs next.
    pub fn poll(&mut self) -> Poll {
        self.poll_inner()
    }

    /// Answers a task request. The answer takes effect `after_ms` of virtual time after now
    /// (its simulated latency); a task whose answer comes after its deadline times out.
    pub fn answer(&mut self, id: RequestId, answer: TaskAnswer, after_ms: u64) -> Result<(), AnswerError> {
        self.answer_inner(id, answer, after_ms)
    }

    /// Moves the virtual clock forward to `t` (never backward), firing what falls due.
    pub fn advance_to(&mut self, t: i64) {
        if t > self.now {
            self.now = t;
        }
    }

    /// Stops the execution as StopExecution does: ExecutionAborted.
    pub fn stop(&mut self, error: Option<String>, cause: Option<String>) {
        if self.outcome.is_none() {
            self.abort(error, cause);
        }
    }

    /// The next moment something is scheduled to happen.
    pub fn next_deadline(&self) -> Option<i64> {
        self.timers.next_at()
    }

    pub fn now(&self) -> i64 {
        self.now
    }

    pub fn history(&self) -> &[HistoryEvent] {
        &self.history
    }

    /// Each state visit's data flow (empty when `record_data_flow` is off).
    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// Ends the execution's life as a value: its history, its visits and its outcome, without
    /// copies.
    pub fn into_record(self) -> (Vec<HistoryEvent>, Vec<Visit>, Option<Outcome>) {
        (self.history, self.visits, self.outcome)
    }

    /// Answers an S3 task (`aws-sdk:s3:getObject`, `putObject`, `listObjectsV2`) from the
    /// virtual S3, as S3 would; false when the task is not one of those. With no virtual S3 at
    /// all, such a task fails as it would against an empty S3, saying how to give one.
    pub fn answer_from_s3(&mut self, req: &TaskRequest) -> bool {
        let resource = &req.resource_kind;
        if !crate::s3::tasks::handles(resource) {
            return false;
        }
        let now = self.now;
        let missing = self.s3.is_none();
        let s3 = self.s3.get_or_insert_with(crate::s3::VirtualS3::new);
        let answer = match crate::s3::tasks::answer(s3, resource, &req.input, now) {
            Some(Ok(v)) => TaskAnswer::Succeeded(v),
            Some(Err((error, mut cause))) => {
                if missing {
                    cause.push_str(" No S3 was given to this run: give it an S3 folder (asl run --s3 DIR) or add the objects in the playground's Files tab.");
                }
                TaskAnswer::Failed { error, cause: Some(cause) }
            }
            None => return false,
        };
        if missing {
            self.s3 = None;
        }
        self.answer(req.id, answer, 0).is_ok()
    }

    /// The virtual S3 as the execution left it (objects it wrote are marked `written`).
    pub fn s3(&self) -> Option<&crate::s3::VirtualS3> {
        self.s3.as_ref()
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    pub fn context(&self) -> &ExecutionContext {
        &self.ctx
    }

    pub fn machine(&self) -> &StateMachine {
        &self.machine
    }

    /// How many state transitions (states entered) the execution has made.
    pub fn transitions(&self) -> u64 {
        self.transitions
    }

    /// Requests issued and not yet answered.
    pub fn pending_requests(&self) -> impl Iterator<Item = RequestId> + '_ {
        self.tasks.keys().copied().chain(self.evaluations.iter().map(|e| e.id))
    }

    /// The variables of the execution's top-level scope, by name.
    pub fn variables(&self) -> Vec<(&str, &Value)> {
        self.scopes.visible(vars::Scopes::ROOT)
    }
}

impl From<&Failure> for Outcome {
    /// A Fail state that names no error ends the execution without one, as AWS reports it.
    fn from(f: &Failure) -> Self {
        let error = (!f.error.is_empty()).then(|| f.error.clone());
        Outcome { status: Status::Failed, output: None, error, cause: f.cause.clone() }
    }
}
