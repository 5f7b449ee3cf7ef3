//! A recorded execution's state visits, rebuilt from its events so that the inspector and the
//! timeline show a recording as they show a run: each visit's input and output, the task's
//! parameters and result, each attempt with its error and the backoff before the next, and
//! the Map iterations and Parallel branches it ran in.
//!
//! An event belongs to the visit of the event it follows (`previousEventId`), except that a
//! state's entry opens a visit, a Map iteration's events belong to their Map, and an event a
//! container state raises after its children (`ParallelStateSucceeded`, a Map's exit...) climbs
//! back from the child's visit to the container's. A Parallel branch's index is the branch of
//! the definition that holds the state; a recording of states the definition does not have
//! still gets its visits, with no pointer into the definition.

use std::collections::HashMap;
use std::sync::Arc;

use crate::errors::{Failure, TIMEOUT};
use crate::exec::history::ErrorDetails;
use crate::exec::{Attempt, EventKind, HistoryEvent, Outcome, Stage, StateType, Status, Visit};
use crate::model::{Edge, FailField, QueryLanguage, State, StateKind, StateMachine, Transition, error_matches};

/// Where each event sits: its visit, and the iteration or branch a state entered after it
/// runs in.
#[derive(Clone, Default)]
struct Place {
    visit: Option<usize>,
    /// The container visit a state entered next runs inside, and the lineage it gets.
    inside: Option<usize>,
    lineage: Vec<(String, usize)>,
}

/// The visits of `history` (a recording's events as [`super::history_events`] gives them), in
/// the order they were entered, read against `machine`.
pub fn visits(history: &[HistoryEvent], machine: &StateMachine) -> Vec<Visit> {
    let states: HashMap<&str, &State> = machine.all_states().map(|s| (&*s.name, s)).collect();
    let mut rebuild =
        Rebuild { machine, states, visits: Vec::new(), parent: Vec::new(), started: Vec::new(), last_failure: None };
    let mut places: Vec<Place> = Vec::with_capacity(history.len());
    let mut by_id: HashMap<u64, usize> = HashMap::with_capacity(history.len());
    for event in history {
        let before = by_id.get(&event.previous_event_id).map(|&i| places[i].clone()).unwrap_or_default();
        let place = rebuild.place(event, before);
        by_id.insert(event.id, places.len());
        places.push(place);
    }
    // A state that never left after its attempt failed failed with that error.
    for visit in &mut rebuild.visits {
        if visit.exited_event_id.is_none() && visit.error.is_none() {
            visit.error = visit.attempts.last().and_then(|a| a.error.clone());
        }
    }
    rebuild.visits
}

/// How a recording ended, as a run's outcome; `None` while it was still running.
pub fn outcome(history: &[HistoryEvent]) -> Option<Outcome> {
    let failed = |status, e: &ErrorDetails| Outcome {
        status,
        output: None,
        error: Some(e.error.clone()),
        cause: e.cause.clone(),
    };
    Some(match &history.last()?.kind {
        EventKind::ExecutionSucceeded { output } => {
            Outcome { status: Status::Succeeded, output: Some((**output).clone()), error: None, cause: None }
        }
        EventKind::ExecutionFailed(e) => failed(Status::Failed, e),
        EventKind::ExecutionTimedOut(e) => failed(Status::TimedOut, e),
        EventKind::ExecutionAborted(e) => failed(Status::Aborted, e),
        _ => return None,
    })
}

struct Rebuild<'m> {
    machine: &'m StateMachine,
    states: HashMap<&'m str, &'m State>,
    visits: Vec<Visit>,
    /// Each visit's container visit (the Map or Parallel it runs inside).
    parent: Vec<Option<usize>>,
    /// Whether each visit's current attempt has started its work (a task scheduled, branches
    /// or iterations started): a second start is a retry.
    started: Vec<bool>,
    /// The latest error raised, and when: a container fails with its child's error.
    last_failure: Option<(Failure, i64)>,
}

