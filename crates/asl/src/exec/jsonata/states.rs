//! What each state type does in JSONata: which fields it evaluates at each step, and what it
//! does with the values. `$states.input` is the state's raw input throughout; Assign and
//! Output are evaluated together, so Output sees the variables as they were before the state.

use std::sync::Arc;

use serde_json::Value;

use super::super::frames::{ContainerKind, Flow, FrameId};
use super::super::recovery::error_output;
use super::super::states::map_run::{Batching, RunSettings};
use super::super::states::wait::{timestamp_millis, whole_seconds as whole_number};
use super::super::visits::Stage;
use super::super::{Data, Execution};
use super::fields::{Field, fill, unexpected_type};
use super::{EvalFailure, Evaluated, Phase, StatesExtra};
use crate::errors::{Failure, NO_CHOICE_MATCHED};
use crate::model::distributed::Arguments;
use crate::model::{Condition, Dynamic, Edge, FailField, ProcessorMode, State, StateKind, Wait};

impl Execution {
    /// Runs (or re-runs, after a retry) a JSONata state's work.
    pub(in crate::exec) fn run_jsonata(&mut self, f: FrameId, state: &State) -> Flow {
        let phase = match &state.kind {
            StateKind::Pass(_) | StateKind::Succeed => return self.jsonata_exit(f, state, None, None, None),
            StateKind::Task(_) => {
                self.give_task_token(f);
                Phase::TaskStart
            }
            StateKind::Parallel(_) => Phase::ParallelStart,
            StateKind::Map(_) => Phase::MapStart,
            StateKind::Choice(_) => Phase::Conditions,
            StateKind::Wait(_) => Phase::WaitTime,
            StateKind::Fail(_) => Phase::FailFields,
        };
        let fields = phase_fields(state, &phase);
        self.request_evaluation(f, f, state, &fields, StatesExtra::default(), phase)
    }

    /// Evaluates the state's Assign and Output (or a Choice rule's) and exits.
    pub(in crate::exec) fn jsonata_exit(
        &mut self,
        f: FrameId,
        state: &State,
        result: Option<Data>,
        rule: Option<usize>,
        next: Option<String>,
    ) -> Flow {
        if let Some(r) = &result {
            self.record(f, Stage::Result, r);
        }
        let result_value = result.clone();
        let phase = Phase::Exit { result, rule, next };
        let fields = phase_fields(state, &phase);
        let extra = StatesExtra { result: result_value.as_deref(), ..StatesExtra::default() };
        self.request_evaluation(f, f, state, &fields, extra, phase)
    }

    /// A catcher of a JSONata state handles `failure`: its Assign and Output, with
    /// `$states.errorOutput`.
    pub(in crate::exec) fn jsonata_catch(
        &mut self,
        f: FrameId,
        state: &State,
        catcher: usize,
        failure: Failure,
    ) -> Flow {
        let error = error_output(&failure);
        let phase = Phase::Catch { catcher, failure };
        let fields = phase_fields(state, &phase);
        let extra = StatesExtra { error_output: Some(&error), ..StatesExtra::default() };
        self.request_evaluation(f, f, state, &fields, extra, phase)
    }

    /// Asks for a Map iteration's ItemSelector: evaluated in the Map's context (its input, and
    /// `$states.context.Map.Item`), answered to the iteration's frame. `batch` (the item's
    /// position in the child's batch, its index in the dataset) selects one item of a batch.
    pub(in crate::exec) fn select_item(
        &mut self,
        map: FrameId,
        child: FrameId,
        state: &State,
        index: usize,
        batch: Option<usize>,
    ) -> Flow {
        let item = match batch {
            Some(position) => Arc::new(
                self.frames[child.0]
                    .input
                    .get("Items")
                    .and_then(|items| items.get(position))
                    .cloned()
                    .unwrap_or_default(),
            ),
            None => Arc::clone(&self.frames[child.0].input),
        };
        let input = match self.frames[map.0].visit.container.as_ref().map(|c| &c.kind) {
            Some(ContainerKind::Map { input, .. }) => Arc::clone(input),
            _ => Arc::clone(&self.frames[map.0].input),
        };
        let fields: Vec<Field> =
            state.jsonata.item_selector.iter().map(|v| Field::Template("ItemSelector", v)).collect();
        let extra = StatesExtra { input: Some(&input), map_item: Some((index, &item)), ..StatesExtra::default() };
        let phase = Phase::ItemSelector { map, batch: batch.map(|position| (position, index)) };
        self.request_evaluation(map, child, state, &fields, extra, phase)
    }

