//! The data-driven cases' harness (used by `tests/cases.rs`, and by the command's tests for the
//! cases that need a JSONata evaluator). Data-driven cases: each JSON file under `tests/cases/<group>/` is one execution or one
//! validation, with what AWS Step Functions does for it.
//!
//! An execution case:
//!
//! ```json
//! {"description": "what it shows",
//!  "definition": {...}, "input": {...},
//!  "options": {"type": "EXPRESS", "seed": 7},                        optional
//!  "s3": {"bucket/key.csv": "a,b\n1,2", "empty-bucket/": ""},          optional virtual S3
//!  "answers": {"StateName": [{"return": ...}, {"throw": {"error": "E", "cause": "C"}},
//!                            {"function_return": ...}, {"function_throw": {"error": "E", "message": "M"}},
//!                            {"no_answer": true}, {"return": ..., "after_ms": 500}]},
//!  "expect": {"status": "SUCCEEDED", "output": ..., "error": ..., "cause": ...,
//!             "history": ["ExecutionStarted", "PassStateEntered Hello", ...],
//!             "end_time_ms": 3000,
//!             "s3_written": {"out/jobs/*/manifest.json": {...}, "out/jobs/*/SUCCEEDED_0.json": [...]}}}
//! ```
//!
//! An expected `cause` (or `error`) may use `*` for any text, as in `s3_written`.
//!
//! `s3_written` lists every object the run wrote, as `bucket/key` (`*` stands for any text,
//! such as a map run's id) with its content (compared as JSON when it parses).
//!
//! `answers` lists each task state's answers in invocation order (retries and Map iterations
//! included). `history` lists event types, with the state name after a space where the event
//! has one; `end_time_ms` is the virtual time the execution took.
//!
//! A validation case has `"validate": true`, the definition as `definition` (a value) or
//! `definition_text` (text, for syntax errors), and `expect.diagnostics`: every diagnostic as
//! `"SEVERITY CODE location"` or `"SEVERITY CODE location @line:col"`, in any order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use asl::exec::{Execution, ExecutionType, Options, TaskAnswer};
use asl::host::Evaluator;
use asl::span::LineIndex;
use serde_json::Value;

