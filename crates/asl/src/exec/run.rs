//! The executor's loop: running ready frames, firing timers, taking answers, and moving
//! frames from state to state.

use std::sync::Arc;

use serde_json::Value;

use super::eval::Env;
use super::frames::{Flow, Frame, FrameId, Link, VisitState};
use super::history::{EventKind, ExecutionStart};
use super::timers::Timer;
use super::vars::ScopeId;
use super::visits::{Stage, Visit};
use super::{AnswerError, Data, Execution, Poll, RequestId, TaskAnswer};
use crate::errors::Failure;
use crate::model::{BodyId, Edge, State, StateKind};

impl Execution {
    /// Records ExecutionStarted and queues the first state.
    pub(super) fn begin(&mut self, input: Value) {
        let input = Arc::new(input);
        let started = EventKind::ExecutionStarted(Box::new(ExecutionStart {
            input: Arc::clone(&input),
            role_arn: self.ctx.role_arn().to_string(),
            state_machine_arn: self.ctx.state_machine_arn().to_string(),
        }));
        self.emit(None, started);
        if let Some(t) = self.machine.timeout_seconds {
            let at = self.now + (t as i64) * 1000;
            self.execution_deadline = Some(at);
            self.timers.schedule(at, Timer::ExecutionTimeout);
        }
        let machine = Arc::clone(&self.machine);
        let root = machine.root();
        match root.position(&root.start_at) {
            Some(start) => {
                let f = self.new_frame(
                    crate::model::StateMachine::ROOT,
                    start,
                    input,
                    None,
                    super::vars::Scopes::ROOT,
                    1,
                    false,
                );
                self.ready.push_back((f, Flow::Enter));
            }
            None => {
                let failure = Failure::runtime(format!("StartAt names '{}', which is not a state", root.start_at));
                self.finish_failed(None, &failure);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn new_frame(
        &mut self,
        body: BodyId,
        state: usize,
        input: Data,
        link: Option<Link>,
        scope: ScopeId,
        last_event: u64,
        silent: bool,
    ) -> FrameId {
        let frame = Frame {
            body,
            state,
            input,
            link,
            scope,
            last_event,
            alive: true,
            generation: 0,
            silent,
            execution: None,
            visit: VisitState::default(),
        };
        match self.free_frames.pop() {
            Some(slot) => {
                let generation = self.frames[slot].generation.wrapping_add(1);
                self.frames[slot] = Frame { generation, ..frame };
                FrameId(slot, generation)
            }
            None => {
                self.frames.push(frame);
                FrameId(self.frames.len() - 1, 0)
            }
        }
    }

    pub(super) fn poll_inner(&mut self) -> Poll {
        let mut budget = self.step_budget;
        loop {
            if self.outcome.is_some() {
                return Poll::Finished;
            }
            if let Some(r) = self.outbox.pop_front() {
                return Poll::Request(r);
            }
            if let Some((f, flow)) = self.ready.pop_front() {
                if budget == 0 {
                    self.ready.push_front((f, flow));
                    return Poll::Yielded;
                }
                budget = budget.saturating_sub(self.drive(f, flow, budget));
                continue;
            }
            if let Some((_, timer)) = self.timers.pop_due(self.now) {
                self.fire(timer);
                continue;
            }
            return Poll::Idle { next_deadline: self.timers.next_at() };
        }
    }

    /// Runs frame `f` from `flow` until it blocks or ends, entering at most `budget` states.
    /// Returns how many states it entered.
    fn drive(&mut self, f: FrameId, mut flow: Flow, budget: usize) -> usize {
        let mut entered = 0;
        loop {
            if self.outcome.is_some() || !self.live(f) {
                return entered;
            }
            flow = match flow {
                Flow::Enter => {
                    if entered == budget {
                        self.ready.push_front((f, Flow::Enter));
                        return entered;
                    }
                    entered += 1;
                    self.transitions += 1;
                    self.enter(f)
                }
                Flow::Attempt => self.attempt(f),
                Flow::Next { state, output } => {
                    let frame = &mut self.frames[f.0];
                    frame.state = state;
                    frame.input = output;
                    frame.visit = VisitState::default();
                    Flow::Enter
                }
                Flow::End(output) => {
                    self.frame_succeeded(f, output);
                    return entered;
                }
                Flow::Failed(failure) => self.recover(f, failure),
                Flow::FrameFailed(failure) => {
                    self.frame_failed(f, failure);
                    return entered;
                }
                Flow::Blocked => return entered,
                Flow::WaitOver => self.wait_over(f),
                Flow::TaskDone(result) => self.task_done(f, result),
                Flow::ContainerStep => self.container_step(f),
                Flow::Evaluated(answered) => {
                    let (phase, answers) = *answered;
                    self.evaluated(f, phase, answers)
                }
            };
        }
    }

    /// Enters the frame's current state: records the visit and starts the state's work.
    fn enter(&mut self, f: FrameId) -> Flow {
        let machine = Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        let input = self.frames[f.0].input.clone();
        if self.options.record_data_flow {
            let lineage = self.lineage(f);
            self.visits.push(Visit {
                state_name: state.name.to_string(),
                state_pointer: state.pointer.clone(),
                state_type: state_type(state),
                entered_event_id: 0,
                exited_event_id: None,
                entered_at: self.now,
                exited_at: None,
                lineage,
                stages: vec![(Stage::Input, Arc::clone(&input))],
                attempts: Vec::new(),
                error: None,
                caught_by: None,
                left_by: None,
                assigned: Vec::new(),
                jsonata: state.query_language == crate::model::QueryLanguage::Jsonata,
                map_run: None,
            });
            self.frames[f.0].visit.record = Some(self.visits.len() - 1);
        }
        let id = self
            .emit(Some(f), EventKind::StateEntered { state_type: state_type(state), name: state.name.clone(), input });
        let frame = &mut self.frames[f.0];
        frame.visit.entered_event = id;
        frame.visit.entered_at = self.now;
        frame.visit.retrier_attempts = vec![0; state.retry.len()];
        if let Some(r) = frame.visit.record {
            self.visits[r].entered_event_id = id;
        }
        self.attempt(f)
    }

    /// Runs (or re-runs, after a retry) the state's work.
    fn attempt(&mut self, f: FrameId) -> Flow {
        let machine = Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        if let Some(r) = self.frames[f.0].visit.record {
            self.visits[r].attempts.push(super::visits::Attempt {
                started_at: self.now,
                ended_at: None,
                error: None,
                retry_delay_ms: None,
                retrier: None,
            });
        }
        if state.query_language == crate::model::QueryLanguage::Jsonata {
            return self.run_jsonata(f, state);
        }
        match &state.kind {
            StateKind::Pass(p) => self.run_pass(f, state, p),
            StateKind::Task(t) => self.run_task(f, state, t),
            StateKind::Choice(c) => self.run_choice(f, state, c),
            StateKind::Wait(w) => self.run_wait(f, state, w),
            StateKind::Succeed => self.run_succeed(f, state),
            StateKind::Fail(x) => self.run_fail(f, state, x),
            StateKind::Parallel(p) => self.run_parallel(f, state, p),
            StateKind::Map(m) => self.run_map(f, state, m),
        }
    }

    pub(super) fn state_of<'m>(&self, machine: &'m crate::model::StateMachine, f: FrameId) -> &'m State {
        let frame = &self.frames[f.0];
        &machine.body(frame.body).states[frame.state]
    }

    /// The Map iterations and Parallel branches that frame `f` runs inside, outermost first.
    fn lineage(&self, f: FrameId) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        let mut at = f;
        while let Some(link) = self.frames[at.0].link {
            let parent = &self.frames[link.parent.0];
            let name = self.machine.body(parent.body).states[parent.state].name.to_string();
            out.push((name, link.index));
            at = link.parent;
        }
        out.reverse();
        out
    }

