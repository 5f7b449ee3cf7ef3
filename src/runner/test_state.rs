//! Test state: AWS's TestState API (the engine's `asl::teststate`) for the state selected in
//! the page. The engine tests a state synchronously, but the page evaluates JSONata in the
//! sandbox, which answers later. So the test runs again until it asks nothing new: each run
//! that meets an expression not yet evaluated notes it, the sandbox evaluates those, and the
//! next run finds them answered. A test is deterministic, so each run repeats the last one up
//! to where it stopped.

use std::collections::HashMap;

use asl::exec::{EvalRequest, Evaluated};
use asl::host::Evaluator;
use asl::teststate::{Exception, Request, Response};
use serde_json::Value;

/// Rounds of evaluation a test may take: a state evaluates its fields phase by phase, a
/// handful at most (Arguments, then Output and Assign, then a catcher's).
const ROUNDS: usize = 12;

/// The AWS services' response shapes a mock result is validated against (STRICT, PRESENT):
/// served beside the page and fetched the first time a test needs them (they are large, and
/// most visits never test a state).
const SHAPES_URL: &str = "output-shapes.txt";

thread_local! {
    static SHAPES_INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tests the state a TestState request names; the request is in the API's JSON shape.
pub async fn test(request: Value) -> Result<Response, Exception> {
    let request = Request::from_json(&request)?;
    if validates_fields(&request) && !SHAPES_INSTALLED.get() {
        match crate::browser::fetch_texts(&[SHAPES_URL]).await {
            Ok(mut texts) => {
                asl::teststate::install_output_shapes(texts.pop().unwrap_or_default());
                SHAPES_INSTALLED.set(true);
            }
            Err(why) => {
                return Err(Exception::validation(format!(
                    "The services' response shapes that field validation needs could not be loaded ({why}): set Field validation to NONE, or try again."
                )));
            }
        }
    }
    let mut known = HashMap::new();
    for _ in 0..ROUNDS {
        let mut evaluator = Remembered { known: &known, missing: Vec::new() };
        let answer = asl::teststate::test_state(&request, &mut evaluator);
        if evaluator.missing.is_empty() {
            return answer;
        }
        for (key, req) in evaluator.missing {
            let answers = super::jsonata::evaluate(&req).await;
            known.insert(key, answers);
        }
    }
    Err(Exception::validation(
        "The state's JSONata expressions did not settle: they ask for new evaluations each time.",
    ))
}

/// Answers the expressions evaluated in an earlier round, and notes the others.
struct Remembered<'a> {
    known: &'a HashMap<String, Vec<Evaluated>>,
    missing: Vec<(String, EvalRequest)>,
}

impl Evaluator for Remembered<'_> {
    fn evaluate(&mut self, request: &EvalRequest) -> Vec<Evaluated> {
        let key = request.to_host_json().to_string();
        if let Some(answers) = self.known.get(&key) {
            return answers.clone();
        }
        if !self.missing.iter().any(|(k, _)| *k == key) {
            self.missing.push((key, request.clone()));
        }
        let pending = Evaluated::Failed { code: String::new(), message: "evaluated in the next round".into() };
        vec![pending; request.expressions.len()]
    }
}

/// Whether the request's mock result is validated against its service's response shape.
fn validates_fields(request: &Request) -> bool {
    request
        .mock
        .as_ref()
        .is_some_and(|m| m.result.is_some() && m.field_validation != asl::teststate::FieldValidation::None)
}
