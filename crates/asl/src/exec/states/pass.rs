//! Pass: passes its input (or its `Result`, or its `Parameters`) on.

use std::sync::Arc;

use super::super::Execution;
use super::super::frames::{Flow, FrameId};
use crate::model::{Pass, State};

impl Execution {
    pub(in crate::exec) fn run_pass(&mut self, f: FrameId, state: &State, pass: &Pass) -> Flow {
        let effective = match self.effective_input(f, state) {
            Ok(v) => v,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let result = match &pass.result {
            Some(r) => Arc::clone(r),
            None => effective,
        };
        self.finish_with_result(f, state, result)
    }
}
