//! Answering a task request: from the workspace's MockConfigFile when its test case mocks the
//! state, else with its mock in the sandbox: the mock named for the task's resource, else the
//! one named for its state. A task with no mock returns its input; a
//! callback task with no mock (or whose mock calls `context.waitForCallback()`) is left to the
//! person at the page.

use std::collections::BTreeMap;

use asl::exec::{Execution, TaskAnswer, TaskRequest};
use asl::host::Reply;
use asl::mock_config::{CaseAnswers, MockConfig};

use crate::browser;

/// Real time a mock may run before the sandbox stops it.
pub const MOCK_GUARD_MS: u32 = 3000;

/// Answers `exec`'s task `req` from the mocks (an S3 task no mock answers, from the run's S3),
/// as a run and a state's preview both do; hands the request back when only the person can
/// answer it (a callback).
pub async fn answer(
    exec: &mut Execution,
    req: Box<TaskRequest>,
    mocks: &BTreeMap<String, String>,
    config: Option<&mut CaseAnswers>,
) -> Option<Box<TaskRequest>> {
    answer_noting(exec, req, mocks, config).await.0
}

/// [`answer`], and whether the mock hung: the sandbox stopped it after its longest allowed time
/// (not after the task's own TimeoutSeconds, which is the task timing out, as on AWS).
pub async fn answer_noting(
    exec: &mut Execution,
    req: Box<TaskRequest>,
    mocks: &BTreeMap<String, String>,
    config: Option<&mut CaseAnswers>,
) -> (Option<Box<TaskRequest>>, bool) {
    let configured = config.and_then(|c| c.answer(&req.state_name));
    let reply = match configured {
        Some(answer) => Reply::Answer(answer, 0),
        None => reply(&req, mocks).await,
    };
    let guarded = req.timeout_seconds.is_none_or(|t| t.saturating_mul(1000) > MOCK_GUARD_MS as u64);
    let stopped = guarded && reply == Reply::Answer(TaskAnswer::NoAnswer, 0);
    (answer_with(exec, req, reply), stopped)
}

fn answer_with(exec: &mut Execution, req: Box<TaskRequest>, reply: Reply) -> Option<Box<TaskRequest>> {
    match reply {
        Reply::Answer(answer, latency) => {
            let _ = exec.answer(req.id, answer, latency);
        }
        Reply::Person => return Some(req),
        Reply::Default(answer) => {
            if !exec.answer_from_s3(&req) {
                let _ = exec.answer(req.id, answer, 0);
            }
        }
    }
    None
}

async fn reply(req: &TaskRequest, mocks: &BTreeMap<String, String>) -> Reply {
    let key = req.mock_key();
    let Some(source) = mocks.get(&key).or_else(|| mocks.get(&req.state_name)) else {
        if req.callback {
            return Reply::Person;
        }
        // Unless the workspace's S3 answers it (an S3 action), it returns its input.
        return Reply::Default(TaskAnswer::FunctionReturned(req.function_input().clone()));
    };
    let guard =
        req.timeout_seconds.map_or(MOCK_GUARD_MS, |t| (t.saturating_mul(1000)).min(MOCK_GUARD_MS as u64) as u32);
    let result = browser::invoke_mock(source, req.function_input(), &req.mock_info(), guard).await;
    Reply::from_mock_result(&result)
}

/// Reads the workspace's MockConfigFile, saying what is wrong and where when it is not one. A
/// run answers from its test case named `Replay` (a replay's, see
/// `asl::recorded::mock_config`) when there is one, else from the first.
pub fn read_config(text: &str) -> Result<CaseAnswers, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "The MockConfigFile is not valid JSON: {} (line {}, column {}).",
            super::plain(&e),
            e.line(),
            e.column()
        )
    })?;
    let config = MockConfig::from_value(&value).map_err(|e| format!("The MockConfigFile is not valid: {e}."))?;
    let cases = config.cases();
    let (machine, case) = cases
        .iter()
        .find(|(_, c)| *c == asl::recorded::TEST_CASE)
        .or(cases.first())
        .map(|(m, c)| (m.to_string(), c.to_string()))
        .ok_or("The MockConfigFile has no test case.")?;
    CaseAnswers::new(config, &machine, &case)
}
