//! `asl test`: every example's suite passes with its coverage; failures, bad suites, hanging
//! mocks, MockConfigFiles, JUnit, coverage JSON and --watch as people meet them.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root exists")
}

fn asl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asl")).args(args).current_dir(repo()).output().expect("asl runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("asl-suites-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("a written file");
    path.to_string_lossy().into_owned()
}

/// The order workflow example's definition and mocks, as a suite in `dir` names them.
fn order_suite(dir: &Path, cases: &str) -> String {
    let example = repo().join("examples/order-workflow");
    let head = format!(
        "definition: {}\nmocks: {}\n",
        example.join("definition.asl.json").display(),
        example.join("mocks").display()
    );
    write(dir, "tests.yaml", &format!("{head}cases:\n{cases}"))
}

#[test]
fn every_example_suite_passes_with_its_coverage() {
    let mut problems = Vec::new();
    let mut examples: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    examples.sort();
    for dir in examples {
        let suite = dir.join("tests.yaml");
        if !suite.is_file() {
            problems.push(format!("{} has no tests.yaml", dir.display()));
            continue;
        }
        let o = asl(&["test", &suite.to_string_lossy(), "--coverage"]);
        let out = text(&o.stdout);
        if o.status.code() != Some(0) || !out.contains("coverage (") || !out.contains("states ") {
            problems.push(format!("{}: exit {:?}\n{out}\n{}", suite.display(), o.status.code(), text(&o.stderr)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_failing_case_exits_1_with_the_diff_and_its_line() {
    let dir = scratch("failing");
    let suite = order_suite(
        &dir,
        "  - name: ships\n    input: {amount: 50, sku: B-1, quantity: 1}\n  - name: wrong\n    input: {amount: 50, sku: B-1, quantity: 1}\n    message: The order should be cancelled.\n    expect:\n      outputContains: {order: {status: CANCELLED}}\n      states:\n        Authenticate Payment: {retries: 1}\n",
    );
    let o = asl(&["test", &suite]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("✓ ships (21.9 s)"), "{out}");
    assert!(out.contains("✗ wrong (21.9 s)"), "{out}");
    assert!(out.contains("The order should be cancelled."), "{out}");
    assert!(out.contains(&format!("expect.outputContains at {suite}:10")), "{out}");
    assert!(out.contains("$.order.status: expected \"CANCELLED\", got \"SHIPPED\""), "{out}");
    assert!(out.contains(&format!("expect.states.\"Authenticate Payment\".retries at {suite}:12")), "{out}");
    assert!(out.contains("'Authenticate Payment' was retried 2 times at visit 1, expected 1 time"), "{out}");
    assert!(out.trim_end().ends_with("2 cases: 1 passed, 1 failed"), "{out}");
}

/// Runs a bad suite: exit 2, and stderr's first line starts with `SUITE:LINE:`.
fn bad(name: &str, suite: &str, line: usize, says: &str) {
    let dir = scratch(name);
    let file = write(&dir, "tests.yaml", suite);
    let o = asl(&["test", &file]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{name}: {err}{}", text(&o.stdout));
    assert!(err.starts_with(&format!("{file}:{line}:")), "{name}: {err}");
    assert!(err.contains(says), "{name}: {err}");
}

#[test]
fn bad_suites_exit_2_saying_where() {
    bad(
        "missing-definition",
        "# no such file\ndefinition: nowhere.asl.json\ncases: []\n",
        2,
        "cannot read the definition",
    );
    let definition = repo().join("examples/choice-rules/definition.asl.json");
    let definition = definition.display();
    bad(
        "missing-state",
        &format!("definition: {definition}\ncases:\n  - name: a\n    expect:\n      visited: [Triage Tiket]\n"),
        5,
        "'Triage Tiket', which the state machine does not have (did you mean 'Triage Ticket'?)",
    );
    bad(
        "unknown-key",
        &format!("definition: {definition}\ncases:\n  - name: a\n    expect:\n      statu: SUCCEEDED\n"),
        5,
        "unknown key 'statu' in the expect of case 'a' (did you mean 'status'?)",
    );
    bad("yaml-syntax", &format!("definition: {definition}\ncases:\n  - name: a\n    input: {{a: [1, 2}}\n"), 4, "");
    bad(
        "missing-input",
        &format!("definition: {definition}\ncases:\n  - name: a\n    inputFile: nope.json\n"),
        4,
        "cannot read the input file",
    );
    bad("no-definition", "cases: []\n", 1, "the suite has no definition");
    bad(
        "invalid-definition",
        "definition: {StartAt: A, States: {A: {Type: Pass, Next: B}}}\ncases: []\n",
        1,
        "the definition is not valid",
    );
    bad(
        "missing-test-case",
        &format!("definition: {definition}\ncases:\n  - name: a\n    testCase: Nope\n"),
        4,
        "no mockConfig",
    );
}

#[test]
fn a_hanging_mock_fails_its_case_within_the_timeout() {
    let dir = scratch("hang");
    let definition = r#"{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:call", "End": true}}}"#;
    write(&dir, "definition.asl.json", definition);
    std::fs::create_dir_all(dir.join("mocks")).unwrap();
    write(&dir, "mocks/call.js", "export default async () => new Promise(() => {});\n");
    let suite = write(
        &dir,
        "tests.yaml",
        "definition: definition.asl.json\nmocks: mocks/\nmockTimeoutMs: 300\ncases:\n  - name: never settles\n    expect: {status: SUCCEEDED}\n  - name: busy forever\n    mocks: {}\n",
    );
    let started = Instant::now();
    let o = asl(&["test", &suite]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    assert!(out.contains("✗ never settles"), "{out}");
    assert!(out.contains(&format!("execution at {suite}:5")), "{out}");
    assert!(out.contains("the mock 'call' of the state 'Call' gave no answer: it ran past 300 ms"), "{out}");

    // A mock that never returns is stopped by the guard after mockTimeoutMs.
    write(&dir, "mocks/call.js", "export default async () => { for (;;) {} };\n");
    let started = Instant::now();
    let o = asl(&["test", &suite]);
    assert_eq!(o.status.code(), Some(1));
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    assert!(text(&o.stdout).contains("gave no answer"), "{}", text(&o.stdout));
}

#[test]
fn a_callback_no_one_sends_fails_the_case() {
    let dir = scratch("callback");
    let definition = r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Parameters": {"MessageBody": {"t.$": "$$.Task.Token"}}, "End": true}}}"#;
    write(&dir, "definition.asl.json", definition);
    let suite = write(
        &dir,
        "tests.yaml",
        "definition: definition.asl.json\ncases:\n  - name: waits\n    expect: {status: SUCCEEDED}\n",
    );
    let o = asl(&["test", &suite]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("the execution did not finish: it waits for a callback that no mock sends ('Ask')"), "{out}");
}

#[test]
fn a_mock_config_file_runs_as_a_suite() {
    let dir = scratch("mockconfig");
    let definition = write(
        &dir,
        "definition.asl.json",
        &std::fs::read_to_string(repo().join("examples/catch-fallback/definition.asl.json"))
            .unwrap()
            .replace("\"customerId.$\": \"$.customerId\"", "\"customerId\": \"cus-1\""),
    );
    let config = write(
        &dir,
        "MockConfigFile.json",
        r#"{"StateMachines": {"Home": {"TestCases": {
            "Up": {"Get Recommendations": "Recs", "Render Home Page": "Page"},
            "Down": {"Get Recommendations": "Unavailable", "Render Home Page": "Page"}}}},
          "MockedResponses": {
            "Recs": {"0": {"Return": ["a"]}},
            "Unavailable": {"0": {"Throw": {"Error": "Recommendations.Unavailable", "Cause": "down"}}},
            "Page": {"0": {"Return": {"ok": true}}}}}"#,
    );
    let o = asl(&["test", &config, "--definition", &definition, "--coverage"]);
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}{}", text(&o.stderr));
    assert!(out.contains("✓ Down") && out.contains("✓ Up"), "{out}");
    // A failing test case points at its line in the MockConfigFile.
    let o = asl(&[
        "test",
        &config,
        "--definition",
        &repo().join("examples/catch-fallback/definition.asl.json").to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains(&format!("expect.status at {config}:3")), "{}", text(&o.stdout));
    assert!(out.contains("catch paths      1/1 (100.0%)"), "{out}");
    let o = asl(&["test", &config]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--definition"), "{}", text(&o.stderr));
}

#[test]
fn junit_and_coverage_json_are_written() {
    let dir = scratch("reports");
    let suite = order_suite(
        &dir,
        "  - name: ships <fast> & \"well\"\n    input: {amount: 50, sku: B-1, quantity: 1}\n  - name: fails\n    input: {amount: 50, sku: B-1, quantity: 1}\n    expect: {status: FAILED}\n",
    );
    let junit = dir.join("junit.xml").to_string_lossy().into_owned();
    let coverage = dir.join("coverage.json").to_string_lossy().into_owned();
    let o = asl(&["test", &suite, "--junit", &junit, "--coverage-json", &coverage]);
    assert_eq!(o.status.code(), Some(1));
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), "{xml}");
    assert!(xml.contains("tests=\"2\" failures=\"1\" errors=\"0\""), "{xml}");
    assert!(xml.contains("<testcase name=\"ships &lt;fast&gt; &amp; &quot;well&quot;\""), "{xml}");
    assert!(
        xml.contains(
            "<failure message=\"expect.status: the execution ended SUCCEEDED, expected FAILED\" type=\"expect.status\">"
        ),
        "{xml}"
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&coverage).unwrap()).unwrap();
    assert_eq!(report["runs"], 2);
    assert_eq!(report["states"]["total"], 10);
    assert_eq!(report["states"]["covered"], 6);
    let item = &report["catches"]["items"][0];
    assert_eq!(item["from"], "/States/Authenticate Payment");
    assert_eq!(item["edge"], serde_json::json!({"kind": "catch", "index": 0}));
    assert_eq!(item["covered"], false);

    // A bad suite is one case in error.
    let bad = write(&dir, "bad.yaml", "cases: [}\n");
    let o = asl(&["test", &bad, "--junit", &junit]);
    assert_eq!(o.status.code(), Some(2));
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.contains("errors=\"1\"") && xml.contains("<error message="), "{xml}");
}

#[test]
fn watch_runs_again_when_a_file_changes() {
    let dir = scratch("watch");
    let definition = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": true}}}"#;
    write(&dir, "definition.asl.json", definition);
    let suite =
        write(&dir, "tests.yaml", "definition: definition.asl.json\ncases:\n  - name: one\n    expect: {output: 1}\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_asl"))
        .args(["test", &suite, "--watch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("asl runs");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next_until = |wanted: &str| -> bool {
        for line in lines.by_ref() {
            if line.map(|l| l.contains(wanted)).unwrap_or(false) {
                return true;
            }
        }
        false
    };
    assert!(next_until("1 case: 1 passed, 0 failed"));
    // Past the file system's time resolution, then a change the next run sees.
    std::thread::sleep(Duration::from_millis(1100));
    write(&dir, "definition.asl.json", &definition.replace("\"Result\": 1", "\"Result\": 2"));
    let rerun = next_until("changed: running again");
    let failed = rerun && next_until("1 case: 0 passed, 1 failed");
    let _ = child.kill();
    let _ = child.wait();
    assert!(rerun && failed, "the watch did not run again after the change");
}
