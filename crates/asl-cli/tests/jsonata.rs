//! JSONata through the `asl` command: Step Functions' own functions, the virtual clock and the
//! run's seed, and what Step Functions refuses (`$eval`, the operators JSONata gained after
//! 2.0.6), each ending as AWS ends it: States.QueryEvaluationError naming the field.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// Runs `definition` with `input` (and `--seed`), returning the printed result.
fn run(name: &str, definition: Value, input: Value, seed: u64) -> Value {
    let dir = std::env::temp_dir().join(format!("asl-jsonata-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file: PathBuf = dir.join(format!("{name}.asl.json"));
    std::fs::write(&file, definition.to_string()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_asl"))
        .args(["run", file.to_str().unwrap(), "--input", &input.to_string(), "--seed", &seed.to_string()])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("asl runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}); stderr: {}", String::from_utf8_lossy(&out.stderr)))
}

fn pass(output: &str) -> Value {
    pass_value(json!(output))
}

fn pass_value(output: Value) -> Value {
    json!({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": output, "End": true}}})
}

#[test]
fn step_functions_functions_evaluate_as_documented() {
    let definition = json!({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {
        "Type": "Pass",
        "Output": {
            "chunks": "{% $partition([1, 2, 3, 4, 5], 2) %}",
            "range": "{% $range(0, 10, 5) %}",
            "hash": "{% $hash('hello', 'SHA-256') %}",
            "parsed": "{% $parse('{\"a\": [1]}') %}",
            "uuid": "{% $uuid() %}",
            "random": "{% $random() %}",
            "seeded": "{% $random(7) = $random(7) %}",
            "now": "{% $now() %}"
        },
        "End": true
    }}});
    let out = run("functions", definition.clone(), json!({}), 1);
    assert_eq!(out["status"], "SUCCEEDED", "{out}");
    let o = &out["output"];
    assert_eq!(o["chunks"], json!([[1, 2], [3, 4], [5]]));
    assert_eq!(o["range"], json!([0, 5, 10]));
    assert_eq!(o["hash"], "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assert_eq!(o["parsed"], json!({"a": [1]}));
    assert_eq!(o["seeded"], true);
    assert!(o["uuid"].as_str().unwrap().chars().nth(14) == Some('4'), "a version 4 UUID: {}", o["uuid"]);
    // $now() reads the execution's clock: the state was entered when the execution started.
    assert!(o["now"].as_str().unwrap().starts_with(&out["history"][1]["timestamp"].as_str().unwrap()[..19]));
    // The same seed gives the same run; another seed another uuid and draw.
    assert_eq!(run("functions", definition.clone(), json!({}), 1)["output"], *o);
    let other = run("functions", definition, json!({}), 2);
    assert_ne!(other["output"]["uuid"], o["uuid"]);
}

#[test]
fn eval_and_the_operators_after_2_0_6_are_refused() {
    for (expression, what) in [("{% $eval('1 + 1') %}", "$eval"), ("{% $states.input.a ?? 1 %}", "cannot be used")] {
        let out = run("refused", pass(expression), json!({"a": 1}), 1);
        assert_eq!(out["status"], "FAILED", "{expression}: {out}");
        assert_eq!(out["error"], "States.QueryEvaluationError");
        let cause = out["cause"].as_str().unwrap();
        assert!(cause.contains("specified for the field 'Output'"), "{cause}");
        assert!(cause.contains(what), "{expression}: {cause}");
    }
}

#[test]
fn evaluation_errors_carry_jsonata_s_code_and_message_inside_aws_s_cause() {
    let prefix = "An error occurred while executing the state 'P' (entered at the event id #2). ";
    for (expression, field, rest) in [
        ("{% $nope(1) %}", "Output", "threw an error during evaluation. T1006: Attempted to invoke a non-function"),
        (
            "{% 'a' + 1 %}",
            "Output",
            "threw an error during evaluation. T2001: The left side of the \"+\" operator must evaluate to a number",
        ),
        ("{% $undefinedVariable %}", "Output", "returned nothing (undefined)."),
    ] {
        let out = run("evaluation-error", pass(expression), json!({}), 1);
        assert_eq!(out["error"], "States.QueryEvaluationError", "{expression}: {out}");
        let body = expression.trim_start_matches("{% ").trim_end_matches(" %}");
        let want = format!("{prefix}The JSONata expression '{body}' specified for the field '{field}' {rest}");
        assert_eq!(out["cause"], want.as_str(), "{expression}");
        let failed = out["history"].as_array().unwrap().iter().find(|e| e["type"] == "EvaluationFailed").unwrap();
        assert_eq!(failed["evaluationFailedEventDetails"]["location"], field);
    }
    // A field nested in a list is named with the element's index in brackets.
    let nested = run("nested", pass_value(json!({"list": [1, "{% $nope() %}"]})), json!({}), 1);
    assert!(nested["cause"].as_str().unwrap().contains("specified for the field 'Output/list[1]'"), "{nested}");
}

#[test]
fn a_jsonata_map_over_an_input_that_is_not_a_list_fails_with_map_state_failed() {
    let definition = json!({"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {
        "Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true
    }}});
    let out = run("map-input", definition, json!({"a": 1}), 1);
    assert_eq!(out["error"], "States.QueryEvaluationError");
    assert!(out["cause"].as_str().unwrap().ends_with(r#"Map state input must be an array but was: {"a":1}"#), "{out}");
    let types: Vec<&str> = out["history"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["ExecutionStarted", "MapStateEntered", "EvaluationFailed", "MapStateFailed", "ExecutionFailed"]);
    // The failure is the state input's, not a field's: no location.
    assert!(out["history"][2]["evaluationFailedEventDetails"].get("location").is_none());
}

#[test]
fn a_non_terminating_expression_is_stopped() {
    let out = run("forever", pass("{% ($f := function($x) { $f($x + 1) }; $f(0)) %}"), json!({}), 1);
    assert_eq!(out["status"], "FAILED", "{out}");
    assert_eq!(out["error"], "States.QueryEvaluationError");
}

#[test]
fn validate_reports_an_expression_that_does_not_parse_where_it_is() {
    let dir = std::env::temp_dir().join(format!("asl-jsonata-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.asl.json");
    let text = "{\n  \"QueryLanguage\": \"JSONata\",\n  \"StartAt\": \"P\",\n  \"States\": {\n    \"P\": {\"Type\": \"Pass\", \"Output\": \"{% $states.input + %}\", \"End\": true}\n  }\n}\n";
    std::fs::write(&file, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_asl")).args(["validate", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("broken.asl.json:5:37: ERROR SCHEMA_VALIDATION_FAILED: The JSONata expression '$states.input +' is not valid"), "{stdout}");
    assert!(stdout.contains("(at /States/P/Output)"), "{stdout}");
}
