//! The Learn path's lessons (`lessons/`, ordered by `lessons/index.json`) are complete and their
//! checks do their job: for every lesson,
//!
//! - `lesson.md` starts with `# Title` and says something after it; `lesson.json` holds a
//!   one-sentence `task` and one or two `hints`; the starting workspace (`definition.asl.json`,
//!   `input.json`) and the reference solution (`solution.asl.json`) are there and valid;
//! - `checks.yaml` has 2 to 4 cases, each with a `message` for the learner;
//! - `asl test lessons/X/checks.yaml` fails (exit 1): the starting definition does not do the
//!   task yet, and `asl test lessons/X/checks.yaml --definition lessons/X/solution.asl.json`
//!   passes (exit 0).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root exists")
}

fn asl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asl")).args(args).current_dir(repo()).output().expect("asl runs")
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(repo().join(path)).map_err(|e| format!("{path}: cannot read ({e})"))
}

fn read_json(path: &str) -> Result<Value, String> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: not JSON ({e})"))
}

/// The lessons in the order of the path, as `lessons/index.json` lists them.
fn lessons() -> Vec<String> {
    let index = read_json("lessons/index.json").expect("lessons/index.json");
    let ids: Vec<String> = index
        .as_array()
        .expect("lessons/index.json is a list")
        .iter()
        .map(|v| v.as_str().expect("lessons/index.json lists folder names").to_string())
        .collect();
    assert!(ids.len() >= 14, "the Learn path has {} lessons, expected at least 14", ids.len());
    ids
}

fn describe(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Whether `text` is one sentence: one line, ending with `.`, `!` or `?`, and no sentence
/// ending inside it (what is quoted, like an output to produce, does not count).
fn one_sentence(text: &str) -> bool {
    let unquoted: String = text.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
    let ends = text.trim_end().ends_with(['.', '!', '?']) || text.trim_end().ends_with(".\"");
    let chars: Vec<char> = unquoted.trim_end().chars().collect();
    let inner_end = chars.windows(3).any(|w| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase());
    !text.contains('\n') && ends && !inner_end
}

#[test]
fn one_sentence_is_what_it_says() {
    assert!(one_sentence("Make Welcome output {\"greeting\": \"Hello! Hi.\"} instead."));
    assert!(!one_sentence("Add a Wait. Then add a Task."));
    assert!(!one_sentence("No full stop"));
}

/// What is missing or wrong in one lesson's files; empty when nothing is.
fn lesson_problems(id: &str) -> Vec<String> {
    let dir = format!("lessons/{id}");
    let mut problems = Vec::new();
    match read(&format!("{dir}/lesson.md")) {
        Ok(md) => {
            let mut lines = md.lines();
            match lines.next().and_then(|l| l.strip_prefix("# ")) {
                Some(title) if !title.trim().is_empty() => {}
                _ => problems.push(format!("{dir}/lesson.md must start with '# Title'")),
            }
            if lines.all(|l| l.trim().is_empty()) {
                problems.push(format!("{dir}/lesson.md has a title but no explanation"));
            }
        }
        Err(e) => problems.push(e),
    }
    match read_json(&format!("{dir}/lesson.json")) {
        Ok(lesson) => {
            if let Some(map) = lesson.as_object() {
                for key in map.keys().filter(|k| !["task", "hints"].contains(&k.as_str())) {
                    problems.push(format!("{dir}/lesson.json has an unknown key '{key}'"));
                }
            }
            match lesson["task"].as_str() {
                Some(task) if one_sentence(task) => {}
                Some(task) => problems.push(format!("{dir}/lesson.json: the task is not one sentence: {task:?}")),
                None => problems.push(format!("{dir}/lesson.json has no task")),
            }
            let hints: Vec<&str> = lesson["hints"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            if hints.is_empty() || hints.len() > 2 || hints.iter().any(|h| h.trim().is_empty()) {
                problems.push(format!("{dir}/lesson.json needs one or two hints, each some words"));
            }
        }
        Err(e) => problems.push(e),
    }
    for file in ["input.json", "definition.asl.json", "solution.asl.json"] {
        let path = format!("{dir}/{file}");
        if let Err(e) = read_json(&path) {
            problems.push(e);
            continue;
        }
        if file != "input.json" {
            let o = asl(&["validate", &path]);
            if !o.status.success() {
                problems.push(format!("{path} does not validate: {}", describe(&o)));
            }
        }
    }
    match read(&format!("{dir}/checks.yaml")) {
        Ok(text) => {
            let parsed = asl::yaml::parse(&text);
            match parsed.value.as_ref().filter(|_| parsed.errors.is_empty()) {
                Some(suite) => {
                    let cases = suite["cases"].as_array().map(Vec::as_slice).unwrap_or_default();
                    if !(2..=4).contains(&cases.len()) {
                        problems.push(format!("{dir}/checks.yaml has {} cases, expected 2 to 4", cases.len()));
                    }
                    for (i, case) in cases.iter().enumerate() {
                        let name = case["name"].as_str().map_or_else(|| format!("case {}", i + 1), str::to_string);
                        if case["message"].as_str().is_none_or(|m| m.trim().is_empty()) {
                            problems.push(format!("{dir}/checks.yaml: '{name}' has no message for the learner"));
                        }
                    }
                }
                None => problems.push(format!("{dir}/checks.yaml is not YAML: {:?}", parsed.errors)),
            }
        }
        Err(e) => problems.push(e),
    }
    problems
}

#[test]
fn every_lesson_is_complete() {
    let ids = lessons();
    let mut problems: Vec<String> = ids.iter().flat_map(|id| lesson_problems(id)).collect();
    // Every folder is on the path, once.
    let mut folders: Vec<String> = std::fs::read_dir(repo().join("lessons"))
        .expect("lessons/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut listed = ids.clone();
    listed.sort();
    listed.dedup();
    if listed.len() != ids.len() {
        problems.push("lessons/index.json lists a lesson twice".into());
    }
    if folders != listed {
        problems.push(format!("lessons/index.json lists {listed:?}, the folders are {folders:?}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_lessons_checks_fail_the_start_and_pass_the_solution() {
    let mut problems = Vec::new();
    for id in lessons() {
        let checks = format!("lessons/{id}/checks.yaml");
        let solution = format!("lessons/{id}/solution.asl.json");
        let start = asl(&["test", &checks]);
        if start.status.code() != Some(1) {
            problems
                .push(format!("{id}: the starting definition should fail its checks (exit 1): {}", describe(&start)));
        }
        let solved = asl(&["test", &checks, "--definition", &solution]);
        if solved.status.code() != Some(0) {
            problems.push(format!("{id}: the solution should pass its checks (exit 0): {}", describe(&solved)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