    /// Evaluates with an [`Env`] for the state frame `f` is in.
    pub(super) fn eval<R>(
        &mut self,
        f: FrameId,
        state: &State,
        map_item: Option<(usize, &Value)>,
        run: impl FnOnce(&mut Env) -> R,
    ) -> R {
        let Execution { ctx, scopes, rng, frames, .. } = self;
        let frame = &frames[f.0];
        let ctx = frame.execution.as_deref().unwrap_or(ctx);
        let sc = frame.state_context(state, map_item);
        let mut env = Env { exec: ctx, state: sc, vars: scopes, scope: frame.scope, rng };
        run(&mut env)
    }

    /// The context object's execution part as frame `f` sees it: its child execution's, or the
    /// execution's own.
    pub(super) fn context_of(&self, f: FrameId) -> &super::ExecutionContext {
        self.frames[f.0].execution.as_deref().unwrap_or(&self.ctx)
    }

    /// Adds AWS's "which state" prefix to a failure the interpreter raised while running a
    /// state (not to errors a task or a Fail state reported).
    pub(super) fn in_state(&self, f: FrameId, state: &State, mut failure: Failure) -> Failure {
        let entered = self.frames[f.0].visit.entered_event;
        let cause = failure.cause.take().unwrap_or_default();
        failure.cause = Some(format!(
            "An error occurred while executing the state '{}' (entered at the event id #{entered}). {cause}",
            state.name
        ));
        failure
    }

    /// Records one step of the data flow for the inspector.
    pub(super) fn record(&mut self, f: FrameId, stage: Stage, value: &Data) {
        if let Some(r) = self.frames[f.0].visit.record {
            self.visits[r].stages.push((stage, Arc::clone(value)));
        }
    }

