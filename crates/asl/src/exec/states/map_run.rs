//! A Distributed Map's run: the numbers its `*Path` fields read, its items read from S3
//! (`ItemReader`) and grouped (`ItemBatcher`), its children run as child executions (no
//! events of theirs in this history), a failure tolerance that defaults to none, and its
//! results written to S3 (`ResultWriter`).
//!
//! The history AWS records for it: `MapStateStarted` (length 0 when items come from a reader),
//! `MapRunStarted`, then `MapRunSucceeded` or `MapRunFailed` (followed by `MapStateFailed`).
//! A bad number read by a `*Path` field is a `States.Runtime` error before the run starts.

use std::sync::Arc;

use serde_json::{Map as JsonMap, Value};

use super::super::eval::{Env, shown};
use super::super::frames::{Flow, FrameId};
use super::super::history::{ErrorDetails, EventKind};
use super::super::visits::{MapRunRecord, Stage};
use super::super::{Data, Execution, ExecutionContext};
use crate::errors::{Failure, ITEM_READER_FAILED, RESULT_WRITER_FAILED};
use crate::model::distributed::{Arguments, ResultWriter};
use crate::model::{Dynamic, Map, State};
use crate::path::Path;
use crate::s3::items::{ReadRequest, read};
use crate::s3::results::{ChildRecord, Destination, transform, write};

/// A run under way.
#[derive(Debug)]
pub(in crate::exec) struct MapRun {
    pub arn: String,
    pub run_id: String,
    /// The children's state machine: the parent's ARN with `/<label>`.
    pub child_machine_arn: String,
    /// Its name: the parent's with `/<label>`.
    pub child_machine_name: String,
    /// The children are EXPRESS executions.
    pub express: bool,
    pub writer: Option<Writer>,
    /// Each child's input and start, while it runs (kept only with a ResultWriter).
    pub started: Vec<Option<(Data, i64, String, String)>>,
    pub records: Vec<Option<ChildRecord>>,
    /// With batching, how many items each child holds: a failed batch counts as that many
    /// failed items against the tolerance. Empty without batching.
    pub batch_sizes: Vec<usize>,
    /// How many items the run has.
    pub items: usize,
}

impl MapRun {
    /// How many items a child's failure counts for, and out of how many in all.
    pub fn failure_weight(&self, index: usize, children: usize) -> (usize, usize) {
        match self.batch_sizes.get(index) {
            Some(n) => (*n, self.items),
            None => (1, children),
        }
    }
}

/// Where and how the results are written.
#[derive(Debug)]
pub(in crate::exec) struct Writer {
    /// `None`: WriterConfig only, the shaped results are the state's result.
    pub to: Option<(String, String)>,
    pub config: ResultWriter,
}

/// What a distributed Map's fields came to for one visit.
#[derive(Debug, Default)]
pub(in crate::exec) struct RunSettings {
    pub tolerated_count: Option<u64>,
    pub tolerated_percentage: Option<f64>,
    /// The reader's evaluated Parameters (or Arguments) and MaxItems (0: all; may be
    /// negative, which fails once the run has started).
    pub reader: Option<(Value, i64)>,
    pub batcher: Option<Batching>,
    /// The writer's evaluated Parameters (or Arguments).
    pub writer_arguments: Option<Value>,
}

#[derive(Debug, Default)]
pub(in crate::exec) struct Batching {
    pub max_items: Option<u64>,
    pub max_bytes: Option<u64>,
    pub batch_input: Option<Value>,
}

/// How a `*Path` field's value shows in AWS's causes (see [`shown`]); a path that selects
/// nothing shows as `null`.
fn shown_or_null(v: Option<&Value>) -> String {
    v.map_or_else(|| "null".into(), shown)
}

/// A whole number, also when written as a string (AWS reads `"5"` from a path).
pub(in crate::exec) fn integer(v: &Value) -> Option<i64> {
    match v {
        Value::String(s) => s.trim().parse().ok(),
        other => other.as_i64(),
    }
}

fn float(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) => s.trim().parse().ok().filter(|f: &f64| f.is_finite()),
        other => other.as_f64(),
    }
}

