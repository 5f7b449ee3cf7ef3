use serde_json::Value;

use crate::diagnostics::Severity;
use crate::edit::palette::{TEMPLATES, search, template};
use crate::edit::states::{Edge, insert_state, scope_of};

const JSONPATH: &str = r#"{
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Next": "Last"},
    "Last": {"Type": "Succeed"}
  }
}"#;

fn errors(text: &str) -> Vec<String> {
    crate::load(text)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {} at {}", d.code, d.message, d.location))
        .collect()
}

#[test]
fn every_template_makes_a_valid_state_in_both_query_languages() {
    let jsonata = JSONPATH.replacen("{\n", "{\n  \"QueryLanguage\": \"JSONata\",\n", 1);
    for machine in [JSONPATH.to_string(), jsonata] {
        for t in TEMPLATES {
            let (name, state) = t.instantiate(&machine).unwrap();
            let out = insert_state(&machine, "", &Edge::Next("First".into()), &name, state).unwrap();
            assert!(errors(&out).is_empty(), "{} in\n{out}\n{:?}", t.id, errors(&out));
            // Twice: the second gets other names, for itself and what it holds.
            let (again, state) = t.instantiate(&out).unwrap();
            assert_ne!(again, name);
            let out = insert_state(&out, "", &Edge::Next("First".into()), &again, state).unwrap();
            assert!(errors(&out).is_empty(), "{} twice:\n{out}\n{:?}", t.id, errors(&out));
        }
    }
}

#[test]
fn tasks_use_the_machine_s_query_language() {
    let (_, state) = template("lambda-invoke").unwrap().instantiate(JSONPATH).unwrap();
    assert_eq!(state["Parameters"]["Payload.$"], "$");
    assert_eq!(state["OutputPath"], "$.Payload");
    let jsonata = JSONPATH.replacen("{\n", "{\n  \"QueryLanguage\": \"JSONata\",\n", 1);
    let (_, state) = template("lambda-invoke").unwrap().instantiate(&jsonata).unwrap();
    assert_eq!(state["Arguments"]["Payload"], "{% $states.input %}");
    let (_, state) = template("sqs-sendmessage-wait").unwrap().instantiate(&jsonata).unwrap();
    assert_eq!(state["Arguments"]["MessageBody"]["TaskToken"], "{% $states.context.Task.Token %}");
}

#[test]
fn the_palette_filters_by_every_word_typed() {
    let ids = |q: &str| search(q).iter().map(|t| t.id).collect::<Vec<_>>();
    assert_eq!(ids("dynamo put"), ["dynamodb-putitem"]);
    assert_eq!(ids("WAIT lambda"), ["lambda-invoke-wait"]);
    assert!(ids("callback").len() >= 5);
    assert_eq!(ids("").len(), TEMPLATES.len());
    assert!(ids("nothing like this").is_empty());
}

#[test]
fn a_state_s_scope_is_found_by_its_name() {
    let (name, state) = template("parallel").unwrap().instantiate(JSONPATH).unwrap();
    let out = insert_state(JSONPATH, "", &Edge::Next("First".into()), &name, state).unwrap();
    let value: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(scope_of(&value, "First").as_deref(), Some(""));
    assert_eq!(scope_of(&value, "Parallel step").as_deref(), Some("/States/Parallel/Branches/0"));
    assert_eq!(scope_of(&value, "Nobody"), None);
}