impl Rebuild<'_> {
    fn place(&mut self, event: &HistoryEvent, before: Place) -> Place {
        let at = event.timestamp;
        match &event.kind {
            EventKind::StateEntered { state_type, name, input } => {
                let (inside, mut lineage) = match before.visit.filter(|&v| self.visits[v].exited_event_id.is_some()) {
                    // After a state's exit: its successor, in the same iteration or branch.
                    Some(v) => (self.parent[v], self.visits[v].lineage.clone()),
                    None => (before.inside, before.lineage),
                };
                if let Some(branch) = self.branch_of(name, inside) {
                    lineage = branch;
                }
                let state = self.states.get(&**name).copied();
                let error = state.and_then(fail_error);
                if *state_type == StateType::Fail {
                    self.last_failure = error.clone().map(|e| (e, at));
                }
                self.visits.push(Visit {
                    state_name: name.to_string(),
                    state_pointer: state.map_or_else(String::new, |s| s.pointer.clone()),
                    state_type: *state_type,
                    entered_event_id: event.id,
                    exited_event_id: None,
                    entered_at: at,
                    exited_at: None,
                    lineage: lineage.clone(),
                    stages: vec![(Stage::Input, Arc::clone(input))],
                    attempts: vec![Attempt {
                        started_at: at,
                        ended_at: None,
                        error: None,
                        retry_delay_ms: None,
                        retrier: None,
                    }],
                    error,
                    caught_by: None,
                    left_by: None,
                    assigned: Vec::new(),
                    jsonata: state.is_some_and(|s| s.query_language == QueryLanguage::Jsonata),
                    map_run: None,
                });
                self.parent.push(inside);
                self.started.push(false);
                let v = self.visits.len() - 1;
                Place { visit: Some(v), inside: Some(v), lineage }
            }
            EventKind::StateExited { name, output, assigned, .. } => {
                let Some(v) = self.own_visit(before.visit, name) else { return before };
                let visit = &mut self.visits[v];
                visit.exited_event_id = Some(event.id);
                visit.exited_at = Some(at);
                visit.stages.push((Stage::Output, Arc::clone(output)));
                if let Some(vars) = assigned {
                    visit.assigned = vars.to_vec();
                }
                let last = visit.attempts.last_mut().expect("a visit has an attempt");
                last.ended_at = Some(at);
                // A state that leaves after its last attempt failed was caught.
                if let Some(failure) = last.error.clone() {
                    let catchers = self.states.get(name.as_ref()).map(|s| s.catch.as_slice()).unwrap_or_default();
                    // A history does not tell a heartbeat's timeout from the task's own: a
                    // catcher of either caught it.
                    let heartbeat = Failure { heartbeat: true, ..failure.clone() };
                    let catches = |f: &Failure| catchers.iter().position(|c| error_matches(&c.error_equals, f));
                    visit.caught_by =
                        catches(&failure).or_else(|| catches(&heartbeat).filter(|_| failure.error == TIMEOUT));
                    visit.error = Some(failure);
                }
                // The edge it left by, where the history tells: a catcher, or a state's Next (a
                // Choice's rule would need its conditions evaluated again, so it stays unknown).
                let next = self.states.get(name.as_ref()).filter(|s| matches!(s.transition, Transition::Next(_)));
                visit.left_by = match (visit.caught_by, next) {
                    (Some(i), _) => Some(Edge::Catch(i)),
                    (None, Some(_)) if visit.error.is_none() => Some(Edge::Next),
                    _ => None,
                };
                self.at_visit(v)
            }
            EventKind::MapIterationStarted { name, index } => {
                let Some(v) = self.own_visit(before.visit, name) else { return before };
                let mut lineage = self.visits[v].lineage.clone();
                lineage.push((name.to_string(), *index));
                Place { visit: Some(v), inside: Some(v), lineage }
            }
            EventKind::MapIterationSucceeded { name, .. }
            | EventKind::MapIterationFailed { name, .. }
            | EventKind::MapIterationAborted { name, .. } => match self.own_visit(before.visit, name) {
                Some(v) => self.at_visit(v),
                None => before,
            },
            EventKind::ExecutionStarted(_) => Place::default(),
            EventKind::ExecutionFailed(e) => {
                // The states the execution failed in, from the innermost out, fail with its
                // error where the events did not say which.
                let failure = failure(e);
                let mut at_visit = before.visit;
                while let Some(v) = at_visit {
                    let visit = &mut self.visits[v];
                    if visit.exited_event_id.is_none() {
                        if visit.state_type == StateType::Fail {
                            // Its ErrorPath, or a path that failed, decided the error.
                            visit.error = Some(failure.clone());
                        } else if visit.error.is_none()
                            && let Some(last) = visit.attempts.last_mut().filter(|a| a.error.is_none())
                        {
                            last.error = Some(failure.clone());
                            last.ended_at.get_or_insert(at);
                        }
                    }
                    at_visit = self.parent[v];
                }
                Place::default()
            }
            EventKind::ExecutionTimedOut(_) | EventKind::ExecutionAborted(_) => Place::default(),
            EventKind::ExecutionSucceeded { .. } => Place::default(),
            kind => {
                let Some(v) = self.container_of(before.visit, kind) else { return before };
                self.task_event(v, kind, at);
                if matches!(kind, EventKind::ParallelStateStarted) {
                    // The branches' first states run inside it.
                    return Place { visit: Some(v), inside: Some(v), lineage: self.visits[v].lineage.clone() };
                }
                self.at_visit(v)
            }
        }
    }

    /// The work and failures of a state's attempts: a scheduled task (a new attempt after a
    /// failed one, whose backoff is the time between), its parameters and result, its errors.
    fn task_event(&mut self, v: usize, kind: &EventKind, at: i64) {
        let starts = matches!(
            kind,
            EventKind::TaskScheduled(_)
                | EventKind::LambdaFunctionScheduled(_)
                | EventKind::ActivityScheduled(_)
                | EventKind::ParallelStateStarted
                | EventKind::MapStateStarted { .. }
        );
        let last_failure = self.last_failure.clone();
        let retry = self.states.get(self.visits[v].state_name.as_str()).map(|s| s.retry.as_slice()).unwrap_or_default();
        let visit = &mut self.visits[v];
        if starts {
            let last = visit.attempts.last_mut().expect("a visit has an attempt");
            if self.started[v] || last.error.is_some() {
                // A retry: the attempt before failed (with its child's error, for a container
                // whose failure raised no event of its own), and waited its backoff.
                if last.error.is_none()
                    && let Some((error, failed_at)) = last_failure.clone()
                {
                    last.error = Some(error);
                    last.ended_at = Some(failed_at);
                }
                let failed_at = *last.ended_at.get_or_insert(at);
                last.retry_delay_ms = Some(at.saturating_sub(failed_at).max(0) as u64);
                // The first retrier that matches the error is the one that retried it.
                last.retrier =
                    last.error.as_ref().and_then(|e| retry.iter().position(|r| error_matches(&r.error_equals, e)));
                visit.attempts.push(Attempt {
                    started_at: at,
                    ended_at: None,
                    error: None,
                    retry_delay_ms: None,
                    retrier: None,
                });
            }
            self.started[v] = true;
        }
        match kind {
            EventKind::TaskScheduled(t) => visit.stages.push((Stage::AfterParameters, Arc::clone(&t.parameters))),
            EventKind::LambdaFunctionScheduled(f) | EventKind::ActivityScheduled(f) => {
                visit.stages.push((Stage::AfterParameters, Arc::clone(&f.input)))
            }
            EventKind::TaskSucceeded { output, .. }
            | EventKind::LambdaFunctionSucceeded { output }
            | EventKind::ActivitySucceeded { output } => visit.stages.push((Stage::Result, Arc::clone(output))),
            _ => {}
        }
        let error = match kind {
            EventKind::TaskFailed { error, .. } | EventKind::TaskTimedOut { error, .. } => Some(failure(error)),
            EventKind::LambdaFunctionFailed(e)
            | EventKind::LambdaFunctionTimedOut(e)
            | EventKind::ActivityFailed(e)
            | EventKind::ActivityTimedOut(e)
            | EventKind::MapRunFailed(e) => Some(failure(e)),
            EventKind::EvaluationFailed(e) => Some(failure(&e.error)),
            // A container fails with the error its child raised.
            EventKind::ParallelStateFailed | EventKind::MapStateFailed => last_failure.map(|(e, _)| e),
            _ => None,
        };
        if let Some(error) = error {
            if let Some(last) = self.visits[v].attempts.last_mut() {
                last.error = Some(error.clone());
                last.ended_at = Some(at);
            }
            self.last_failure = Some((error, at));
        }
    }

    /// After an event of visit `v`: a state entered next follows it in its own iteration or
    /// branch.
    fn at_visit(&self, v: usize) -> Place {
        Place { visit: Some(v), inside: self.parent[v], lineage: self.visits[v].lineage.clone() }
    }

    /// The visit of the state called `name` that `from` is in (itself or a container), else
    /// the latest open visit of that name.
    fn own_visit(&self, from: Option<usize>, name: &str) -> Option<usize> {
        let mut at = from;
        while let Some(v) = at {
            if self.visits[v].state_name == name {
                return Some(v);
            }
            at = self.parent[v];
        }
        self.visits.iter().rposition(|v| v.state_name == name && v.exited_event_id.is_none())
    }

    /// The visit an event that follows `from` belongs to: `from` itself, or for a container's
    /// own events, the Map or Parallel visit `from` runs inside.
    fn container_of(&self, from: Option<usize>, kind: &EventKind) -> Option<usize> {
        let wants = match kind {
            EventKind::ParallelStateStarted
            | EventKind::ParallelStateSucceeded
            | EventKind::ParallelStateFailed
            | EventKind::ParallelStateAborted => Some(StateType::Parallel),
            EventKind::MapStateStarted { .. }
            | EventKind::MapStateSucceeded
            | EventKind::MapStateFailed
            | EventKind::MapStateAborted
            | EventKind::MapRunStarted { .. }
            | EventKind::MapRunSucceeded
            | EventKind::MapRunAborted
            | EventKind::MapRunFailed(_) => Some(StateType::Map),
            _ => None,
        };
        let Some(wants) = wants else { return from };
        let mut at = from;
        while let Some(v) = at {
            if self.visits[v].state_type == wants {
                return Some(v);
            }
            at = self.parent[v];
        }
        from
    }

    /// For a state entered inside a Parallel visit, the lineage of the branch that holds it.
    fn branch_of(&self, name: &str, inside: Option<usize>) -> Option<Vec<(String, usize)>> {
        let container = &self.visits[inside?];
        if container.state_type != StateType::Parallel {
            return None;
        }
        let parallel = self.states.get(container.state_name.as_str())?;
        let StateKind::Parallel(p) = &parallel.kind else { return None };
        let index = p.branches.iter().position(|&b| self.holds(b, name))?;
        let mut lineage = container.lineage.clone();
        lineage.push((container.state_name.clone(), index));
        Some(lineage)
    }

    /// Whether body `body` holds the state `name` (directly: a branch's own states).
    fn holds(&self, body: crate::model::BodyId, name: &str) -> bool {
        self.machine.body(body).get(name).is_some()
    }
}

/// A Fail state's error, when its definition names it (`Error`, not `ErrorPath`).
fn fail_error(state: &State) -> Option<Failure> {
    let StateKind::Fail(fail) = &state.kind else { return None };
    let literal = |f: &Option<FailField>| match f {
        Some(FailField::Literal(text)) => Some(text.clone()),
        _ => None,
    };
    let error = match &fail.error {
        None => String::new(),
        Some(_) => literal(&fail.error)?,
    };
    Some(Failure { error, cause: literal(&fail.cause), ..Failure::bare("") })
}

fn failure(e: &ErrorDetails) -> Failure {
    Failure { error: e.error.clone(), cause: e.cause.clone(), ..Failure::bare("") }
}
