//! Succeed and Fail: the states that end a frame.

use serde_json::Value;

use super::super::Execution;
use super::super::eval::compact;
use super::super::frames::{Flow, FrameId};
use crate::errors::Failure;
use crate::model::{Fail, FailField, State};

impl Execution {
    pub(in crate::exec) fn run_succeed(&mut self, f: FrameId, state: &State) -> Flow {
        let effective = match self.effective_input(f, state) {
            Ok(v) => v,
            Err(e) => return Flow::Failed(self.in_state(f, state, e)),
        };
        let output = match self.output_of(f, state, effective) {
            Ok(o) => o,
            Err(e) => return Flow::Failed(e),
        };
        self.exit(f, state, &output);
        Flow::End(output)
    }

    pub(in crate::exec) fn run_fail(&mut self, f: FrameId, state: &State, fail: &Fail) -> Flow {
        let raw = std::sync::Arc::clone(&self.frames[f.0].input);
        let fields = self.eval(f, state, None, |env| -> Result<_, Failure> {
            let mut read = |field: &Option<FailField>, name: &str| -> Result<Option<String>, Failure> {
                match field {
                    None => Ok(None),
                    Some(FailField::Literal(s)) => Ok(Some(s.clone())),
                    Some(FailField::Expr(e)) => match env.expr(e, &raw, name)? {
                        Value::String(s) => Ok(Some(s)),
                        other => Err(Failure::runtime(format!(
                            "The {name} field must reference a string, but it references {}",
                            compact(&other)
                        ))),
                    },
                    Some(FailField::Jsonata(_)) => Err(Failure::runtime("JSONata expressions are not supported yet")),
                }
            };
            Ok((read(&fail.error, "ErrorPath")?, read(&fail.cause, "CausePath")?))
        });
        match fields {
            Ok((error, cause)) => Flow::FrameFailed(Failure { cause, ..Failure::bare(error.unwrap_or_default()) }),
            Err(e) => Flow::FrameFailed(self.in_state(f, state, e)),
        }
    }
}
