use serde_json::{Value, json};

use crate::edit::fields::{Kind, machine_fields, read, refusal, set, set_machine, show, state_fields};
use crate::edit::palette::{Language, TEMPLATES};
use crate::edit::states::{Edge, insert_state, set_field};

const MACHINE: &str = r#"{
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Next": "Last"},
    "Last": {"Type": "Succeed"}
  }
}"#;

/// A value the engine accepts for `key` in a state of `kind`.
fn sample(key: &str, language: Language) -> Value {
    let jsonata = language == Language::Jsonata;
    match key {
        "Resource" => json!("arn:aws:states:::lambda:invoke"),
        "TimeoutSeconds" | "HeartbeatSeconds" | "Seconds" | "MaxConcurrency" | "ToleratedFailureCount" => json!(30),
        "ToleratedFailurePercentage" => json!(10),
        "Timestamp" => json!("2026-01-01T00:00:00Z"),
        "Choices" if jsonata => json!([{"Condition": "{% true %}", "Next": "Last"}]),
        "Choices" => json!([{"Variable": "$.x", "IsPresent": true, "Next": "Last"}]),
        "Items" | "Output" => json!("{% $states.input %}"),
        "Error" | "Cause" => json!("Oops"),
        "ItemSelector" | "Parameters" | "Arguments" | "ResultSelector" | "Result" | "Assign" if jsonata => {
            json!({"a": 1})
        }
        "ItemSelector" | "Parameters" | "ResultSelector" => json!({"a.$": "$"}),
        "Result" | "Assign" => json!({"a": 1}),
        "ItemReader" | "ResultWriter" => {
            let (resource, target) = match key {
                "ItemReader" => ("arn:aws:states:::s3:getObject", json!({"Bucket": "b", "Key": "k"})),
                _ => ("arn:aws:states:::s3:putObject", json!({"Bucket": "b", "Prefix": "out"})),
            };
            let mut value = json!({"Resource": resource});
            value[if jsonata { "Arguments" } else { "Parameters" }] = target;
            if key == "ItemReader" {
                value["ReaderConfig"] = json!({"InputType": "JSON"});
            }
            value
        }
        "ItemBatcher" => json!({"MaxItemsPerBatch": 2}),
        "Retry" => json!([{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}]),
        "Catch" => json!([{"ErrorEquals": ["States.ALL"], "Next": "Last"}]),
        _ => json!("$"),
    }
}

#[test]
fn every_field_offered_is_one_the_engine_takes_for_that_state() {
    for language in [Language::JsonPath, Language::Jsonata] {
        let machine = match language {
            Language::JsonPath => MACHINE.to_string(),
            Language::Jsonata => MACHINE.replacen("{\n", "{\n  \"QueryLanguage\": \"JSONata\",\n", 1),
        };
        for template in TEMPLATES.iter().filter(|t| t.group == "Flow" || t.id == "lambda-invoke") {
            let (name, state) = template.instantiate(&machine).unwrap();
            let kind = state["Type"].as_str().unwrap().to_string();
            let fields = state_fields(&state, language);
            let base = insert_state(&machine, "", &Edge::Next("First".into()), &name, state).unwrap();
            for field in fields {
                let text = set(&base, "", &name, field.key, Some(sample(field.key, language))).unwrap();
                let problem = refusal(&base, &text, &format!("/States/{name}"));
                assert!(problem.is_none(), "{language:?} {kind} {}: {problem:?}\n{text}", field.key);
            }
        }
    }
}

#[test]
fn a_value_the_engine_finds_wrong_is_refused_with_its_message() {
    let retry = set_field(MACHINE, "", "First", "Comment", Some(json!("fine"))).unwrap();
    assert_eq!(refusal(MACHINE, &retry, "/States/First"), None);
    let bad_path = set_field(MACHINE, "", "First", "InputPath", Some(json!("$.."))).unwrap();
    let message = refusal(MACHINE, &bad_path, "/States/First/InputPath").unwrap();
    assert!(!message.is_empty());
    let negative = set_field(MACHINE, "", "First", "Result", Some(json!(1))).unwrap();
    assert_eq!(refusal(MACHINE, &negative, "/States/First"), None);
    let task = MACHINE.replace(
        r#"{"Type": "Pass", "Next": "Last"}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Last"}"#,
    );
    let negative =
        set_field(&task, "", "First", "Retry", Some(json!([{"ErrorEquals": ["States.ALL"], "MaxAttempts": -1}])))
            .unwrap();
    assert!(refusal(&task, &negative, "/States/First/Retry").is_some());
    // Errors elsewhere, or already there, are not this field's.
    assert_eq!(refusal(&negative, &negative, "/States/First/Retry"), None);
    assert_eq!(refusal(&task, &negative, "/States/Last"), None);
}

#[test]
fn a_field_s_text_becomes_its_value() {
    assert_eq!(read(Kind::Text, "$.x"), Ok(Some(json!("$.x"))));
    assert_eq!(read(Kind::Text, "  "), Ok(None));
    assert_eq!(read(Kind::Value, "30"), Ok(Some(json!(30))));
    assert_eq!(read(Kind::Value, "{% $x %}"), Ok(Some(json!("{% $x %}"))));
    assert_eq!(read(Kind::Json, "{\"a\": 1}"), Ok(Some(json!({"a": 1}))));
    assert!(read(Kind::Json, "{\"a\": }").unwrap_err().starts_with("not valid JSON"));
    assert_eq!(read(Kind::Options(&["JSONPath", "JSONata"]), "JSONata"), Ok(Some(json!("JSONata"))));
    assert!(read(Kind::Options(&["JSONPath", "JSONata"]), "XPath").is_err());
    assert_eq!(show(Kind::Json, Some(&json!({"a": 1}))), "{\n  \"a\": 1\n}");
    assert_eq!(show(Kind::Value, Some(&json!(5))), "5");
    assert_eq!(show(Kind::Text, None), "");
    assert_eq!(machine_fields().len(), 3);
}

#[test]
fn a_value_set_replaces_its_alternatives() {
    let wait =
        MACHINE.replace(r#"{"Type": "Pass", "Next": "Last"}"#, r#"{"Type": "Wait", "Seconds": 5, "Next": "Last"}"#);
    let out = set(&wait, "", "First", "TimestampPath", Some(json!("$.when"))).unwrap();
    assert!(out.contains(r#"{"Type": "Wait", "TimestampPath": "$.when", "Next": "Last"}"#), "{out}");
    let out = set(&out, "", "First", "TimestampPath", None).unwrap();
    assert!(out.contains(r#"{"Type": "Wait", "Next": "Last"}"#), "{out}");
}

#[test]
fn the_machine_s_settings_go_before_its_start() {
    let out = set_machine(MACHINE, "Comment", Some(json!("orders"))).unwrap();
    assert!(out.starts_with("{\n  \"Comment\": \"orders\",\n  \"StartAt\""), "{out}");
    let out = set_machine(&out, "TimeoutSeconds", Some(json!(60))).unwrap();
    assert!(out.contains("\"Comment\": \"orders\",\n  \"TimeoutSeconds\": 60,\n  \"StartAt\""), "{out}");
    let out = set_machine(&out, "Comment", None).unwrap();
    let back = set_machine(&out, "TimeoutSeconds", None).unwrap();
    assert_eq!(back, MACHINE);
}
