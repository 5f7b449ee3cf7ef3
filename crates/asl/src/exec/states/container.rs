//! Parallel and Map: states that run children (branches, iterations) and collect their
//! results. Children start one at a time and each runs until it blocks before the next starts,
//! so a history reads the way AWS's usually does; at most MaxConcurrency run at once.

use std::sync::Arc;

use serde_json::Value;

use super::super::frames::{Container, ContainerKind, Flow, FrameId, Link};
use super::super::history::{ErrorDetails, EventKind};
use super::super::recovery::error_output;
use super::super::timers::Timer;
use super::super::visits::Stage;
use super::super::{Data, Execution};
use super::map_run::{MapRun, child_record, path_integer};
use crate::errors::{EXCEED_TOLERATED_FAILURE_THRESHOLD, Failure, TIMEOUT};

/// How long an EXPRESS execution may run: five minutes.
const EXPRESS_CHILD_LIMIT_MS: i64 = 5 * 60 * 1000;
use crate::model::{Dynamic, Map, Parallel, ProcessorMode, State};

impl Execution {
    pub(in crate::exec) fn run_parallel(&mut self, f: FrameId, state: &State, parallel: &Parallel) -> Flow {
        let input = match self.effective_input(f, state) {
            Ok(v) => v,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        self.start_parallel(f, parallel, input)
    }

    /// ParallelStateStarted, and the branches set to start with `input`.
    pub(in crate::exec) fn start_parallel(&mut self, f: FrameId, parallel: &Parallel, input: Data) -> Flow {
        self.emit(Some(f), EventKind::ParallelStateStarted);
        let total = parallel.branches.len();
        self.start_container(
            f,
            ContainerKind::Parallel { input, branches: parallel.branches.clone() },
            total,
            0,
            None,
            None,
        );
        Flow::ContainerStep
    }

    pub(in crate::exec) fn run_map(&mut self, f: FrameId, state: &State, map: &Map) -> Flow {
        let (input, items, max_concurrency) = match self.prepare_map(f, state, map) {
            Ok(p) => p,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        self.map_started(f, map, items.len());
        if map.mode == ProcessorMode::Inline {
            self.start_map_children(f, map, input, items, None, false, max_concurrency, None, None);
            return Flow::ContainerStep;
        }
        match self.run_settings(f, state, map, &input) {
            Ok(settings) => self.begin_map_run(f, state, map, input, items, max_concurrency, settings),
            Err(failure) => Flow::Failed(failure),
        }
    }

    /// MapStateStarted, with the number of items (0 when a reader will read them).
    pub(in crate::exec) fn map_started(&mut self, f: FrameId, map: &Map, items: usize) {
        let length = if map.item_reader.is_some() { 0 } else { items };
        self.emit(Some(f), EventKind::MapStateStarted { length });
    }

    /// The children set to start, one per item (or batch).
    #[allow(clippy::too_many_arguments)]
    pub(in crate::exec) fn start_map_children(
        &mut self,
        f: FrameId,
        map: &Map,
        input: Data,
        items: Vec<Value>,
        run: Option<Box<MapRun>>,
        batched: bool,
        max_concurrency: usize,
        tolerated_count: Option<u64>,
        tolerated_percentage: Option<f64>,
    ) {
        let total = items.len();
        let kind = ContainerKind::Map { items, input, processor: map.processor, run, batched };
        self.start_container(f, kind, total, max_concurrency, tolerated_count, tolerated_percentage);
    }

    /// InputPath, ItemsPath (unless a reader reads the items) and MaxConcurrency(Path): what
    /// AWS reads before MapStateStarted.
    fn prepare_map(&mut self, f: FrameId, state: &State, map: &Map) -> Result<(Data, Vec<Value>, usize), Failure> {
        let input = self.effective_input(f, state)?;
        let (items, max) = self.eval(f, state, None, |env| {
            let items = if map.item_reader.is_some() {
                Vec::new()
            } else {
                let items = match &map.items_path {
                    None => Value::clone(&input),
                    Some(p) => env
                        .select(p, &input)
                        .ok_or_else(|| {
                            Failure::runtime(format!("Invalid path '{}' : {}", p.as_str(), p.not_found(&input)))
                        })?
                        .into_owned(),
                };
                match items {
                    Value::Array(items) => items,
                    _ => {
                        let path = map.items_path.as_ref().map_or("$", |p| p.as_str()).replacen("$$", "$", 1);
                        return Err(Failure::runtime(format!("Reference path \"{path}\" must point to array.")));
                    }
                }
            };
            let max = match &map.max_concurrency {
                None | Some(Dynamic::Jsonata(_)) => 0,
                Some(Dynamic::Literal(n)) => *n,
                Some(Dynamic::Path(p)) => {
                    let n = path_integer(env.select(p, &input).as_deref(), "MaxConcurrencyPath", p)?;
                    u64::try_from(n).map_err(|_| {
                        Failure::runtime(format!(
                            "The MaxConcurrencyPath field refers to value \"{n}\" which is not a valid integer: {}",
                            p.as_str()
                        ))
                    })?
                }
            };
            Ok((items, max))
        })?;
        Ok((input, items, usize::try_from(max).unwrap_or(usize::MAX)))
    }

    fn start_container(
        &mut self,
        f: FrameId,
        kind: ContainerKind,
        total: usize,
        max_concurrency: usize,
        tolerated_count: Option<u64>,
        tolerated_percentage: Option<f64>,
    ) {
        self.frames[f.0].visit.container = Some(Box::new(Container {
            kind,
            results: vec![Value::Null; total],
            running: Vec::new(),
            next: 0,
            total,
            finished: 0,
            max_concurrency,
            failed: 0,
            tolerated_count,
            tolerated_percentage,
            failure: None,
            step_queued: false,
        }));
    }

    /// Starts the next child, or finishes the container, or waits for running children.
    pub(in crate::exec) fn container_step(&mut self, f: FrameId) -> Flow {
        let machine = Arc::clone(&self.machine);
        let state = self.state_of(&machine, f);
        let Some(c) = self.frames[f.0].visit.container.as_mut() else {
            return Flow::Blocked;
        };
        c.step_queued = false;
        if let Some(failure) = c.failure.take() {
            return self.fail_container(f, state, failure);
        }
        if c.next < c.total && (c.max_concurrency == 0 || c.running.len() < c.max_concurrency) {
            return self.launch_child(f, state);
        }
        if c.finished < c.total {
            return Flow::Blocked;
        }
        let Some(c) = self.frames[f.0].visit.container.take() else {
            return Flow::Blocked;
        };
        // AWS records no ParallelStateSucceeded: the branches' events lead to ParallelStateExited.
        let result = match c.kind {
            ContainerKind::Parallel { .. } => Value::Array(c.results),
            ContainerKind::Map { run: None, .. } => {
                self.emit(Some(f), EventKind::MapStateSucceeded);
                Value::Array(c.results)
            }
            ContainerKind::Map { run: Some(mut run), .. } => match self.finish_run(f, &mut run, c.results) {
                Ok(result) => {
                    self.emit(Some(f), EventKind::MapRunSucceeded);
                    self.emit(Some(f), EventKind::MapStateSucceeded);
                    result
                }
                Err(failure) => return self.fail_run(f, failure),
            },
        };
        self.finish_with_result(f, state, Arc::new(result))
    }

    fn launch_child(&mut self, f: FrameId, state: &State) -> Flow {
        // The container leaves the frame while the child's input is built, so ItemSelector can
        // read the Map's input by reference (copying it per item would be quadratic).
        let Some(mut c) = self.frames[f.0].visit.container.take() else {
            return Flow::Blocked;
        };
        let index = c.next;
        c.next += 1;
        // A Distributed Map's child is an execution of its own, with its own context object.
        let mut child_execution = None;
        let launched = match &mut c.kind {
            ContainerKind::Parallel { input, branches } => Ok((branches[index], Arc::clone(input), false, false)),
            ContainerKind::Map { items, input, processor, run, batched } => {
                // Each item moves into its iteration: nothing reads it from the list again.
                let item = std::mem::take(&mut items[index]);
                let processor = *processor;
                let selected = match &state.parameters {
                    // Batches were built from items already selected.
                    Some(t) if !*batched => self.eval(f, state, Some((index, &item)), |env| env.template(t, input)),
                    // A JSONata ItemSelector is evaluated for the iteration once it exists.
                    _ => Ok(item),
                };
                let selected = selected.map(Arc::new);
                if let (Some(run), Ok(v)) = (run.as_mut(), &selected) {
                    child_execution = Some(self.child_started(f, run, index, v));
                }
                selected.map(|v| (processor, v, run.is_some(), true))
            }
        };
        self.frames[f.0].visit.container = Some(c);
        let (body, input, silent, is_map) = match launched {
            Ok(l) => l,
            Err(e) => {
                let failure = self.in_state(f, state, e);
                return self.fail_container(f, state, failure);
            }
        };
        if is_map {
            if self.frames[f.0].visit.record.is_some() && state.parameters.is_some() && index == 0 {
                self.record(f, Stage::AfterItemSelector, &input);
            }
            if !silent {
                let id = self.emit(Some(f), EventKind::MapIterationStarted { name: state.name.clone(), index });
                let _ = id;
            }
        }
        let start_at = &self.machine.body(body).start_at;
        let Some(start) = self.machine.body(body).position(start_at) else {
            let failure = Failure::runtime(format!("StartAt names '{start_at}', which is not a state"));
            return self.fail_container(f, state, failure);
        };
        let scope = self.scopes.child(self.frames[f.0].scope);
        let last_event = self.frames[f.0].last_event;
        let child = self.new_frame(body, start, input, Some(Link { parent: f, index }), scope, last_event, silent);
        // An EXPRESS child execution may run five minutes at most.
        if child_execution.is_some()
            && matches!(
                self.frames[f.0].visit.container.as_ref().map(|c| &c.kind),
                Some(ContainerKind::Map { run: Some(run), .. }) if run.express
            )
        {
            self.timers.schedule(self.now + EXPRESS_CHILD_LIMIT_MS, Timer::ChildTimeout(child));
        }
        self.frames[child.0].execution = child_execution.or_else(|| self.frames[f.0].execution.clone());
        if let Some(c) = self.frames[f.0].visit.container.as_mut() {
            c.running.push(child);
            c.step_queued = true;
        }
        self.ready.push_front((f, Flow::ContainerStep));
        // A JSONata ItemSelector is evaluated for the iteration once it exists; for a batch,
        // for each of its items in turn, from the batch's first item's index in the dataset.
        let first_item = match self.frames[f.0].visit.container.as_ref().map(|c| &c.kind) {
            Some(ContainerKind::Map { batched: true, run: Some(run), .. }) => {
                Some(run.batch_sizes[..index.min(run.batch_sizes.len())].iter().sum::<usize>())
            }
            _ => None,
        };
        let first = if is_map && state.jsonata.item_selector.is_some() {
            match first_item {
                Some(start) => self.select_item(f, child, state, start, Some(0)),
                None => self.select_item(f, child, state, index, None),
            }
        } else {
            Flow::Enter
        };
        self.ready.push_front((child, first));
        Flow::Blocked
    }

    /// A child frame ended.
    pub(in crate::exec) fn child_finished(&mut self, link: Link, child: FrameId, result: Result<Value, Failure>) {
        let parent = link.parent;
        if !self.frames[parent.0].alive {
            return;
        }
        let machine = Arc::clone(&self.machine);
        let state = self.state_of(&machine, parent);
        let Some(c) = self.frames[parent.0].visit.container.as_mut() else {
            return;
        };
        c.running.retain(|r| *r != child);
        c.finished += 1;
        let is_map = c.is_map();
        let distributed = matches!(c.kind, ContainerKind::Map { run: Some(_), .. });
        if let ContainerKind::Map { run: Some(run), .. } = &mut c.kind {
            child_record(run, link.index, &result, self.now);
        }
        if distributed {
            self.note_child(parent, link.index, &result);
        }
        let Some(c) = self.frames[parent.0].visit.container.as_mut() else {
            return;
        };
        let ok = result.is_ok();
        match result {
            Ok(v) => c.results[link.index] = v,
            Err(e) => {
                // Failed items count against the tolerance: a failed batch counts all of its.
                let (weight, base) = match &c.kind {
                    ContainerKind::Map { run: Some(run), .. } => run.failure_weight(link.index, c.total),
                    _ => (1, c.total),
                };
                c.failed += weight;
                let tolerant = c.tolerated_count.is_some() || c.tolerated_percentage.is_some();
                if tolerant {
                    let over_count = c.tolerated_count.is_some_and(|n| c.failed as u64 > n);
                    let over_pct =
                        c.tolerated_percentage.is_some_and(|p| (c.failed as f64) * 100.0 / (base.max(1) as f64) > p);
                    if over_count || over_pct {
                        c.failure.get_or_insert(Failure::new(
                            EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded",
                        ));
                    } else {
                        // A tolerated failure leaves its error output in the child's place.
                        c.results[link.index] = error_output(&e);
                    }
                } else {
                    c.failure.get_or_insert(e);
                }
            }
        }
        let queue = !c.step_queued;
        c.step_queued = true;
        if is_map && !distributed {
            let name = state.name.clone();
            let kind = if ok {
                EventKind::MapIterationSucceeded { name, index: link.index }
            } else {
                EventKind::MapIterationFailed { name, index: link.index }
            };
            let id = self.emit(Some(child), kind);
            if id > 0 {
                self.frames[parent.0].last_event = id;
            }
        } else if !self.frames[child.0].silent {
            let last = self.frames[child.0].last_event;
            self.frames[parent.0].last_event = self.frames[parent.0].last_event.max(last);
        }
        if queue {
            self.ready.push_front((parent, Flow::ContainerStep));
        }
    }

    /// Ends a Parallel or Map whose child failed: stops the other children and reports.
    fn fail_container(&mut self, f: FrameId, state: &State, failure: Failure) -> Flow {
        let Some(c) = self.frames[f.0].visit.container.take() else {
            return Flow::Failed(failure);
        };
        for child in &c.running {
            let link = self.frames[child.0].link;
            self.abort_frame(*child);
            if let (ContainerKind::Map { run: None, .. }, Some(link)) = (&c.kind, link) {
                self.emit(Some(f), EventKind::MapIterationAborted { name: state.name.clone(), index: link.index });
            }
        }
        // ParallelStateFailed / MapStateFailed come only once the state has failed for good:
        // a retry starts the state's work again without them.
        if let ContainerKind::Map { run: Some(_), .. } = &c.kind {
            self.emit(Some(f), EventKind::MapRunFailed(ErrorDetails::of(&failure)));
        }
        self.frames[f.0].visit.container_failed = true;
        Flow::Failed(failure)
    }

    /// An EXPRESS child execution ran out of time: it ends as timed out, and what it was doing
    /// stops.
    pub(in crate::exec) fn child_timed_out(&mut self, child: FrameId) {
        let frame = &self.frames[child.0];
        if !frame.alive || frame.generation != child.1 {
            return;
        }
        let Some(link) = frame.link else { return };
        self.child_finished(link, child, Err(Failure::bare(TIMEOUT)));
        self.abort_frame(child);
    }

    /// Stops a frame and everything under it; pending answers for it are refused from now on.
    fn abort_frame(&mut self, f: FrameId) {
        if self.frames[f.0]
            .visit
            .container
            .as_ref()
            .is_some_and(|c| matches!(c.kind, ContainerKind::Map { run: Some(_), .. }))
        {
            self.emit(Some(f), EventKind::MapRunAborted);
        }
        let frame = &mut self.frames[f.0];
        frame.alive = false;
        if let Some(id) = frame.visit.task.take() {
            self.tasks.remove(&id);
        }
        self.evaluations.retain(|e| e.frame != f);
        if let Some(c) = frame.visit.container.take() {
            for child in c.running {
                self.abort_frame(child);
            }
        }
        self.release(f);
    }
}
