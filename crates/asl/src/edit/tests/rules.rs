use serde_json::{Value, json};

use crate::edit::rules::{
    Operand, Rule, add_rule, operand_of, operators, read, read_operand, remove_rule, set_rule, write,
};

const CHOICE: &str = r#"{
  "StartAt": "Route",
  "States": {
    "Route": {
      "Type": "Choice",
      "Choices": [
        {"Variable": "$.kind", "StringEquals": "PURCHASE", "Next": "Buy", "Comment": "buying"},
        {"Not": {"Variable": "$.amount", "NumericGreaterThan": 100}, "Next": "Small"}
      ],
      "Default": "Buy"
    },
    "Buy": {"Type": "Succeed"},
    "Small": {"Type": "Succeed"}
  }
}"#;

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn rules_read_and_write_back_as_they_were() {
    let v = value(CHOICE);
    let rules = v["States"]["Route"]["Choices"].as_array().unwrap();
    assert_eq!(
        read(&rules[0]),
        Rule::Compare { variable: "$.kind".into(), operator: "StringEquals".into(), operand: json!("PURCHASE") }
    );
    let not = read(&rules[1]);
    assert_eq!(
        not,
        Rule::Not(Box::new(Rule::Compare {
            variable: "$.amount".into(),
            operator: "NumericGreaterThan".into(),
            operand: json!(100)
        }))
    );
    assert_eq!(write(&not), json!({"Not": {"Variable": "$.amount", "NumericGreaterThan": 100}}));
    let nested = json!({"And": [{"Variable": "$.a", "IsPresent": true}, {"Or": [{"Variable": "$.b", "BooleanEquals": true}, {"Condition": "{% true %}"}]}]});
    assert_eq!(write(&read(&nested)), nested);
    // What the builder does not know stays as it is.
    for odd in [
        json!({"Variable": "$.a", "Nonsense": 1}),
        json!({"And": 3}),
        json!("text"),
        json!({"Variable": 5, "IsNull": true}),
    ] {
        assert_eq!(read(&odd), Rule::Other(odd.clone()));
        assert_eq!(write(&read(&odd)), odd);
    }
}

#[test]
fn operators_and_their_operands() {
    let ops = operators();
    assert!(ops.contains(&"StringEqualsPath".to_string()) && ops.contains(&"IsTimestamp".to_string()));
    assert!(!ops.contains(&"StringMatchesPath".to_string()) && !ops.contains(&"IsNullPath".to_string()));
    assert_eq!(ops.len(), 23 + 16);
    assert_eq!(operand_of("NumericLessThanPath"), Operand::Path);
    assert_eq!(read_operand("NumericEquals", " 12.5 "), Ok(json!(12.5)));
    assert!(read_operand("NumericEquals", "twelve").is_err());
    assert_eq!(read_operand("IsPresent", "false"), Ok(json!(false)));
    assert!(read_operand("BooleanEquals", "yes").is_err());
    assert_eq!(read_operand("TimestampEquals", "2026-01-01T00:00:00Z"), Ok(json!("2026-01-01T00:00:00Z")));
}

#[test]
fn a_rule_changed_keeps_its_next_and_comment_and_the_rest_of_the_text() {
    let rule = Rule::Compare { variable: "$.kind".into(), operator: "StringEquals".into(), operand: json!("REFUND") };
    let out = set_rule(CHOICE, "", "Route", 0, &rule).unwrap();
    let v = value(&out);
    assert_eq!(
        v["States"]["Route"]["Choices"][0],
        json!({"Variable": "$.kind", "StringEquals": "REFUND", "Next": "Buy", "Comment": "buying"})
    );
    assert_eq!(out.lines().count(), CHOICE.lines().count() + 5, "only the rule's own text changes:\n{out}");
    assert!(out.contains(r#"{"Not": {"Variable": "$.amount", "NumericGreaterThan": 100}, "Next": "Small"}"#));
    assert!(crate::load(&out).diagnostics.iter().all(|d| !d.is_error()));

    let out = add_rule(CHOICE, "", "Route", &Rule::Condition("{% true %}".into()), "Small").unwrap();
    assert_eq!(value(&out)["States"]["Route"]["Choices"][2], json!({"Condition": "{% true %}", "Next": "Small"}));
    let out = remove_rule(CHOICE, "", "Route", 1).unwrap();
    assert_eq!(value(&out)["States"]["Route"]["Choices"].as_array().unwrap().len(), 1);
}
