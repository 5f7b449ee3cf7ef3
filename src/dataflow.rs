//! A state visit's data flow as steps a person can follow: for each of InputPath, Parameters
//! (ItemSelector for a Map), the task's result, ResultSelector, ResultPath and OutputPath, the
//! payload before and after it, the field as written, and what it changed.

use std::collections::{HashMap, HashSet};

use asl::exec::{Stage, Visit};
use serde_json::Value;

/// How a value differs from the one it is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Only in the value after the step.
    Added,
    /// Only in the value before the step.
    Removed,
    /// In both, with another value.
    Changed,
    /// The part a path kept (InputPath, OutputPath).
    Selected,
}

impl Mark {
    pub fn class(self) -> &'static str {
        match self {
            Mark::Added => "diff-added",
            Mark::Removed => "diff-removed",
            Mark::Changed => "diff-changed",
            Mark::Selected => "diff-selected",
        }
    }
}

/// The differences between two values, by JSON pointer, on each side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    pub before: HashMap<String, Mark>,
    pub after: HashMap<String, Mark>,
}

impl Diff {
    pub fn of(before: &Value, after: &Value) -> Diff {
        let mut d = Diff::default();
        d.walk(before, after, &mut String::new());
        d
    }

    /// For a step that selects part of its payload: `after` is the value at `at` in `before`.
    /// Marks the part kept, and everything beside it on the way there as dropped.
    pub fn selection(before: &Value, at: &str) -> Diff {
        let mut d = Diff::default();
        d.before.insert(at.to_string(), Mark::Selected);
        let mut node = before;
        let mut path = String::new();
        for step in at.split('/').skip(1) {
            let key = step.replace("~1", "/").replace("~0", "~");
            match node {
                Value::Object(m) => {
                    for k in m.keys().filter(|k| **k != key) {
                        let mut p = path.clone();
                        push_key(&mut p, k);
                        d.before.insert(p, Mark::Removed);
                    }
                }
                Value::Array(a) => {
                    for i in (0..a.len()).filter(|i| i.to_string() != key) {
                        d.before.insert(format!("{path}/{i}"), Mark::Removed);
                    }
                }
                _ => break,
            }
            path.push('/');
            path.push_str(step);
            match node {
                Value::Object(m) => node = &m[&key],
                Value::Array(a) => node = &a[key.parse::<usize>().unwrap_or(0)],
                _ => break,
            }
        }
        d
    }

    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }

    /// A short account: "2 added, 1 changed, 3 removed", or for a selection "kept $.a, 2 dropped".
    pub fn summary(&self) -> String {
        if let Some((at, _)) = self.before.iter().find(|(_, m)| **m == Mark::Selected) {
            let dropped = self.before.values().filter(|&&m| m == Mark::Removed).count();
            return format!("kept {}, {dropped} dropped", json_path(at));
        }
        let count = |side: &HashMap<String, Mark>, m: Mark| side.values().filter(|&&x| x == m).count();
        let parts: Vec<String> = [
            (count(&self.after, Mark::Added), "added"),
            (count(&self.after, Mark::Changed), "changed"),
            (count(&self.before, Mark::Removed), "removed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() { "no change".into() } else { parts.join(", ") }
    }

    fn walk(&mut self, before: &Value, after: &Value, at: &mut String) {
        if before == after {
            return;
        }
        match (before, after) {
            (Value::Object(b), Value::Object(a)) => {
                for (k, bv) in b {
                    let len = at.len();
                    push_key(at, k);
                    match a.get(k) {
                        Some(av) => self.walk(bv, av, at),
                        None => {
                            self.before.insert(at.clone(), Mark::Removed);
                        }
                    }
                    at.truncate(len);
                }
                for k in a.keys().filter(|k| !b.contains_key(*k)) {
                    let len = at.len();
                    push_key(at, k);
                    self.after.insert(at.clone(), Mark::Added);
                    at.truncate(len);
                }
            }
            (Value::Array(b), Value::Array(a)) => {
                for i in 0..b.len().max(a.len()) {
                    let len = at.len();
                    at.push('/');
                    at.push_str(&i.to_string());
                    match (b.get(i), a.get(i)) {
                        (Some(bv), Some(av)) => self.walk(bv, av, at),
                        (Some(_), None) => {
                            self.before.insert(at.clone(), Mark::Removed);
                        }
                        (None, Some(_)) => {
                            self.after.insert(at.clone(), Mark::Added);
                        }
                        (None, None) => {}
                    }
                    at.truncate(len);
                }
            }
            _ => {
                self.before.insert(at.clone(), Mark::Changed);
                self.after.insert(at.clone(), Mark::Changed);
            }
        }
    }
}

/// Where `after` sits inside `before`, as a JSON pointer: the part a path selected. Looks
/// breadth first, so the shallowest match wins; `None` when `after` is not part of `before` (or
/// is all of it).
pub fn find_within(before: &Value, after: &Value) -> Option<String> {
    /// Enough for any payload a person reads; bounds the search on huge ones.
    const MAX_NODES: usize = 20_000;
    let mut queue = std::collections::VecDeque::from([(String::new(), before)]);
    let mut seen = 0;
    while let Some((at, v)) = queue.pop_front() {
        seen += 1;
        if seen > MAX_NODES {
            return None;
        }
        if !at.is_empty() && v == after {
            return Some(at);
        }
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    let mut p = at.clone();
                    push_key(&mut p, k);
                    queue.push_back((p, child));
                }
            }
            Value::Array(a) => queue.extend(a.iter().enumerate().map(|(i, c)| (format!("{at}/{i}"), c))),
            _ => {}
        }
    }
    None
}