    /// Goes on with a phase whose answers came back.
    pub(in crate::exec) fn continue_jsonata(
        &mut self,
        f: FrameId,
        state: &State,
        phase: Phase,
        answers: Vec<Evaluated>,
    ) -> Flow {
        let fields = phase_fields(state, &phase);
        let values = match fill(&fields, answers) {
            Ok(v) => v,
            Err(e) => return self.jsonata_failed(f, state, &phase, e),
        };
        let starts_container = starts_container(&phase);
        let outcome = match phase {
            Phase::TaskStart => self.task_start(f, state, &fields, values),
            Phase::ParallelStart => self.parallel_start(f, state, values),
            Phase::MapStart => self.map_start(f, state, &fields, values),
            Phase::ItemSelector { batch: None, .. } => {
                if let Some(v) = values.into_iter().next() {
                    self.frames[f.0].input = Arc::new(v);
                }
                return Flow::Enter;
            }
            Phase::ItemSelector { map, batch: Some((position, index)) } => {
                // The batch's item is replaced by its selection; then the next item's turn.
                let input = Arc::make_mut(&mut self.frames[f.0].input);
                let items = input.get_mut("Items").and_then(Value::as_array_mut);
                let len = items.as_ref().map_or(0, |i| i.len());
                if let (Some(items), Some(v)) = (items, values.into_iter().next()) {
                    items[position] = v;
                }
                if position + 1 < len {
                    return self.select_item(map, f, state, index + 1, Some(position + 1));
                }
                return Flow::Enter;
            }
            Phase::Conditions => self.conditions_decided(f, state, &fields, values),
            Phase::WaitTime => self.wait_time(f, state, &fields, values),
            Phase::FailFields => self.fail_fields(&fields, values),
            Phase::Exit { result, rule, next } => {
                // Only a Choice names its next state here: by a rule, or by its Default.
                let next = next.map(|n| (n, rule.map_or(Edge::Default, Edge::ChoiceRule)));
                return self.exit_evaluated(f, state, &fields, values, result, next);
            }
            Phase::Catch { catcher, failure } => {
                return self.catch_evaluated(f, state, &fields, values, catcher, failure);
            }
        };
        match outcome {
            Ok(flow) => flow,
            Err(e) => {
                let failure = self.evaluation_failed(f, state, e);
                if starts_container {
                    self.frames[f.0].visit.container_failed = true;
                }
                Flow::Failed(failure)
            }
        }
    }

    fn jsonata_failed(&mut self, f: FrameId, state: &State, phase: &Phase, e: EvalFailure) -> Flow {
        let failure = self.evaluation_failed(f, state, e);
        if starts_container(phase) {
            self.frames[f.0].visit.container_failed = true;
        }
        match phase {
            // The iteration fails; the Map decides what that means.
            Phase::ItemSelector { .. } => Flow::FrameFailed(failure),
            // A catcher that cannot build its output fails the frame, as in JSONPath.
            Phase::Catch { .. } => Flow::FrameFailed(failure),
            _ => Flow::Failed(failure),
        }
    }

    fn task_start(
        &mut self,
        f: FrameId,
        state: &State,
        fields: &[Field],
        values: Vec<Value>,
    ) -> Result<Flow, EvalFailure> {
        let StateKind::Task(task) = &state.kind else { return Ok(Flow::Blocked) };
        let mut values = fields.iter().zip(values);
        let mut input = Arc::clone(&self.frames[f.0].input);
        if state.jsonata.arguments.is_some()
            && let Some((_, v)) = values.next()
        {
            input = Arc::new(v);
            self.record(f, Stage::AfterArguments, &input);
        }
        let timeout = number_field(&task.timeout_seconds, &mut values, 1)?;
        let heartbeat = number_field(&task.heartbeat_seconds, &mut values, 1)?;
        Ok(self.schedule_task(f, state, task, input, timeout, heartbeat))
    }

