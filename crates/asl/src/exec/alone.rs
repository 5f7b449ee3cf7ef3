//! One state by itself: the machine the playground's data-flow preview runs. Design mode shows
//! what a state does to its data (InputPath, Parameters or Arguments, ResultSelector,
//! ResultPath, OutputPath, Output, Assign) on a sample input, without running the workflow up
//! to it: the host runs this machine on that input and reads the state's [`Visit`](super::Visit),
//! the payload after each step.

use serde_json::{Map, Value, json};

use crate::edit::states::state;

/// The definition of a state machine that holds only state `name` of `scope` (the pointer of
/// the object holding its `States`: `""` for the machine, `/States/P/Branches/0` for a
/// Parallel's branch, `/States/M/ItemProcessor` for a Map's states), with what it needs to run
/// by itself:
///
/// - `StartAt` is the state, and the machine runs in the query language the state inherits
///   where it is (the machine's, or that of a Parallel, Map, branch or processor around it);
///   the state's own `QueryLanguage` stays;
/// - the state loses `Next` and gets `"End": true`, and loses `Retry` and `Catch`, so that an
///   error shows as the run's failure rather than as another attempt or a catcher's way on;
/// - a Succeed or a Fail stays as it is;
/// - a Choice keeps its rules and `Default`, and each state they lead to is there as a
///   `{"Type": "Succeed"}` of the same name, so that the run shows which way it went;
/// - a Parallel's branches and a Map's processor stay as they are: they hold their own states.
///
/// Refused when the definition is not an object or has no such state.
pub fn state_alone(definition: &Value, scope: &str, name: &str) -> Result<Value, String> {
    let Value::Object(machine) = definition else {
        return Err("The definition is not a JSON object.".to_string());
    };
    let Some(found) = definition.pointer(&state(scope, name)) else {
        return Err(format!("There is no state named '{name}' here."));
    };
    let Value::Object(body) = found else {
        return Err(format!("The state '{name}' is not a JSON object."));
    };
    let mut states = Map::new();
    states.insert(name.to_string(), Value::Object(alone(body.clone())));
    for way in choice_targets(body).into_iter().filter(|w| *w != name) {
        states.entry(way).or_insert_with(|| json!({"Type": "Succeed"}));
    }
    let mut out = Map::new();
    if let Some(language) = inherited_language(definition, machine, scope) {
        out.insert("QueryLanguage".into(), language.clone());
    }
    out.insert("StartAt".into(), Value::String(name.to_string()));
    out.insert("States".into(), Value::Object(states));
    Ok(Value::Object(out))
}

/// The state made to end the flow, with nothing that would hide its error.
fn alone(mut body: Map<String, Value>) -> Map<String, Value> {
    match body.get("Type").and_then(Value::as_str) {
        // These end the flow, or choose a way, themselves.
        Some("Succeed" | "Fail" | "Choice") => {}
        _ => {
            body.retain(|key, _| !matches!(key.as_str(), "Next" | "Retry" | "Catch"));
            body.insert("End".into(), Value::Bool(true));
        }
    }
    body
}

/// The states a Choice's rules and `Default` lead to, in order, each once (none for a state
/// of any other type).
fn choice_targets(body: &Map<String, Value>) -> Vec<String> {
    if body.get("Type").and_then(Value::as_str) != Some("Choice") {
        return Vec::new();
    }
    let rules = body.get("Choices").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let ways = rules.iter().filter_map(|r| r.get("Next")).chain(body.get("Default"));
    let mut found: Vec<String> = Vec::new();
    for way in ways.filter_map(Value::as_str) {
        if !found.iter().any(|f| f == way) {
            found.push(way.to_string());
        }
    }
    found
}

