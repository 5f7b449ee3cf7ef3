//! Answering a task request with its mock in the sandbox: the mock named for the task's
//! resource, else the one named for its state. A task with no mock returns its input; a
//! callback task with no mock (or whose mock calls `context.waitForCallback()`) is left to the
//! person at the page.

use std::collections::BTreeMap;

use asl::exec::{TaskAnswer, TaskRequest};
use asl::host::Reply;
use serde_json::{Value, json};

use crate::browser;

/// Real time a mock may run before the sandbox stops it.
const MOCK_GUARD_MS: u32 = 3000;

pub async fn reply(req: &TaskRequest, mocks: &BTreeMap<String, String>) -> Reply {
    let key = req.mock_key();
    let Some(source) = mocks.get(&key).or_else(|| mocks.get(&req.state_name)) else {
        if req.callback {
            return Reply::Person;
        }
        return Reply::Answer(TaskAnswer::FunctionReturned(req.function_input().clone()), 0);
    };
    let info = json!({
        "stateName": req.state_name,
        "attempt": req.attempt + 1,
        "resource": req.resource,
        "taskToken": req.task_token,
        "callback": req.callback,
        "context": req.context,
    });
    let guard =
        req.timeout_seconds.map_or(MOCK_GUARD_MS, |t| (t.saturating_mul(1000)).min(MOCK_GUARD_MS as u64) as u32);
    let result = browser::invoke_mock(source, req.function_input(), &info, guard).await;
    let latency = result.get("latencyMs").and_then(Value::as_u64).unwrap_or(0);
    let text = |k: &str| result.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    if result.get("waitForCallback") == Some(&Value::Bool(true)) {
        Reply::Person
    } else if result.get("noAnswer") == Some(&Value::Bool(true)) {
        Reply::Answer(TaskAnswer::NoAnswer, 0)
    } else if result.get("ok") == Some(&Value::Bool(true)) {
        Reply::Answer(TaskAnswer::FunctionReturned(result.get("value").cloned().unwrap_or(Value::Null)), latency)
    } else {
        Reply::Answer(TaskAnswer::FunctionFailed { error: text("error"), message: text("cause") }, latency)
    }
}
