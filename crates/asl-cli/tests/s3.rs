//! `asl run --s3 DIR`: a folder standing for S3 that a Distributed Map reads and writes, S3
//! tasks no mock answers, what the run wrote listed and written back, and every way the folder
//! or its objects can be wrong, each with a clear message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

fn asl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asl")).args(args).output().expect("asl runs")
}

/// A scratch folder of its own for each test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("asl-s3-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, path: &str, text: &str) {
    let file = dir.join(path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
}

fn definition(dir: &Path, value: &Value) -> String {
    let path = dir.join("definition.asl.json");
    std::fs::write(&path, value.to_string()).unwrap();
    path.to_string_lossy().into_owned()
}

fn out(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!("no JSON ({e}): {}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
    })
}

fn csv_map(writer: bool) -> Value {
    let mut map = json!({
        "Type": "Map",
        "ItemReader": {
            "Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"},
            "Parameters": {"Bucket.$": "$.bucket", "Key": "in/orders.csv"}
        },
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}
        },
        "End": true
    });
    if writer {
        map["ResultWriter"] =
            json!({"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "runs"}});
    }
    json!({"StartAt": "M", "States": {"M": map}})
}

#[test]
fn a_distributed_map_reads_a_csv_and_writes_its_results_back_to_the_folder() {
    let dir = scratch("roundtrip");
    let s3 = dir.join("s3");
    write(&s3, "data/in/orders.csv", "id,amount\nA,1\nB,2\n");
    std::fs::create_dir_all(s3.join("out")).unwrap();
    let def = definition(&dir, &csv_map(true));
    let o = asl(&["run", &def, "--input", r#"{"bucket": "data"}"#, "--s3", s3.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let result = out(&o);
    let key = result["output"]["ResultWriterDetails"]["Key"].as_str().unwrap().to_string();
    assert!(key.starts_with("runs/") && key.ends_with("/manifest.json"), "{key}");
    let written: Vec<String> =
        result["s3Written"].as_array().unwrap().iter().map(|w| w["key"].as_str().unwrap().to_string()).collect();
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(written.contains(&key));
    // Written back to the folder, as S3 would hold it.
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(s3.join("out").join(&key)).unwrap()).unwrap();
    assert_eq!(manifest["DestinationBucket"], "out");
    let succeeded = manifest["ResultFiles"]["SUCCEEDED"][0]["Key"].as_str().unwrap();
    let records: Value =
        serde_json::from_str(&std::fs::read_to_string(s3.join("out").join(succeeded)).unwrap()).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 2);
    assert_eq!(records[0]["Input"], r#"{"id":"A","amount":"1"}"#);
    // The history shows the map run, not the children.
    let types: Vec<&str> = result["history"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapRunStarted",
            "MapRunSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ExecutionSucceeded"
        ]
    );
}

#[test]
fn s3_tasks_with_no_mock_read_and_write_the_folder() {
    let dir = scratch("tasks");
    let s3 = dir.join("s3");
    write(&s3, "b/hello.txt", "hello");
    let def = definition(
        &dir,
        &json!({"StartAt": "Get", "States": {
            "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
                    "Parameters": {"Bucket": "b", "Key": "hello.txt"}, "ResultSelector": {"text.$": "$.Body"}, "Next": "Put"},
            "Put": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
                    "Parameters": {"Bucket": "b", "Key": "copy.txt", "Body.$": "$.text"}, "ResultPath": null, "Next": "Missing"},
            "Missing": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
                        "Parameters": {"Bucket": "b", "Key": "nope.txt"}, "End": true}
        }}),
    );
    let o = asl(&["run", &def, "--s3", s3.to_str().unwrap(), "--output-only"]);
    assert_eq!(o.status.code(), Some(2));
    let result = out(&o);
    assert_eq!(result["error"], "S3.NoSuchKeyException");
    assert!(result["cause"].as_str().unwrap().starts_with("The specified key does not exist."));
    assert!(result.get("history").is_none(), "--output-only leaves the history out");
    assert_eq!(std::fs::read_to_string(s3.join("b/copy.txt")).unwrap(), "hello");
}

#[test]
fn without_a_folder_a_reader_says_how_to_give_one() {
    let dir = scratch("none");
    let def = definition(&dir, &csv_map(false));
    let o = asl(&["run", &def, "--input", r#"{"bucket": "data"}"#]);
    assert_eq!(o.status.code(), Some(2));
    let result = out(&o);
    assert_eq!(result["error"], "States.ItemReaderFailed");
    assert!(result["cause"].as_str().unwrap().contains("--s3 DIR"), "{result}");
}

#[test]
fn missing_objects_and_broken_files_fail_the_reader_with_what_and_where() {
    let dir = scratch("broken");
    let s3 = dir.join("s3");
    let def = definition(&dir, &csv_map(false));
    let run = |input: &str| out(&asl(&["run", &def, "--input", input, "--s3", s3.to_str().unwrap(), "--output-only"]));
    std::fs::create_dir_all(s3.join("empty")).unwrap();
    let missing = run(r#"{"bucket": "empty"}"#);
    assert_eq!(missing["error"], "States.ItemReaderFailed");
    assert!(missing["cause"].as_str().unwrap().contains("empty/in/orders.csv"), "{missing}");
    let no_bucket = run(r#"{"bucket": "nowhere"}"#);
    assert!(no_bucket["cause"].as_str().unwrap().contains("bucket does not exist"), "{no_bucket}");
    write(&s3, "bad/in/orders.csv", "id,amount\n\"A,1\n");
    let bad = run(r#"{"bucket": "bad"}"#);
    assert_eq!(bad["error"], "States.ItemReaderFailed");
    assert!(bad["cause"].as_str().unwrap().contains("line 2"), "{bad}");
    std::fs::write(s3.join("bad/in/orders.csv"), [0xff, 0xfe, b'\n']).unwrap();
    let binary = run(r#"{"bucket": "bad"}"#);
    assert!(binary["cause"].as_str().unwrap().contains("not UTF-8"), "{binary}");
}

#[test]
fn a_folder_that_is_not_one_is_refused_before_the_run() {
    let dir = scratch("not-a-folder");
    let def = definition(&dir, &csv_map(false));
    let file = dir.join("file.txt");
    std::fs::write(&file, "x").unwrap();
    for (folder, says) in [
        (dir.join("missing").to_string_lossy().into_owned(), "cannot read the S3 folder"),
        (file.to_string_lossy().into_owned(), "is not a folder"),
        (dir.to_string_lossy().into_owned(), "is a file at the top of the S3 folder"),
    ] {
        let o = asl(&["run", &def, "--s3", &folder]);
        assert_eq!(o.status.code(), Some(1), "{folder}");
        let message = String::from_utf8_lossy(&o.stderr);
        assert!(message.contains(says), "{folder}: {message}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn the_result_is_compact_for_programs_and_indented_on_request() {
    let dir = scratch("pretty");
    let def = definition(&dir, &json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}));
    let compact = asl(&["run", &def, "--input", r#"{"a": 1}"#]);
    assert_eq!(String::from_utf8_lossy(&compact.stdout).lines().count(), 1);
    let pretty = asl(&["run", &def, "--input", r#"{"a": 1}"#, "--pretty"]);
    assert!(String::from_utf8_lossy(&pretty.stdout).lines().count() > 10);
    assert_eq!(out(&compact), out(&pretty));
}
