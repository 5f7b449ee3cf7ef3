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