/// A JSON pointer as the JSONPath a person writes: `/a/0/b c` as `$.a[0]['b c']`.
pub fn json_path(pointer: &str) -> String {
    let mut out = String::from("$");
    for step in pointer.split('/').skip(1) {
        let key = step.replace("~1", "/").replace("~0", "~");
        if key.parse::<usize>().is_ok() {
            out.push_str(&format!("[{key}]"));
        } else if !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_') {
            out.push('.');
            out.push_str(&key);
        } else {
            out.push_str(&format!("['{key}']"));
        }
    }
    out
}

/// Appends `/key` to a JSON pointer, escaped as RFC 6901 says.
pub fn push_key(at: &mut String, key: &str) {
    at.push('/');
    at.push_str(&key.replace('~', "~0").replace('/', "~1"));
}

/// The pointers of every container that holds a mark, so a view can open them.
pub fn ancestors(marks: &HashMap<String, Mark>) -> HashSet<String> {
    let mut out = HashSet::new();
    for p in marks.keys() {
        let mut p = p.as_str();
        while let Some(i) = p.rfind('/') {
            p = &p[..i];
            if !out.insert(p.to_string()) {
                break;
            }
        }
    }
    out
}

/// One step of the data flow.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The field (or what happens, for the task's result).
    pub field: &'static str,
    /// The field as written in the definition; `None` when it is not set.
    pub setting: Option<Value>,
    /// What happens when the field is not set, or what the step is.
    pub note: &'static str,
    pub before_label: &'static str,
    pub before: Value,
    pub after_label: &'static str,
    pub after: Value,
    pub kind: StepKind,
}

/// How a step's payload comes from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A path keeps part of it (InputPath, OutputPath).
    Selects,
    /// A template or ResultPath builds a new payload from it.
    Builds,
    /// The state's work produces a result (a task's answer, the branches' results): nothing
    /// to compare with.
    Produces,
}

impl Step {
    /// What the step changed: for a path that kept part of the payload, the part kept and what
    /// was dropped; otherwise what was added, changed and removed.
    pub fn diff(&self) -> Diff {
        match self.kind {
            StepKind::Produces => Diff::default(),
            StepKind::Selects => match find_within(&self.before, &self.after) {
                Some(at) => Diff::selection(&self.before, &at),
                None => Diff::of(&self.before, &self.after),
            },
            StepKind::Builds => Diff::of(&self.before, &self.after),
        }
    }
}

