//! Host loops for tests and the command line, and the rule every host follows for callback
//! tasks a person answers.
//!
//! A callback task (`.waitForTaskToken`, an activity) that no mock answers waits for a person:
//! in the playground, someone presses Send success, Send failure or Send heartbeat. While one
//! waits, the host moves the virtual clock on its own only up to the next deadline that would
//! take that chance away (the task's TimeoutSeconds or HeartbeatSeconds, the execution's
//! TimeoutSeconds). Letting that time pass is the person's decision.

use crate::exec::{Deadline, EvalRequest, Evaluated, Execution, Poll, Request, RequestId, TaskAnswer, TaskRequest};

/// Evaluates JSONata expressions for a synchronous host (the command's embeds the reference
/// implementation in QuickJS).
pub trait Evaluator {
    /// One answer per expression of the request, in order.
    fn evaluate(&mut self, request: &EvalRequest) -> Vec<Evaluated>;
}

/// A host without JSONata: every expression fails, saying so.
pub struct NoJsonata;

impl Evaluator for NoJsonata {
    fn evaluate(&mut self, request: &EvalRequest) -> Vec<Evaluated> {
        let failed =
            Evaluated::Failed { code: String::new(), message: "this host has no JSONata evaluator".to_string() };
        vec![failed; request.expressions.len()]
    }
}

/// What a synchronous answerer returns: the answer and its simulated latency (ms).
pub type Answer = (TaskAnswer, u64);

/// How a host replies to a task request.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Answered now, taking effect after the given latency (ms of virtual time).
    Answer(TaskAnswer, u64),
    /// A callback task left for a person to answer.
    Person,
    /// No mock answers it: the virtual S3 answers the S3 actions it knows, and any other task
    /// gets this default answer.
    Default(TaskAnswer),
}

impl Reply {
    /// A mock's reply from what `js/mock-runtime.js` reports: `{ok, value}` or `{error, cause}`
    /// with `latencyMs`, `{waitForCallback: true}` (left to a person), or `{noAnswer: true}`
    /// (stopped by a host's guard: the task then times out, as an unresponsive one would).
    pub fn from_mock_result(result: &serde_json::Value) -> Reply {
        let flag = |k: &str| result.get(k).and_then(serde_json::Value::as_bool) == Some(true);
        let text = |k: &str| result.get(k).and_then(serde_json::Value::as_str).unwrap_or_default().to_string();
        let latency = result.get("latencyMs").and_then(serde_json::Value::as_u64).unwrap_or(0);
        if flag("waitForCallback") {
            Reply::Person
        } else if flag("noAnswer") {
            Reply::Answer(TaskAnswer::NoAnswer, 0)
        } else if flag("ok") {
            let value = result.get("value").cloned().unwrap_or(serde_json::Value::Null);
            Reply::Answer(TaskAnswer::FunctionReturned(value), latency)
        } else {
            Reply::Answer(TaskAnswer::FunctionFailed { error: text("error"), message: text("cause") }, latency)
        }
    }
}

/// The callback tasks waiting for a person, in the order they were issued.
#[derive(Clone, Debug, Default)]
pub struct PersonTasks {
    waiting: Vec<TaskRequest>,
}

impl PersonTasks {
    /// Leaves a callback task to the person: its work counts as handed over (the message was
    /// sent, so TaskSubmitted is recorded now), and its answer waits for them.
    pub fn take(&mut self, exec: &mut Execution, request: TaskRequest) {
        // The request was just issued, so it is pending and the answer is accepted.
        let _ = exec.answer(request.id, TaskAnswer::Submitted, 0);
        self.waiting.push(request);
    }

    /// Forgets the tasks that are no longer pending (answered, timed out, or cancelled with
    /// their branch).
    pub fn prune(&mut self, exec: &Execution) {
        self.waiting.retain(|r| exec.is_pending(r.id));
    }

    pub fn waiting(&self) -> &[TaskRequest] {
        &self.waiting
    }

