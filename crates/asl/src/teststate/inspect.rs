//! `inspectionData` at DEBUG and TRACE: the state's payload after each data-flow step it has,
//! as JSON text, named as AWS names them. Which steps a state shows depends on its type and
//! query language: a JSONata state shows its input, Arguments and result (not the JSONPath
//! steps it does not have); a Pass with a `Result` shows that result in place of its input's
//! steps; a mocked Parallel shows only what happens to its result; a Map shows its items
//! (JSONPath) and its MaxConcurrency and tolerance. A step the state did not reach (it failed
//! first) is left out.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::machine::Target;
use crate::exec::Stage;

/// What the runs of a state showed of its data.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub stages: HashMap<&'static str, Value>,
    /// A JSONPath Map's items (`afterItemsPath`), when it read them.
    pub items: Option<Value>,
    /// A Map got as far as its iterations.
    pub iterated: bool,
    /// The variables in scope after the state.
    pub variables: Map<String, Value>,
}

impl Seen {
    /// Keeps a visit's steps (a later run's step replaces an earlier one's).
    pub fn add(&mut self, stages: &[(Stage, crate::exec::Data)]) {
        for (stage, data) in stages {
            self.stages.insert(name(*stage), Value::clone(data));
        }
    }
}

fn name(stage: Stage) -> &'static str {
    match stage {
        Stage::Input => "input",
        Stage::AfterInputPath => "afterInputPath",
        Stage::AfterParameters => "afterParameters",
        Stage::AfterArguments => "afterArguments",
        Stage::AfterItemSelector => "afterItemSelector",
        Stage::AfterItemReader => "afterItemReader",
        Stage::AfterItemBatcher => "afterItemBatcher",
        Stage::Result => "result",
        Stage::AfterResultSelector => "afterResultSelector",
        Stage::AfterResultPath => "afterResultPath",
        Stage::Output => "output",
    }
}

/// The inspection data of `target` from what its runs showed.
pub fn data(target: &Target, seen: &Seen) -> Map<String, Value> {
    let mut out = Map::new();
    let get = |k: &str| seen.stages.get(k).cloned();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(v) = value {
            out.insert(key.to_string(), Value::String(v.to_string()));
        }
    };
    put("input", get("input"));
    let kind = target.kind();
    if target.jsonata() {
        if kind == "Task" {
            put("afterArguments", get("afterArguments"));
            put("result", get("result"));
        }
    } else {
        // A step a state does not have passes its value on: ResultSelector's is the result.
        let selected = get("afterResultSelector").or_else(|| get("result"));
        match kind {
            "Pass" if target.body.contains_key("Result") => {
                put("result", get("result"));
                put("afterResultSelector", selected);
                put("afterResultPath", get("afterResultPath"));
            }
            "Pass" | "Task" => {
                put("afterInputPath", get("afterInputPath"));
                put("afterParameters", get("afterParameters").or_else(|| get("result").filter(|_| kind == "Pass")));
                if kind == "Task" {
                    put("result", get("result"));
                }
                put("afterResultSelector", selected);
                put("afterResultPath", get("afterResultPath"));
            }
            "Parallel" => {
                put("afterResultSelector", selected);
                put("afterResultPath", get("afterResultPath"));
            }
            "Map" => {
                put("afterInputPath", get("afterInputPath"));
                put("afterItemsPath", seen.items.clone());
                put("afterResultSelector", selected);
                put("afterResultPath", get("afterResultPath"));
            }
            // A state without InputPath (a Fail has none) passes its input on unchanged.
            _ => put(
                "afterInputPath",
                get("afterInputPath").or_else(|| get("input").filter(|_| !target.body.contains_key("InputPath"))),
            ),
        }
    }
    if kind == "Map" && seen.iterated {
        let number = |k: &str| target.body.get(k).filter(|v| v.is_number()).cloned();
        out.insert("maxConcurrency".into(), number("MaxConcurrency").unwrap_or(Value::from(0)));
        for (field, key) in [
            ("ToleratedFailureCount", "toleratedFailureCount"),
            ("ToleratedFailurePercentage", "toleratedFailurePercentage"),
        ] {
            if let Some(v) = number(field) {
                out.insert(key.into(), v);
            }
        }
    }
    if !seen.variables.is_empty() {
        out.insert("variables".into(), Value::String(Value::Object(seen.variables.clone()).to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn seen(stages: &[(&'static str, Value)]) -> Seen {
        Seen { stages: stages.iter().cloned().collect(), ..Seen::default() }
    }

    fn keys(m: &Map<String, Value>) -> Vec<&str> {
        let mut k: Vec<&str> = m.keys().map(String::as_str).collect();
        k.sort_unstable();
        k
    }

    #[test]
    fn a_pass_with_a_result_shows_the_result_not_its_input_steps() {
        let t = Target::find(&json!({"Type": "Pass", "Result": 1, "End": true}), None).unwrap();
        let s = seen(&[
            ("input", json!({})),
            ("afterInputPath", json!({})),
            ("result", json!(1)),
            ("afterResultPath", json!(1)),
        ]);
        let d = data(&t, &s);
        assert_eq!(keys(&d), ["afterResultPath", "afterResultSelector", "input", "result"]);
        assert_eq!(d["afterResultSelector"], "1");
    }

    #[test]
    fn a_jsonata_task_shows_arguments_and_result() {
        let t = Target::find(&json!({"Type": "Task", "QueryLanguage": "JSONata", "Resource": "x", "End": true}), None)
            .unwrap();
        let s = seen(&[("input", json!(1)), ("afterArguments", json!(2)), ("result", json!(3)), ("output", json!(3))]);
        assert_eq!(keys(&data(&t, &s)), ["afterArguments", "input", "result"]);
    }

    #[test]
    fn a_map_that_iterated_shows_its_concurrency_and_tolerance() {
        let map = json!({"Type": "Map", "ToleratedFailureCount": 2, "End": true,
            "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}});
        let t = Target::find(&map, None).unwrap();
        let mut s = seen(&[("input", json!([1]))]);
        assert_eq!(keys(&data(&t, &s)), ["input"]);
        s.iterated = true;
        let d = data(&t, &s);
        assert_eq!((d["maxConcurrency"].clone(), d["toleratedFailureCount"].clone()), (json!(0), json!(2)));
    }
}
