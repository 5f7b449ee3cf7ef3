//! The rules that span states: names, transitions, terminal states, reachability, nesting.
//! Field-level rules are checked while the model is built ([`crate::model::build`]); together
//! they are what AWS's ValidateStateMachineDefinition checks.

mod graph;

use std::collections::HashMap;

use crate::diagnostics::{Diagnostics, code};
use crate::model::{StateKind, StateMachine};

/// How deep Parallel and Map states may nest, as AWS allows.
const MAX_NESTING: usize = 40;
/// AWS's limit on state names.
const MAX_STATE_NAME: usize = 80;

/// Checks `machine` and adds what it finds to `d`.
pub fn validate(machine: &StateMachine, d: &mut Diagnostics) {
    names(machine, d);
    for (i, body) in machine.bodies.iter().enumerate() {
        if body.states.is_empty() && body.start_at.is_empty() {
            continue;
        }
        graph::transitions(body, d);
        graph::terminal_and_reachable(body, d);
        let depth = nesting(machine, i);
        if depth > MAX_NESTING {
            d.error(
                code::TOO_DEEPLY_NESTED,
                &body.pointer,
                format!("Parallel and Map states nest {depth} deep here; AWS allows {MAX_NESTING}"),
            );
        }
    }
    labels(machine, d);
}

/// State names are unique across the whole machine, nested branches included.
fn names(machine: &StateMachine, d: &mut Diagnostics) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for state in machine.all_states() {
        if let Some(first) = seen.insert(&state.name, &state.pointer) {
            d.error(
                code::DUPLICATE_STATE_NAME,
                &state.pointer,
                format!("The state name '{}' is already used at {first}; state names must be unique in the whole state machine", state.name),
            );
        }
        let len = state.name.chars().count();
        if len == 0 || len > MAX_STATE_NAME {
            d.error(
                code::INVALID_STATE_NAME,
                &state.pointer,
                format!("A state name must be 1 to {MAX_STATE_NAME} characters long; '{}' has {len}", state.name),
            );
        } else if state.name.chars().any(char::is_control) {
            d.error(
                code::INVALID_STATE_NAME,
                &state.pointer,
                format!("The state name '{}' contains control characters", state.name.escape_debug()),
            );
        }
    }
}

/// Map labels are unique across the machine.
fn labels(machine: &StateMachine, d: &mut Diagnostics) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for state in machine.all_states() {
        if let StateKind::Map(m) = &state.kind
            && let Some(label) = &m.label
            && seen.insert(label, &state.pointer).is_some()
        {
            d.error(
                code::DUPLICATE_LABEL_NAME,
                &format!("{}/Label", state.pointer),
                format!("The Label '{label}' is used by another Map state"),
            );
        }
    }
}

/// How many Parallel/Map bodies enclose body `i` (the machine's own body is 0).
fn nesting(machine: &StateMachine, i: usize) -> usize {
    let mut depth = 0;
    let mut at = machine.bodies[i].parent;
    while let Some((parent, _)) = at {
        depth += 1;
        at = machine.bodies[parent.0].parent;
    }
    depth
}
