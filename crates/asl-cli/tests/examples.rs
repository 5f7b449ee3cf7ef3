//! The shipped examples do what they say: each one under `examples/` validates without
//! warnings, has an `about.md` with a title, and, run by the `asl` command with its mocks, ends
//! as its `expected.json` states for the default input and for each named input.
//!
//! `expected.json` holds `{"status": "SUCCEEDED" | "FAILED" | "WAITING", "output_contains": [...],
//! "error": "...", "visited": [...], "not_visited": [...], "waiting_on": "...",
//! "after_success": {...}, "inputs": {"<name>": {...}}}`. WAITING means the execution stops at a
//! callback task that a person answers in the playground; `asl run` reports it as RUNNING with
//! exit code 2. `after_success` is for the browser test, which sends that success.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const EXPECTATION_KEYS: &[&str] =
    &["status", "output_contains", "error", "visited", "not_visited", "waiting_on", "after_success", "inputs"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root exists")
}

fn asl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asl")).args(args).current_dir(repo()).output().expect("asl runs")
}

/// Every folder under `examples/`, by name, sorted.
fn examples() -> Vec<String> {
    let dir = repo().join("examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no examples under {}", dir.display());
    names
}

fn example_file(example: &str, file: &str) -> String {
    format!("examples/{example}/{file}")
}

fn read_json(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(repo().join(path)).map_err(|e| format!("{path}: cannot read ({e})"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: not JSON ({e})"))
}

/// The named inputs of an example (`inputs/<name>.json`), sorted by name.
fn named_inputs(example: &str) -> Vec<String> {
    let dir = repo().join("examples").join(example).join("inputs");
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    names
}

/// Runs an example on one input file and returns the exit code and the printed result.
fn run(example: &str, input: &str) -> Result<(Option<i32>, Value), String> {
    let definition = example_file(example, "definition.asl.json");
    let mocks = example_file(example, "mocks");
    let mut args = vec!["run", definition.as_str(), "--input", input];
    if repo().join(&mocks).is_dir() {
        args.extend(["--mocks", mocks.as_str()]);
    }
    // The example's S3 objects, copied: a run writes into its S3 folder.
    let s3 = repo().join(example_file(example, "s3"));
    let scratch = std::env::temp_dir().join(format!("asl-example-s3-{example}-{}", std::process::id()));
    let scratch_text = scratch.to_string_lossy().into_owned();
    if s3.is_dir() {
        let _ = std::fs::remove_dir_all(&scratch);
        copy_dir(&s3, &scratch);
        args.extend(["--s3", scratch_text.as_str()]);
    }
    let o = asl(&args);
    let _ = std::fs::remove_dir_all(&scratch);
    let out = serde_json::from_slice(&o.stdout).map_err(|e| {
        format!("{example} with {input}: no JSON result ({e}); stderr: {}", String::from_utf8_lossy(&o.stderr))
    })?;
    Ok((o.status.code(), out))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a scratch folder");
    for entry in std::fs::read_dir(from).expect("a readable folder").filter_map(|e| e.ok()) {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("a copied file");
        }
    }
}

/// The names of the states the execution entered, from its `*StateEntered` events.
fn entered_states(out: &Value) -> BTreeSet<String> {
    out["history"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["type"].as_str().is_some_and(|t| t.ends_with("StateEntered")))
        .filter_map(|e| e["stateEnteredEventDetails"]["name"].as_str().map(str::to_string))
        .collect()
}

fn strings<'a>(expected: &'a Value, key: &str) -> Vec<&'a str> {
    expected[key].as_array().into_iter().flatten().filter_map(Value::as_str).collect()
}

