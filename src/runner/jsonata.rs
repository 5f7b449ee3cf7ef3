//! Answering the engine's JSONata requests: evaluated in the sandbox, where the same host
//! script as the `asl` command's runs JSONata's reference implementation.

use asl::exec::{EvalRequest, Evaluated};

use crate::browser;

/// Real time one batch of expressions may run before the sandbox stops it.
const GUARD_MS: u32 = 3000;

pub async fn evaluate(req: &EvalRequest) -> Vec<Evaluated> {
    let answer = browser::evaluate_jsonata(&req.to_host_json().to_string(), GUARD_MS).await;
    req.answers_from_host(answer.as_deref().map_err(String::as_str))
}
