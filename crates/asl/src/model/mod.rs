//! The typed model of a state machine: what the definition says, checked for shape, with every
//! path, template and intrinsic call already parsed so execution never re-parses text.
//!
//! Built by [`build`] from a parsed JSON value; [`crate::validate`] then checks the rules that
//! span states (transitions, reachability, names). The model is lenient: a field with the wrong
//! type is reported and left out, so a partly broken definition still yields a model that the
//! playground can draw.

mod build;
pub mod distributed;
mod fields;
mod jsonata_sites;
mod mock_keys;
mod resource;
mod template;

pub use build::build;
pub use jsonata_sites::{JsonataSite, jsonata_sites};
pub use mock_keys::{MockNeed, mock_needs};
pub use resource::{IntegrationPattern, Resource, ResourceKind};
pub use template::{Template, TemplateField, TemplateValue};

use std::collections::HashMap;

use serde_json::Value;

use crate::intrinsics::Call;
use crate::path::Path;

/// Which language a state's expressions are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QueryLanguage {
    #[default]
    JsonPath,
    Jsonata,
}

/// Index of a [`Body`] in [`StateMachine::bodies`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BodyId(pub usize);

/// A whole state machine. Its top-level states and every Parallel branch and Map item
/// processor are each a [`Body`], stored flat so the executor can refer to them by index.
#[derive(Clone, Debug)]
pub struct StateMachine {
    pub comment: Option<String>,
    pub version: Option<String>,
    pub query_language: QueryLanguage,
    pub timeout_seconds: Option<u64>,
    pub bodies: Vec<Body>,
}

impl StateMachine {
    pub const ROOT: BodyId = BodyId(0);

    pub fn root(&self) -> &Body {
        &self.bodies[0]
    }

    pub fn body(&self, id: BodyId) -> &Body {
        &self.bodies[id.0]
    }

    /// Every state of every body, top-level first, then nested bodies in definition order.
    pub fn all_states(&self) -> impl Iterator<Item = &State> {
        self.bodies.iter().flat_map(|b| b.states.iter())
    }
}

/// A set of states with a start: the machine itself, a Parallel branch or a Map's processor.
#[derive(Clone, Debug)]
pub struct Body {
    pub start_at: String,
    pub states: Vec<State>,
    /// JSON pointer of the object holding `StartAt` and `States` ("" for the machine).
    pub pointer: String,
    /// The body this one is nested in, and the state that holds it.
    pub parent: Option<(BodyId, usize)>,
    index: HashMap<std::sync::Arc<str>, usize>,
}

impl Body {
    pub fn new(start_at: String, states: Vec<State>, pointer: String, parent: Option<(BodyId, usize)>) -> Self {
        let mut index = HashMap::with_capacity(states.len());
        for (i, s) in states.iter().enumerate() {
            index.entry(s.name.clone()).or_insert(i);
        }
        Body { start_at, states, pointer, parent, index }
    }

    /// Position of the state called `name` in [`Body::states`].
    pub fn position(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn get(&self, name: &str) -> Option<&State> {
        self.position(name).map(|i| &self.states[i])
    }
}

/// One state, with the fields every type shares and its type-specific part in [`StateKind`].
#[derive(Clone, Debug)]
pub struct State {
    /// Shared, because every history event about the state carries it.
    pub name: std::sync::Arc<str>,
    /// JSON pointer of the state's object, e.g. `/States/Pay` or
    /// `/States/Fan/Branches/0/States/Pay`.
    pub pointer: String,
    pub comment: Option<String>,
    pub query_language: QueryLanguage,
    pub kind: StateKind,
    pub input_path: Option<IoPath>,
    pub output_path: Option<IoPath>,
    /// `Parameters` (Pass, Task, Parallel) or `ItemSelector`/legacy `Parameters` (Map).
    pub parameters: Option<Template>,
    pub result_selector: Option<Template>,
    pub result_path: Option<ResultPath>,
    pub assign: Option<Template>,
    pub transition: Transition,
    pub retry: Vec<Retrier>,
    pub catch: Vec<Catcher>,
    /// JSONata-only fields, kept as written until the JSONata evaluator runs them.
    pub jsonata: JsonataFields,
}

impl State {
    pub fn type_name(&self) -> &'static str {
        self.kind.type_name()
    }

    /// The states this one can move to, with what takes it there.
    pub fn successors(&self) -> Vec<(&str, Edge)> {
        let mut out = Vec::new();
        if let Transition::Next(n) = &self.transition {
            out.push((n.as_str(), Edge::Next));
        }
        if let StateKind::Choice(c) = &self.kind {
            for (i, rule) in c.choices.iter().enumerate() {
                out.push((rule.next.as_str(), Edge::ChoiceRule(i)));
            }
            if let Some(d) = &c.default {
                out.push((d.as_str(), Edge::Default));
            }
        }
        for (i, c) in self.catch.iter().enumerate() {
            out.push((c.next.as_str(), Edge::Catch(i)));
        }
        out
    }
}

