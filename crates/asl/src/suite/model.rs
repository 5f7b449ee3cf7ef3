//! A test suite as typed values: what [`super::read`] makes of a suite's text. Every case and
//! every expectation keeps where it was written, so that a failure points at the suite's line.
//! Paths stay paths: the engine reads no files, the host resolves them.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::exec::{ExecutionType, Status};

/// A place in the suite's text, for people: 1-based line and column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct At<T> {
    pub value: T,
    pub at: Pos,
}

impl<T> At<T> {
    pub fn new(value: T, at: Pos) -> At<T> {
        At { value, at }
    }
}

/// Something given as a path (relative to the suite's file) or written in the suite itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Path(String),
    Inline(Value),
}

/// JavaScript mock modules: a folder or file path, or mock name → source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Mocks {
    Path(String),
    Inline(BTreeMap<String, String>),
}

/// A whole suite: what every case runs against, and the cases.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suite {
    /// The definition; a host may give one instead (`asl test --definition`).
    pub definition: Option<At<Source>>,
    /// The state machine's name: the context object's, and the MockConfigFile's entry.
    pub state_machine: Option<String>,
    pub mocks: Option<At<Mocks>>,
    pub mock_config: Option<At<Source>>,
    /// A folder laid out as `asl run --s3` reads it.
    pub s3: Option<At<String>>,
    #[serde(skip)]
    pub execution_type: Option<ExecutionType>,
    pub mock_timeout_ms: Option<u64>,
    pub cases: Vec<Case>,
}

/// One case: an input, the answers its tasks get, and what the run must do.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Case {
    pub name: String,
    /// Where the case starts.
    pub at: Pos,
    pub input: CaseInput,
    /// Words shown when the case fails (a lesson's hint).
    pub message: Option<String>,
    /// The MockConfigFile test case answering the case's tasks.
    pub test_case: Option<At<String>>,
    /// Answers by state name, used before any other mock.
    pub mocks: BTreeMap<String, At<Vec<MockAnswer>>>,
    pub expect: Vec<Expectation>,
}

/// A case's input: a value, or a file (relative to the suite's file) the host reads.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CaseInput {
    Value(Value),
    File(At<String>),
}

/// One answer of an inline mock.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MockAnswer {
    /// The result as the state receives it (like a MockConfigFile `Return`).
    Result(Value),
    Error {
        error: String,
        cause: Option<String>,
    },
    /// The task's callback is never sent: the task waits until its deadline, if it has one.
    WaitForCallback,
}

/// One expectation, named as a failure names it (`expect.output`,
/// `expect.states."Pay".retries`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Expectation {
    pub name: String,
    pub at: Pos,
    pub kind: Expect,
}

/// What is expected of a run.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Expect {
    #[serde(serialize_with = "status_name")]
    Status(Status),
    Output(Value),
    OutputContains(Value),
    Error(String),
    Cause(String),
    CauseContains(String),
    /// Exactly these states entered, in order, at every depth.
    Path(Vec<At<String>>),
    /// Entered in this order, others allowed between.
    Visited(Vec<At<String>>),
    /// Each entered at least once.
    VisitedAnyOrder(Vec<At<String>>),
    NotVisited(Vec<At<String>>),
    /// An expectation at one visit of a state.
    State {
        state: At<String>,
        visit: VisitPick,
        check: StateCheck,
    },
    /// Virtual seconds from the start to the end, exactly.
    ElapsedSeconds(f64),
    MaxElapsedSeconds(f64),
}

/// Which visit of a state: the n-th (1-based), or the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum VisitPick {
    Nth(usize),
    Last,
}

/// What one visit of a state must show.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StateCheck {
    /// Only that the visit happened (`visit: 3` alone).
    Entered,
    Input(Value),
    InputContains(Value),
    Output(Value),
    OutputContains(Value),
    /// Retries at that visit (attempts − 1).
    Retries(u64),
    /// The error the visit ended with, caught or not.
    Error(String),
}

fn status_name<S: serde::Serializer>(s: &Status, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(s.name())
}

impl Expect {
    /// The states this expectation names, with where each is written.
    pub fn states(&self) -> Vec<&At<String>> {
        match self {
            Expect::Path(l) | Expect::Visited(l) | Expect::VisitedAnyOrder(l) | Expect::NotVisited(l) => {
                l.iter().collect()
            }
            Expect::State { state, .. } => vec![state],
            _ => Vec::new(),
        }
    }
}
