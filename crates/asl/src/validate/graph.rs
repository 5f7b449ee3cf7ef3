//! Transition targets, terminal states and reachability within one body.

use std::collections::VecDeque;

use crate::diagnostics::{Diagnostics, code};
use crate::model::{Body, Edge, StateKind, Transition};

/// Every transition names a state of the same body.
pub(super) fn transitions(body: &Body, d: &mut Diagnostics) {
    let start_at = format!("{}/StartAt", body.pointer);
    if !body.start_at.is_empty() && body.position(&body.start_at).is_none() {
        d.error_at_value(
            code::MISSING_TRANSITION_TARGET,
            &start_at,
            format!("StartAt names '{}', which is not a state{}", body.start_at, scope_hint(body)),
        );
    }
    for state in &body.states {
        for (target, edge) in state.successors() {
            if body.position(target).is_some() || target.is_empty() {
                continue;
            }
            let field = match edge {
                Edge::Next => format!("{}/Next", state.pointer),
                Edge::Default => format!("{}/Default", state.pointer),
                Edge::ChoiceRule(i) => format!("{}/Choices/{i}/Next", state.pointer),
                Edge::Catch(i) => format!("{}/Catch/{i}/Next", state.pointer),
            };
            d.error_at_value(
                code::MISSING_TRANSITION_TARGET,
                &field,
                format!("'{}' leads to '{target}', which is not a state{}", state.name, scope_hint(body)),
            );
        }
    }
}

fn scope_hint(body: &Body) -> &'static str {
    if body.parent.is_some() { " of this branch (a branch can only move between its own states)" } else { "" }
}

/// A body has a way to end, and every state can be reached from StartAt.
pub(super) fn terminal_and_reachable(body: &Body, d: &mut Diagnostics) {
    let terminal = body
        .states
        .iter()
        .any(|s| matches!(s.kind, StateKind::Succeed | StateKind::Fail(_)) || s.transition == Transition::End);
    if !terminal && !body.states.is_empty() {
        d.error(
            code::MISSING_END_STATE,
            &format!("{}/States", body.pointer),
            "No state ends the workflow: add \"End\": true to a state, or a Succeed or Fail state",
        );
    }
    let Some(start) = body.position(&body.start_at) else {
        return;
    };
    let mut reached = vec![false; body.states.len()];
    let mut queue = VecDeque::from([start]);
    reached[start] = true;
    while let Some(i) = queue.pop_front() {
        for (target, _) in body.states[i].successors() {
            if let Some(j) = body.position(target)
                && !reached[j]
            {
                reached[j] = true;
                queue.push_back(j);
            }
        }
    }
    for (state, reached) in body.states.iter().zip(reached) {
        if !reached {
            d.warning(
                code::UNREACHABLE_STATE,
                &state.pointer,
                format!("The state '{}' cannot be reached from '{}'", state.name, body.start_at),
            );
        }
    }
}