    pub fn get(&self, id: RequestId) -> Option<&TaskRequest> {
        self.waiting.iter().find(|r| r.id == id)
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// The next deadline that ends a person's chance to answer: one of their tasks', or the
    /// execution's own.
    pub fn next_deadline(&self, exec: &Execution) -> Option<Deadline> {
        if self.waiting.is_empty() {
            return None;
        }
        self.waiting
            .iter()
            .flat_map(|r| exec.task_deadlines(r.id))
            .chain(exec.execution_deadline())
            .min_by_key(|d| d.at)
    }

    /// Whether the host may move the clock to `t` without the person: always when no one is
    /// waiting, otherwise only to before the next of their deadlines.
    pub fn may_advance(&self, exec: &Execution, t: i64) -> bool {
        self.next_deadline(exec).is_none_or(|d| t < d.at)
    }
}

/// Runs `exec` to its end, answering each task with `answer`. Returns when the execution has
/// finished, or when it waits for something no one will send (a callback never answered with
/// no deadline): then the execution is still running.
pub fn run_to_end(exec: &mut Execution, answer: impl FnMut(&TaskRequest) -> Answer) {
    run_to_end_with(exec, answer, &mut NoJsonata);
}

/// [`run_to_end`], with JSONata expressions answered by `evaluator`.
pub fn run_to_end_with(
    exec: &mut Execution,
    mut answer: impl FnMut(&TaskRequest) -> Answer,
    evaluator: &mut dyn Evaluator,
) {
    run_until_person(
        exec,
        &mut PersonTasks::default(),
        |req| {
            let (a, after) = answer(req);
            Reply::Answer(a, after)
        },
        evaluator,
    );
}

/// Runs `exec` until it finishes or until only a person can move it on: the tasks in `person`
/// (and those `reply` leaves to a person, which join them) are waiting, and the clock has
/// reached the next of their deadlines, or nothing else is scheduled. Call it again after each
/// of the person's answers, with the same `person`.
pub fn run_until_person(
    exec: &mut Execution,
    person: &mut PersonTasks,
    mut reply: impl FnMut(&TaskRequest) -> Reply,
    evaluator: &mut dyn Evaluator,
) {
    loop {
        match exec.poll() {
            Poll::Request(Request::Evaluate(req)) => {
                // The request was just issued, so it is pending and the answer is accepted.
                let _ = exec.answer_evaluation(req.id, evaluator.evaluate(&req));
            }
            Poll::Request(Request::Task(req)) => match reply(&req) {
                // The request was just issued, so it is pending and the answer is accepted.
                Reply::Answer(a, after) => {
                    let _ = exec.answer(req.id, a, after);
                }
                Reply::Person => person.take(exec, *req),
                Reply::Default(a) => {
                    if !exec.answer_from_s3(&req) {
                        let _ = exec.answer(req.id, a, 0);
                    }
                }
            },
            Poll::Idle { next_deadline: Some(t) } => {
                person.prune(exec);
                if !person.may_advance(exec, t) {
                    return;
                }
                exec.advance_to(t);
            }
            Poll::Idle { next_deadline: None } | Poll::Finished => {
                person.prune(exec);
                return;
            }
            Poll::Yielded => {}
        }
    }
}

/// Lets time pass for a person who does not answer: moves the clock to the next of their
/// deadlines, so it fires. Returns false when there is none (the tasks would wait forever).
pub fn let_time_pass(exec: &mut Execution, person: &PersonTasks) -> bool {
    match person.next_deadline(exec) {
        Some(d) => {
            exec.advance_to(d.at);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mock_results_become_replies() {
        let r = |v| Reply::from_mock_result(&v);
        assert_eq!(
            r(json!({"ok": true, "value": {"a": 1}, "latencyMs": 250})),
            Reply::Answer(TaskAnswer::FunctionReturned(json!({"a": 1})), 250)
        );
        assert_eq!(
            r(json!({"ok": false, "error": "Payment.Declined", "cause": "card"})),
            Reply::Answer(TaskAnswer::FunctionFailed { error: "Payment.Declined".into(), message: "card".into() }, 0)
        );
        assert_eq!(r(json!({"waitForCallback": true})), Reply::Person);
        assert_eq!(r(json!({"noAnswer": true})), Reply::Answer(TaskAnswer::NoAnswer, 0));
    }
}
