//! Reading a case's `expect:`: one [`Expectation`] per key (and per key of each state's
//! expectations), each named as its failure will be and placed at its key's line.

use serde_json::Value;

use super::model::{At, Expect, Expectation, StateCheck, VisitPick};
use super::reader::{Reader, child, item};
use crate::exec::Status;

const EXPECT_KEYS: &[&str] = &[
    "status",
    "output",
    "outputContains",
    "error",
    "cause",
    "causeContains",
    "path",
    "visited",
    "visitedAnyOrder",
    "notVisited",
    "states",
    "elapsedSeconds",
    "maxElapsedSeconds",
];
const STATE_KEYS: &[&str] = &["visit", "input", "inputContains", "output", "outputContains", "retries", "error"];

pub(super) fn expectations(r: &mut Reader, v: &Value, pointer: &str, what: &str) -> Vec<Expectation> {
    let mut out = Vec::new();
    let Some(map) = r.object(v, pointer, &format!("the expect of {what}"), EXPECT_KEYS) else { return out };
    // Unknown keys were reported by `object`.
    for (key, value) in map.iter().filter(|(k, _)| EXPECT_KEYS.contains(&k.as_str())) {
        let p = child(pointer, key);
        if key == "states" {
            states(r, value, &p, &mut out);
            continue;
        }
        let kind = match key.as_str() {
            "status" => status(r, value, &p).map(Expect::Status),
            "output" => Some(Expect::Output(value.clone())),
            "outputContains" => Some(Expect::OutputContains(value.clone())),
            "error" => r.string(value, &p, "expect.error").map(Expect::Error),
            "cause" => r.string(value, &p, "expect.cause").map(Expect::Cause),
            "causeContains" => r.string(value, &p, "expect.causeContains").map(Expect::CauseContains),
            "path" => r.names(value, &p, "expect.path").map(Expect::Path),
            "visited" => r.names(value, &p, "expect.visited").map(Expect::Visited),
            "visitedAnyOrder" => r.names(value, &p, "expect.visitedAnyOrder").map(Expect::VisitedAnyOrder),
            "notVisited" => r.names(value, &p, "expect.notVisited").map(Expect::NotVisited),
            "elapsedSeconds" => r.seconds(value, &p, "expect.elapsedSeconds").map(Expect::ElapsedSeconds),
            _ => r.seconds(value, &p, "expect.maxElapsedSeconds").map(Expect::MaxElapsedSeconds),
        };
        out.extend(kind.map(|kind| Expectation { name: format!("expect.{key}"), at: r.pos(&p), kind }));
    }
    out
}

fn status(r: &mut Reader, v: &Value, pointer: &str) -> Option<Status> {
    let status = match v.as_str() {
        Some("SUCCEEDED") => Status::Succeeded,
        Some("FAILED") => Status::Failed,
        Some("TIMED_OUT") => Status::TimedOut,
        Some("ABORTED") => Status::Aborted,
        _ => {
            r.error(
                r.value_pos(pointer),
                format!("expect.status must be SUCCEEDED, FAILED, TIMED_OUT or ABORTED, not {v}"),
            );
            return None;
        }
    };
    Some(status)
}

/// `states:`: state name → the expectations at one of its visits (or a list of them, one per
/// visit).
fn states(r: &mut Reader, v: &Value, pointer: &str, out: &mut Vec<Expectation>) {
    let Some(map) = r.mapping(v, pointer, "expect.states") else { return };
    for (name, value) in map {
        let p = child(pointer, name);
        let state = At::new(name.clone(), r.pos(&p));
        let label = format!("expect.states.{}", quoted(name));
        match value {
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    one_visit(r, x, &item(&p, i), &state, &format!("{label}[{i}]"), out);
                }
            }
            _ => one_visit(r, value, &p, &state, &label, out),
        }
    }
}

fn one_visit(r: &mut Reader, v: &Value, pointer: &str, state: &At<String>, label: &str, out: &mut Vec<Expectation>) {
    let Some(map) = r.object(v, pointer, label, STATE_KEYS) else { return };
    let visit = match map.get("visit") {
        None => VisitPick::Nth(1),
        Some(n) => match visit(n) {
            Some(pick) => pick,
            None => {
                let at = r.value_pos(&child(pointer, "visit"));
                r.error(at, format!("{label}.visit must be 1 or more, \"last\" or -1, not {n}"));
                return;
            }
        },
    };
    let before = out.len();
    for (key, value) in map.iter().filter(|(k, _)| *k != "visit" && STATE_KEYS.contains(&k.as_str())) {
        let p = child(pointer, key);
        let name = format!("{label}.{key}");
        let check = match key.as_str() {
            "input" => Some(StateCheck::Input(value.clone())),
            "inputContains" => Some(StateCheck::InputContains(value.clone())),
            "output" => Some(StateCheck::Output(value.clone())),
            "outputContains" => Some(StateCheck::OutputContains(value.clone())),
            "retries" => r.count(value, &p, &name).map(StateCheck::Retries),
            _ => r.string(value, &p, &name).map(StateCheck::Error),
        };
        if let Some(check) = check {
            let kind = Expect::State { state: state.clone(), visit, check };
            out.push(Expectation { name, at: r.pos(&p), kind });
        }
    }
    if out.len() == before {
        let kind = Expect::State { state: state.clone(), visit, check: StateCheck::Entered };
        out.push(Expectation { name: label.to_string(), at: r.pos(pointer), kind });
    }
}

fn visit(v: &Value) -> Option<VisitPick> {
    match v {
        Value::String(s) if s == "last" => Some(VisitPick::Last),
        Value::Number(n) if n.as_i64() == Some(-1) => Some(VisitPick::Last),
        Value::Number(n) => n.as_u64().filter(|&n| n >= 1).map(|n| VisitPick::Nth(n as usize)),
        _ => None,
    }
}

/// A state name as an expectation's name shows it: in double quotes.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
}
