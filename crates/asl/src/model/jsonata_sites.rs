//! Where a definition's JSONata expressions are: every `{% ... %}` string of the states that
//! use JSONata, with its JSON pointer, so a host that can parse JSONata (the `asl` command, the
//! playground's editor) can check each and point at it.

use serde_json::Value;

use super::{QueryLanguage, StateMachine};
use crate::exec::expression_body;

/// One JSONata expression of the definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonataSite {
    /// JSON pointer of the string that holds it, e.g. `/States/Pay/Arguments/Amount`.
    pub pointer: String,
    /// The expression, without its delimiters.
    pub expression: String,
}

/// Fields of a state that hold no expressions, or hold other states (visited on their own).
const NOT_EXPRESSIONS: &[&str] = &[
    "Type",
    "Comment",
    "QueryLanguage",
    "Next",
    "End",
    "Resource",
    "Default",
    "States",
    "StartAt",
    "Branches",
    "ItemProcessor",
    "Iterator",
    "Retry",
];

/// Every JSONata expression of `machine`'s JSONata states, read from `definition` (the JSON the
/// machine was built from), in definition order.
pub fn jsonata_sites(definition: &Value, machine: &StateMachine) -> Vec<JsonataSite> {
    let mut out = Vec::new();
    for state in machine.all_states() {
        if state.query_language != QueryLanguage::Jsonata {
            continue;
        }
        let Some(Value::Object(fields)) = definition.pointer(&state.pointer) else { continue };
        for (key, value) in fields {
            if !NOT_EXPRESSIONS.contains(&key.as_str()) {
                collect(value, &format!("{}/{}", state.pointer, escape(key)), &mut out);
            }
        }
    }
    out
}

fn collect(v: &Value, at: &str, out: &mut Vec<JsonataSite>) {
    match v {
        Value::String(s) => {
            if let Some(body) = expression_body(s) {
                out.push(JsonataSite { pointer: at.to_string(), expression: body.to_string() });
            }
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, item)| collect(item, &format!("{at}/{i}"), out)),
        Value::Object(m) => m.iter().for_each(|(k, item)| collect(item, &format!("{at}/{}", escape(k)), out)),
        _ => {}
    }
}

/// A key as a JSON pointer segment.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_the_expressions_of_jsonata_states_only() {
        let definition = json!({"StartAt": "A", "States": {
            "A": {"Type": "Pass", "QueryLanguage": "JSONata", "Comment": "{% not this %}",
                  "Output": {"x": "{% $states.input.x %}", "a/b": ["{% 1 + %}"]}, "Next": "B"},
            "B": {"Type": "Pass", "Parameters": {"y": "{% not JSONata here %}"}, "End": true}
        }});
        let def = crate::load_value(&definition);
        let sites = jsonata_sites(&definition, def.machine.as_ref().unwrap());
        assert_eq!(
            sites,
            [
                JsonataSite { pointer: "/States/A/Output/x".into(), expression: "$states.input.x".into() },
                JsonataSite { pointer: "/States/A/Output/a~1b/0".into(), expression: "1 +".into() },
            ]
        );
    }
}
