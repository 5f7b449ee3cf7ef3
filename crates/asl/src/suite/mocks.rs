//! A case's inline answers (`mocks:` in a case), which answer its tasks before any other mock.
//! Each state's invocations are counted (retries and Map iterations included) and answered in
//! order; the last answer repeats.

use std::collections::{BTreeMap, HashMap};

use super::model::{Case, MockAnswer};
use crate::exec::TaskAnswer;

#[derive(Clone, Debug, Default)]
pub struct CaseMocks {
    answers: BTreeMap<String, Vec<MockAnswer>>,
    invocations: HashMap<String, usize>,
}

impl CaseMocks {
    pub fn new(case: &Case) -> CaseMocks {
        let answers = case.mocks.iter().map(|(state, list)| (state.clone(), list.value.clone())).collect();
        CaseMocks { answers, invocations: HashMap::new() }
    }

    /// Whether the case answers `state` itself.
    pub fn mocks(&self, state: &str) -> bool {
        self.answers.contains_key(state)
    }

    /// Counts one more invocation of `state` and answers it; `None` when the case does not mock
    /// the state (another mock answers). `waitForCallback` answers [`TaskAnswer::Submitted`]:
    /// the task's work is handed over and nothing ever comes back, so it waits until its
    /// deadline, if it has one.
    pub fn answer(&mut self, state: &str) -> Option<TaskAnswer> {
        let list = self.answers.get(state)?;
        let n = self.invocations.entry(state.to_string()).or_insert(0);
        let answer = list.get(*n).or(list.last())?;
        *n += 1;
        Some(match answer {
            MockAnswer::Result(v) => TaskAnswer::Succeeded(v.clone()),
            MockAnswer::Error { error, cause } => TaskAnswer::Failed { error: error.clone(), cause: cause.clone() },
            MockAnswer::WaitForCallback => TaskAnswer::Submitted,
        })
    }

    /// How many times `state` has been answered.
    pub fn invocations(&self, state: &str) -> usize {
        self.invocations.get(state).copied().unwrap_or(0)
    }
}