/// A `*Path` field's integer: `The <field> field refers to value "<v>" which is not a valid
/// integer: <path>` when it is not one.
pub(in crate::exec) fn path_integer(v: Option<&Value>, field: &str, path: &Path) -> Result<i64, Failure> {
    v.and_then(integer).ok_or_else(|| {
        Failure::runtime(format!(
            "The {field} field refers to value \"{}\" which is not a valid integer: {}",
            shown_or_null(v),
            path.as_str()
        ))
    })
}

impl Execution {
    /// A JSONPath distributed Map's settings, read from its effective input.
    pub(in crate::exec) fn run_settings(
        &mut self,
        f: FrameId,
        state: &State,
        map: &Map,
        input: &Value,
    ) -> Result<RunSettings, Failure> {
        self.eval(f, state, None, |env| {
            let read = |env: &Env, d: &Option<Dynamic<u64>>, field: &str| -> Result<Option<i64>, Failure> {
                match d {
                    None | Some(Dynamic::Jsonata(_)) => Ok(None),
                    Some(Dynamic::Literal(n)) => Ok(Some(i64::try_from(*n).unwrap_or(i64::MAX))),
                    Some(Dynamic::Path(p)) => path_integer(env.select(p, input).as_deref(), field, p).map(Some),
                }
            };
            let mut s = RunSettings::default();
            if let Some(n) = read(env, &map.tolerated_failure_count, "ToleratedFailureCountPath")? {
                s.tolerated_count = Some(tolerated_count(n)?);
            }
            s.tolerated_percentage = match &map.tolerated_failure_percentage {
                None | Some(Dynamic::Jsonata(_)) => None,
                Some(Dynamic::Literal(p)) => Some(*p),
                Some(Dynamic::Path(p)) => {
                    let v = env.select(p, input);
                    let n = v.as_deref().and_then(float).ok_or_else(|| {
                        Failure::runtime(format!(
                            "The ToleratedFailurePercentagePath field refers to value \"{}\" which is not a valid float: {}",
                            shown_or_null(v.as_deref()),
                            p.as_str()
                        ))
                    })?;
                    Some(tolerated_percentage(n)?)
                }
            };
            if let Some(reader) = &map.item_reader {
                let max = read(env, &reader.config.max_items, "MaxItemsPath")?.unwrap_or(0);
                let args = match &reader.arguments {
                    Some(Arguments::Template(t)) => env.template(t, input)?,
                    _ => Value::Object(JsonMap::new()),
                };
                s.reader = Some((args, max));
            }
            if let Some(b) = &map.item_batcher {
                let positive = |n: Option<i64>| n.map(|n| u64::try_from(n).unwrap_or(0));
                s.batcher = Some(Batching {
                    max_items: positive(read(env, &b.max_items_per_batch, "MaxItemsPerBatchPath")?),
                    max_bytes: positive(read(env, &b.max_input_bytes_per_batch, "MaxInputBytesPerBatchPath")?),
                    batch_input: match &b.batch_input {
                        Some(Arguments::Template(t)) => Some(env.template(t, input)?),
                        _ => None,
                    },
                });
            }
            if let Some(Arguments::Template(t)) = map.result_writer.as_ref().and_then(|w| w.arguments.as_ref()) {
                s.writer_arguments = Some(env.template(t, input)?);
            }
            Ok(s)
        })
        .map_err(|e| self.in_state(f, state, e))
    }

