//! What the inspector shows for each state visit: the payload after each step of the data
//! flow (named as AWS's TestState inspection data names them), each attempt and its error.

use serde::Serialize;
use serde_json::Value;

use super::Data;

use super::history::StateType;
use crate::errors::Failure;
use crate::model::Edge;

/// A step of a state's data flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Stage {
    #[serde(rename = "input")]
    Input,
    #[serde(rename = "afterInputPath")]
    AfterInputPath,
    #[serde(rename = "afterParameters")]
    AfterParameters,
    /// A JSONata state's evaluated Arguments.
    #[serde(rename = "afterArguments")]
    AfterArguments,
    #[serde(rename = "afterItemSelector")]
    AfterItemSelector,
    /// A Distributed Map's items as its ItemReader read them.
    #[serde(rename = "afterItemReader")]
    AfterItemReader,
    /// A Distributed Map's batches, each one child execution's input.
    #[serde(rename = "afterItemBatcher")]
    AfterItemBatcher,
    #[serde(rename = "result")]
    Result,
    #[serde(rename = "afterResultSelector")]
    AfterResultSelector,
    #[serde(rename = "afterResultPath")]
    AfterResultPath,
    #[serde(rename = "output")]
    Output,
}

/// One try of a state's work (the first attempt, then each retry).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attempt {
    pub started_at: i64,
    pub ended_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Failure>,
    /// The backoff before the next attempt, when this one was retried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_delay_ms: Option<u64>,
    /// The index of the Retrier that scheduled the next attempt, when this one was retried
    /// (what a test suite's coverage counts as a Retry path taken).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrier: Option<usize>,
}

/// One visit of one state.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    pub state_name: String,
    pub state_pointer: String,
    #[serde(serialize_with = "state_type_name")]
    pub state_type: StateType,
    pub entered_event_id: u64,
    pub exited_event_id: Option<u64>,
    pub entered_at: i64,
    pub exited_at: Option<i64>,
    /// Map iteration / Parallel branch indexes leading to this visit, outermost first.
    pub lineage: Vec<(String, usize)>,
    pub stages: Vec<(Stage, Data)>,
    pub attempts: Vec<Attempt>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Failure>,
    /// The catcher that handled the error, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caught_by: Option<usize>,
    /// How the visit left its state: its Next, a Choice rule or Default, a catcher. `None` when
    /// the frame ended there (End, Succeed, Fail) or the visit failed or is unfinished. Coverage
    /// counts transitions from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_by: Option<Edge>,
    pub assigned: Vec<(String, Value)>,
    /// The state uses JSONata: its steps are Arguments, the result, Assign and Output.
    pub jsonata: bool,
    /// A Distributed Map's run: where its items came from and how its children ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map_run: Option<Box<MapRunRecord>>,
}

/// What the inspector shows of a Distributed Map's run.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MapRunRecord {
    pub map_run_arn: String,
    /// The ItemReader's evaluated parameters (`Bucket`, `Key` or `Prefix`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reader: Option<Value>,
    /// How many items there were (read, or from the input).
    pub items: usize,
    /// How many child executions: one per item, or per batch.
    pub children: usize,
    pub batched: bool,
    pub succeeded: usize,
    pub failed: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerated_failure_percentage: Option<f64>,
    /// The first failed children: their index, error and cause.
    pub failures: Vec<(usize, Failure)>,
    /// Where a ResultWriter wrote the results (`Bucket`, `Key` of the manifest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_writer: Option<Value>,
}

impl MapRunRecord {
    /// The failed children listed, at most: a run of thousands keeps the first ones.
    pub const MAX_FAILURES: usize = 100;
}

fn state_type_name<S: serde::Serializer>(t: &StateType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.name())
}
