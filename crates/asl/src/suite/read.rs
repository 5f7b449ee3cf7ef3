//! A suite's text (YAML or JSON) to a [`Suite`], or every error in it with its line.

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};

use super::expect::expectations;
use super::model::{At, Case, CaseInput, MockAnswer, Mocks, Source, Suite};
use super::reader::{Reader, SuiteError, child, item, kind};
use crate::exec::ExecutionType;
use crate::{json, yaml};

const SUITE_KEYS: &[&str] =
    &["definition", "stateMachine", "mocks", "mockConfig", "s3", "type", "mockTimeoutMs", "cases"];
const CASE_KEYS: &[&str] = &["name", "input", "inputFile", "message", "testCase", "mocks", "expect"];
const ANSWER_KEYS: &[&str] = &["result", "error", "cause", "waitForCallback"];

/// Reads a suite written in YAML or JSON. The errors are every problem found (syntax, types,
/// unknown keys, missing or repeated case names), in the order of the text.
pub fn read(text: &str) -> Result<Suite, Vec<SuiteError>> {
    let parsed = if yaml::looks_like_json(text) { json::parse(text) } else { yaml::parse(text) };
    let mut r = Reader::new(text, &parsed.spans);
    for e in &parsed.errors {
        let at = r.pos_of_offset(e.span.start);
        r.error(at, e.message.clone());
    }
    for d in &parsed.duplicate_keys {
        let at = r.pos_of_offset(d.span.start);
        r.error(at, format!("the key '{}' is given twice", d.key));
    }
    let suite = match (&parsed.value, r.errors.is_empty()) {
        (Some(v), true) => suite(&mut r, v),
        (None, true) => {
            r.error(r.pos(""), "the suite is empty: it needs a definition and cases");
            None
        }
        _ => None,
    };
    let mut errors = r.errors;
    match suite {
        Some(s) if errors.is_empty() => Ok(s),
        _ => {
            crate::sort::sort_by_key(&mut errors, |e| (e.line, e.column));
            Err(errors)
        }
    }
}

fn suite(r: &mut Reader, v: &Value) -> Option<Suite> {
    let map = r.object(v, "", "the suite", SUITE_KEYS)?;
    let mut s = Suite::default();
    // Unknown keys were reported by `object`.
    for (key, value) in map.iter().filter(|(k, _)| SUITE_KEYS.contains(&k.as_str())) {
        let p = child("", key);
        match key.as_str() {
            "definition" => s.definition = source(r, value, &p, "definition", Value::is_object),
            "stateMachine" => s.state_machine = r.string(value, &p, "stateMachine"),
            "mocks" => s.mocks = mocks(r, value, &p),
            "mockConfig" => s.mock_config = source(r, value, &p, "mockConfig", Value::is_object),
            "s3" => s.s3 = r.located_string(value, &p, "s3 (a folder)"),
            "type" => {
                s.execution_type = match value.as_str() {
                    Some("STANDARD") => Some(ExecutionType::Standard),
                    Some("EXPRESS") => Some(ExecutionType::Express),
                    _ => {
                        r.error(r.value_pos(&p), format!("type must be STANDARD or EXPRESS, not {value}"));
                        None
                    }
                }
            }
            "mockTimeoutMs" => match value.as_u64() {
                Some(ms) if ms > 0 => s.mock_timeout_ms = Some(ms),
                _ => r.error(r.value_pos(&p), format!("mockTimeoutMs must be milliseconds (1 or more), not {value}")),
            },
            _ => s.cases = cases(r, value, &p),
        }
    }
    Some(s)
}

/// A path (a string) or a value written inline (one that `inline` accepts).
fn source(r: &mut Reader, v: &Value, pointer: &str, what: &str, inline: fn(&Value) -> bool) -> Option<At<Source>> {
    let at = r.value_pos(pointer);
    match v {
        Value::String(path) => Some(At::new(Source::Path(path.clone()), at)),
        v if inline(v) => Some(At::new(Source::Inline(v.clone()), at)),
        other => {
            r.error(at, format!("{what} must be a path or a mapping written here, not {}", kind(other)));
            None
        }
    }
}

fn mocks(r: &mut Reader, v: &Value, pointer: &str) -> Option<At<Mocks>> {
    let at = r.value_pos(pointer);
    match v {
        Value::String(path) => Some(At::new(Mocks::Path(path.clone()), at)),
        Value::Object(map) => {
            let mut sources = BTreeMap::new();
            for (name, source) in map {
                let p = child(pointer, name);
                let what = format!("the mock '{name}' (its JavaScript source)");
                sources.extend(r.string(source, &p, &what).map(|s| (name.clone(), s)));
            }
            Some(At::new(Mocks::Inline(sources), at))
        }
        other => {
            r.error(
                at,
                format!(
                    "mocks must be a folder or file path, or a mapping of mock name to JavaScript source, not {}",
                    kind(other)
                ),
            );
            None
        }
    }
}