    /// MapRunStarted, the items read and batched, and the children set to start. `items` are
    /// the Map's own items (unused when a reader reads them).
    #[allow(clippy::too_many_arguments)]
    pub(in crate::exec) fn begin_map_run(
        &mut self,
        f: FrameId,
        state: &State,
        map: &Map,
        input: Data,
        items: Vec<Value>,
        max_concurrency: usize,
        settings: RunSettings,
    ) -> Flow {
        let label = map.label.clone().unwrap_or_else(|| name_uuid(&state.name));
        let run_id = self.rng.uuid_v4();
        let machine_arn = self.context_of(f).state_machine_arn().to_string();
        let arn = format!("{}/{label}:{run_id}", machine_arn.replacen(":stateMachine:", ":mapRun:", 1));
        self.emit(Some(f), EventKind::MapRunStarted { map_run_arn: arn.as_str().into() });
        if let Some(r) = self.frames[f.0].visit.record {
            self.visits[r].map_run = Some(Box::new(MapRunRecord {
                map_run_arn: arn.clone(),
                reader: settings.reader.as_ref().map(|(args, _)| args.clone()),
                tolerated_failure_count: settings.tolerated_count,
                tolerated_failure_percentage: settings.tolerated_percentage,
                ..MapRunRecord::default()
            }));
        }
        let mut items = items;
        if let (Some(reader), Some((arguments, max))) = (&map.item_reader, &settings.reader) {
            if *max < 0 {
                return self.fail_run(f, Failure::new(ITEM_READER_FAILED, "field MaxItems must be positive"));
            }
            let request = ReadRequest { reader, arguments, max_items: Some(*max as u64) };
            items = match read(self.s3.as_ref(), &request) {
                Ok(items) => items,
                Err(cause) => return self.fail_run(f, Failure::new(ITEM_READER_FAILED, cause)),
            };
            if self.frames[f.0].visit.record.is_some() {
                self.record(f, Stage::AfterItemReader, &Arc::new(Value::Array(items.clone())));
            }
        }
        let item_count = items.len();
        let batched = settings.batcher.is_some();
        if let Some(batching) = settings.batcher {
            if let Some(selector) = &state.parameters {
                let mut selected = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match self.eval(f, state, Some((i, item)), |env| env.template(selector, &input)) {
                        Ok(v) => selected.push(v),
                        Err(e) => {
                            let failure = self.in_state(f, state, e);
                            return self.fail_run(f, failure);
                        }
                    }
                }
                items = selected;
            }
            items = batch(items, &batching);
            if self.frames[f.0].visit.record.is_some() {
                self.record(f, Stage::AfterItemBatcher, &Arc::new(Value::Array(items.clone())));
            }
        }
        if let Some(record) = self.run_record(f) {
            record.items = item_count;
            record.children = items.len();
            record.batched = batched;
        }
        let writer = map.result_writer.clone().map(|config| {
            let to = settings.writer_arguments.as_ref().map(|a| {
                let text = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
                (text("Bucket"), text("Prefix"))
            });
            Writer { to: to.filter(|_| config.resource.is_some()), config }
        });
        let total = items.len();
        let keep = writer.is_some();
        let run = MapRun {
            arn,
            run_id,
            child_machine_arn: format!("{machine_arn}/{label}"),
            child_machine_name: format!("{}/{label}", machine_arn.rsplit(':').next().unwrap_or_default()),
            express: map.express_children,
            writer,
            started: if keep { vec![None; total] } else { Vec::new() },
            records: if keep { vec![None; total] } else { Vec::new() },
            batch_sizes: if batched {
                items.iter().map(|b| b.get("Items").and_then(Value::as_array).map_or(1, Vec::len)).collect()
            } else {
                Vec::new()
            },
            items: item_count,
        };
        // A distributed Map tolerates no failed child unless it says otherwise.
        let count = match (settings.tolerated_count, settings.tolerated_percentage) {
            (None, None) => Some(0),
            (c, _) => c,
        };
        self.start_map_children(
            f,
            map,
            input,
            items,
            Some(Box::new(run)),
            batched,
            max_concurrency,
            count,
            settings.tolerated_percentage,
        );
        Flow::ContainerStep
    }

    /// MapRunFailed and the state's failure (MapStateFailed follows once Retry and Catch have
    /// decided).
    pub(in crate::exec) fn fail_run(&mut self, f: FrameId, failure: Failure) -> Flow {
        self.frames[f.0].visit.container = None;
        self.emit(Some(f), EventKind::MapRunFailed(ErrorDetails::of(&failure)));
        self.frames[f.0].visit.container_failed = true;
        Flow::Failed(failure)
    }

    /// The run's end: its results written (or shaped) as the ResultWriter says. Returns the
    /// state's result, or the failure.
    pub(in crate::exec) fn finish_run(
        &mut self,
        f: FrameId,
        run: &mut MapRun,
        results: Vec<Value>,
    ) -> Result<Value, Failure> {
        let Some(writer) = &run.writer else { return Ok(Value::Array(results)) };
        let records: Vec<ChildRecord> = run.records.iter_mut().filter_map(Option::take).collect();
        let Some((bucket, prefix)) = &writer.to else {
            return Ok(Value::Array(transform(&records, writer.config.transformation)));
        };
        let destination = Destination {
            bucket,
            prefix,
            map_run_arn: &run.arn,
            run_id: &run.run_id,
            output_type: writer.config.output_type,
            transformation: writer.config.transformation,
        };
        let now = self.now;
        let Some(s3) = self.s3.as_mut() else {
            return Err(Failure::new(
                RESULT_WRITER_FAILED,
                "There is no S3 to write the results to: give the run an S3 folder (asl run --s3 DIR) or use the playground's Files tab",
            ));
        };
        let details =
            write(s3, &destination, &records, now).map_err(|cause| Failure::new(RESULT_WRITER_FAILED, cause))?;
        if let Some(record) = self.run_record(f) {
            record.result_writer = Some(details.clone());
        }
        let mut out = JsonMap::new();
        out.insert("MapRunArn".into(), Value::String(run.arn.clone()));
        out.insert("ResultWriterDetails".into(), details);
        Ok(Value::Object(out))
    }

    /// The inspector's record of the run `f` is making, when the data flow is recorded.
    pub(in crate::exec) fn run_record(&mut self, f: FrameId) -> Option<&mut MapRunRecord> {
        let r = self.frames[f.0].visit.record?;
        self.visits[r].map_run.as_deref_mut()
    }

    /// Counts a child's end in the inspector's record.
    pub(in crate::exec) fn note_child(&mut self, f: FrameId, index: usize, outcome: &Result<Value, Failure>) {
        let Some(record) = self.run_record(f) else { return };
        match outcome {
            Ok(_) => record.succeeded += 1,
            Err(e) => {
                record.failed += 1;
                if record.failures.len() < MapRunRecord::MAX_FAILURES {
                    record.failures.push((index, e.clone()));
                }
            }
        }
    }

    /// A child execution starts: its name, and the context object's execution and state
    /// machine parts as it sees them (its own ARN, name, input and start; the state machine
    /// `<parent>/<label>`); noted for its result record when results are written.
    pub(in crate::exec) fn child_started(
        &mut self,
        parent: FrameId,
        run: &mut MapRun,
        index: usize,
        input: &Data,
    ) -> Arc<ExecutionContext> {
        let name = self.rng.uuid_v4();
        let role_arn = self.context_of(parent).role_arn().to_string();
        let (machine_name, machine_arn) = (run.child_machine_name.clone(), run.child_machine_arn.clone());
        let arn_prefix = machine_arn.split(":stateMachine:").next().unwrap_or_default().to_string();
        let execution_arn = if run.express {
            let id = self.rng.uuid_v4();
            format!("{arn_prefix}:express:{machine_name}:{name}:{id}")
        } else {
            format!("{arn_prefix}:execution:{machine_name}:{name}")
        };
        let mut execution = JsonMap::new();
        execution.insert("Id".into(), Value::String(execution_arn.clone()));
        execution.insert("Input".into(), Value::clone(input));
        execution.insert("StartTime".into(), Value::String(crate::timestamp::format_millis(self.now)));
        execution.insert("Name".into(), Value::String(name.clone()));
        execution.insert("RoleArn".into(), Value::String(role_arn));
        // Only standard executions can be redriven.
        if !run.express {
            execution.insert("RedriveCount".into(), Value::from(0));
        }
        let mut state_machine = JsonMap::new();
        state_machine.insert("Id".into(), Value::String(machine_arn));
        state_machine.insert("Name".into(), Value::String(machine_name));
        let context = Arc::new(ExecutionContext {
            execution: Value::Object(execution),
            state_machine: Value::Object(state_machine),
            given: None,
        });
        if run.writer.is_some() {
            run.started[index] = Some((Arc::clone(input), self.now, name, execution_arn));
        }
        context
    }
}

