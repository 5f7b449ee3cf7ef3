//! The state under test, and the machines the executor runs to test it.
//!
//! TestState runs one state by itself. The executor already does that for design mode's preview
//! (`exec::alone`): the state ends the flow, without Retry and Catch, and a Choice's ways lead
//! to Succeed states of their names. TestState adds to that:
//! - a Map or Parallel is never iterated: the mock is its result, so it runs as a Task with
//!   the same data-flow fields, which the mock answers;
//! - the request's variables are in scope: a Pass before the state assigns them;
//! - a catcher that takes the error is kept (with its target as a Succeed), so that the engine
//!   places the error output as AWS would, ResultPath or JSONata Output alike.

use serde_json::{Map, Value, json};

use super::Exception;
use crate::exec::alone::state_alone;

/// The name of the Pass that puts the request's variables in scope before the state runs.
pub const VARIABLES_STATE: &str = "TestState variables";

/// The resource the Task standing in for a mocked Map or Parallel calls: a function's own
/// ARN, whose answer is the result as it stands.
const STAND_IN: &str = "arn:aws:lambda:us-east-1:123456789012:function:TestStateMock";

/// The state under test.
#[derive(Clone, Debug)]
pub struct Target {
    pub name: String,
    pub body: Map<String, Value>,
    /// The state machine the state is in (a lone state is wrapped in one).
    pub machine: Value,
}

impl Target {
    /// Finds the state: the definition is a state machine (with `stateName`, else its
    /// `StartAt`) or one state.
    pub fn find(definition: &Value, state_name: Option<&str>) -> Result<Target, Exception> {
        let Value::Object(def) = definition else {
            return Err(Exception::invalid_definition(
                "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The definition must be a JSON object'",
            ));
        };
        let (machine, name) = if def.contains_key("States") {
            let start = def.get("StartAt").and_then(Value::as_str);
            let Some(name) = state_name.or(start) else {
                return Err(Exception::validation("State not found in definition"));
            };
            (definition.clone(), name.to_string())
        } else {
            // A lone state has no name of its own; AWS's context calls it StateName too.
            let name = state_name.unwrap_or("StateName").to_string();
            (json!({"StartAt": name, "States": {name.clone(): definition}}), name)
        };
        match machine.pointer(&format!("/States/{}", pointer_part(&name))) {
            Some(Value::Object(body)) => Ok(Target { name, body: body.clone(), machine }),
            _ => Err(Exception::validation("State not found in definition")),
        }
    }

    pub fn kind(&self) -> &str {
        self.body.get("Type").and_then(Value::as_str).unwrap_or_default()
    }

    /// Whether the state runs in JSONata (its own QueryLanguage, else the machine's).
    pub fn jsonata(&self) -> bool {
        let own = self.body.get("QueryLanguage").or(self.machine.get("QueryLanguage"));
        own.and_then(Value::as_str) == Some("JSONata")
    }

    /// The state by itself, as the engine's preview runs it (for the definition's checks).
    pub fn alone(&self) -> Value {
        state_alone(&self.machine, "", &self.name).unwrap_or(Value::Null)
    }

    /// The machine that tests the state: alone, a mocked Map or Parallel as a Task, with the
    /// variables assigned first, and `catcher` (an index into its Catch) kept.
    pub fn test_machine(&self, mocked: bool, variables: Option<&Map<String, Value>>, catcher: Option<usize>) -> Value {
        let mut machine = self.alone();
        let states = machine["States"].as_object_mut().expect("state_alone gives States");
        if let Some(Value::Object(body)) = states.get_mut(&self.name) {
            if mocked && matches!(self.kind(), "Map" | "Parallel") {
                *body = stand_in(body);
            }
            if let Some(i) = catcher
                && let Some(c) = self.body.get("Catch").and_then(|c| c.get(i))
            {
                body.insert("Catch".into(), json!([c]));
                if let Some(next) = c.get("Next").and_then(Value::as_str) {
                    states.entry(next.to_string()).or_insert_with(|| json!({"Type": "Succeed"}));
                }
            }
        }
        if let Some(vars) = variables.filter(|v| !v.is_empty()) {
            states.insert(VARIABLES_STATE.into(), json!({"Type": "Pass", "Assign": vars, "Next": self.name}));
            machine["StartAt"] = json!(VARIABLES_STATE);
        }
        machine
    }

