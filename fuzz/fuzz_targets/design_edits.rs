//! Design mode's edits (asl::edit) on any text: no definition may panic them, and an edit that
//! succeeds leaves valid JSON. The data-flow preview's one-state machine
//! (asl::exec::alone) is made of each state too, and loaded as the preview loads it.
//!
//! The data's first byte picks the edit and its arguments (which scope, which state, which
//! transition); the rest is the definition's text.

#![no_main]

use asl::edit::{fields, recovery, rules};
use asl::edit::states::{self, Edge};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(body) else { return };
    let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let scopes = states::scopes(&value);
    let scope = scopes.get(usize::from(pick >> 4) % scopes.len().max(1)).cloned().unwrap_or_default();
    let names: Vec<String> = value
        .pointer(&format!("{scope}/States"))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let name = names.get(usize::from(pick >> 3) % names.len().max(1)).cloned().unwrap_or_else(|| "A".into());
    let other = names.first().cloned().unwrap_or_else(|| "B".into());
    let edge = edge_of(pick, &name);
    // A move goes onto a transition of any scope, from that scope's first state.
    let to_scope = scopes.get(usize::from(pick >> 5) % scopes.len().max(1)).cloned().unwrap_or_default();
    let first_there = value
        .pointer(&format!("{to_scope}/States"))
        .and_then(Value::as_object)
        .and_then(|m| m.keys().next().cloned())
        .unwrap_or_else(|| "A".into());
    let key = ["Comment", "Seconds", "Timestamp", "Error", "InputPath", "Retry"][usize::from(pick >> 2) % 6];
    let state_pointer = states::state(&scope, &name);
    // 16 edits: a count prime to the 5 kinds of edge, so that each edit meets each kind.
    let out = match pick % 16 {
        0 => states::rename_state(text, &scope, &name, "Renamed ✓"),
        1 => states::delete_state(text, &scope, &name),
        2 => states::insert_state(text, &scope, &edge, "New", json!({"Type": "Pass"})),
        3 => states::set_transition(text, &scope, &edge, Some(&other)),
        4 => states::set_transition(text, &scope, &edge, None),
        5 => states::duplicate_state(text, &scope, &name).map(|(t, _)| t),
        6 => states::add_branch(text, &states::state(&scope, &name), "Branch", json!({"Type": "Succeed"})),
        7 => states::add_state(text, &scope, "Loose", json!({"Type": "Fail"})),
        8 => fields::set(text, &scope, &name, key, (pick & 0x40 != 0).then(|| json!("$.x"))),
        9 => fields::set_machine(text, key, (pick & 0x40 != 0).then(|| json!(5))),
        10 => recovery::add_retrier(text, &scope, &name),
        11 => recovery::add_catcher(text, &scope, &name, &other),
        12 => recovery::remove(text, &format!("{state_pointer}/Retry/0")),
        14 => states::move_state(text, &scope, &name, &scope, &edge_of(pick >> 1, &other)),
        15 => states::move_state(text, &scope, &name, &to_scope, &edge_of(pick >> 1, &first_there)),
        _ => rules::set_rule(text, &scope, &name, usize::from(pick >> 6), &rules::starter()),
    };
    if let Ok(out) = out {
        assert!(asl::json::parse(&out).errors.is_empty(), "an edit left invalid JSON:\n{out}");
    }
    if let Ok(alone) = asl::exec::alone::state_alone(&value, &scope, &name) {
        assert_eq!(alone.get("StartAt").and_then(Value::as_str), Some(name.as_str()));
        let _ = asl::load_value(&alone);
    }
});

/// One of the transitions of state `name`, or the scope's start, as `pick` chooses.
fn edge_of(pick: u8, name: &str) -> Edge {
    match pick % 5 {
        0 => Edge::Start,
        1 => Edge::Next(name.to_string()),
        2 => Edge::Default(name.to_string()),
        3 => Edge::Choice(name.to_string(), usize::from(pick >> 6)),
        _ => Edge::Catch(name.to_string(), 0),
    }
}