/// A child's result record, once it has ended.
pub(in crate::exec) fn child_record(run: &mut MapRun, index: usize, outcome: &Result<Value, Failure>, now: i64) {
    let Some((input, started_at, name, execution_arn)) = run.started.get_mut(index).and_then(Option::take) else {
        return;
    };
    let record = ChildRecord {
        execution_arn,
        name,
        state_machine_arn: run.child_machine_arn.clone(),
        input: Value::clone(&input),
        outcome: match outcome {
            Ok(v) => Ok(v.clone()),
            Err(e) => Err(((!e.error.is_empty()).then(|| e.error.clone()), e.cause.clone())),
        },
        started_at,
        stopped_at: now,
    };
    run.records[index] = Some(record);
}

pub(in crate::exec) fn tolerated_count(n: i64) -> Result<u64, Failure> {
    u64::try_from(n).map_err(|_| Failure::runtime("ToleratedFailureCount cannot be negative."))
}

pub(in crate::exec) fn tolerated_percentage(p: f64) -> Result<f64, Failure> {
    if (0.0..=100.0).contains(&p) {
        Ok(p)
    } else {
        Err(Failure::runtime("ToleratedFailurePercentage must be between 0 and 100."))
    }
}

/// Items grouped in order: a batch closes when it holds MaxItemsPerBatch items, or when the
/// next item would take its items' JSON past MaxInputBytesPerBatch (an item bigger than that
/// travels alone).
fn batch(items: Vec<Value>, b: &Batching) -> Vec<Value> {
    let max_items = b.max_items.filter(|n| *n > 0).map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
    let max_bytes = b.max_bytes.filter(|n| *n > 0).map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
    let mut batches = Vec::new();
    let mut current: Vec<Value> = Vec::new();
    // `[` and `]`, then each item and a comma between items.
    let mut bytes = 2;
    let close = |current: &mut Vec<Value>, batches: &mut Vec<Value>| {
        let mut m = JsonMap::new();
        if let Some(input) = &b.batch_input {
            m.insert("BatchInput".into(), input.clone());
        }
        m.insert("Items".into(), Value::Array(std::mem::take(current)));
        batches.push(Value::Object(m));
    };
    for item in items {
        let size = crate::exec::limits::json_size(&item) + usize::from(!current.is_empty());
        if !current.is_empty() && (current.len() >= max_items || bytes + size > max_bytes) {
            close(&mut current, &mut batches);
            bytes = 2;
        }
        bytes += crate::exec::limits::json_size(&item) + usize::from(!current.is_empty());
        current.push(item);
    }
    if !current.is_empty() {
        close(&mut current, &mut batches);
    }
    batches
}

