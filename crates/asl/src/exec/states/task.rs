//! Task: asks the host to run the resource, then waits for its answer, its timeout or its
//! heartbeat timeout. The history events depend on the resource: LambdaFunction* for a bare
//! function ARN, Activity* for activities, Task* for service integrations.

use std::sync::Arc;

use serde_json::{Value, json};

use super::super::eval::shown;
use super::super::frames::{Flow, FrameId};
use super::super::history::{ErrorDetails, EventKind, FunctionSchedule, TaskResource, TaskSchedule};
use super::super::timers::Timer;
use super::super::{Data, Execution, PendingTask, Request, RequestId, TaskAnswer, TaskRequest};
use super::map_run::integer;
use super::services::shape_function_result;
use crate::errors::{Failure, TIMEOUT};
use crate::model::{Dynamic, IntegrationPattern, ResourceKind, State, StateKind, Task};

impl Execution {
    pub(in crate::exec) fn run_task(&mut self, f: FrameId, state: &State, task: &Task) -> Flow {
        self.give_task_token(f);
        let input = match self.effective_input(f, state) {
            Ok(v) => v,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let raw = std::sync::Arc::clone(&self.frames[f.0].input);
        let limits = self.eval(f, state, None, |env| -> Result<_, Failure> {
            let read = |d: &Option<Dynamic<u64>>, field: &str| -> Result<Option<u64>, Failure> {
                match d {
                    None => Ok(None),
                    Some(Dynamic::Literal(n)) => Ok(Some(*n)),
                    Some(Dynamic::Path(p)) => {
                        let Some(v) = env.select(p, &raw) else {
                            return Err(Failure::runtime(format!(
                                "Invalid path '{}' : {}",
                                p.as_str(),
                                p.not_found(&raw)
                            )));
                        };
                        // Read as every *Path number is (a numeric string too, as AWS reads
                        // the Map's); a timeout must also be at least one second.
                        match integer(&v).and_then(|n| u64::try_from(n).ok()).filter(|n| *n > 0) {
                            Some(n) => Ok(Some(n)),
                            None => Err(Failure::runtime(format!(
                                "The {field} field refers to value \"{}\" which is not a valid integer: {}",
                                shown(&v),
                                p.as_str()
                            ))),
                        }
                    }
                    // A JSONata state's numbers are evaluated before this (see `jsonata/states.rs`).
                    Some(Dynamic::Jsonata(_)) => Ok(None),
                }
            };
            Ok((
                read(&task.timeout_seconds, "TimeoutSecondsPath")?,
                read(&task.heartbeat_seconds, "HeartbeatSecondsPath")?,
            ))
        });
        let (timeout_seconds, heartbeat_seconds) = match limits {
            Ok(l) => l,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        self.schedule_task(f, state, task, input, timeout_seconds, heartbeat_seconds)
    }

    /// Records the task's scheduling, starts its clocks and asks the host to run it.
    pub(in crate::exec) fn schedule_task(
        &mut self,
        f: FrameId,
        state: &State,
        task: &Task,
        input: Data,
        timeout_seconds: Option<u64>,
        heartbeat_seconds: Option<u64>,
    ) -> Flow {
        let id = self.next_request;
        self.next_request += 1;
        let resource = &task.resource;
        let task_resource = task_resource(task);
        match &resource.kind {
            ResourceKind::LambdaFunction { .. } => {
                let schedule = FunctionSchedule {
                    resource: resource.arn.as_str().into(),
                    input: Arc::clone(&input),
                    timeout_seconds,
                    heartbeat_seconds: None,
                };
                self.emit(Some(f), EventKind::LambdaFunctionScheduled(Box::new(schedule)));
                self.emit(Some(f), EventKind::LambdaFunctionStarted);
            }
            ResourceKind::Activity { .. } => {
                let schedule = FunctionSchedule {
                    resource: resource.arn.as_str().into(),
                    input: Arc::clone(&input),
                    timeout_seconds,
                    heartbeat_seconds,
                };
                self.emit(Some(f), EventKind::ActivityScheduled(Box::new(schedule)));
            }
            _ => {
                let schedule = TaskSchedule {
                    task: Arc::clone(&task_resource),
                    region: self.options.region.as_str().into(),
                    parameters: Arc::clone(&input),
                    timeout_seconds,
                    heartbeat_seconds,
                };
                self.emit(Some(f), EventKind::TaskScheduled(Box::new(schedule)));
                self.emit(Some(f), EventKind::TaskStarted { task: Arc::clone(&task_resource) });
            }
        }
        let callback = resource.waits_for_callback();
        if let Some(t) = timeout_seconds {
            self.timers.schedule(self.now + t as i64 * 1000, Timer::TaskTimeout(id));
        }
        if let (Some(h), true) = (heartbeat_seconds, callback) {
            self.timers.schedule(self.now + h as i64 * 1000, Timer::HeartbeatTimeout(id, self.now));
        }
        self.tasks.insert(
            id,
            PendingTask {
                frame: f,
                last_beat: self.now,
                timeout_at: timeout_seconds.map(|t| self.now + t as i64 * 1000),
                heartbeat_seconds,
                callback,
                submitted: false,
                task_resource,
            },
        );
        self.frames[f.0].visit.task = Some(id);
        let context = self.frames[f.0].state_context(state, None).whole(self.context_of(f));
        let frame = &self.frames[f.0];
        self.outbox.push_back(Request::Task(Box::new(TaskRequest {
            id,
            state_name: state.name.to_string(),
            state_pointer: state.pointer.clone(),
            resource: resource.arn.clone(),
            resource_kind: resource.clone(),
            input: serde_json::Value::clone(&input),
            attempt: frame.visit.retry_count,
            task_token: frame.visit.task_token.clone(),
            callback,
            timeout_seconds,
            heartbeat_seconds,
            context,
        })));
        Flow::Blocked
    }

    /// AWS gives every task a token (`$$.Task.Token`), not only the callback ones.
    pub(in crate::exec) fn give_task_token(&mut self, f: FrameId) {
        let token = self.new_task_token();
        self.frames[f.0].visit.task_token = Some(token);
    }

    /// A deterministic task token: base64 of random bytes, as opaque as AWS's.
    fn new_task_token(&mut self) -> String {
        use base64::Engine;
        let mut bytes = [0u8; 48];
        for chunk in bytes.chunks_mut(8) {
            chunk.copy_from_slice(&self.rng.next_u64().to_le_bytes());
        }
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    /// Takes a host's answer for a pending task.
    pub(in crate::exec) fn apply_answer(&mut self, id: RequestId, answer: TaskAnswer) {
        let Some(pending) = self.tasks.get_mut(&id) else {
            return;
        };
        match answer {
            TaskAnswer::Heartbeat => {
                if pending.callback {
                    pending.last_beat = self.now;
                    if let Some(h) = pending.heartbeat_seconds {
                        self.timers.schedule(self.now + h as i64 * 1000, Timer::HeartbeatTimeout(id, self.now));
                    }
                    // Whoever beats holds the token: the work was handed over.
                    self.mark_submitted(id);
                }
            }
            TaskAnswer::Submitted => {
                if pending.callback {
                    self.mark_submitted(id);
                }
            }
            TaskAnswer::NoAnswer => {
                // A task with a deadline times out when it comes; one without would wait
                // forever, so it times out now.
                let (frame, callback) = (pending.frame, pending.callback);
                let machine = std::sync::Arc::clone(&self.machine);
                let has_deadline = match &self.state_of(&machine, frame).kind {
                    StateKind::Task(t) => t.timeout_seconds.is_some() || (callback && t.heartbeat_seconds.is_some()),
                    _ => false,
                };
                if !has_deadline {
                    let cause = "The task did not answer and has no TimeoutSeconds: the host stopped waiting for it";
                    self.task_timed_out(id, Failure::new(TIMEOUT, cause));
                }
            }
            TaskAnswer::Succeeded(v) => self.complete_task(id, Ok(v), false),
            TaskAnswer::FunctionReturned(v) => self.complete_task(id, Ok(v), true),
            TaskAnswer::Failed { error, cause } => {
                self.complete_task(id, Err(Failure { cause, ..Failure::bare(error) }), false)
            }
            TaskAnswer::FunctionFailed { error, message } => {
                let frame = pending.frame;
                let machine = std::sync::Arc::clone(&self.machine);
                let lambda =
                    matches!(&self.state_of(&machine, frame).kind, StateKind::Task(t) if t.resource.is_lambda());
                self.complete_task(id, Err(super::services::function_error(lambda, error, message)), false)
            }
        }
    }

    fn complete_task(&mut self, id: RequestId, result: Result<Value, Failure>, shape: bool) {
        let Some(pending) = self.tasks.remove(&id) else {
            return;
        };
        let f = pending.frame;
        if !self.frames[f.0].alive {
            return;
        }
        let machine = std::sync::Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        let StateKind::Task(task) = &state.kind else {
            return;
        };
        let result = match result {
            Ok(v) if shape => Ok(shape_function_result(&task.resource, v, self.now, &mut self.rng)),
            other => other,
        };
        // A result over the quota is the task's failure, which a Catch may handle.
        let result = match result {
            Ok(v) if self.options.enforce_payload_limit && super::super::limits::too_large(&v) => {
                let source = match &task.resource.kind {
                    ResourceKind::LambdaFunction { .. } => task.resource.arn.clone(),
                    _ => task.resource.resource_type().to_string(),
                };
                Err(Failure::new(
                    crate::errors::DATA_LIMIT_EXCEEDED,
                    format!(
                        "The state/task '{source}' returned a result with a size exceeding the maximum number of bytes service limit."
                    ),
                ))
            }
            other => other,
        };
        let result = result.map(Arc::new);
        match &task.resource.kind {
            ResourceKind::LambdaFunction { .. } => {
                let kind = match &result {
                    Ok(v) => EventKind::LambdaFunctionSucceeded { output: Arc::clone(v) },
                    Err(e) => EventKind::LambdaFunctionFailed(ErrorDetails::of(e)),
                };
                self.emit(Some(f), kind);
            }
            ResourceKind::Activity { .. } => {
                if !pending.submitted {
                    self.emit(Some(f), EventKind::ActivityStarted { worker_name: "".into() });
                }
                let kind = match &result {
                    Ok(v) => EventKind::ActivitySucceeded { output: Arc::clone(v) },
                    Err(e) => EventKind::ActivityFailed(ErrorDetails::of(e)),
                };
                self.emit(Some(f), kind);
            }
            kind => {
                let tr = Arc::clone(&pending.task_resource);
                let waits = matches!(
                    kind,
                    ResourceKind::Service {
                        pattern: IntegrationPattern::Sync | IntegrationPattern::WaitForTaskToken,
                        ..
                    }
                );
                if waits && !pending.submitted {
                    self.emit(Some(f), EventKind::TaskSubmitted { task: tr.clone(), output: Arc::new(json!({})) });
                }
                let kind = match &result {
                    Ok(v) => EventKind::TaskSucceeded { task: tr, output: Arc::clone(v) },
                    Err(e) => EventKind::TaskFailed { task: tr, error: ErrorDetails::of(e) },
                };
                self.emit(Some(f), kind);
            }
        }
        let flow = match result {
            Ok(v) => Flow::TaskDone(v),
            Err(e) => Flow::Failed(e),
        };
        self.frames[f.0].visit.task = None;
        self.ready.push_back((f, flow));
    }

    /// A task's deadline passed without an answer.
    pub(in crate::exec) fn task_timed_out(&mut self, id: RequestId, failure: Failure) {
        let Some(pending) = self.tasks.remove(&id) else {
            return;
        };
        let f = pending.frame;
        if !self.frames[f.0].alive {
            return;
        }
        let machine = std::sync::Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        let StateKind::Task(task) = &state.kind else {
            return;
        };
        // The work was handed over before it timed out: a callback's message was sent (or a
        // .sync job started), an activity's worker took it. AWS records that first.
        if !pending.submitted {
            self.record_submitted(f, &task.resource.kind, &pending.task_resource);
        }
        let details = ErrorDetails::of(&failure);
        let kind = match &task.resource.kind {
            ResourceKind::LambdaFunction { .. } => EventKind::LambdaFunctionTimedOut(details),
            ResourceKind::Activity { .. } => EventKind::ActivityTimedOut(details),
            _ => EventKind::TaskTimedOut { task: Arc::clone(&pending.task_resource), error: details },
        };
        self.emit(Some(f), kind);
        self.frames[f.0].visit.task = None;
        self.ready.push_back((f, Flow::Failed(failure)));
    }

    /// Records the hand-over of a pending task's work once.
    fn mark_submitted(&mut self, id: RequestId) {
        let Some(pending) = self.tasks.get_mut(&id) else { return };
        if pending.submitted || !self.frames[pending.frame.0].alive {
            return;
        }
        pending.submitted = true;
        let (f, task_resource) = (pending.frame, Arc::clone(&pending.task_resource));
        let machine = Arc::clone(&self.machine);
        if let StateKind::Task(task) = &self.state_of(&machine, f).kind {
            self.record_submitted(f, &task.resource.kind, &task_resource);
        }
    }

    /// Records that the task's work was handed over: TaskSubmitted for a callback or `.sync`
    /// integration, ActivityStarted for an activity.
    fn record_submitted(&mut self, f: FrameId, kind: &ResourceKind, task_resource: &Arc<TaskResource>) {
        match kind {
            ResourceKind::Activity { .. } => {
                self.emit(Some(f), EventKind::ActivityStarted { worker_name: "".into() });
            }
            ResourceKind::Service {
                pattern: IntegrationPattern::Sync | IntegrationPattern::WaitForTaskToken, ..
            } => {
                let task = Arc::clone(task_resource);
                self.emit(Some(f), EventKind::TaskSubmitted { task, output: Arc::new(json!({})) });
            }
            _ => {}
        }
    }

    /// The task's result arrived: the rest of the data flow.
    pub(in crate::exec) fn task_done(&mut self, f: FrameId, result: Data) -> Flow {
        let machine = std::sync::Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        self.finish_with_result(f, state, result)
    }
}

fn task_resource(task: &Task) -> Arc<TaskResource> {
    Arc::new(TaskResource {
        resource_type: task.resource.resource_type().into(),
        resource: task.resource.resource_name().into(),
    })
}