/// Why one state leads to another. Serialized as `{"kind": "next"}`, `{"kind": "choiceRule",
/// "index": 2}`, `{"kind": "default"}` or `{"kind": "catch", "index": 0}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(tag = "kind", content = "index", rename_all = "camelCase")]
pub enum Edge {
    Next,
    ChoiceRule(usize),
    Default,
    Catch(usize),
}

/// What happens after a state completes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Transition {
    Next(String),
    End,
    /// Choice, Succeed and Fail decide for themselves (or the definition is missing both).
    None,
}

/// `InputPath` or `OutputPath`: absent means `$`; `null` means an empty object.
#[derive(Clone, Debug, PartialEq)]
pub enum IoPath {
    Null,
    Path(Path),
}

/// `ResultPath`: absent means `$`; `null` discards the result and keeps the input.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultPath {
    Null,
    Path(Path),
}

/// A path or an intrinsic call: what a `.$` field or an `ErrorPath`/`CausePath` may hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Path(Path),
    Intrinsic(Call),
}

/// A number given literally or through a reference path (`TimeoutSeconds`/`TimeoutSecondsPath`).
#[derive(Clone, Debug, PartialEq)]
pub enum Dynamic<T> {
    Literal(T),
    Path(Path),
    /// A JSONata expression (`{% ... %}`), evaluated by the host.
    Jsonata(String),
}

#[derive(Clone, Debug)]
pub enum StateKind {
    Pass(Pass),
    Task(Box<Task>),
    Choice(Choice),
    Wait(Wait),
    Succeed,
    Fail(Fail),
    Parallel(Parallel),
    Map(Box<Map>),
}

impl StateKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            StateKind::Pass(_) => "Pass",
            StateKind::Task(_) => "Task",
            StateKind::Choice(_) => "Choice",
            StateKind::Wait(_) => "Wait",
            StateKind::Succeed => "Succeed",
            StateKind::Fail(_) => "Fail",
            StateKind::Parallel(_) => "Parallel",
            StateKind::Map(_) => "Map",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Pass {
    /// Shared: the state's result is this very value, without a copy per visit.
    pub result: Option<std::sync::Arc<Value>>,
}

#[derive(Clone, Debug)]
pub struct Task {
    pub resource: Resource,
    pub timeout_seconds: Option<Dynamic<u64>>,
    pub heartbeat_seconds: Option<Dynamic<u64>>,
    pub credentials: Option<Value>,
}

#[derive(Clone, Debug, Default)]
pub struct Choice {
    pub choices: Vec<ChoiceRule>,
    pub default: Option<String>,
}

/// A top-level Choice rule: a condition and where it leads.
#[derive(Clone, Debug)]
pub struct ChoiceRule {
    pub condition: Condition,
    pub next: String,
    pub assign: Option<Template>,
    /// JSONata `Assign` on the rule, as written.
    pub jsonata_assign: Option<Value>,
    /// JSONata `Output` on the rule.
    pub output: Option<Value>,
    pub pointer: String,
}

/// A Boolean expression of a Choice rule.
#[derive(Clone, Debug)]
pub enum Condition {
    And(Vec<Condition>),
    Or(Vec<Condition>),
    Not(Box<Condition>),
    Compare {
        variable: Path,
        test: Test,
    },
    /// A JSONata `Condition` (`{% ... %}`).
    Jsonata(String),
}

/// One comparison operator with its operand.
#[derive(Clone, Debug)]
pub struct Test {
    pub op: Comparison,
    pub operand: Operand,
}