/// The steps of `visit`, given its state's definition (the JSON object at its pointer).
pub fn steps(visit: &Visit, state: Option<&Value>) -> Vec<Step> {
    let stage = |s: Stage| visit.stages.iter().find(|(st, _)| *st == s).map(|(_, v)| Value::clone(v));
    let field = |name: &str| state.and_then(|s| s.get(name)).cloned();
    let is_map = visit.state_type.name() == "Map";
    let mut out = Vec::new();
    let Some(input) = stage(Stage::Input) else { return out };
    if visit.jsonata {
        return jsonata_steps(visit, &input, stage, field);
    }
    let after_input_path = stage(Stage::AfterInputPath);
    if let Some(after) = &after_input_path {
        out.push(Step {
            field: "InputPath",
            setting: field("InputPath"),
            note: "Selects part of the state's input; not set, it passes all of it ($).",
            before_label: "State input",
            after_label: "After InputPath",
            before: input.clone(),
            after: after.clone(),
            kind: StepKind::Selects,
        });
    }
    out.extend(distributed_steps(visit, &stage, &field));
    let effective = stage(Stage::AfterParameters).or_else(|| stage(Stage::AfterItemSelector));
    if let (Some(after), Some(before)) = (&effective, &after_input_path) {
        let (name, note) = if is_map {
            let name = if field("ItemSelector").is_some() { "ItemSelector" } else { "Parameters" };
            (name, "Builds each iteration's input from the item and the context ($$.Map.Item).")
        } else {
            ("Parameters", "Builds the state's effective input: \"key.$\" fields take their value from a path.")
        };
        out.push(Step {
            field: name,
            setting: field(name),
            note,
            before_label: "After InputPath",
            after_label: if name == "ItemSelector" { "After ItemSelector" } else { "After Parameters" },
            before: before.clone(),
            after: after.clone(),
            kind: StepKind::Builds,
        });
    }
    let result = stage(Stage::Result);
    if let Some(result) = &result {
        let called_with = effective.clone().or_else(|| after_input_path.clone()).unwrap_or_else(|| input.clone());
        let (name, note, setting) = match visit.state_type.name() {
            "Task" => ("Task result", "What the task returned, called with its effective input.", field("Resource")),
            "Pass" => ("Result", "A Pass state's result: its Result field, or its effective input.", field("Result")),
            "Map" => ("Iteration results", "The results of every iteration, in item order.", None),
            "Parallel" => ("Branch results", "The results of every branch, in branch order.", None),
            _ => ("Result", "The state's result.", None),
        };
        out.push(Step {
            field: name,
            setting,
            note,
            before_label: "Effective input",
            after_label: name,
            before: called_with,
            after: result.clone(),
            kind: StepKind::Produces,
        });
    }
    let selected = stage(Stage::AfterResultSelector);
    if let (Some(after), Some(before)) = (&selected, &result) {
        out.push(Step {
            field: "ResultSelector",
            setting: field("ResultSelector"),
            note: "Reshapes the result before ResultPath places it.",
            before_label: "Result",
            after_label: "After ResultSelector",
            before: before.clone(),
            after: after.clone(),
            kind: StepKind::Builds,
        });
    }
    let after_result_path = stage(Stage::AfterResultPath);
    if let Some(after) = &after_result_path {
        out.push(Step {
            field: "ResultPath",
            setting: field("ResultPath"),
            note: "Places the result in the state's input; not set, the result replaces it ($); null keeps the input.",
            before_label: "State input",
            after_label: "After ResultPath",
            before: input.clone(),
            after: after.clone(),
            kind: StepKind::Builds,
        });
    }
    if let Some(output) = stage(Stage::Output) {
        let before = after_result_path.or(after_input_path).unwrap_or(input);
        out.push(Step {
            field: "OutputPath",
            setting: field("OutputPath"),
            note: "Selects the part that becomes the state's output; not set, all of it ($).",
            before_label: if result.is_some() { "After ResultPath" } else { "After InputPath" },
            after_label: "State output",
            before,
            after: output,
            kind: StepKind::Selects,
        });
    }
    out
}

