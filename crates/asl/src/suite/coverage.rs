//! What a set of runs exercised of a state machine: every state (at every depth), every
//! transition (Next, each Choice rule and Default, each Catch), every Retry path. The items are
//! listed from the machine before any run, so what no run reached shows as uncovered; the page
//! dims those states and edges.

use std::collections::HashMap;

use serde::Serialize;

use crate::exec::Visit;
use crate::model::{Edge, StateMachine};

/// A state of the machine.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StateItem {
    /// The state's JSON pointer (as `Visit::state_pointer` gives it).
    pub pointer: String,
    pub name: String,
    #[serde(rename = "type")]
    pub state_type: &'static str,
    /// How many visits entered it.
    pub hits: u64,
    pub covered: bool,
}

/// A way out of a state: its Next, a Choice rule or Default, a Catch.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransitionItem {
    /// The source state's pointer and name.
    pub from: String,
    pub from_name: String,
    /// The target state's name, and its pointer when the machine has it.
    pub to: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_pointer: Option<String>,
    pub edge: Edge,
    pub hits: u64,
    pub covered: bool,
}

/// One Retrier of a state: covered when it scheduled a retry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetryItem {
    pub pointer: String,
    pub name: String,
    /// The Retrier's index in the state's `Retry`.
    pub index: usize,
    pub error_equals: Vec<String>,
    /// How many retries it scheduled.
    pub hits: u64,
    pub covered: bool,
}

/// The items of one kind, and how many were exercised.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Kind<T> {
    pub total: usize,
    pub covered: usize,
    pub items: Vec<T>,
}

/// The coverage report: per kind, totals and every item. `choices` and `catches` are the
/// transitions of those edges again, counted on their own.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageReport {
    /// How many runs were added.
    pub runs: usize,
    pub states: Kind<StateItem>,
    pub transitions: Kind<TransitionItem>,
    pub choices: Kind<TransitionItem>,
    pub retries: Kind<RetryItem>,
    pub catches: Kind<TransitionItem>,
}

/// Coverage being gathered: create it from the machine, [`Coverage::add`] each run's visits.
#[derive(Clone, Debug)]
pub struct Coverage {
    states: Vec<StateItem>,
    transitions: Vec<TransitionItem>,
    retries: Vec<RetryItem>,
    by_pointer: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_edge: HashMap<(String, Edge), usize>,
    by_retrier: HashMap<(String, usize), usize>,
    runs: usize,
}

impl Coverage {
    /// Every item of `machine`, none covered yet.
    pub fn new(machine: &StateMachine) -> Coverage {
        let mut c = Coverage {
            states: Vec::new(),
            transitions: Vec::new(),
            retries: Vec::new(),
            by_pointer: HashMap::new(),
            by_name: HashMap::new(),
            by_edge: HashMap::new(),
            by_retrier: HashMap::new(),
            runs: 0,
        };
        for body in &machine.bodies {
            for state in &body.states {
                c.by_pointer.insert(state.pointer.clone(), c.states.len());
                c.by_name.entry(state.name.to_string()).or_insert(c.states.len());
                c.states.push(StateItem {
                    pointer: state.pointer.clone(),
                    name: state.name.to_string(),
                    state_type: state.type_name(),
                    hits: 0,
                    covered: false,
                });
                for (target, edge) in state.successors() {
                    c.by_edge.insert((state.pointer.clone(), edge), c.transitions.len());
                    c.transitions.push(TransitionItem {
                        from: state.pointer.clone(),
                        from_name: state.name.to_string(),
                        to: target.to_string(),
                        to_pointer: body.get(target).map(|s| s.pointer.clone()),
                        edge,
                        hits: 0,
                        covered: false,
                    });
                }
                for (i, r) in state.retry.iter().enumerate() {
                    c.by_retrier.insert((state.pointer.clone(), i), c.retries.len());
                    c.retries.push(RetryItem {
                        pointer: state.pointer.clone(),
                        name: state.name.to_string(),
                        index: i,
                        error_equals: r.error_equals.clone(),
                        hits: 0,
                        covered: false,
                    });
                }
            }
        }
        c
    }

    /// Marks what one run exercised: the states its visits entered, the edges they left by,
    /// the retriers that retried, the catchers that caught.
    pub fn add(&mut self, visits: &[Visit]) {
        self.runs += 1;
        for v in visits {
            let found = self.by_pointer.get(&v.state_pointer).or_else(|| self.by_name.get(&v.state_name));
            let Some(&s) = found else { continue };
            let pointer = self.states[s].pointer.clone();
            let st = &mut self.states[s];
            mark(&mut st.hits, &mut st.covered);
            let caught = v.caught_by.map(Edge::Catch).filter(|e| v.left_by != Some(*e));
            for edge in v.left_by.into_iter().chain(caught) {
                if let Some(&t) = self.by_edge.get(&(pointer.clone(), edge)) {
                    let t = &mut self.transitions[t];
                    mark(&mut t.hits, &mut t.covered);
                }
            }
            for retrier in v.attempts.iter().filter_map(|a| a.retrier) {
                if let Some(&r) = self.by_retrier.get(&(pointer.clone(), retrier)) {
                    let r = &mut self.retries[r];
                    mark(&mut r.hits, &mut r.covered);
                }
            }
        }
    }

    pub fn report(&self) -> CoverageReport {
        let edges = |keep: fn(&Edge) -> bool| {
            kind(self.transitions.iter().filter(|t| keep(&t.edge)).cloned().collect(), |t| t.covered)
        };
        CoverageReport {
            runs: self.runs,
            states: kind(self.states.clone(), |s| s.covered),
            transitions: edges(|_| true),
            choices: edges(|e| matches!(e, Edge::ChoiceRule(_) | Edge::Default)),
            retries: kind(self.retries.clone(), |r| r.covered),
            catches: edges(|e| matches!(e, Edge::Catch(_))),
        }
    }
}

fn mark(hits: &mut u64, covered: &mut bool) {
    *hits += 1;
    *covered = true;
}

fn kind<T>(items: Vec<T>, covered: fn(&T) -> bool) -> Kind<T> {
    Kind { total: items.len(), covered: items.iter().filter(|i| covered(i)).count(), items }
}