/// What is wrong with the run of `example` on `input` against `expected`; empty when nothing is.
fn check_run(example: &str, input: &str, expected: &Value) -> Vec<String> {
    let at = format!("{example} with {input}");
    let mut problems = Vec::new();
    if let Some(map) = expected.as_object() {
        for key in map.keys().filter(|k| !EXPECTATION_KEYS.contains(&k.as_str())) {
            problems.push(format!("{at}: expected.json has an unknown key '{key}'"));
        }
    }
    let (code, out) = match run(example, input) {
        Ok(r) => r,
        Err(e) => return vec![e],
    };
    let status = expected["status"].as_str().unwrap_or_default();
    let (cli_status, cli_code) = match status {
        "SUCCEEDED" => ("SUCCEEDED", 0),
        "FAILED" => ("FAILED", 2),
        "WAITING" => ("RUNNING", 2),
        other => return vec![format!("{at}: expected.json has an unknown status '{other}'")],
    };
    if out["status"] != cli_status {
        problems.push(format!(
            "{at}: status {} (error {}, cause {}), expected {cli_status}",
            out["status"], out["error"], out["cause"]
        ));
    }
    if code != Some(cli_code) {
        problems.push(format!("{at}: exit code {code:?}, expected {cli_code}"));
    }
    if let Some(error) = expected.get("error")
        && out["error"] != *error
    {
        problems.push(format!("{at}: error {}, expected {error}", out["error"]));
    }
    let output = out.get("output").map(Value::to_string).unwrap_or_default();
    for text in strings(expected, "output_contains") {
        if !output.contains(text) {
            problems.push(format!("{at}: the output does not contain {text:?}: {output}"));
        }
    }
    let entered = entered_states(&out);
    let waiting_on = expected["waiting_on"].as_str();
    for name in strings(expected, "visited").into_iter().chain(waiting_on) {
        if !entered.contains(name) {
            problems.push(format!("{at}: state '{name}' was not entered (entered: {entered:?})"));
        }
    }
    for name in strings(expected, "not_visited") {
        if entered.contains(name) {
            problems.push(format!("{at}: state '{name}' was entered, expected not"));
        }
    }
    problems
}

/// Every expectation of an example: the default input's, then each named input's.
fn check_example(example: &str) -> Vec<String> {
    let expected = match read_json(&example_file(example, "expected.json")) {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let mut problems = check_run(example, &example_file(example, "input.json"), &expected);
    let inputs = named_inputs(example);
    if let Some(named) = expected.get("inputs").and_then(Value::as_object) {
        for name in named.keys().filter(|n| !inputs.contains(n)) {
            problems.push(format!("{example}: expected.json names input '{name}' but there is no inputs/{name}.json"));
        }
    }
    for name in &inputs {
        let input = example_file(example, &format!("inputs/{name}.json"));
        match expected["inputs"].get(name) {
            Some(e) => problems.extend(check_run(example, &input, e)),
            // A named input with no expectation must still run to an end or a wait.
            None => {
                if let Err(e) = run(example, &input) {
                    problems.push(e);
                }
            }
        }
    }
    problems
}

fn waits_for_a_person(example: &str) -> bool {
    read_json(&example_file(example, "expected.json")).is_ok_and(|e| e["status"] == "WAITING")
}

fn report(problems: Vec<String>) {
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn examples_end_as_their_expected_json_says() {
    report(examples().iter().filter(|e| !waits_for_a_person(e)).flat_map(|e| check_example(e)).collect());
}

#[test]
fn examples_answered_by_a_person_stop_at_their_callback_task() {
    let waiting: Vec<String> = examples().into_iter().filter(|e| waits_for_a_person(e)).collect();
    let mut problems: Vec<String> = waiting.iter().flat_map(|e| check_example(e)).collect();
    for example in &waiting {
        let Ok(expected) = read_json(&example_file(example, "expected.json")) else { continue };
        if expected["waiting_on"].as_str().is_none() {
            problems.push(format!("{example}: a WAITING expectation needs 'waiting_on'"));
        }
        let after = &expected["after_success"];
        if !after["output"].is_object() || after["status"].as_str().is_none() {
            problems.push(format!("{example}: 'after_success' needs the 'output' a person sends and a 'status'"));
        }
    }
    report(problems);
}

#[test]
fn examples_validate_without_warnings() {
    let mut problems = Vec::new();
    for example in examples() {
        let definition = example_file(&example, "definition.asl.json");
        let o = asl(&["validate", &definition]);
        let text = String::from_utf8_lossy(&o.stdout);
        if o.status.code() != Some(0) {
            problems.push(format!("{definition}: validate exited with {:?}:\n{text}", o.status.code()));
        }
        problems.extend(text.lines().filter(|l| l.contains(" WARNING ")).map(str::to_string));
    }
    report(problems);
}

#[test]
fn examples_have_an_about_with_a_title_and_a_default_input() {
    let mut problems = Vec::new();
    for example in examples() {
        let about = example_file(&example, "about.md");
        match std::fs::read_to_string(repo().join(&about)) {
            Ok(text) if text.starts_with("# ") && text.lines().next().is_some_and(|l| l.len() > 2) => {}
            Ok(_) => problems.push(format!("{about}: does not start with a '# ' title line")),
            Err(e) => problems.push(format!("{about}: cannot read ({e})")),
        }
        if let Err(e) = read_json(&example_file(&example, "input.json")) {
            problems.push(e);
        }
    }
    report(problems);
}
