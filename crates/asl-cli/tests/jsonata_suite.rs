//! JSONata's own test suite (v2.0.6, in `../shared/jsonata-suite/`) through the command's
//! embedded evaluator: QuickJS running npm's jsonata.js. It checks that the embedding is sound
//! (promises, errors, bindings, limits), not JSONata itself. The Step Functions additions and
//! restrictions are off here (`standard`), since the suite expects plain JSONata.
//!
//! `cargo test -p asl-cli --test jsonata_suite -- --nocapture` prints the pass count.

use std::path::{Path, PathBuf};

use asl_cli::jsonata::Jsonata;
use serde_json::{Value, json};

fn suite() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/jsonata-suite");
    dir.is_dir().then_some(dir)
}

/// Every case, with its name and group folder (a file holds one case or a list of them).
fn cases(dir: &Path) -> Vec<(String, PathBuf, Value)> {
    let mut out = Vec::new();
    let mut groups: Vec<_> = std::fs::read_dir(dir.join("groups")).unwrap().flatten().map(|e| e.path()).collect();
    groups.sort();
    for group in groups {
        let mut files: Vec<_> = std::fs::read_dir(&group)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for file in files {
            let name = format!(
                "{}/{}",
                group.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            );
            // A few cases hold lone UTF-16 surrogates, which JSON for Rust cannot read; they
            // count as failed (an expression that can never match).
            let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
                .unwrap_or_else(|e| json!({"expr": format!("unreadable case: {e}")}));
            match value {
                Value::Array(list) => {
                    out.extend(list.into_iter().enumerate().map(|(i, c)| (format!("{name}[{i}]"), group.clone(), c)))
                }
                one => out.push((name, group.clone(), one)),
            }
        }
    }
    out
}

/// The case's expression: inline, or in a file beside it (`expr-file`).
fn expression(group: &Path, case: &Value) -> String {
    match case.get("expr-file").and_then(Value::as_str) {
        Some(file) => std::fs::read_to_string(group.join(file)).unwrap_or_default(),
        None => case["expr"].as_str().unwrap_or_default().to_string(),
    }
}

fn request(dir: &Path, group: &Path, case: &Value) -> Value {
    let mut req = json!({
        "expressions": [expression(group, case)],
        "bindings": case.get("bindings").cloned().unwrap_or(json!({})),
        "standard": true,
    });
    if let Some(data) = case.get("data") {
        req["input"] = data.clone();
    } else if let Some(name) = case.get("dataset").and_then(Value::as_str) {
        let text = std::fs::read_to_string(dir.join("datasets").join(format!("{name}.json"))).unwrap();
        req["input"] = serde_json::from_str(&text).unwrap();
    }
    for limit in ["timelimit", "depth"] {
        if let Some(v) = case.get(limit) {
            req[limit] = v.clone();
        }
    }
    req
}

/// Numbers compare by value (JSON text may write 1 or 1.0), everything else exactly.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn passes(case: &Value, answer: &Value) -> bool {
    if let Some(expected) = case.get("result") {
        return answer.get("value").is_some_and(|v| same(v, expected));
    }
    if case.get("undefinedResult").is_some() {
        return answer.get("undefined").is_some();
    }
    // The expected error is `code` (and `token`), or an `error` object holding them.
    let expected = case.get("error").unwrap_or(case);
    if let Some(code) = expected.get("code") {
        return answer.pointer("/error/code") == Some(code);
    }
    false
}

#[test]
fn jsonata_suite_passes_through_the_embedded_evaluator() {
    let Some(dir) = suite() else {
        eprintln!("skipped: ../shared/jsonata-suite is not beside the repository");
        return;
    };
    let mut jsonata = Jsonata::new(10_000).unwrap();
    let cases = cases(&dir);
    let mut failed = Vec::new();
    for (name, group, case) in &cases {
        let answer = jsonata.evaluate_json(&request(&dir, group, case)).map(|mut a| a.swap_remove(0));
        match answer {
            Ok(a) if passes(case, &a) => {}
            Ok(a) => failed.push(format!("{name}: {} gave {a}", expression(group, case))),
            Err(e) => failed.push(format!("{name}: {e}")),
        }
    }
    let passed = cases.len() - failed.len();
    for f in failed.iter().take(40) {
        eprintln!("FAIL {f}");
    }
    eprintln!("jsonata suite: {passed} of {} cases passed", cases.len());
    // All but the two cases holding lone UTF-16 surrogates, which cannot be read as JSON here.
    const MIN_PASSED: usize = 1623;
    assert!(passed >= MIN_PASSED, "{passed} of {} cases passed, fewer than {MIN_PASSED}", cases.len());
}