    fn parallel_start(&mut self, f: FrameId, state: &State, values: Vec<Value>) -> Result<Flow, EvalFailure> {
        let StateKind::Parallel(parallel) = &state.kind else { return Ok(Flow::Blocked) };
        let input = match values.into_iter().next() {
            Some(v) => {
                let v = Arc::new(v);
                self.record(f, Stage::AfterArguments, &v);
                v
            }
            None => Arc::clone(&self.frames[f.0].input),
        };
        Ok(self.start_parallel(f, parallel, input))
    }

    fn map_start(
        &mut self,
        f: FrameId,
        state: &State,
        fields: &[Field],
        values: Vec<Value>,
    ) -> Result<Flow, EvalFailure> {
        let StateKind::Map(map) = &state.kind else { return Ok(Flow::Blocked) };
        let input = Arc::clone(&self.frames[f.0].input);
        let mut values = fields.iter().zip(values);
        let items = match &state.jsonata.items {
            // A distributed Map with a reader reads its items from S3.
            _ if map.item_reader.is_some() => {
                if state.jsonata.items.is_some() {
                    values.next();
                }
                Vec::new()
            }
            Some(_) => match values.next() {
                Some((_, Value::Array(items))) => items,
                Some((field, other)) => return Err(unexpected_type(field, "array", &other)),
                None => Vec::new(),
            },
            None => match input.as_ref() {
                Value::Array(items) => items.clone(),
                other => {
                    return Err(EvalFailure {
                        field: String::new(),
                        cause: format!("Map state input must be an array but was: {other}"),
                    });
                }
            },
        };
        let max = number_field(&map.max_concurrency, &mut values, 0)?.unwrap_or(0);
        let count = number_field(&map.tolerated_failure_count, &mut values, 0)?;
        let percentage = match &map.tolerated_failure_percentage {
            None => None,
            Some(Dynamic::Literal(p)) => Some(*p),
            Some(Dynamic::Path(_)) => None,
            Some(Dynamic::Jsonata(_)) => match values.next() {
                Some((field, v)) => match v.as_f64().filter(|p| (0.0..=100.0).contains(p)) {
                    Some(p) => Some(p),
                    None => return Err(unexpected_type(field, "number between 0 and 100", &v)),
                },
                None => None,
            },
        };
        let max = usize::try_from(max).unwrap_or(usize::MAX);
        if map.mode == ProcessorMode::Inline {
            self.map_started(f, map, items.len());
            self.start_map_children(f, map, input, items, None, false, max, count, percentage);
            return Ok(Flow::ContainerStep);
        }
        let mut settings =
            RunSettings { tolerated_count: count, tolerated_percentage: percentage, ..Default::default() };
        let mut template = |present: bool| if present { values.next().map(|(_, v)| v) } else { None };
        if let Some(reader) = &map.item_reader {
            let args = template(matches!(reader.arguments, Some(Arguments::Jsonata(_))));
            let max_items = match &reader.config.max_items {
                Some(Dynamic::Literal(n)) => i64::try_from(*n).unwrap_or(i64::MAX),
                Some(Dynamic::Jsonata(_)) => values_integer(template(true), "ItemReader/ReaderConfig/MaxItems")?,
                _ => 0,
            };
            settings.reader = Some((args.unwrap_or(Value::Object(Default::default())), max_items));
        }
        if let Some(b) = &map.item_batcher {
            let mut limit = |d: &Option<Dynamic<u64>>, field: &str| -> Result<Option<u64>, EvalFailure> {
                match d {
                    Some(Dynamic::Literal(n)) => Ok(Some(*n)),
                    Some(Dynamic::Jsonata(_)) => {
                        Ok(Some(u64::try_from(values_integer(template(true), field)?).unwrap_or(0)))
                    }
                    _ => Ok(None),
                }
            };
            let max_items = limit(&b.max_items_per_batch, "ItemBatcher/MaxItemsPerBatch")?;
            let max_bytes = limit(&b.max_input_bytes_per_batch, "ItemBatcher/MaxInputBytesPerBatch")?;
            let batch_input = template(matches!(b.batch_input, Some(Arguments::Jsonata(_))));
            settings.batcher = Some(Batching { max_items, max_bytes, batch_input });
        }
        if let Some(w) = &map.result_writer {
            settings.writer_arguments = template(matches!(w.arguments, Some(Arguments::Jsonata(_))));
        }
        self.map_started(f, map, items.len());
        Ok(self.begin_map_run(f, state, map, input, items, max, settings))
    }