/// Runs every case under `root` (JSONata expressions answered by `evaluator`), panicking with
/// the list of those that do not hold.
pub fn check_all(root: &Path, evaluator: &mut dyn Evaluator) {
    let mut files = Vec::new();
    collect(root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no cases under {}", root.display());
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let case: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let result =
            if case.get("validate") == Some(&Value::Bool(true)) { validate(&case) } else { execute(&case, evaluator) };
        if let Err(e) = result {
            failures.push(format!(
                "{}:\n    {}",
                file.strip_prefix(root).unwrap().display(),
                e.replace('\n', "\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), files.len(), failures.join("\n"));
    eprintln!("{} cases held", files.len());
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn execute(case: &Value, evaluator: &mut dyn Evaluator) -> Result<(), String> {
    let def = asl::load_value(&case["definition"]);
    let errors: Vec<_> =
        def.diagnostics.iter().filter(|d| d.is_error()).map(|d| format!("{} {}", d.location, d.message)).collect();
    if !errors.is_empty() {
        return Err(format!("the definition is not valid: {errors:?}"));
    }
    let machine = Arc::new(def.machine.ok_or("no state machine")?);
    let mut options = Options::default();
    if let Some(o) = case.get("options") {
        if o.get("type").and_then(Value::as_str) == Some("EXPRESS") {
            options.execution_type = ExecutionType::Express;
        }
        if let Some(seed) = o.get("seed").and_then(Value::as_u64) {
            options.seed = seed;
        }
    }
    if let Some(files) = case.get("s3").and_then(Value::as_object) {
        let files: Vec<(&str, &[u8])> =
            files.iter().map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default().as_bytes())).collect();
        options.s3 = Some(asl::s3::VirtualS3::from_files(files, 0));
    }
    let input = case.get("input").cloned().unwrap_or(Value::Object(Default::default()));
    let mut exec = Execution::start(Arc::clone(&machine), input, options).map_err(|e| e.message)?;
    let answers = case.get("answers").and_then(Value::as_object).cloned().unwrap_or_default();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    asl::host::run_to_end_with(
        &mut exec,
        |req| {
            let n = used.entry(req.state_name.clone()).or_insert(0);
            let answer = answers.get(&req.state_name).and_then(|a| a.get(*n)).cloned();
            *n += 1;
            match answer {
                Some(a) => to_answer(&a),
                None => {
                    problems.push(format!("no answer #{} for task state '{}'", *n - 1, req.state_name));
                    (TaskAnswer::Failed { error: "Test.MissingAnswer".into(), cause: None }, 0)
                }
            }
        },
        evaluator,
    );
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    rebuilt_visits_match(&exec, &machine)?;
    let expect = &case["expect"];
    let outcome = exec.outcome();
    // The status as AWS spells it (TIMED_OUT, not TIMEDOUT).
    let status = outcome
        .and_then(|o| serde_json::to_value(o.status).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "RUNNING".into());
    let mut diffs = Vec::new();
    let want_status = expect.get("status").and_then(Value::as_str).unwrap_or("SUCCEEDED");
    if status != want_status {
        diffs.push(format!("status: expected {want_status}, got {status} ({:?})", outcome));
    }
    if let (Some(want), Some(o)) = (expect.get("output"), outcome)
        && !o.output.as_ref().is_some_and(|got| same_json(want, got))
    {
        diffs.push(format!(
            "output: expected {want}, got {}",
            o.output.as_ref().map(|v| v.to_string()).unwrap_or_default()
        ));
    }
    for field in ["error", "cause"] {
        if let (Some(want), Some(o)) = (expect.get(field), outcome) {
            let got = if field == "error" { o.error.clone() } else { o.cause.clone() };
            let same = match (want.as_str(), got.as_deref()) {
                (Some(w), Some(g)) => glob(w, g),
                (w, g) => w == g,
            };
            if !same {
                diffs.push(format!("{field}: expected {want}, got {got:?}"));
            }
        }
    }
    if let Some(want) = expect.get("history").and_then(Value::as_array) {
        let want: Vec<&str> = want.iter().filter_map(Value::as_str).collect();
        let got: Vec<String> = exec
            .history()
            .iter()
            .map(|e| match e.state_name() {
                Some(n) => format!("{} {n}", e.type_name()),
                None => e.type_name().to_string(),
            })
            .collect();
        if got != want {
            diffs.push(format!("history:\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    if let Some(want) = expect.get("end_time_ms").and_then(Value::as_i64) {
        let start = exec.history().first().map(|e| e.timestamp).unwrap_or(0);
        let end = exec.history().last().map(|e| e.timestamp).unwrap_or(0);
        if end - start != want {
            diffs.push(format!("end_time_ms: expected {want}, got {}", end - start));
        }
    }
    if let Some(want) = expect.get("s3_written").and_then(Value::as_object) {
        let written: Vec<(String, Value)> = exec
            .s3()
            .map(|s3| {
                s3.written()
                    .map(|(b, k, o)| {
                        let text = o.text().unwrap_or_default();
                        (format!("{b}/{k}"), serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.into())))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if written.len() != want.len() {
            let keys: Vec<&String> = written.iter().map(|(k, _)| k).collect();
            diffs.push(format!("s3_written: expected {} objects, got {keys:?}", want.len()));
        }
        for (pattern, content) in want {
            match written.iter().find(|(k, _)| glob(pattern, k)) {
                Some((_, got)) if !same_json(content, got) => {
                    diffs.push(format!("s3_written {pattern}: expected {content}, got {got}"))
                }
                Some(_) => {}
                None => diffs.push(format!("s3_written: nothing written at {pattern}")),
            }
        }
    }
    if diffs.is_empty() { Ok(()) } else { Err(diffs.join("\n")) }
}

/// `*` matches any text (a map run's id in a key, a generated name in a content).
fn glob(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            text.starts_with(head)
                && (0..=text.len() - head.len())
                    .any(|i| text.is_char_boundary(head.len() + i) && glob(tail, &text[head.len() + i..]))
        }
    }
}

/// JSON equality where an expected string with `*` matches by [`glob`].
fn same_json(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::String(w), Value::String(g)) if w.contains('*') => glob(w, g),
        (Value::Array(w), Value::Array(g)) => w.len() == g.len() && w.iter().zip(g).all(|(w, g)| same_json(w, g)),
        (Value::Object(w), Value::Object(g)) => {
            w.len() == g.len() && w.iter().all(|(k, v)| g.get(k).is_some_and(|gv| same_json(v, gv)))
        }
        _ => want == got,
    }
}

fn to_answer(a: &Value) -> (TaskAnswer, u64) {
    let after = a.get("after_ms").and_then(Value::as_u64).unwrap_or(0);
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let answer = if let Some(v) = a.get("return") {
        TaskAnswer::Succeeded(v.clone())
    } else if let Some(v) = a.get("function_return") {
        TaskAnswer::FunctionReturned(v.clone())
    } else if let Some(t) = a.get("throw") {
        TaskAnswer::Failed { error: text(t, "error").unwrap_or_default(), cause: text(t, "cause") }
    } else if let Some(t) = a.get("function_throw") {
        TaskAnswer::FunctionFailed {
            error: text(t, "error").unwrap_or_default(),
            message: text(t, "message").unwrap_or_default(),
        }
    } else {
        TaskAnswer::NoAnswer
    };
    (answer, after)
}

fn validate(case: &Value) -> Result<(), String> {
    let (def, text) = match case.get("definition_text").and_then(Value::as_str) {
        Some(t) => (asl::load(t), Some(t)),
        None => {
            let t = serde_json::to_string_pretty(&case["definition"]).unwrap();
            (asl::load(&t), None)
        }
    };
    let index = text.map(LineIndex::new);
    let mut got: Vec<String> = def
        .diagnostics
        .iter()
        .map(|d| {
            let base = format!("{} {} {}", d.severity.as_str(), d.code, d.location);
            match &index {
                Some(i) => {
                    let at = d.position(i);
                    format!("{base} @{}:{}", at.line, at.column)
                }
                None => base,
            }
        })
        .collect();
    got.sort();
    let mut want: Vec<String> = case["expect"]["diagnostics"]
        .as_array()
        .ok_or("expect.diagnostics must be a list")?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    want.sort();
    // A wanted diagnostic without a position matches any position.
    let matches = |w: &String, g: &String| g == w || (!w.contains(" @") && g.split(" @").next() == Some(w.as_str()));
    let missing: Vec<&String> = want.iter().filter(|w| !got.iter().any(|g| matches(w, g))).collect();
    let extra: Vec<&String> = got.iter().filter(|g| !want.iter().any(|w| matches(w, g))).collect();
    if missing.is_empty() && extra.is_empty() {
        Ok(())
    } else {
        let messages: Vec<String> =
            def.diagnostics.iter().map(|d| format!("{} {}: {}", d.code, d.location, d.message)).collect();
        Err(format!("diagnostics differ\n  missing {missing:?}\n  extra   {extra:?}\n  all: {messages:#?}"))
    }
}

/// A run's history read back as a recording gives the visits the run recorded: what the
/// playground shows of an execution recorded in AWS is what it shows of its own runs.
fn rebuilt_visits_match(exec: &Execution, machine: &asl::model::StateMachine) -> Result<(), String> {
    let summary = |v: &asl::exec::Visit| {
        let stage = |s: asl::exec::Stage| v.stages.iter().find(|(k, _)| *k == s).map(|(_, d)| (**d).clone());
        let attempts: Vec<_> = v
            .attempts
            .iter()
            .map(|a| (a.error.as_ref().map(|e| e.error.clone()), a.retry_delay_ms, a.started_at, a.ended_at))
            .collect();
        format!(
            "{} {} {:?} entered #{} at {} exited {:?} at {:?} lineage {:?} attempts {:?} error {:?} caught_by {:?} input {:?} output {:?}",
            v.state_name,
            v.state_pointer,
            v.state_type,
            v.entered_event_id,
            v.entered_at,
            v.exited_event_id,
            v.exited_at,
            v.lineage,
            attempts,
            v.error.as_ref().map(|e| &e.error),
            v.caught_by,
            stage(asl::exec::Stage::Input),
            stage(asl::exec::Stage::Output),
        )
    };
    // A Distributed Map's children run as child executions, whose events are not the
    // parent's: their visits are the run's alone.
    let distributed = |name: &str| {
        machine.all_states().any(|s| {
            &*s.name == name
                && matches!(&s.kind, asl::model::StateKind::Map(m) if m.mode == asl::model::ProcessorMode::Distributed)
        })
    };
    let ran: Vec<String> = exec
        .visits()
        .iter()
        .filter(|v| !v.lineage.iter().any(|(container, _)| distributed(container)))
        .map(summary)
        .collect();
    let rebuilt: Vec<String> = asl::recorded::visits(exec.history(), machine).iter().map(summary).collect();
    for (i, (a, b)) in ran.iter().zip(&rebuilt).enumerate() {
        if a != b {
            return Err(format!("visit {i} rebuilt from the history differs:\n  ran     {a}\n  rebuilt {b}"));
        }
    }
    if ran.len() != rebuilt.len() {
        return Err(format!("{} visits ran, {} rebuilt from the history", ran.len(), rebuilt.len()));
    }
    Ok(())
}