fn cases(r: &mut Reader, v: &Value, pointer: &str) -> Vec<Case> {
    let Some(items) = v.as_array() else {
        r.error(r.value_pos(pointer), format!("cases must be a list of cases, not {}", kind(v)));
        return Vec::new();
    };
    let mut names = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, c) in items.iter().enumerate() {
        let p = item(pointer, i);
        let Some(case) = case(r, c, &p, i) else { continue };
        if !names.insert(case.name.clone()) {
            r.error(
                r.pos(&child(&p, "name")),
                format!("a case named '{}' is already in the suite: names must be unique", case.name),
            );
        }
        out.push(case);
    }
    out
}

fn case(r: &mut Reader, v: &Value, pointer: &str, i: usize) -> Option<Case> {
    let map = r.object(v, pointer, &format!("case {}", i + 1), CASE_KEYS)?;
    let at = r.value_pos(pointer);
    let name = match map.get("name") {
        Some(n) => r.string(n, &child(pointer, "name"), "a case's name")?,
        None => {
            r.error(at, format!("case {} has no name: each case needs `name:`", i + 1));
            return None;
        }
    };
    let what = format!("case '{name}'");
    let input = match (map.get("input"), map.get("inputFile")) {
        (Some(_), Some(_)) => {
            r.error(r.pos(&child(pointer, "inputFile")), format!("{what} has both input and inputFile: give one"));
            CaseInput::Value(Value::Null)
        }
        (Some(v), None) => CaseInput::Value(v.clone()),
        (None, Some(f)) => match r.located_string(f, &child(pointer, "inputFile"), "inputFile") {
            Some(path) => CaseInput::File(path),
            None => CaseInput::Value(Value::Null),
        },
        (None, None) => CaseInput::Value(Value::Object(Map::new())),
    };
    let message = map.get("message").and_then(|m| r.string(m, &child(pointer, "message"), "message"));
    let test_case = map.get("testCase").and_then(|t| r.located_string(t, &child(pointer, "testCase"), "testCase"));
    let mocks = match map.get("mocks") {
        Some(m) => case_mocks(r, m, &child(pointer, "mocks"), &what),
        None => BTreeMap::new(),
    };
    let expect = match map.get("expect") {
        Some(e) => expectations(r, e, &child(pointer, "expect"), &what),
        None => Vec::new(),
    };
    Some(Case { name, at, input, message, test_case, mocks, expect })
}

/// `mocks:` of a case: state name → one answer, or a list in invocation order.
fn case_mocks(r: &mut Reader, v: &Value, pointer: &str, what: &str) -> BTreeMap<String, At<Vec<MockAnswer>>> {
    let mut out = BTreeMap::new();
    let Some(map) = r.mapping(v, pointer, &format!("the mocks of {what}")) else { return out };
    for (state, answers) in map {
        let p = child(pointer, state);
        let list: Vec<MockAnswer> = match answers {
            Value::Array(items) if !items.is_empty() => {
                items.iter().enumerate().filter_map(|(i, a)| answer(r, a, &item(&p, i), state)).collect()
            }
            Value::Array(_) => {
                r.error(r.value_pos(&p), format!("the mock of '{state}' is an empty list: give at least one answer"));
                continue;
            }
            single => answer(r, single, &p, state).into_iter().collect(),
        };
        out.insert(state.clone(), At::new(list, r.pos(&p)));
    }
    out
}

/// One answer: `{result: ...}`, `{error: ..., cause: ...}` or `{waitForCallback: true}`.
fn answer(r: &mut Reader, v: &Value, pointer: &str, state: &str) -> Option<MockAnswer> {
    let what = format!("an answer of the mock of '{state}'");
    let map = r.object(v, pointer, &what, ANSWER_KEYS)?;
    if map.keys().any(|k| !ANSWER_KEYS.contains(&k.as_str())) {
        return None;
    }
    let given: Vec<&str> =
        ["result", "error", "waitForCallback"].into_iter().filter(|k| map.contains_key(*k)).collect();
    if given.len() != 1 {
        r.error(
            r.value_pos(pointer),
            format!("{what} needs exactly one of result, error (with an optional cause) or waitForCallback: true"),
        );
        return None;
    }
    if map.contains_key("cause") && given[0] != "error" {
        r.error(r.pos(&child(pointer, "cause")), format!("{what}: cause goes with error"));
    }
    match given[0] {
        "result" => Some(MockAnswer::Result(map["result"].clone())),
        "error" => {
            let error = r.string(&map["error"], &child(pointer, "error"), "error")?;
            let cause = map.get("cause").and_then(|c| r.string(c, &child(pointer, "cause"), "cause"));
            Some(MockAnswer::Error { error, cause })
        }
        _ => match map["waitForCallback"] {
            Value::Bool(true) => Some(MockAnswer::WaitForCallback),
            _ => {
                r.error(r.value_pos(&child(pointer, "waitForCallback")), "waitForCallback can only be true");
                None
            }
        },
    }
}
