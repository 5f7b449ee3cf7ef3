//! `asl replay`: every recorded history of `../shared/conformance/histories/`, run again with
//! its case's definition, input, context and S3 objects, is the same as the recording (the
//! rate is printed; the goal is 97%), and the command's exit codes and messages. The
//! conformance part is skipped with a notice when `../shared` is not beside the repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Map, Value, json};

fn asl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asl")).args(args).output().expect("asl runs")
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance")
}

/// `{"Execution.Name": x}` as the nested context object the command reads.
fn nested(flat: &Value) -> Value {
    let mut out = Map::new();
    for (key, value) in flat.as_object().into_iter().flatten() {
        if let Some((head, tail)) = key.split_once('.') {
            let entry = out.entry(head).or_insert_with(|| json!({}));
            entry[tail] = value.clone();
        }
    }
    Value::Object(out)
}

#[test]
fn every_recorded_history_replays_the_same() {
    let histories = shared().join("histories");
    let Ok(entries) = std::fs::read_dir(&histories) else {
        eprintln!("skipped: {} is absent", histories.display());
        return;
    };
    let work = std::env::temp_dir().join(format!("asl-replay-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let (mut same, mut total, mut departed) = (0, 0, Vec::new());
    let mut names: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    names.sort();
    for history in names {
        let name = history.file_name().unwrap().to_string_lossy().into_owned();
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(shared().join("localstack").join(&name)).unwrap()).unwrap();
        let put = |file: &str, value: &Value| {
            let path = work.join(file);
            std::fs::write(&path, value.to_string()).unwrap();
            path.to_string_lossy().into_owned()
        };
        let definition = put("definition.json", &case["definition"]);
        let input = put("input.json", &case["input"]);
        let context = put("context.json", &nested(&case["context"]));
        let mut args = vec![
            "replay".to_string(),
            history.to_string_lossy().into_owned(),
            "--definition".into(),
            definition,
            "--input".into(),
            input,
            "--context".into(),
            context,
        ];
        if let Some(objects) = case["s3_objects"].as_object() {
            let s3 = work.join(format!("s3-{total}"));
            for (key, body) in objects {
                let path = s3.join(key);
                std::fs::create_dir_all(if key.ends_with('/') { &path } else { path.parent().unwrap() }).unwrap();
                if !key.ends_with('/') {
                    std::fs::write(&path, body.as_str().unwrap()).unwrap();
                }
            }
            args.extend(["--s3".to_string(), s3.to_string_lossy().into_owned()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = asl(&args);
        total += 1;
        if o.status.code() == Some(0) {
            same += 1;
        } else {
            departed.push(format!(
                "{name}: exit {:?}: {}{}",
                o.status.code(),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    let rate = 100.0 * f64::from(same) / f64::from(total.max(1));
    eprintln!("replay: {same} of {total} recorded histories replay the same ({rate:.1}%)");
    for d in &departed {
        eprintln!("  {d}");
    }
    assert!(total >= 300, "{total} histories");
    assert!(rate >= 97.0, "replay rate {rate:.1}% is under 97%");
}

/// A small history of the transaction example's PURCHASE path, as AWS would print it.
fn purchase_history() -> Value {
    let event = |id: u64, kind: &str, key: &str, details: Value| json!({"timestamp": format!("2025-03-01T10:00:0{id}.000Z"), "type": kind, "id": id, "previousEventId": id - 1, key: details});
    let purchase = json!({"TransactionType": "PURCHASE"}).to_string();
    let result = json!({"id": "1234567890", "datetime": "2025-03-01", "transaction_type": "PURCHASE", "receipt_id": "r-1", "message": "Purchase processed"}).to_string();
    json!({"events": [
        event(1, "ExecutionStarted", "executionStartedEventDetails", json!({"input": purchase, "roleArn": "arn:aws:iam::1:role/r"})),
        event(2, "ChoiceStateEntered", "stateEnteredEventDetails", json!({"name": "processTransaction", "input": purchase})),
        event(3, "ChoiceStateExited", "stateExitedEventDetails", json!({"name": "processTransaction", "output": purchase})),
        event(4, "TaskStateEntered", "stateEnteredEventDetails", json!({"name": "TransactionPurchase", "input": purchase})),
        event(5, "LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", json!({"resource": "arn:aws:lambda:us-east-1:1:function:TransactionPurchase", "input": purchase})),
        event(6, "LambdaFunctionStarted", "lambdaFunctionStartedEventDetails", json!({})),
        event(7, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", json!({"output": result})),
        event(8, "TaskStateExited", "stateExitedEventDetails", json!({"name": "TransactionPurchase", "output": result})),
        event(9, "ExecutionSucceeded", "executionSucceededEventDetails", json!({"output": result})),
    ]})
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("asl-replay-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn example(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path).to_string_lossy().into_owned()
}

#[test]
fn replay_says_whether_the_run_departs() {
    let definition = example("examples/transaction/definition.asl.json");
    let history = temp("purchase.json", &purchase_history().to_string());
    let o = asl(&["replay", &history, "--definition", &definition]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("the run is the same as the recording: 9 events, ExecutionSucceeded")
    );

    // A definition changed so that purchases go elsewhere departs at the Choice's next state.
    let changed = std::fs::read_to_string(&definition)
        .unwrap()
        .replace("\"Next\": \"TransactionPurchase\"", "\"Next\": \"TransactionRefund\"");
    assert!(changed.contains("\"Next\": \"TransactionRefund\""));
    let changed = temp("changed.asl.json", &changed);
    let o = asl(&["replay", &history, "--definition", &changed, "--format", "json"]);
    assert_eq!(o.status.code(), Some(3));
    let out: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(out["same"], false);
    assert_eq!(out["divergence"]["index"], 3);
    assert_eq!(out["divergence"]["recorded"]["state"], "TransactionPurchase");
    assert_eq!(out["divergence"]["run"]["state"], "TransactionRefund");

    // The definition may come with the history (describe-state-machine-for-execution).
    let with_definition = format!(
        "{}\n{}",
        purchase_history(),
        json!({"stateMachineArn": "arn:aws:states:us-east-1:1:stateMachine:T", "name": "T", "definition": std::fs::read_to_string(&definition).unwrap()})
    );
    let both = temp("both.json", &with_definition);
    let o = asl(&["replay", &both]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn what_cannot_be_replayed_is_said() {
    let history = temp("purchase2.json", &purchase_history().to_string());
    let o = asl(&["replay", &history]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds no definition: give it with --definition FILE"));
    let cut = temp("cut.json", &purchase_history().to_string()[..300]);
    let o = asl(&["replay", &cut, "--definition", &example("examples/transaction/definition.asl.json")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cut short"), "{}", String::from_utf8_lossy(&o.stderr));

    // Another state machine's history: its states are named, and the run departs at once.
    let o = asl(&["replay", &history, "--definition", &example("examples/order-workflow/definition.asl.json")]);
    assert_eq!(o.status.code(), Some(3));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("the history names states the definition does not have: processTransaction, TransactionPurchase"),
        "{said}"
    );
}

/// Every example's run, printed by `asl run`, read as a recording and turned back into the
/// engine's history events, prints the same history: an execution recorded in AWS plays back
/// with the same events, details and times as a run of the page's own.
#[test]
fn a_run_read_as_a_recording_gives_back_its_history() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut checked = 0;
    let mut examples: Vec<String> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .filter_map(|e| Some(e.ok()?.file_name().to_str()?.to_string()))
        .collect();
    examples.sort();
    // (A person answers human-approval's task; distributed-orders reads S3.)
    for example in
        examples.iter().filter(|e| !["human-approval", "distributed-orders", "index.json"].contains(&e.as_str()))
    {
        let dir = root.join("examples").join(example);
        let definition = dir.join("definition.asl.json").to_string_lossy().into_owned();
        let input = match dir.join("input.json") {
            default if default.is_file() => default,
            _ => {
                let mut named: Vec<_> =
                    std::fs::read_dir(dir.join("inputs")).unwrap().map(|e| e.unwrap().path()).collect();
                named.sort();
                named.remove(0)
            }
        };
        let input = input.to_string_lossy().into_owned();
        let mocks = dir.join("mocks");
        let mut args = vec!["run".to_string(), definition, "--input".into(), input];
        if mocks.is_dir() {
            args.extend(["--mocks".to_string(), mocks.to_string_lossy().into_owned()]);
        }
        let o = asl(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let out: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{example}: {e}"));
        let history = json!({ "events": out["history"] }).to_string();
        let recorded = asl::recorded::read(&history).unwrap_or_else(|e| panic!("{example}: {e}"));
        let (events, unknown) = asl::recorded::history_events(&recorded);
        assert!(unknown.is_empty(), "{example}: {unknown:?}");
        assert_eq!(serde_json::to_value(&events).unwrap(), out["history"], "{example}");
        checked += 1;
    }
    assert!(checked >= 12, "{checked} examples");
}