/// A name-based (version 3) UUID: AWS names a Map Run without a Label this way.
fn name_uuid(name: &str) -> String {
    let mut d = crate::digest::md5(name.as_bytes());
    d[6] = (d[6] & 0x0f) | 0x30;
    d[8] = (d[8] & 0x3f) | 0x80;
    let hex = crate::digest::hex(&d);
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn batches_by_count_and_by_bytes() {
        let items: Vec<Value> = (0..5).map(|i| json!(i)).collect();
        let b = Batching { max_items: Some(2), ..Batching::default() };
        let out = batch(items.clone(), &b);
        assert_eq!(out, [json!({"Items": [0, 1]}), json!({"Items": [2, 3]}), json!({"Items": [4]})]);
        // "[0,1,2]" is 7 bytes: three items fit in 7, not in 6.
        let b = Batching { max_bytes: Some(7), batch_input: Some(json!({"k": 1})), ..Batching::default() };
        let out = batch(items, &b);
        assert_eq!(out[0], json!({"BatchInput": {"k": 1}, "Items": [0, 1, 2]}));
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_label_less_run_is_named_by_a_version_3_uuid() {
        let u = name_uuid("Map");
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "3");
        assert_eq!(u, name_uuid("Map"));
    }

    #[test]
    fn tolerance_bounds() {
        assert!(tolerated_count(-1).is_err());
        assert_eq!(tolerated_count(0).unwrap(), 0);
        assert!(tolerated_percentage(100.1).is_err());
        assert!(tolerated_percentage(100.0).is_ok());
    }
}