/// A Distributed Map's own steps: the items its ItemReader read, and the batches its
/// ItemBatcher made of them.
fn distributed_steps(
    visit: &Visit,
    stage: &impl Fn(Stage) -> Option<Value>,
    field: &impl Fn(&str) -> Option<Value>,
) -> Vec<Step> {
    let mut out = Vec::new();
    let read = stage(Stage::AfterItemReader);
    if let Some(items) = &read {
        let asked = visit.map_run.as_ref().and_then(|r| r.reader.clone()).unwrap_or(Value::Null);
        out.push(Step {
            field: "ItemReader",
            setting: field("ItemReader"),
            note: "Reads the items from S3 (in the playground, the Files tab): one object as JSON, JSON Lines or CSV, or a bucket's listing.",
            before_label: "Asked S3 for",
            after_label: "Items read",
            before: asked,
            after: items.clone(),
            kind: StepKind::Produces,
        });
    }
    if let Some(batches) = stage(Stage::AfterItemBatcher) {
        out.push(Step {
            field: "ItemBatcher",
            setting: field("ItemBatcher"),
            note: "Groups the items (after ItemSelector) into batches: each batch is one child execution's input.",
            before_label: "Items",
            after_label: "Batches",
            before: read.unwrap_or(Value::Null),
            after: batches,
            kind: StepKind::Builds,
        });
    }
    out
}