    fn conditions_decided(
        &mut self,
        f: FrameId,
        state: &State,
        fields: &[Field],
        values: Vec<Value>,
    ) -> Result<Flow, EvalFailure> {
        let StateKind::Choice(choice) = &state.kind else { return Ok(Flow::Blocked) };
        // Rules without a JSONata condition have no field; `fields` follows the rules that do.
        let mut values = fields.iter().zip(values);
        for (i, rule) in choice.choices.iter().enumerate() {
            if !matches!(rule.condition, Condition::Jsonata(_)) {
                continue;
            }
            let Some((field, v)) = values.next() else { break };
            match v {
                Value::Bool(true) => return Ok(self.jsonata_exit(f, state, None, Some(i), Some(rule.next.clone()))),
                Value::Bool(false) => {}
                other => return Err(unexpected_type(field, "boolean", &other)),
            }
        }
        match &choice.default {
            Some(d) => Ok(self.jsonata_exit(f, state, None, None, Some(d.clone()))),
            None => Ok(Flow::Failed(Failure::new(NO_CHOICE_MATCHED, "No Matches!"))),
        }
    }

    fn wait_time(
        &mut self,
        f: FrameId,
        state: &State,
        fields: &[Field],
        values: Vec<Value>,
    ) -> Result<Flow, EvalFailure> {
        let StateKind::Wait(wait) = &state.kind else { return Ok(Flow::Blocked) };
        let entered = self.frames[f.0].visit.entered_at;
        let value = fields.iter().zip(values).next();
        let until = match (wait, value) {
            (Wait::Seconds(Dynamic::Literal(s)), _) => entered.saturating_add(*s as i64 * 1000),
            (Wait::Timestamp(Dynamic::Literal(s)), _) => timestamp(s)?,
            (Wait::Seconds(_), Some((field, v))) => match whole_number(&v) {
                Some(s) if s >= 0 => entered.saturating_add(s.saturating_mul(1000)),
                _ => return Err(unexpected_type(field, "integer", &v)),
            },
            (Wait::Timestamp(_), Some((field, v))) => match &v {
                Value::String(s) => timestamp(s)?,
                other => return Err(unexpected_type(field, "string", other)),
            },
            _ => entered,
        };
        Ok(self.wait_until(f, state, until))
    }

    fn fail_fields(&mut self, fields: &[Field], values: Vec<Value>) -> Result<Flow, EvalFailure> {
        let mut error = None;
        let mut cause = None;
        for (field, v) in fields.iter().zip(values) {
            let Value::String(s) = v else { return Err(unexpected_type(field, "string", &v)) };
            match field_name(field) {
                "Error" => error = Some(s),
                _ => cause = Some(s),
            }
        }
        Ok(Flow::FrameFailed(Failure { cause, ..Failure::bare(error.unwrap_or_default()) }))
    }

    fn exit_evaluated(
        &mut self,
        f: FrameId,
        state: &State,
        fields: &[Field],
        values: Vec<Value>,
        result: Option<Data>,
        next: Option<(String, Edge)>,
    ) -> Flow {
        let mut assigned = None;
        let mut output = None;
        for (field, v) in fields.iter().zip(values) {
            match field_name(field) {
                "Assign" => assigned = Some(v),
                _ => output = Some(Arc::new(v)),
            }
        }
        let output = output.or(result).unwrap_or_else(|| Arc::clone(&self.frames[f.0].input));
        let ends = matches!(state.kind, StateKind::Succeed);
        match next {
            Some((next, edge)) => {
                if let Some(vars) = assigned {
                    self.assign(f, vars);
                }
                self.exit(f, state, &output);
                self.leave(f, edge, &next, output)
            }
            None if ends => {
                self.exit(f, state, &output);
                Flow::End(output)
            }
            None => self.complete_state(f, state, output, assigned),
        }
    }