    /// Records the state's exit: the event, and the visit's end.
    pub(super) fn exit(&mut self, f: FrameId, state: &State, output: &Data) {
        let assigned = std::mem::take(&mut self.frames[f.0].visit.assigned);
        let assigned = (!assigned.is_empty()).then(|| assigned.into_boxed_slice());
        let id = self.emit(
            Some(f),
            EventKind::StateExited {
                state_type: state_type(state),
                name: state.name.clone(),
                output: output.clone(),
                assigned,
            },
        );
        if let Some(r) = self.frames[f.0].visit.record {
            let v = &mut self.visits[r];
            v.exited_event_id = Some(id);
            v.exited_at = Some(self.now);
            v.stages.push((Stage::Output, Arc::clone(output)));
            if let Some(a) = v.attempts.last_mut() {
                a.ended_at.get_or_insert(self.now);
            }
        }
    }

    /// The flow after a state exits with `output`: its `Next` state, or the frame's end.
    pub(super) fn transition(&mut self, f: FrameId, state: &State, output: Data) -> Flow {
        match &state.transition {
            crate::model::Transition::Next(name) => self.leave(f, Edge::Next, name, output),
            _ => Flow::End(output),
        }
    }

    /// Moves frame `f` on to `name` along `edge`, recording the edge on the visit it leaves
    /// (a test suite's coverage counts the transitions taken).
    pub(super) fn leave(&mut self, f: FrameId, edge: Edge, name: &str, output: Data) -> Flow {
        let flow = self.goto(f, name, output);
        if matches!(flow, Flow::Next { .. })
            && let Some(r) = self.frames[f.0].visit.record
        {
            self.visits[r].left_by = Some(edge);
        }
        flow
    }

    /// The flow that moves frame `f` to the state called `name`.
    pub(super) fn goto(&mut self, f: FrameId, name: &str, output: Data) -> Flow {
        let body = self.machine.body(self.frames[f.0].body);
        match body.position(name) {
            Some(state) => Flow::Next { state, output },
            None => Flow::FrameFailed(Failure::runtime(format!("The transition target '{name}' is not a state"))),
        }
    }

    fn frame_succeeded(&mut self, f: FrameId, output: Data) {
        self.frames[f.0].alive = false;
        match self.frames[f.0].link {
            None => self.finish_succeeded(f, output),
            Some(link) => {
                self.child_finished(link, f, Ok(Arc::unwrap_or_clone(output)));
                self.release(f);
            }
        }
    }

    /// Whether `f` still names a running frame.
    pub(super) fn live(&self, f: FrameId) -> bool {
        let frame = &self.frames[f.0];
        frame.alive && frame.generation == f.1
    }

    /// Gives a finished child frame's slot back for reuse.
    pub(super) fn release(&mut self, f: FrameId) {
        let frame = &mut self.frames[f.0];
        if frame.generation == f.1 && frame.link.is_some() {
            frame.alive = false;
            frame.input = Arc::new(Value::Null);
            frame.visit = VisitState::default();
            self.free_frames.push(f.0);
        }
    }

    fn frame_failed(&mut self, f: FrameId, failure: Failure) {
        if let Some(r) = self.frames[f.0].visit.record {
            self.visits[r].error.get_or_insert(failure.clone());
        }
        self.frames[f.0].alive = false;
        match self.frames[f.0].link {
            None => self.finish_failed(Some(f), &failure),
            Some(link) => {
                self.child_finished(link, f, Err(failure));
                self.release(f);
            }
        }
    }

    pub(super) fn answer_inner(&mut self, id: RequestId, answer: TaskAnswer, after_ms: u64) -> Result<(), AnswerError> {
        if !self.tasks.contains_key(&id) {
            return Err(AnswerError::UnknownRequest(id));
        }
        if after_ms > 0 && !matches!(answer, TaskAnswer::Heartbeat | TaskAnswer::Submitted | TaskAnswer::NoAnswer) {
            self.timers.schedule(self.now.saturating_add(after_ms as i64), Timer::Answer(id, answer));
        } else {
            self.apply_answer(id, answer);
        }
        Ok(())
    }

    fn fire(&mut self, timer: Timer) {
        match timer {
            Timer::Resume(f, flow) => {
                if self.live(f) {
                    self.ready.push_back((f, flow));
                }
            }
            Timer::TaskTimeout(id) => self.task_timed_out(id, Failure::task_timeout()),
            Timer::HeartbeatTimeout(id, beat) => {
                if self.tasks.get(&id).is_some_and(|t| t.last_beat == beat) {
                    self.task_timed_out(id, Failure::heartbeat_timeout());
                }
            }
            Timer::Answer(id, answer) => {
                if self.tasks.contains_key(&id) {
                    self.apply_answer(id, answer);
                }
            }
            Timer::ExecutionTimeout => self.finish_timed_out(),
            Timer::ChildTimeout(child) => self.child_timed_out(child),
        }
    }
}

pub(super) fn state_type(state: &State) -> super::history::StateType {
    use super::history::StateType as T;
    match state.kind {
        StateKind::Pass(_) => T::Pass,
        StateKind::Task(_) => T::Task,
        StateKind::Choice(_) => T::Choice,
        StateKind::Wait(_) => T::Wait,
        StateKind::Succeed => T::Succeed,
        StateKind::Fail(_) => T::Fail,
        StateKind::Parallel(_) => T::Parallel,
        StateKind::Map(_) => T::Map,
    }
}