    /// The probe that reads a JSONPath Map's items: the Map with an iteration that returns its
    /// item, and nothing after the items, so that its output is the items (`afterItemsPath`).
    pub fn items_probe(&self) -> Value {
        let mut machine = self.alone();
        if let Some(Value::Object(body)) = machine["States"].get_mut(&self.name) {
            let keep = ["Type", "QueryLanguage", "InputPath", "ItemsPath", "Items", "End"];
            body.retain(|k, _| keep.contains(&k.as_str()));
            body.insert(
                "ItemProcessor".into(),
                json!({"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}),
            );
        }
        machine
    }
}

/// A Task with the data-flow fields of a Map or Parallel: what the state does with its input
/// before its iterations, and with their results after.
fn stand_in(body: &Map<String, Value>) -> Map<String, Value> {
    let keep = [
        "QueryLanguage",
        "Comment",
        "InputPath",
        "ResultSelector",
        "ResultPath",
        "OutputPath",
        "Output",
        "Assign",
        "End",
    ];
    let mut task: Map<String, Value> =
        body.iter().filter(|(k, _)| keep.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect();
    task.insert("Type".into(), json!("Task"));
    task.insert("Resource".into(), json!(STAND_IN));
    task
}

/// A state name as one segment of a JSON pointer.
fn pointer_part(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// The context object AWS gives a tested state when the request gives none: an express
/// execution of a state machine made for the test, the state named StateName.
pub fn default_context(input: &Value, role_arn: Option<&str>, retryable: bool, retry_count: u64, at: &str) -> Value {
    let account = role_arn.and_then(|r| r.split(':').nth(4)).filter(|a| !a.is_empty()).unwrap_or("123456789012");
    let prefix = format!("arn:aws:states:us-east-1:{account}");
    let machine = "TestStateMachine";
    let execution = "00000000-0000-4000-8000-000000000000";
    let mut state = json!({"Name": "StateName", "EnteredTime": at});
    if retryable {
        state["RetryCount"] = json!(retry_count);
    }
    json!({
        "Execution": {
            "Id": format!("{prefix}:express:{machine}:{execution}"),
            "Input": input,
            "Name": execution,
            "RoleArn": role_arn,
            "StartTime": at,
        },
        "StateMachine": {"Id": format!("{prefix}:stateMachine:{machine}"), "Name": machine},
        "State": state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_state_or_a_named_state_of_a_machine_is_found() {
        let lone = Target::find(&json!({"Type": "Pass", "End": true}), None).unwrap();
        assert_eq!(lone.kind(), "Pass");
        let machine = json!({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}});
        assert_eq!(Target::find(&machine, Some("B")).unwrap().kind(), "Succeed");
        assert_eq!(Target::find(&machine, None).unwrap().name, "A");
        assert_eq!(Target::find(&machine, Some("C")).unwrap_err().message, "State not found in definition");
    }

    #[test]
    fn a_mocked_map_runs_as_a_task_with_its_data_flow() {
        let map = json!({"Type": "Map", "InputPath": "$.a", "ItemsPath": "$.b", "ResultPath": "$.c",
            "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}, "Next": "N"});
        let t = Target::find(&map, None).unwrap();
        let m = t.test_machine(true, None, None);
        assert_eq!(
            m["States"]["StateName"],
            json!({"Type": "Task", "Resource": STAND_IN, "InputPath": "$.a", "ResultPath": "$.c", "End": true})
        );
    }

    #[test]
    fn variables_are_assigned_before_the_state_and_a_catcher_is_kept() {
        let task = json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "N",
            "Catch": [{"ErrorEquals": ["A"], "Next": "H1"}, {"ErrorEquals": ["B"], "Next": "H2"}]});
        let t = Target::find(&task, None).unwrap();
        let vars: Map<String, Value> = serde_json::from_value(json!({"x": 1})).unwrap();
        let m = t.test_machine(true, Some(&vars), Some(1));
        assert_eq!(m["StartAt"], VARIABLES_STATE);
        assert_eq!(m["States"]["StateName"]["Catch"], json!([{"ErrorEquals": ["B"], "Next": "H2"}]));
        assert_eq!(m["States"]["H2"], json!({"Type": "Succeed"}));
        assert!(!crate::load_value(&m).has_errors());
    }
}