    fn catch_evaluated(
        &mut self,
        f: FrameId,
        state: &State,
        fields: &[Field],
        values: Vec<Value>,
        catcher: usize,
        failure: Failure,
    ) -> Flow {
        let mut assigned = None;
        let mut output = None;
        for (field, v) in fields.iter().zip(values) {
            match field_name(field) {
                "Assign" => assigned = Some(v),
                _ => output = Some(v),
            }
        }
        let output = Arc::new(output.unwrap_or_else(|| error_output(&failure)));
        if let Some(r) = self.frames[f.0].visit.record {
            self.visits[r].error = Some(failure);
            self.visits[r].caught_by = Some(catcher);
        }
        if let Some(vars) = assigned {
            self.assign(f, vars);
        }
        self.exit(f, state, &output);
        let next = state.catch[catcher].next.clone();
        self.leave(f, Edge::Catch(catcher), &next, output)
    }
}

/// Whether the phase starts a Map or Parallel. One whose start cannot be evaluated has failed
/// as a state: AWS records MapStateFailed (ParallelStateFailed) after EvaluationFailed, once
/// Retry and Catch have decided, as for any failure of its work.
fn starts_container(phase: &Phase) -> bool {
    matches!(phase, Phase::MapStart | Phase::ParallelStart)
}

