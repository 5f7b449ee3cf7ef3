//! The mocks a state machine needs: one per Lambda function, activity or service action its
//! Task states call, named as [`Resource::mock_key`] names them. The playground shows one mock
//! tab per name.

use serde_json::Value;

use super::{StateKind, StateMachine, Template, TemplateValue};

/// One mock the machine needs, and the Task states that use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MockNeed {
    pub key: String,
    pub states: Vec<String>,
    /// The Resource of the first state that uses it.
    pub resource: String,
    /// A state that uses it waits for a callback (`.waitForTaskToken`, an activity): its answer
    /// may come from a person.
    pub callback: bool,
}

/// Every mock the machine's Task states need, in the order the states appear. A
/// `lambda:invoke` whose `FunctionName` comes from the data at run time is keyed by its state's
/// name, which hosts try when no mock has the run-time key.
pub fn mock_needs(machine: &StateMachine) -> Vec<MockNeed> {
    let mut out: Vec<MockNeed> = Vec::new();
    for state in machine.all_states() {
        let StateKind::Task(task) = &state.kind else { continue };
        let static_parameters = match &state.parameters {
            Some(Template::Literal(v)) => Some(v.clone()),
            Some(Template::Object(fields)) => {
                // Only literal fields can name the function before the run.
                let mut m = serde_json::Map::new();
                for f in fields {
                    if let TemplateValue::Static(Template::Literal(v)) = &f.value {
                        m.insert(f.key.clone(), v.clone());
                    }
                }
                Some(Value::Object(m))
            }
            _ => None,
        }
        .or_else(|| state.jsonata.arguments.clone())
        .unwrap_or(Value::Null);
        let mut key = task.resource.mock_key(&static_parameters);
        if key == "lambda:invoke" || key.contains("{%") {
            key = state.name.to_string();
        }
        let callback = task.resource.waits_for_callback();
        match out.iter_mut().find(|n| n.key == key) {
            Some(n) => {
                n.states.push(state.name.to_string());
                n.callback |= callback;
            }
            None => out.push(MockNeed {
                key,
                states: vec![state.name.to_string()],
                resource: task.resource.arn.clone(),
                callback,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_need_per_function() {
        let def = crate::load_value(&json!({"StartAt": "A", "States": {
            "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Pay", "Next": "B"},
            "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "Pay", "Payload.$": "$"}, "Next": "C"},
            "C": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName.$": "$.fn"}, "Next": "D"},
            "D": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}
        }}));
        let needs = mock_needs(def.machine.as_ref().unwrap());
        let keys: Vec<(&str, usize)> = needs.iter().map(|n| (n.key.as_str(), n.states.len())).collect();
        assert_eq!(keys, vec![("Pay", 2), ("C", 1), ("sqs:sendMessage", 1)]);
    }
}
