//! Retry and Catch the TestState way. An execution would retry or catch and go on; TestState
//! stops at the decision and reports it: the error is RETRIABLE while the matching retrier has
//! attempts left (counting the retries the request says were made), CAUGHT_ERROR when a
//! catcher takes it, else FAILED. The first retrier and the first catcher whose ErrorEquals
//! match decide, as in an execution.

use serde_json::{Map, Value};

use crate::errors::Failure;
use crate::model::error_matches;

/// What becomes of a state's error.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// Retrier `index` tries again after `backoff_seconds`.
    Retry { index: usize, backoff_seconds: f64 },
    /// Catcher `index` takes it (after retrier `retried`, if one matched but had no attempt
    /// left).
    Catch { index: usize, retried: Option<usize> },
    /// Nothing takes it (`retried`: the retrier that matched but had no attempt left).
    Fail { retried: Option<usize> },
}

/// Decides for the error `failure` of a state whose definition is `body`, after `retries`
/// retries.
pub fn decide(body: &Map<String, Value>, failure: &Failure, retries: u64) -> Decision {
    let list = |key: &str| body.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    let matching = |entry: &Value| {
        let equals: Vec<String> = entry
            .get("ErrorEquals")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default();
        error_matches(&equals, failure)
    };
    let retried = list("Retry").iter().position(matching);
    if let Some(index) = retried {
        let retrier = &list("Retry")[index];
        let max_attempts = retrier.get("MaxAttempts").and_then(Value::as_u64).unwrap_or(3);
        if retries < max_attempts {
            return Decision::Retry { index, backoff_seconds: backoff(retrier, retries) };
        }
    }
    match list("Catch").iter().position(matching) {
        Some(index) => Decision::Catch { index, retried },
        None => Decision::Fail { retried },
    }
}

/// The wait before the retry after `retries` retries: IntervalSeconds × BackoffRate^retries,
/// at most MaxDelaySeconds (defaults 1 s and 2.0, as in an execution).
pub fn backoff(retrier: &Value, retries: u64) -> f64 {
    let interval = retrier.get("IntervalSeconds").and_then(Value::as_f64).unwrap_or(1.0);
    let rate = retrier.get("BackoffRate").and_then(Value::as_f64).unwrap_or(2.0);
    let delay = interval * rate.powi(i32::try_from(retries).unwrap_or(i32::MAX));
    match retrier.get("MaxDelaySeconds").and_then(Value::as_f64) {
        Some(max) => delay.min(max),
        None => delay,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn failure(error: &str) -> Failure {
        Failure::bare(error)
    }

    fn body(v: Value) -> Map<String, Value> {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn a_retrier_with_attempts_left_retries_with_growing_backoff() {
        let b = body(json!({"Retry": [
            {"ErrorEquals": ["Other"]},
            {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "BackoffRate": 1.5, "MaxAttempts": 4}
        ]}));
        assert_eq!(decide(&b, &failure("Boom"), 0), Decision::Retry { index: 1, backoff_seconds: 3.0 });
        assert_eq!(decide(&b, &failure("Boom"), 2), Decision::Retry { index: 1, backoff_seconds: 6.75 });
        assert_eq!(decide(&b, &failure("Boom"), 4), Decision::Fail { retried: Some(1) });
    }

    #[test]
    fn the_backoff_has_defaults_and_a_cap() {
        assert_eq!(backoff(&json!({}), 3), 8.0);
        assert_eq!(backoff(&json!({"IntervalSeconds": 10, "MaxDelaySeconds": 25}), 2), 25.0);
    }

    #[test]
    fn a_catcher_takes_what_no_retrier_retries() {
        let b = body(json!({
            "Retry": [{"ErrorEquals": ["A"], "MaxAttempts": 1}],
            "Catch": [{"ErrorEquals": ["B"], "Next": "X"}, {"ErrorEquals": ["States.ALL"], "Next": "Y"}]
        }));
        assert_eq!(decide(&b, &failure("A"), 1), Decision::Catch { index: 1, retried: Some(0) });
        assert_eq!(decide(&b, &failure("B"), 0), Decision::Catch { index: 0, retried: None });
        // States.Runtime is the interpreter's own: nothing handles it.
        let mut runtime = failure("States.Runtime");
        runtime.terminal = true;
        assert_eq!(decide(&b, &runtime, 0), Decision::Fail { retried: None });
    }
}