/// The fields a phase evaluates, in a fixed order (the answers come back in it).
fn phase_fields<'s>(state: &'s State, phase: &Phase) -> Vec<Field<'s>> {
    let j = &state.jsonata;
    let mut out = Vec::new();
    let dynamic = |out: &mut Vec<Field<'s>>, d: &'s Option<Dynamic<u64>>, name: &'static str| {
        if let Some(Dynamic::Jsonata(body)) = d {
            out.push(Field::Expr(name, body));
        }
    };
    match (phase, &state.kind) {
        (Phase::TaskStart, StateKind::Task(t)) => {
            out.extend(j.arguments.iter().map(|v| Field::Template("Arguments", v)));
            dynamic(&mut out, &t.timeout_seconds, "TimeoutSeconds");
            dynamic(&mut out, &t.heartbeat_seconds, "HeartbeatSeconds");
        }
        (Phase::ParallelStart, _) => out.extend(j.arguments.iter().map(|v| Field::Template("Arguments", v))),
        (Phase::MapStart, StateKind::Map(m)) => {
            out.extend(j.items.iter().map(|v| Field::Template("Items", v)));
            dynamic(&mut out, &m.max_concurrency, "MaxConcurrency");
            dynamic(&mut out, &m.tolerated_failure_count, "ToleratedFailureCount");
            if let Some(Dynamic::Jsonata(body)) = &m.tolerated_failure_percentage {
                out.push(Field::Expr("ToleratedFailurePercentage", body));
            }
            // A Distributed Map's reader, batcher and writer, in the order `map_start` reads them.
            if m.mode == ProcessorMode::Distributed {
                if let Some(r) = &m.item_reader {
                    if let Some(Arguments::Jsonata(v)) = &r.arguments {
                        out.push(Field::Template("ItemReader/Arguments", v));
                    }
                    if let Some(Dynamic::Jsonata(body)) = &r.config.max_items {
                        out.push(Field::Expr("ItemReader/ReaderConfig/MaxItems", body));
                    }
                }
                if let Some(b) = &m.item_batcher {
                    dynamic(&mut out, &b.max_items_per_batch, "ItemBatcher/MaxItemsPerBatch");
                    dynamic(&mut out, &b.max_input_bytes_per_batch, "ItemBatcher/MaxInputBytesPerBatch");
                    if let Some(Arguments::Jsonata(v)) = &b.batch_input {
                        out.push(Field::Template("ItemBatcher/BatchInput", v));
                    }
                }
                if let Some(Arguments::Jsonata(v)) = m.result_writer.as_ref().and_then(|w| w.arguments.as_ref()) {
                    out.push(Field::Template("ResultWriter/Arguments", v));
                }
            }
        }
        (Phase::ItemSelector { .. }, _) => {
            out.extend(j.item_selector.iter().map(|v| Field::Template("ItemSelector", v)))
        }
        (Phase::Conditions, StateKind::Choice(c)) => {
            for rule in &c.choices {
                if let Condition::Jsonata(body) = &rule.condition {
                    out.push(Field::Expr("Condition", body));
                }
            }
        }
        (Phase::WaitTime, StateKind::Wait(w)) => match w {
            Wait::Seconds(Dynamic::Jsonata(body)) => out.push(Field::Expr("Seconds", body)),
            Wait::Timestamp(Dynamic::Jsonata(body)) => out.push(Field::Expr("Timestamp", body)),
            _ => {}
        },
        (Phase::FailFields, StateKind::Fail(fail)) => {
            for (name, field) in [("Error", &fail.error), ("Cause", &fail.cause)] {
                match field {
                    Some(FailField::Jsonata(body)) => out.push(Field::Expr(name, body)),
                    Some(FailField::Literal(s)) => out.push(Field::Text(name, s)),
                    _ => {}
                }
            }
        }
        (Phase::Exit { rule, .. }, _) => {
            // A Choice rule's own Assign and Output; the state's when the Default is taken.
            let rule = match (rule, &state.kind) {
                (Some(i), StateKind::Choice(c)) => c.choices.get(*i),
                _ => None,
            };
            let (assign, output) = match rule {
                Some(r) => (r.jsonata_assign.as_ref(), r.output.as_ref()),
                None => (j.assign.as_ref(), j.output.as_ref()),
            };
            out.extend(assign.map(|v| Field::Template("Assign", v)));
            out.extend(output.map(|v| Field::Template("Output", v)));
        }
        (Phase::Catch { catcher, .. }, _) => {
            if let Some(c) = state.catch.get(*catcher) {
                out.extend(c.jsonata_assign.as_ref().map(|v| Field::Template("Assign", v)));
                out.extend(c.output.as_ref().map(|v| Field::Template("Output", v)));
            }
        }
        _ => {}
    }
    out
}

fn field_name<'a>(f: &Field<'a>) -> &'static str {
    match f {
        Field::Template(name, _) | Field::Expr(name, _) | Field::Text(name, _) => name,
    }
}

/// A literal number, or the next evaluated value: a whole number at least `min`.
fn number_field<'f>(
    d: &Option<Dynamic<u64>>,
    values: &mut impl Iterator<Item = (&'f Field<'f>, Value)>,
    min: i64,
) -> Result<Option<u64>, EvalFailure> {
    match d {
        None | Some(Dynamic::Path(_)) => Ok(None),
        Some(Dynamic::Literal(n)) => Ok(Some(*n)),
        Some(Dynamic::Jsonata(_)) => match values.next() {
            Some((field, v)) => match whole_number(&v).filter(|n| *n >= min) {
                Some(n) => Ok(Some(n as u64)),
                None => Err(unexpected_type(field, "integer", &v)),
            },
            None => Ok(None),
        },
    }
}

/// A number a distributed Map's field evaluated to: a whole number.
fn values_integer(v: Option<Value>, field: &str) -> Result<i64, EvalFailure> {
    let v = v.unwrap_or(Value::Null);
    super::super::states::map_run::integer(&v).filter(|_| !v.is_string()).ok_or_else(|| EvalFailure {
        field: field.into(),
        cause: format!("The field '{field}' must be an integer, but was {v}"),
    })
}

/// A Wait's Timestamp in milliseconds (a JSONata Wait fails with States.QueryEvaluationError).
fn timestamp(s: &str) -> Result<i64, EvalFailure> {
    timestamp_millis(s).map_err(|cause| EvalFailure { field: "Timestamp".into(), cause })
}