/// The query language a state of `scope` runs in when it names none: the innermost
/// `QueryLanguage` of the machine and of the states and bodies (branches, processors) around
/// the scope. `None` when none names one (JSONPath).
fn inherited_language<'v>(definition: &'v Value, machine: &'v Map<String, Value>, scope: &str) -> Option<&'v Value> {
    let mut found = machine.get("QueryLanguage");
    let mut at = String::new();
    for segment in scope.split('/').skip(1) {
        at.push('/');
        at.push_str(segment);
        // Only a state (it has a Type) or a body (it has States) says which language it uses:
        // the `States` object between them holds states by name, whatever their names.
        let Some(Value::Object(holder)) = definition.pointer(&at) else { continue };
        if holder.contains_key("Type") || holder.contains_key("States") {
            found = holder.get("QueryLanguage").filter(|l| l.is_string()).or(found);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::{Value, json};

    use super::state_alone;
    use crate::exec::{Execution, Options, Outcome, Stage, Status, TaskAnswer, TaskRequest, Visit};
    use crate::host::{self, Answer};

    /// Runs `machine` on `input`, answering tasks with `answer`: its visits and how it ended.
    fn run(machine: &Value, input: Value, answer: impl FnMut(&TaskRequest) -> Answer) -> (Vec<Visit>, Outcome) {
        let def = crate::load_value(machine);
        assert!(!def.has_errors(), "{:?}", def.diagnostics);
        let built = def.machine.expect("a state machine");
        let mut exec = Execution::start(Arc::new(built), input, Options::default()).expect("it starts");
        host::run_to_end(&mut exec, answer);
        let (_, visits, outcome) = exec.into_record();
        (visits, outcome.expect("it ends"))
    }

    fn no_tasks(req: &TaskRequest) -> Answer {
        panic!("no task was expected: {req:?}")
    }

    /// The visit's steps as values.
    fn stages(visit: &Visit) -> Vec<(Stage, Value)> {
        visit.stages.iter().map(|(stage, data)| (*stage, Value::clone(data))).collect()
    }

    const FLOW: &str = r#"{
      "Comment": "orders",
      "TimeoutSeconds": 60,
      "StartAt": "Shape",
      "States": {
        "Shape": {
          "Type": "Pass",
          "Comment": "keeps what matters",
          "InputPath": "$.order",
          "Parameters": {"id.$": "$.id", "total.$": "States.MathAdd($.price, $.tax)"},
          "ResultPath": "$.shaped",
          "OutputPath": "$.shaped",
          "Next": "Charge"
        },
        "Charge": {
          "Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
          "ResultSelector": {"receipt.$": "$.Payload.receipt"},
          "ResultPath": "$.charged",
          "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Refuse"}],
          "Next": "Route"
        },
        "Route": {
          "Type": "Choice",
          "Choices": [
            {"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Review"},
            {"Variable": "$.total", "NumericLessThan": 0, "Next": "Refuse"}
          ],
          "Default": "Ship"
        },
        "Review": {"Type": "Wait", "Seconds": 30, "OutputPath": "$.id", "Next": "Ship"},
        "Ship": {"Type": "Succeed"},
        "Refuse": {"Type": "Fail", "Error": "Refused", "Cause": "no"}
      }
    }"#;

    fn flow() -> Value {
        serde_json::from_str(FLOW).unwrap()
    }

    #[test]
    fn a_pass_runs_alone_and_shows_each_step() {
        let machine = state_alone(&flow(), "", "Shape").unwrap();
        assert_eq!(
            machine,
            json!({"StartAt": "Shape", "States": {"Shape": {
                "Type": "Pass",
                "Comment": "keeps what matters",
                "InputPath": "$.order",
                "Parameters": {"id.$": "$.id", "total.$": "States.MathAdd($.price, $.tax)"},
                "ResultPath": "$.shaped",
                "OutputPath": "$.shaped",
                "End": true
            }}})
        );
        let order = json!({"id": "o-1", "price": 90, "tax": 20});
        let (visits, outcome) = run(&machine, json!({"order": order, "other": true}), no_tasks);
        let shaped = json!({"id": "o-1", "total": 110});
        assert_eq!(
            stages(&visits[0]),
            [
                (Stage::Input, json!({"order": order, "other": true})),
                (Stage::AfterInputPath, order.clone()),
                (Stage::AfterParameters, shaped.clone()),
                (Stage::Result, shaped.clone()),
                // ResultPath writes into the state's raw input, as on AWS.
                (Stage::AfterResultPath, json!({"order": order, "other": true, "shaped": shaped})),
                (Stage::Output, shaped.clone()),
            ]
        );
        assert_eq!((outcome.status, outcome.output), (Status::Succeeded, Some(shaped)));
    }

    #[test]
    fn a_task_runs_alone_without_retry_or_catch() {
        let machine = state_alone(&flow(), "", "Charge").unwrap();
        let charge = &machine["States"]["Charge"];
        assert_eq!(machine["StartAt"], "Charge");
        assert_eq!(machine["States"].as_object().unwrap().len(), 1);
        assert!(["Next", "Retry", "Catch"].iter().all(|k| charge.get(k).is_none()), "{charge}");
        assert_eq!(charge["End"], true);

        let input = json!({"total": 12});
        let answered = |req: &TaskRequest| {
            assert_eq!(req.input, json!({"FunctionName": "charge", "Payload": {"total": 12}}));
            (TaskAnswer::FunctionReturned(json!({"receipt": "r-9", "noise": 1})), 0)
        };
        let (visits, outcome) = run(&machine, input.clone(), answered);
        let after = json!({"total": 12, "charged": {"receipt": "r-9"}});
        let steps = stages(&visits[0]);
        let names: Vec<Stage> = steps.iter().map(|(s, _)| *s).collect();
        assert_eq!(
            names,
            [
                Stage::Input,
                Stage::AfterInputPath,
                Stage::AfterParameters,
                Stage::Result,
                Stage::AfterResultSelector,
                Stage::AfterResultPath,
                Stage::Output
            ]
        );
        assert_eq!(steps[4].1, json!({"receipt": "r-9"}));
        assert_eq!((steps[6].1.clone(), outcome.output), (after.clone(), Some(after)));

        // Its error is the run's failure, tried once: no Retry, no Catch to hide it.
        let mut tries = 0;
        let failing = |_: &TaskRequest| {
            tries += 1;
            (TaskAnswer::Failed { error: "Card.Declined".into(), cause: Some("no funds".into()) }, 0)
        };
        let (_, outcome) = run(&machine, input, failing);
        assert_eq!((outcome.status, outcome.error.as_deref()), (Status::Failed, Some("Card.Declined")));
        assert_eq!(tries, 1);
    }

    #[test]
    fn a_choice_leads_to_a_succeed_named_for_each_way() {
        let machine = state_alone(&flow(), "", "Route").unwrap();
        assert_eq!(machine["States"]["Route"], flow()["States"]["Route"]);
        for way in ["Review", "Refuse", "Ship"] {
            assert_eq!(machine["States"][way], json!({"Type": "Succeed"}));
        }
        assert_eq!(machine["States"].as_object().unwrap().len(), 4);
        for (total, way) in [(150, "Review"), (-1, "Refuse"), (50, "Ship")] {
            let (visits, outcome) = run(&machine, json!({"total": total}), no_tasks);
            let went: Vec<&str> = visits.iter().map(|v| v.state_name.as_str()).collect();
            assert_eq!(went, ["Route", way], "{total}");
            assert_eq!(stages(&visits[0]).last().map(|(s, _)| *s), Some(Stage::Output));
            assert_eq!(outcome.status, Status::Succeeded);
        }
    }

    #[test]
    fn a_wait_waits_then_ends() {
        let machine = state_alone(&flow(), "", "Review").unwrap();
        assert_eq!(
            machine,
            json!({"StartAt": "Review", "States": {"Review": {"Type": "Wait", "Seconds": 30, "OutputPath": "$.id", "End": true}}})
        );
        let (visits, outcome) = run(&machine, json!({"id": "o-1"}), no_tasks);
        assert_eq!(visits[0].exited_at.unwrap() - visits[0].entered_at, 30_000);
        assert_eq!(stages(&visits[0]).last(), Some(&(Stage::Output, json!("o-1"))));
        assert_eq!(outcome.output, Some(json!("o-1")));
    }

    #[test]
    fn succeed_and_fail_stay_as_they_are() {
        for name in ["Ship", "Refuse"] {
            let machine = state_alone(&flow(), "", name).unwrap();
            assert_eq!(machine, json!({"StartAt": name, "States": {name: flow()["States"][name]}}));
        }
        let (_, outcome) = run(&state_alone(&flow(), "", "Refuse").unwrap(), json!({}), no_tasks);
        assert_eq!((outcome.error.as_deref(), outcome.cause.as_deref()), (Some("Refused"), Some("no")));
    }

    const NESTED: &str = r#"{
      "StartAt": "Both",
      "States": {
        "Both": {
          "Type": "Parallel",
          "Branches": [
            {"StartAt": "Add", "States": {
              "Add": {"Type": "Pass", "Parameters": {"sum.$": "States.MathAdd($.a, $.b)"}, "ResultPath": "$.sum", "Next": "Done"},
              "Done": {"Type": "Succeed"}
            }},
            {"StartAt": "Other", "States": {"Other": {"Type": "Pass", "End": true}}}
          ],
          "Retry": [{"ErrorEquals": ["States.ALL"]}],
          "Next": "Each"
        },
        "Each": {
          "Type": "Map",
          "ItemsPath": "$.items",
          "ItemProcessor": {
            "StartAt": "Double",
            "States": {
              "Double": {"Type": "Pass", "InputPath": "$.n", "Parameters": {"twice.$": "States.MathAdd($, $)"}, "Next": "Kept"},
              "Kept": {"Type": "Pass", "End": true}
            }
          },
          "End": true
        }
      }
    }"#;

    #[test]
    fn a_state_of_a_parallel_branch_runs_alone() {
        let nested: Value = serde_json::from_str(NESTED).unwrap();
        let machine = state_alone(&nested, "/States/Both/Branches/0", "Add").unwrap();
        assert_eq!(machine["StartAt"], "Add");
        assert_eq!(machine["States"].as_object().unwrap().keys().collect::<Vec<_>>(), ["Add"]);
        let (visits, _) = run(&machine, json!({"a": 2, "b": 3}), no_tasks);
        assert_eq!(visits[0].state_name, "Add");
        assert!(visits[0].lineage.is_empty());
        assert_eq!(
            stages(&visits[0]),
            [
                (Stage::Input, json!({"a": 2, "b": 3})),
                (Stage::AfterInputPath, json!({"a": 2, "b": 3})),
                (Stage::AfterParameters, json!({"sum": 5})),
                (Stage::Result, json!({"sum": 5})),
                (Stage::AfterResultPath, json!({"a": 2, "b": 3, "sum": {"sum": 5}})),
                (Stage::Output, json!({"a": 2, "b": 3, "sum": {"sum": 5}})),
            ]
        );
    }

    #[test]
    fn a_state_of_a_map_body_runs_alone_on_one_item() {
        let nested: Value = serde_json::from_str(NESTED).unwrap();
        let machine = state_alone(&nested, "/States/Each/ItemProcessor", "Double").unwrap();
        let (visits, outcome) = run(&machine, json!({"n": 21}), no_tasks);
        assert_eq!(stages(&visits[0])[1], (Stage::AfterInputPath, json!(21)));
        assert_eq!(outcome.output, Some(json!({"twice": 42})));
    }

    #[test]
    fn a_parallel_or_map_keeps_its_states() {
        let nested: Value = serde_json::from_str(NESTED).unwrap();
        let machine = state_alone(&nested, "", "Both").unwrap();
        let both = &machine["States"]["Both"];
        assert_eq!(both["Branches"], nested["States"]["Both"]["Branches"]);
        assert!(both.get("Retry").is_none() && both.get("Next").is_none());
        let (_, outcome) = run(&machine, json!({"a": 1, "b": 1}), no_tasks);
        assert_eq!(outcome.output, Some(json!([{"a": 1, "b": 1, "sum": {"sum": 2}}, {"a": 1, "b": 1}])));

        let machine = state_alone(&nested, "", "Each").unwrap();
        assert_eq!(machine["States"]["Each"]["ItemProcessor"], nested["States"]["Each"]["ItemProcessor"]);
        let (visits, outcome) = run(&machine, json!({"items": [{"n": 1}, {"n": 2}]}), no_tasks);
        assert_eq!(outcome.output, Some(json!([{"twice": 2}, {"twice": 4}])));
        // The preview reads the Map's own visit: the first, outside any iteration.
        assert!(visits[0].state_name == "Each" && visits[0].lineage.is_empty());
    }

    #[test]
    fn a_jsonata_state_keeps_the_language_it_runs_in() {
        let definition = json!({
            "QueryLanguage": "JSONata",
            "StartAt": "Price",
            "States": {
                "Price": {
                    "Type": "Pass",
                    "Assign": {"total": "{% $states.input.price * 2 %}"},
                    "Output": {"total": "{% $states.input.price * 2 %}"},
                    "Next": "Done"
                },
                "Done": {"Type": "Succeed"}
            }
        });
        let machine = state_alone(&definition, "", "Price").unwrap();
        assert_eq!(
            machine,
            json!({"QueryLanguage": "JSONata", "StartAt": "Price", "States": {"Price": {
                "Type": "Pass",
                "Assign": {"total": "{% $states.input.price * 2 %}"},
                "Output": {"total": "{% $states.input.price * 2 %}"},
                "End": true
            }}})
        );
        assert!(!crate::load_value(&machine).has_errors());

        // A state inherits the language of the Map it is in, and keeps its own field.
        let definition = json!({
            "StartAt": "Each",
            "States": {"Each": {
                "Type": "Map",
                "QueryLanguage": "JSONata",
                "ItemProcessor": {"StartAt": "One", "States": {
                    "One": {"Type": "Pass", "Output": "{% $states.input %}", "End": true},
                    "Two": {"Type": "Pass", "QueryLanguage": "JSONata", "End": true}
                }},
                "End": true
            }}
        });
        for name in ["One", "Two"] {
            let machine = state_alone(&definition, "/States/Each/ItemProcessor", name).unwrap();
            assert_eq!(machine["QueryLanguage"], "JSONata", "{name}");
            assert_eq!(machine["States"][name], definition["States"]["Each"]["ItemProcessor"]["States"][name]);
            assert!(!crate::load_value(&machine).has_errors(), "{name}");
        }
    }

    #[test]
    fn no_such_state_or_no_definition_is_refused() {
        assert_eq!(state_alone(&flow(), "", "Nobody"), Err("There is no state named 'Nobody' here.".to_string()));
        assert!(state_alone(&flow(), "/States/Shape", "Shape").is_err());
        assert_eq!(state_alone(&json!([1]), "", "Shape"), Err("The definition is not a JSON object.".to_string()));
        let odd = json!({"StartAt": "A", "States": {"A": "Pass"}});
        assert_eq!(state_alone(&odd, "", "A"), Err("The state 'A' is not a JSON object.".to_string()));
    }
}