#[derive(Clone, Debug)]
pub enum Operand {
    Literal(Value),
    Path(Path),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    StringEquals,
    StringLessThan,
    StringGreaterThan,
    StringLessThanEquals,
    StringGreaterThanEquals,
    StringMatches,
    NumericEquals,
    NumericLessThan,
    NumericGreaterThan,
    NumericLessThanEquals,
    NumericGreaterThanEquals,
    BooleanEquals,
    TimestampEquals,
    TimestampLessThan,
    TimestampGreaterThan,
    TimestampLessThanEquals,
    TimestampGreaterThanEquals,
    IsNull,
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

impl Comparison {
    /// Every operator with its field name; `*Path` forms are derived by appending "Path".
    pub const ALL: [(Comparison, &'static str); 23] = [
        (Comparison::StringEquals, "StringEquals"),
        (Comparison::StringLessThan, "StringLessThan"),
        (Comparison::StringGreaterThan, "StringGreaterThan"),
        (Comparison::StringLessThanEquals, "StringLessThanEquals"),
        (Comparison::StringGreaterThanEquals, "StringGreaterThanEquals"),
        (Comparison::StringMatches, "StringMatches"),
        (Comparison::NumericEquals, "NumericEquals"),
        (Comparison::NumericLessThan, "NumericLessThan"),
        (Comparison::NumericGreaterThan, "NumericGreaterThan"),
        (Comparison::NumericLessThanEquals, "NumericLessThanEquals"),
        (Comparison::NumericGreaterThanEquals, "NumericGreaterThanEquals"),
        (Comparison::BooleanEquals, "BooleanEquals"),
        (Comparison::TimestampEquals, "TimestampEquals"),
        (Comparison::TimestampLessThan, "TimestampLessThan"),
        (Comparison::TimestampGreaterThan, "TimestampGreaterThan"),
        (Comparison::TimestampLessThanEquals, "TimestampLessThanEquals"),
        (Comparison::TimestampGreaterThanEquals, "TimestampGreaterThanEquals"),
        (Comparison::IsNull, "IsNull"),
        (Comparison::IsPresent, "IsPresent"),
        (Comparison::IsNumeric, "IsNumeric"),
        (Comparison::IsString, "IsString"),
        (Comparison::IsBoolean, "IsBoolean"),
        (Comparison::IsTimestamp, "IsTimestamp"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(c, _)| *c == self).map(|(_, n)| *n).unwrap_or("")
    }

    /// The type-test operators (`Is*`), whose operand is a Boolean and which have no `*Path` form.
    pub fn is_type_test(self) -> bool {
        matches!(
            self,
            Comparison::IsNull
                | Comparison::IsPresent
                | Comparison::IsNumeric
                | Comparison::IsString
                | Comparison::IsBoolean
                | Comparison::IsTimestamp
        )
    }

    /// Whether a `*Path` form of this operator exists.
    pub fn has_path_form(self) -> bool {
        !self.is_type_test() && self != Comparison::StringMatches
    }
}

#[derive(Clone, Debug)]
pub enum Wait {
    Seconds(Dynamic<u64>),
    Timestamp(Dynamic<String>),
}

#[derive(Clone, Debug, Default)]
pub struct Fail {
    pub error: Option<FailField>,
    pub cause: Option<FailField>,
}

/// `Error`/`Cause` given literally, or `ErrorPath`/`CausePath` as a path or intrinsic call.
#[derive(Clone, Debug)]
pub enum FailField {
    Literal(String),
    Expr(Expr),
    Jsonata(String),
}

#[derive(Clone, Debug, Default)]
pub struct Parallel {
    pub branches: Vec<BodyId>,
}

#[derive(Clone, Debug)]
pub struct Map {
    pub processor: BodyId,
    pub mode: ProcessorMode,
    pub items_path: Option<Path>,
    pub max_concurrency: Option<Dynamic<u64>>,
    pub tolerated_failure_count: Option<Dynamic<u64>>,
    pub tolerated_failure_percentage: Option<Dynamic<f64>>,
    pub item_reader: Option<distributed::ItemReader>,
    pub item_batcher: Option<distributed::ItemBatcher>,
    pub result_writer: Option<distributed::ResultWriter>,
    pub label: Option<String>,
    /// A Distributed Map's children are EXPRESS executions (`ProcessorConfig.ExecutionType`).
    pub express_children: bool,
    /// The definition used the legacy `Iterator` (and `Parameters`) spelling.
    pub legacy: bool,
}

/// How a Map runs its iterations: inside this execution, or as child workflow executions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProcessorMode {
    #[default]
    Inline,
    Distributed,
}

#[derive(Clone, Debug)]
pub struct Retrier {
    pub error_equals: Vec<String>,
    pub interval_seconds: u64,
    pub max_attempts: u64,
    pub backoff_rate: f64,
    pub max_delay_seconds: Option<u64>,
    pub jitter: Jitter,
    pub pointer: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Jitter {
    #[default]
    None,
    Full,
}

#[derive(Clone, Debug)]
pub struct Catcher {
    pub error_equals: Vec<String>,
    pub next: String,
    pub result_path: Option<ResultPath>,
    pub assign: Option<Template>,
    /// JSONata `Assign` on the catcher, as written.
    pub jsonata_assign: Option<Value>,
    /// JSONata `Output` on the catcher.
    pub output: Option<Value>,
    pub pointer: String,
}

/// Fields that only JSONata states have, kept as written (`{% ... %}` strings inside JSON).
#[derive(Clone, Debug, Default)]
pub struct JsonataFields {
    pub arguments: Option<Value>,
    pub output: Option<Value>,
    pub assign: Option<Value>,
    pub items: Option<Value>,
    pub item_selector: Option<Value>,
}

/// Does an error match a Retrier's or Catcher's `ErrorEquals` list? `States.ALL` matches every
/// error a workflow may handle; `States.TaskFailed` does too, except `States.Timeout` (AWS
/// documents it as a wildcard for everything but timeouts). A missed heartbeat is a
/// `States.Timeout` that `States.HeartbeatTimeout` also names.
pub fn error_matches(error_equals: &[String], failure: &crate::errors::Failure) -> bool {
    use crate::errors::{ALL, HEARTBEAT_TIMEOUT, TASK_FAILED, TIMEOUT};
    if failure.is_terminal() {
        return false;
    }
    error_equals.iter().any(|e| {
        e == &failure.error
            || e == ALL
            || (e == TASK_FAILED && failure.error != TIMEOUT)
            || (e == HEARTBEAT_TIMEOUT && failure.heartbeat)
    })
}
