//! The `asl` command as people use it: its output, exit codes and messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn asl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asl")).args(args).current_dir(repo()).output().expect("asl runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn fixture(name: &str) -> String {
    format!("crates/asl-cli/tests/fixtures/{name}")
}

fn json_out(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON on stdout ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_reports_both_json_mistakes_of_the_published_order_workflow() {
    let seed = repo().join("../shared/seeds/order-workflow.as-published.asl.json");
    if !seed.exists() {
        eprintln!("skipped: ../shared/seeds is not beside the repository");
        return;
    }
    let o = asl(&["validate", seed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains(":31:29: ERROR INVALID_JSON_DESCRIPTION: trailing comma"), "{text}");
    assert!(lines[1].contains(":199:1: ERROR INVALID_JSON_DESCRIPTION: expected ','"), "{text}");
}

#[test]
fn validate_as_json_and_exit_codes() {
    let o = asl(&["validate", "examples/transaction/definition.asl.json", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_out(&o)["result"], "OK");
    let o = asl(&["validate"]);
    assert_eq!(o.status.code(), Some(2));
    let o = asl(&["validate", "no-such-file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-file.json"));
}

#[test]
fn run_routes_purchase_and_refund_with_the_example_mocks() {
    for (input, message) in [("purchase", "Purchase processed"), ("refund", "Refund processed")] {
        let input = format!("examples/transaction/inputs/{input}.json");
        let o = asl(&[
            "run",
            "examples/transaction/definition.asl.json",
            "--input",
            &input,
            "--mocks",
            "examples/transaction/mocks",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = json_out(&o);
        assert!(out["output"]["Message"].as_str().unwrap().starts_with(message), "{out}");
        let types: Vec<&str> = out["history"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
        assert!(types.contains(&"LambdaFunctionSucceeded"), "{types:?}");
    }
}

#[test]
fn run_fails_with_exit_2_when_no_choice_matches() {
    let o = asl(&["run", "examples/transaction/definition.asl.json", "--input", r#"{"TransactionType": "EXCHANGE"}"#]);
    assert_eq!(o.status.code(), Some(2));
    let out = json_out(&o);
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "States.NoChoiceMatched");
}

#[test]
fn javascript_mocks_retry_by_attempt_and_throw_named_errors() {
    let def = fixture("payment.asl.json");
    let mocks = fixture("mocks-retry");
    let o = asl(&["run", &def, "--input", r#"{"card": "4111", "amount": 12}"#, "--mocks", &mocks]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = json_out(&o);
    assert_eq!(out["output"], serde_json::json!({"charged": 12, "attempt": 3}));
    let history = out["history"].as_array().unwrap();
    let failed = history.iter().filter(|e| e["type"] == "TaskFailed").count();
    assert_eq!(failed, 2);
    // Two backoffs (2 s, then 4 s) and three calls of 250 ms each, in virtual time.
    let end = history.last().unwrap()["timestamp"].as_str().unwrap();
    assert_eq!(end, "2026-01-01T00:00:06.750Z");

    let o = asl(&["run", &def, "--input", r#"{"card": "4110", "amount": 12}"#, "--mocks", &mocks]);
    let out = json_out(&o);
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(out["output"]["error"]["Error"], "Payment.InvalidCard");
    let cause: Value = serde_json::from_str(out["output"]["error"]["Cause"].as_str().unwrap()).unwrap();
    assert_eq!(cause["errorMessage"], "Card declined");
    assert_eq!(cause["errorType"], "Payment.InvalidCard");
}

#[test]
fn a_mock_that_never_returns_times_out_at_timeout_seconds() {
    let o = asl(&[
        "run",
        &fixture("payment.asl.json"),
        "--input",
        r#"{"card": "4111", "amount": 12}"#,
        "--mocks",
        &fixture("mocks-hang"),
        "--mock-timeout",
        "300",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let out = json_out(&o);
    assert_eq!(out["error"], "States.Timeout");
    let history = out["history"].as_array().unwrap();
    assert!(history.iter().any(|e| e["type"] == "TaskTimedOut"));
    // TimeoutSeconds is 30: the task times out 30 s after it started, in virtual time.
    assert_eq!(history.last().unwrap()["timestamp"], "2026-01-01T00:00:30.000Z");
}

#[test]
fn a_mock_that_does_not_load_is_a_clear_error() {
    let o = asl(&["run", &fixture("payment.asl.json"), "--input", "{}", "--mocks", &fixture("mocks-broken")]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("mocks-broken/Charge.js") && e.contains("does not load"), "{e}");
}

#[test]
fn a_mock_returning_nonsense_fails_the_task() {
    let o = asl(&[
        "run",
        &fixture("payment.asl.json"),
        "--input",
        r#"{"card": "4111"}"#,
        "--mocks",
        &fixture("mocks-nonsense"),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let out = json_out(&o);
    assert_eq!(out["error"], "Mock.InvalidResult");
}

#[test]
fn bad_input_says_what_and_where() {
    let o = asl(&["run", "examples/transaction/definition.asl.json", "--input", "{\"a\": 1,\n \"b\": }"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("input is not valid JSON") && e.contains("line 2"), "{e}");
    assert!(o.stdout.is_empty());
}

#[test]
fn mock_config_files_replay_responses_by_invocation() {
    let dir = std::env::temp_dir().join(format!("asl-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("mocks.json");
    std::fs::write(
        &config,
        r#"{"StateMachines": {"Payments": {"TestCases": {"Declined": {"Charge": "Decline"}}}},
            "MockedResponses": {"Decline": {"0": {"Throw": {"Error": "Payment.InvalidCard", "Cause": "no"}}}}}"#,
    )
    .unwrap();
    let o = asl(&[
        "run",
        &fixture("payment.asl.json"),
        "--input",
        "{}",
        "--mock-config",
        config.to_str().unwrap(),
        "--test-case",
        "Declined",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_out(&o)["output"]["error"], serde_json::json!({"Error": "Payment.InvalidCard", "Cause": "no"}));
    let o =
        asl(&["run", &fixture("payment.asl.json"), "--mock-config", config.to_str().unwrap(), "--test-case", "Nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no test case 'Nope'"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_invalid_definition_does_not_start() {
    let o = asl(&["run", "../shared/seeds/order-workflow.as-published.asl.json", "--input", "{}"]);
    if !repo().join("../shared/seeds").exists() {
        return;
    }
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(":31:29: ERROR INVALID_JSON_DESCRIPTION"));
}

#[test]
fn a_callback_no_mock_answers_leaves_the_execution_running_and_says_what_it_waits_for() {
    let definition = repo().join("examples/human-approval/definition.asl.json");
    let input = repo().join("examples/human-approval/input.json");
    let (definition, input) = (definition.to_str().unwrap(), input.to_str().unwrap());
    for mocks in [None, Some(fixture("mocks-person"))] {
        let mut args = vec!["run", definition, "--input", input];
        if let Some(m) = &mocks {
            args.extend(["--mocks", m.as_str()]);
        }
        let o = asl(&args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let out = json_out(&o);
        assert_eq!(out["status"], "RUNNING");
        let waiting = &out["waitingForCallback"][0];
        assert_eq!(waiting["stateName"], "Request Approval");
        assert_eq!(waiting["input"]["MessageBody"]["TaskToken"], waiting["taskToken"]);
        assert_eq!(waiting["deadline"]["kind"], "HeartbeatTimeout");
        assert_eq!(waiting["deadline"]["timestamp"], "2026-01-01T01:00:00.000Z");
        let last = out["history"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["type"], "TaskSubmitted", "the clock stopped before the heartbeat deadline");
    }
    let o = asl(&["run", definition, "--input", input, "--mocks", &fixture("mocks-auto-approve")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_out(&o)["output"]["decision"], serde_json::json!({"approved": true, "approver": "policy"}));
}

#[test]
fn waiting_for_a_callback_on_a_task_without_one_fails_the_task() {
    let o = asl(&["run", &fixture("payment.asl.json"), "--input", "{}", "--mocks", &fixture("mocks-person")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let out = json_out(&o);
    assert_eq!(out["error"], "Mock.InvalidResult");
    assert!(out["cause"].as_str().unwrap().contains("waitForCallback() is for callback tasks"), "{out}");
}

/// A file in a fresh temporary folder (removed with it when the test ends).
fn temp_file(name: &str, text: &str) -> (tempdir::Dir, String) {
    let dir = tempdir::Dir::new();
    let path = dir.0.join(name);
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

mod tempdir {
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new() -> Dir {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let n = NEXT.fetch_add(1, Ordering::SeqCst);
            let path = std::env::temp_dir().join(format!("asl-cli-test-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[test]
fn a_sam_template_runs_its_chosen_state_machine_with_its_substitutions() {
    let template = fixture("templates/sam-orders.yaml");
    let mocks = fixture("templates/mocks");
    // Two state machines: the command asks which.
    let o = asl(&["run", &template, "--input", "{}"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("defines 2 state machines (OrderFlow, Cleanup): choose one with --state-machine ID"),
        "{}",
        stderr(&o)
    );
    let o = asl(&["run", &template, "--state-machine", "Nope", "--input", "{}"]);
    assert!(stderr(&o).contains("has no state machine Nope (it has OrderFlow, Cleanup)"), "{}", stderr(&o));

    // !GetAtt CheckStock.Arn names the mock CheckStock; ${Table} is DefinitionSubstitutions'.
    let o = asl(&["run", &template, "--state-machine", "OrderFlow", "--input", r#"{"id": "o-1"}"#, "--mocks", &mocks]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = json_out(&o);
    assert_eq!(out["output"]["stock"], serde_json::json!({"available": true, "id": "o-1"}));
    let event = |out: &Value, kind: &str| {
        out["history"].as_array().unwrap().iter().find(|e| e["type"] == kind).cloned().unwrap()
    };
    let parameters: Value =
        serde_json::from_str(event(&out, "TaskScheduled")["taskScheduledEventDetails"]["parameters"].as_str().unwrap())
            .unwrap();
    assert_eq!(parameters["TableName"], "OrdersTable");
    assert_eq!(parameters["Item"]["stage"]["S"], "dev");
    let check = &event(&out, "LambdaFunctionScheduled")["lambdaFunctionScheduledEventDetails"]["resource"];
    assert_eq!(check, "arn:aws:lambda:us-east-1:123456789012:function:CheckStock");

    // --subs then --sub, the last word.
    let (_dir, subs) = temp_file("subs.json", r#"{"Table": "from-file", "Stage": "prod"}"#);
    let o = asl(&[
        "run",
        &template,
        "--state-machine",
        "OrderFlow",
        "--input",
        r#"{"id": "o-2"}"#,
        "--mocks",
        &mocks,
        "--subs",
        &subs,
        "--sub",
        "Table=given",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = json_out(&o);
    let parameters: Value =
        serde_json::from_str(event(&out, "TaskScheduled")["taskScheduledEventDetails"]["parameters"].as_str().unwrap())
            .unwrap();
    assert_eq!(parameters["TableName"], "given");
    assert_eq!(parameters["Item"]["stage"]["S"], "prod");
}

/// A template as `cdk synth` writes it (`cdk.out/*.template.json`): the definition is an
/// `Fn::Join` of JSON text, `Ref`s and `Fn::GetAtt`s, among CDK's metadata, conditions,
/// parameters and rules.
#[test]
fn a_cdk_template_runs_with_its_joined_definition() {
    let template = fixture("templates/OrdersStack.template.json");
    let o = asl(&["validate", &template]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("(OrderFlowCE4B4FF5's DefinitionString): 0 error(s), 0 warning(s)"), "{}", stderr(&o));

    // The function's logical id names its mock; the table's Ref is its name.
    let (dir, _) =
        temp_file("CheckStockFunction6B3B0E1D.js", "export default (event) => ({ ...event, available: true });\n");
    let mocks = dir.0.to_str().unwrap().to_string();
    let o = asl(&["run", &template, "--input", r#"{"id": "o-9"}"#, "--mocks", &mocks]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = json_out(&o);
    assert_eq!(out["output"], serde_json::json!({"id": "o-9", "available": true}));
    let scheduled: Vec<Value> = out["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "TaskScheduled")
        .map(|e| e["taskScheduledEventDetails"].clone())
        .collect();
    let parameters =
        |i: usize| -> Value { serde_json::from_str(scheduled[i]["parameters"].as_str().unwrap()).unwrap() };
    assert_eq!(scheduled[0]["resourceType"], "lambda");
    assert_eq!(
        parameters(0)["FunctionName"],
        "arn:aws:lambda:us-east-1:123456789012:function:CheckStockFunction6B3B0E1D"
    );
    assert_eq!(scheduled[1]["resourceType"], "dynamodb");
    assert_eq!(parameters(1)["TableName"], "OrdersTable315BB997");
}

#[test]
fn a_definition_uri_is_read_beside_the_template_and_unvalued_placeholders_are_said() {
    let template = fixture("templates/sam-orders.yaml");
    let o = asl(&["validate", &template, "--state-machine", "Cleanup"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("cleanup.asl.json:6:46: WARNING PLACEHOLDER_WITHOUT_VALUE: ${Note} has no value"), "{out}");
    assert!(!out.contains("${Bucket}"), "Bucket is valued by DefinitionSubstitutions: {out}");
    let o = asl(&["run", &template, "--state-machine", "Cleanup", "--input", "{}", "--sub", "Note=hello"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_out(&o)["output"], serde_json::json!({"bucket": "archive", "note": "hello"}));
    let o = asl(&["run", &template, "--state-machine", "Cleanup", "--input", "{}"]);
    assert!(stderr(&o).contains("${Note} has no value and runs as that text"), "{}", stderr(&o));
    let o = asl(&["run", &template, "--state-machine", "Cleanup", "--input", "{}", "--sub", "Note"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--sub takes KEY=VALUE"), "{}", stderr(&o));
}

#[test]
fn yaml_mistakes_are_placed_in_the_template_and_what_cannot_be_opened_is_said() {
    let yaml = "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Pass\n            Next: Nowhere\n";
    let (_dir, path) = temp_file("template.yaml", yaml);
    let o = asl(&["validate", &path]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("template.yaml:10:19: ERROR MISSING_TRANSITION_TARGET"), "{out}");

    let cases = [
        ("Resources:\n  B:\n    Type: AWS::S3::Bucket\n", "defines no state machine"),
        (
            "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri:\n        Bucket: b\n        Key: k.json\n",
            "in S3 (s3://b/k.json)",
        ),
        (
            "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: absent.json\n",
            "DefinitionUri absent.json cannot be read",
        ),
    ];
    for (text, said) in cases {
        let (_dir, path) = temp_file("template.yaml", text);
        for command in ["validate", "run"] {
            let o = asl(&[command, &path]);
            assert_eq!(o.status.code(), Some(1), "{command} {text}");
            assert!(stderr(&o).contains(said), "{command}: {}", stderr(&o));
        }
    }
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
    let (_dir, path) = temp_file("bomb.yaml", bomb);
    let o = asl(&["validate", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("aliases expand to more than"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}
