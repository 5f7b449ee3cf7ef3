//! Parallel and Map: states that run children (branches, iterations) and collect their
//! results. Children start one at a time and each runs until it blocks before the next starts,
//! so a history reads the way AWS's usually does; at most MaxConcurrency run at once.

use std::sync::Arc;

use serde_json::{Map as JsonMap, Value};

use super::super::frames::{Container, ContainerKind, Flow, FrameId, Link};
use super::super::history::{ErrorDetails, EventKind};
use super::super::visits::Stage;
use super::super::{Data, Execution};
use crate::errors::{EXCEED_TOLERATED_FAILURE_THRESHOLD, Failure};
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
        let prepared = self.prepare_map(f, state, map);
        let (input, items, max_concurrency, tolerated_count, tolerated_percentage) = match prepared {
            Ok(p) => p,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        self.start_map(f, state, map, input, items, (max_concurrency, tolerated_count, tolerated_percentage))
    }

    /// MapStateStarted (and a map run for a distributed Map), and the iterations set to start.
    /// `limits` are MaxConcurrency (0: none), ToleratedFailureCount and -Percentage.
    pub(in crate::exec) fn start_map(
        &mut self,
        f: FrameId,
        state: &State,
        map: &Map,
        input: Data,
        items: Vec<Value>,
        limits: (usize, Option<u64>, Option<f64>),
    ) -> Flow {
        let (max_concurrency, tolerated_count, tolerated_percentage) = limits;
        let total = items.len();
        self.emit(Some(f), EventKind::MapStateStarted { length: total });
        let distributed = map.mode == ProcessorMode::Distributed;
        let mut written = None;
        if distributed {
            let label = map.label.clone().unwrap_or_else(|| state.name.to_string());
            let run_id = self.rng.uuid_v4();
            let arn =
                format!("{}/{label}:{run_id}", self.ctx.state_machine_arn().replacen(":stateMachine:", ":mapRun:", 1));
            if let Some(writer) = &map.result_writer {
                written = Some(result_writer_details(writer, &input, &arn, &run_id));
            }
            self.emit(Some(f), EventKind::MapRunStarted { map_run_arn: arn.into() });
        }
        let kind = ContainerKind::Map { items, input, processor: map.processor, distributed, written };
        self.start_container(f, kind, total, max_concurrency, tolerated_count, tolerated_percentage);
        Flow::ContainerStep
    }

    /// InputPath, ItemsPath, and the numbers a Map may take from its input.
    #[allow(clippy::type_complexity)]
    fn prepare_map(
        &mut self,
        f: FrameId,
        state: &State,
        map: &Map,
    ) -> Result<(Data, Vec<Value>, usize, Option<u64>, Option<f64>), Failure> {
        let input = self.effective_input(f, state)?;
        let numbers = self.eval(f, state, None, |env| {
            let items = match &map.items_path {
                None => Value::clone(&input),
                Some(p) => env
                    .select(p, &input)
                    .ok_or_else(|| {
                        Failure::runtime(format!("Invalid path '{}' : No results for path: {}", p.as_str(), p.normalized()))
                    })?
                    .into_owned(),
            };
            let Value::Array(items) = items else {
                return Err(Failure::runtime(format!(
                    "Map state input must be an array, but the ItemsPath '{}' selects {}",
                    map.items_path.as_ref().map_or("$", |p| p.as_str()),
                    super::super::eval::compact(&items)
                )));
            };
            let number = |d: &Option<Dynamic<u64>>, field: &str| -> Result<Option<u64>, Failure> {
                match d {
                    None => Ok(None),
                    Some(Dynamic::Literal(n)) => Ok(Some(*n)),
                    Some(Dynamic::Path(p)) => {
                        let v = env.select(p, &input);
                        match v.as_deref().and_then(whole_number) {
                            Some(n) => Ok(Some(n)),
                            None => Err(Failure::runtime(format!(
                                "The {field} field refers to value \"{}\" which is not a valid integer: {}",
                                v.map(|v| match v.as_ref() {
                                    Value::String(s) => s.clone(),
                                    other => other.to_string(),
                                })
                                .unwrap_or_else(|| "null".into()),
                                p.as_str()
                            ))),
                        }
                    }
                    // A JSONata Map is prepared in `jsonata/states.rs`.
                    Some(Dynamic::Jsonata(_)) => Ok(None),
                }
            };
            let max = number(&map.max_concurrency, "MaxConcurrencyPath")?.unwrap_or(0);
            let count = number(&map.tolerated_failure_count, "ToleratedFailureCountPath")?;
            let percentage = match &map.tolerated_failure_percentage {
                None => None,
                Some(Dynamic::Literal(p)) => Some(*p),
                Some(Dynamic::Path(p)) => {
                    let v = env.select(p, &input);
                    match v.as_deref().and_then(as_number).filter(|p| (0.0..=100.0).contains(p)) {
                        Some(n) => Some(n),
                        None => {
                            return Err(Failure::runtime(format!(
                                "The ToleratedFailurePercentagePath field refers to value \"{}\" which is not a valid percentage: {}",
                                v.map(|v| v.to_string()).unwrap_or_else(|| "null".into()),
                                p.as_str()
                            )));
                        }
                    }
                }
                Some(Dynamic::Jsonata(_)) => None,
            };
            Ok((items, usize::try_from(max).unwrap_or(usize::MAX), count, percentage))
        })?;
        let (items, max, count, percentage) = numbers;
        Ok((input, items, max, count, percentage))
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
        match &c.kind {
            ContainerKind::Parallel { .. } => {}
            ContainerKind::Map { distributed, .. } => {
                if *distributed {
                    self.emit(Some(f), EventKind::MapRunSucceeded);
                }
                self.emit(Some(f), EventKind::MapStateSucceeded);
            }
        }
        let result = match c.kind {
            ContainerKind::Map { written: Some(details), .. } => details,
            _ => Value::Array(c.results),
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
        let launched = match &mut c.kind {
            ContainerKind::Parallel { input, branches } => Ok((branches[index], Arc::clone(input), false, false)),
            ContainerKind::Map { items, input, processor, distributed, .. } => {
                // Each item moves into its iteration: nothing reads it from the list again.
                let item = std::mem::take(&mut items[index]);
                let (processor, distributed) = (*processor, *distributed);
                let selected = match &state.parameters {
                    Some(t) => self.eval(f, state, Some((index, &item)), |env| env.template(t, input)),
                    // A JSONata ItemSelector is evaluated for the iteration once it exists.
                    None => Ok(item),
                };
                selected.map(|v| (processor, Arc::new(v), distributed, true))
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
        if let Some(c) = self.frames[f.0].visit.container.as_mut() {
            c.running.push(child);
            c.step_queued = true;
        }
        self.ready.push_front((f, Flow::ContainerStep));
        let first = if is_map && state.jsonata.item_selector.is_some() {
            self.select_item(f, child, state, index)
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
        let distributed = matches!(c.kind, ContainerKind::Map { distributed: true, .. });
        let ok = result.is_ok();
        match result {
            Ok(v) => c.results[link.index] = v,
            Err(e) => {
                c.failed += 1;
                let tolerant = c.tolerated_count.is_some() || c.tolerated_percentage.is_some();
                if tolerant {
                    let over_count = c.tolerated_count.is_some_and(|n| c.failed as u64 > n);
                    let over_pct =
                        c.tolerated_percentage.is_some_and(|p| (c.failed as f64) * 100.0 / (c.total.max(1) as f64) > p);
                    if over_count || over_pct {
                        c.failure.get_or_insert(Failure::new(
                            EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded",
                        ));
                    } else {
                        let mut out = JsonMap::new();
                        out.insert("Error".into(), Value::String(e.error.clone()));
                        if let Some(cause) = &e.cause {
                            out.insert("Cause".into(), Value::String(cause.clone()));
                        }
                        c.results[link.index] = Value::Object(out);
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
            if let (ContainerKind::Map { distributed: false, .. }, Some(link)) = (&c.kind, link) {
                self.emit(Some(f), EventKind::MapIterationAborted { name: state.name.clone(), index: link.index });
            }
        }
        // ParallelStateFailed / MapStateFailed come only once the state has failed for good:
        // a retry starts the state's work again without them.
        if let ContainerKind::Map { distributed: true, .. } = &c.kind {
            self.emit(Some(f), EventKind::MapRunFailed(ErrorDetails::of(&failure)));
        }
        self.frames[f.0].visit.container_failed = true;
        Flow::Failed(failure)
    }

    /// Stops a frame and everything under it; pending answers for it are refused from now on.
    fn abort_frame(&mut self, f: FrameId) {
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

/// A non-negative integer, also when written as a string (AWS accepts `"5"` from a path).
fn whole_number(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.trim().parse().ok(),
        other => other.as_u64(),
    }
}

fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) => s.trim().parse().ok(),
        other => other.as_f64(),
    }
}

/// What a Map with a ResultWriter returns instead of its results: where they were written.
fn result_writer_details(writer: &Value, input: &Value, map_run_arn: &str, run_id: &str) -> Value {
    let param = |name: &str| -> Option<String> {
        let params = writer.get("Parameters")?;
        if let Some(v) = params.get(name).and_then(Value::as_str) {
            return Some(v.to_string());
        }
        let path = params.get(format!("{name}.$"))?.as_str()?;
        let path = crate::path::Path::parse(path).ok()?;
        path.select(input)?.as_str().map(str::to_string)
    };
    let bucket = param("Bucket").unwrap_or_default();
    let prefix = param("Prefix").map(|p| format!("{}/", p.trim_end_matches('/'))).unwrap_or_default();
    let mut details = JsonMap::new();
    details.insert("Bucket".into(), Value::String(bucket));
    details.insert("Key".into(), Value::String(format!("{prefix}{run_id}/manifest.json")));
    let mut out = JsonMap::new();
    out.insert("MapRunArn".into(), Value::String(map_run_arn.to_string()));
    out.insert("ResultWriterDetails".into(), Value::Object(details));
    Value::Object(out)
}
