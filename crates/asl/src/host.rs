//! A synchronous host loop for tests and the command line: answers every task request with a
//! closure and jumps the virtual clock from deadline to deadline.

use crate::exec::{Execution, Poll, Request, TaskAnswer, TaskRequest};

/// What a synchronous answerer returns: the answer and its simulated latency (ms).
pub type Answer = (TaskAnswer, u64);

/// Runs `exec` to its end, answering each task with `answer`. Returns when the execution has
/// finished, or when it waits for something no one will send (a callback never answered with
/// no deadline): then the execution is still running.
pub fn run_to_end(exec: &mut Execution, mut answer: impl FnMut(&TaskRequest) -> Answer) {
    loop {
        match exec.poll() {
            Poll::Request(Request::Task(req)) => {
                let (a, after) = answer(&req);
                // The request was just issued, so it is pending and the answer is accepted.
                let _ = exec.answer(req.id, a, after);
            }
            Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
            Poll::Idle { next_deadline: None } => return,
            Poll::Yielded => {}
            Poll::Finished => return,
        }
    }
}
