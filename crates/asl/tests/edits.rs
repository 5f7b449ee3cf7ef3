//! Design mode's edits (asl::edit) on every definition at hand: the examples, and the published
//! definitions in `../shared/conformance/realworld/` when they are beside the repository. Each
//! state renamed and back gives the text it started from; a state added on each transition
//! breaks nothing; deleting any state leaves valid JSON; moving a state within its scope is
//! refused or adds no error.

use std::path::Path;

use asl::diagnostics::Severity;
use asl::edit::states::{self, Edge};
use serde_json::{Value, json};

fn definitions() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut found = Vec::new();
    for dir in [root.join("examples"), root.join("../shared/conformance/realworld")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: {} is absent", dir.display());
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let file = if path.is_dir() { path.join("definition.asl.json") } else { path };
            if file.extension().is_some_and(|e| e == "json") && file.is_file() {
                found.push((file.display().to_string(), std::fs::read_to_string(&file).unwrap()));
            }
        }
    }
    assert!(found.len() >= 10, "too few definitions found: {}", found.len());
    found
}

fn error_count(text: &str) -> usize {
    asl::load(text).diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
}

/// Each scope with the names of its states and the transitions (edges) that leave them.
fn scopes(text: &str) -> Vec<(String, Vec<String>)> {
    let value: Value = serde_json::from_str(text).unwrap();
    states::scopes(&value)
        .into_iter()
        .map(|scope| {
            let names = value
                .pointer(&format!("{scope}/States"))
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            (scope, names)
        })
        .collect()
}

#[test]
fn renaming_every_state_and_back_gives_the_same_text() {
    let mut renamed = 0;
    for (file, text) in definitions() {
        if asl::edit::Document::parse(&text).is_err() {
            continue;
        }
        let before = error_count(&text);
        for (scope, names) in scopes(&text) {
            for name in names {
                let new = states::unique_name(&text, "Renamed state").unwrap();
                let out = states::rename_state(&text, &scope, &name, &new)
                    .unwrap_or_else(|e| panic!("{file} {scope} {name}: {e}"));
                assert_eq!(error_count(&out), before, "{file}: renaming {name} changed the errors");
                let back = states::rename_state(&out, &scope, &new, &name).unwrap();
                assert_eq!(back, text, "{file}: {name} renamed and back");
                renamed += 1;
            }
        }
    }
    assert!(renamed > 100, "{renamed}");
}

#[test]
fn a_pass_state_on_every_transition_breaks_nothing() {
    for (file, text) in definitions() {
        if asl::edit::Document::parse(&text).is_err() {
            continue;
        }
        let before = error_count(&text);
        let value: Value = serde_json::from_str(&text).unwrap();
        for (scope, names) in scopes(&text) {
            for name in std::iter::once(None).chain(names.iter().map(Some)) {
                let edge = match name {
                    None => Edge::Start,
                    Some(n) if value.pointer(&format!("{}/Next", states::state(&scope, n))).is_some() => {
                        Edge::Next(n.clone())
                    }
                    Some(_) => continue,
                };
                let new = states::unique_name(&text, "Inserted").unwrap();
                let out = states::insert_state(&text, &scope, &edge, &new, json!({"Type": "Pass"}))
                    .unwrap_or_else(|e| panic!("{file} {edge:?}: {e}"));
                assert!(
                    error_count(&out) <= before,
                    "{file}: a Pass on {edge:?} added errors: {:?}",
                    asl::load(&out).diagnostics
                );
            }
        }
    }
}

#[test]
fn deleting_any_state_leaves_valid_json_that_still_loads() {
    for (file, text) in definitions() {
        if asl::edit::Document::parse(&text).is_err() {
            continue;
        }
        for (scope, names) in scopes(&text) {
            for name in names {
                let out = states::delete_state(&text, &scope, &name).unwrap_or_else(|e| panic!("{file} {name}: {e}"));
                assert!(asl::json::parse(&out).errors.is_empty(), "{file}: deleting {name}:\n{out}");
                let _ = asl::load(&out);
                let gone: Value = serde_json::from_str(&out).unwrap();
                assert!(gone.pointer(&states::state(&scope, &name)).is_none());
            }
        }
    }
}

/// The transitions of `scope` that are there: its start, each state's Next (or End), a Choice's
/// rules and Default, each catcher.
fn edges_of(value: &Value, scope: &str, names: &[String]) -> Vec<Edge> {
    let mut edges = vec![Edge::Start];
    for name in names {
        let state = value.pointer(&states::state(scope, name)).cloned().unwrap_or(Value::Null);
        let count = |k: &str| state.get(k).and_then(Value::as_array).map_or(0, Vec::len);
        match state.get("Type").and_then(Value::as_str) {
            Some("Choice") => {
                edges.push(Edge::Default(name.clone()));
                edges.extend((0..count("Choices")).map(|i| Edge::Choice(name.clone(), i)));
            }
            Some("Succeed" | "Fail") => {}
            _ => edges.push(Edge::Next(name.clone())),
        }
        edges.extend((0..count("Catch")).map(|i| Edge::Catch(name.clone(), i)));
    }
    edges
}

/// Each state onto two transitions of its scope (picked by where it stands): every pair would
/// take long on the published definitions.
#[test]
fn moving_a_state_onto_a_transition_of_its_scope_adds_no_error() {
    let mut moved = 0;
    for (file, text) in definitions() {
        if asl::edit::Document::parse(&text).is_err() {
            continue;
        }
        let before = error_count(&text);
        let value: Value = serde_json::from_str(&text).unwrap();
        for (scope, names) in scopes(&text) {
            let edges = edges_of(&value, &scope, &names);
            for (i, name) in names.iter().enumerate() {
                let first = (i * 5 + 1) % edges.len();
                for edge in [first, (first + edges.len() / 2) % edges.len()].map(|j| &edges[j]) {
                    let Ok(out) = states::move_state(&text, &scope, name, &scope, edge) else { continue };
                    assert!(
                        error_count(&out) <= before,
                        "{file}: {name} onto {edge:?} added errors: {:?}",
                        asl::load(&out).diagnostics
                    );
                    moved += 1;
                }
            }
        }
    }
    assert!(moved > 100, "{moved}");
}
