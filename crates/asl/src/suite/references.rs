//! The state names a suite uses, checked against the machine it tests: a misspelt name would
//! otherwise make an expectation pass for nothing (`notVisited`) or a mock answer nothing.

use super::model::{At, Suite};
use super::reader::SuiteError;
use super::suggest::did_you_mean;
use crate::model::StateMachine;

/// An error for every state an expectation or an inline mock names that the machine does not
/// have, at any depth, with the closest name it does have.
pub fn check_references(suite: &Suite, machine: &StateMachine) -> Vec<SuiteError> {
    let known: Vec<&str> = machine.all_states().map(|s| &*s.name).collect();
    let mut errors = Vec::new();
    let mut check = |name: &At<String>, what: &str| {
        if !known.contains(&name.value.as_str()) {
            let hint = did_you_mean(&name.value, known.iter().copied());
            errors.push(SuiteError::new(
                name.at,
                format!("{what} names the state '{}', which the state machine does not have{hint}", name.value),
            ));
        }
    };
    for case in &suite.cases {
        for (state, answers) in &case.mocks {
            check(&At::new(state.clone(), answers.at), &format!("the case '{}' mocks", case.name));
        }
        for e in &case.expect {
            for state in e.kind.states() {
                check(state, &e.name);
            }
        }
    }
    crate::sort::sort_by_key(&mut errors, |e| (e.line, e.column));
    errors
}