/// A JSONata state's steps: Arguments, the result, Assign, Output. Every field reads
/// `$states.input` (and `$states.result` after the work), so each step starts from those.
fn jsonata_steps(
    visit: &Visit,
    input: &Value,
    stage: impl Fn(Stage) -> Option<Value>,
    field: impl Fn(&str) -> Option<Value>,
) -> Vec<Step> {
    let mut out = distributed_steps(visit, &stage, &field);
    let arguments = stage(Stage::AfterArguments);
    if let Some(after) = &arguments {
        out.push(Step {
            field: "Arguments",
            setting: field("Arguments"),
            note: "Builds what the task (or the branches) receive; {% %} expressions read $states.input and variables. Not set, they receive the input.",
            before_label: "$states.input",
            after_label: "After Arguments",
            before: input.clone(),
            after: after.clone(),
            kind: StepKind::Builds,
        });
    }
    let result = stage(Stage::Result);
    if let Some(result) = &result {
        let (name, note) = match visit.state_type.name() {
            "Task" => ("Task result", "What the task returned: $states.result."),
            "Map" => ("Iteration results", "The results of every iteration, in item order: $states.result."),
            "Parallel" => ("Branch results", "The results of every branch, in branch order: $states.result."),
            _ => ("Result", "The state's result: $states.result."),
        };
        out.push(Step {
            field: name,
            setting: field("Resource"),
            note,
            before_label: "Called with",
            after_label: "$states.result",
            before: arguments.clone().unwrap_or_else(|| input.clone()),
            after: result.clone(),
            kind: StepKind::Produces,
        });
    }
    let basis = result.clone().unwrap_or_else(|| input.clone());
    if !visit.assigned.is_empty() {
        let assigned: serde_json::Map<String, Value> = visit.assigned.iter().cloned().collect();
        out.push(Step {
            field: "Assign",
            setting: field("Assign"),
            note: "Sets variables, read later as $name. Evaluated with Output, so Output still sees the old values.",
            before_label: if result.is_some() { "$states.result" } else { "$states.input" },
            after_label: "Variables assigned",
            before: basis.clone(),
            after: Value::Object(assigned),
            kind: StepKind::Produces,
        });
    }
    if let Some(output) = stage(Stage::Output) {
        out.push(Step {
            field: "Output",
            setting: field("Output"),
            note: "Builds the state's output; not set, the output is the result (or the input, for states without one).",
            before_label: if result.is_some() { "$states.result" } else { "$states.input" },
            after_label: "State output",
            before: basis,
            after: output,
            kind: StepKind::Builds,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_diff_marks_what_was_added_changed_and_removed() {
        let before = json!({"a": 1, "b": {"c": 2, "d": [1, 2]}, "gone": true, "x/y": 0});
        let after = json!({"a": 1, "b": {"c": 3, "d": [1]}, "new": "n", "x/y": 1});
        let d = Diff::of(&before, &after);
        assert_eq!(d.after.get("/b/c"), Some(&Mark::Changed));
        assert_eq!(d.after.get("/new"), Some(&Mark::Added));
        assert_eq!(d.after.get("/x~1y"), Some(&Mark::Changed));
        assert_eq!(d.before.get("/gone"), Some(&Mark::Removed));
        assert_eq!(d.before.get("/b/d/1"), Some(&Mark::Removed));
        assert_eq!(d.after.get("/a"), None, "unchanged values carry no mark");
        assert_eq!(d.summary(), "1 added, 2 changed, 2 removed");
        assert!(ancestors(&d.after).contains("/b"));
        assert!(ancestors(&d.after).contains(""));
    }

    #[test]
    fn a_task_visit_has_the_five_fields_and_its_result_in_order() {
        let definition = json!({
            "StartAt": "Quote",
            "States": {"Quote": {
                "Type": "Task",
                "Resource": "arn:aws:lambda:us-east-1:123456789012:function:quote",
                "InputPath": "$.order",
                "Parameters": {"weight.$": "$.kg"},
                "ResultSelector": {"price.$": "$.total"},
                "ResultPath": "$.order.quote",
                "OutputPath": "$.order",
                "End": true
            }}
        });
        let def = asl::load_value(&definition);
        let mut exec = asl::exec::Execution::start(
            std::sync::Arc::new(def.machine.unwrap()),
            json!({"order": {"kg": 2}, "id": 7}),
            Default::default(),
        )
        .unwrap();
        asl::host::run_to_end(&mut exec, |_| (asl::exec::TaskAnswer::Succeeded(json!({"total": 9, "tax": 1})), 0));
        let visit = &exec.visits()[0];
        let steps = steps(visit, definition.pointer(&visit.state_pointer));
        let fields: Vec<&str> = steps.iter().map(|s| s.field).collect();
        assert_eq!(fields, ["InputPath", "Parameters", "Task result", "ResultSelector", "ResultPath", "OutputPath"]);
        assert_eq!(steps[0].after, json!({"kg": 2}));
        assert_eq!(steps[1].setting, Some(json!({"weight.$": "$.kg"})));
        assert_eq!(steps[2].before, json!({"weight": 2}), "the task is called with the effective input");
        assert_eq!(steps[3].after, json!({"price": 9}));
        assert_eq!(steps[4].after, json!({"order": {"kg": 2, "quote": {"price": 9}}, "id": 7}));
        assert_eq!(steps[4].diff().summary(), "1 added");
        assert_eq!(steps[0].diff().summary(), "kept $.order, 1 dropped");
        assert_eq!(steps[5].diff().summary(), "kept $.order, 1 dropped");
        assert_eq!(steps[5].after, json!({"kg": 2, "quote": {"price": 9}}));
    }

    #[test]
    fn a_path_that_keeps_part_of_the_payload_says_which_part() {
        let before = json!({"id": 1, "shipment": {"kg": 2}, "items": [{"a": 1}, {"b": 2}]});
        assert_eq!(find_within(&before, &json!({"kg": 2})), Some("/shipment".into()));
        assert_eq!(find_within(&before, &json!({"b": 2})), Some("/items/1".into()));
        assert_eq!(find_within(&before, &before), None, "all of it is no selection");
        let d = Diff::selection(&before, "/items/1");
        assert_eq!(d.before.get("/items/1"), Some(&Mark::Selected));
        assert_eq!(d.before.get("/items/0"), Some(&Mark::Removed));
        assert_eq!(d.before.get("/id"), Some(&Mark::Removed));
        assert_eq!(d.summary(), "kept $.items[1], 3 dropped");
        assert_eq!(json_path("/a b/x~1y"), "$['a b']['x/y']");
    }

    #[test]
    fn a_value_of_another_kind_is_changed_as_a_whole() {
        let d = Diff::of(&json!({"a": 1}), &json!([1]));
        assert_eq!(d.after.get(""), Some(&Mark::Changed));
        assert_eq!(Diff::of(&json!(1), &json!(1)).summary(), "no change");
    }
}
