use super::super::{CaseResult, check};
use super::{ORDER, machine, run, suite};

/// The result of one case on the order workflow: `case` is the case's YAML after `- name: c`,
/// indented by four spaces.
fn result(case: &str) -> CaseResult {
    let s = suite(&format!("cases:\n  - name: c\n{case}"));
    let m = machine(ORDER);
    let exec = run(&m, &s.cases[0]);
    check(&s.cases[0], &exec)
}

/// A case that pays after one busy gateway, and ships: Pay (retried once), Big?, Ship.
const PAYS: &str = "    input: {amount: 50}\n    mocks:\n      Pay: [{error: Gateway.Busy}, {result: {id: p-1}}]\n";
/// A case whose card is declined: caught, then Cancel fails the execution.
const DECLINED: &str = "    input: {amount: 50}\n    mocks:\n      Pay: {error: Card.Declined, cause: no funds}\n";

fn expect(base: &str, expectations: &str) -> CaseResult {
    result(&format!("{base}    expect:\n{expectations}"))
}

/// The messages of a failed case, each with its expectation and line.
fn failures(r: &CaseResult) -> Vec<String> {
    assert!(!r.passed, "the case passed");
    r.failures.iter().map(|f| format!("{} (line {}): {}", f.expectation, f.line, f.message)).collect()
}

fn passes(r: CaseResult) {
    assert!(r.passed, "{:#?}", r.failures);
}

#[test]
fn status_error_and_cause() {
    passes(expect(PAYS, "      status: SUCCEEDED\n"));
    passes(expect(
        DECLINED,
        "      status: FAILED\n      error: Order.Cancelled\n      cause: the payment failed\n      causeContains: payment\n",
    ));
    let r = expect(DECLINED, "      status: SUCCEEDED\n      error: Other\n      cause: x\n      causeContains: zzz\n");
    assert_eq!(
        failures(&r),
        [
            "expect.status (line 7): the execution ended FAILED (Order.Cancelled: \"the payment failed\"), expected SUCCEEDED",
            "expect.error (line 8): the execution ended with the error Order.Cancelled, expected Other",
            "expect.cause (line 9): the cause is \"the payment failed\", expected \"x\"",
            "expect.causeContains (line 10): the cause is \"the payment failed\", expected it to contain \"zzz\"",
        ]
    );
    let r = expect(PAYS, "      error: E\n");
    assert_eq!(
        failures(&r),
        ["expect.error (line 7): the execution ended SUCCEEDED without an error, expected the error E"]
    );
}

#[test]
fn output_exactly_and_as_a_subset() {
    passes(expect(PAYS, "      output: {amount: 50.0, payment: {id: p-1}, status: SHIPPED}\n"));
    passes(expect(PAYS, "      outputContains: {payment: {}, status: SHIPPED}\n"));
    let r = expect(PAYS, "      output: {amount: 50, payment: {id: p-2}, status: SHIPPED, extra: 1}\n");
    assert_eq!(failures(&r), ["expect.output (line 7): the output differs from what is expected in 2 places"]);
    let diff: Vec<&str> = r.failures[0].diff.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(diff, ["$.payment.id: expected \"p-2\", got \"p-1\"", "$.extra: missing (expected 1)"]);
    let r = expect(PAYS, "      outputContains: {status: CANCELLED}\n");
    assert_eq!(r.failures[0].diff[0].text, "$.status: expected \"CANCELLED\", got \"SHIPPED\"");
    let r = expect(DECLINED, "      output: {}\n");
    assert!(failures(&r)[0].contains("the execution has no output: it ended FAILED"));
}

#[test]
fn states_entered() {
    passes(expect(
        PAYS,
        "      path: [Pay, Big?, Ship]\n      visited: [Pay, Ship]\n      visitedAnyOrder: [Ship, Pay]\n      notVisited: [Cancel, Review]\n",
    ));
    let r = expect(PAYS, "      path: [Pay, Big?, Review, Ship]\n");
    assert_eq!(failures(&r), ["expect.path (line 7): the path departs at step 3: expected 'Review', entered 'Ship'"]);
    assert_eq!(r.failures[0].diff[0].text, "step 3: expected \"Review\", got \"Ship\"");
    let r = expect(PAYS, "      path: [Pay, Big?]\n");
    assert_eq!(failures(&r), ["expect.path (line 7): the path goes on after 2 states: entered 'Ship' next"]);
    let r = expect(PAYS, "      visited: [Ship, Pay]\n");
    assert_eq!(
        failures(&r),
        ["expect.visited (line 7): 'Pay' was entered, but not after 'Ship' in the order expected"]
    );
    let r = expect(
        PAYS,
        "      visited: [Pay, Review]\n      visitedAnyOrder: [Cancel, Ship, Review]\n      notVisited: [Pay, Cancel]\n",
    );
    assert_eq!(
        failures(&r),
        [
            "expect.visited (line 7): 'Review' was never entered",
            "expect.visitedAnyOrder (line 8): never entered: 'Cancel', 'Review'",
            "expect.notVisited (line 9): entered, expected not: 'Pay' (1 time)",
        ]
    );
}

#[test]
fn a_state_at_one_visit() {
    passes(expect(
        PAYS,
        "      states:\n        Pay:\n          retries: 1\n          input: {amount: 50}\n          inputContains: {}\n          outputContains: {payment: {id: p-1}}\n        Ship: {visit: last, output: {amount: 50, payment: {id: p-1}, status: SHIPPED}}\n",
    ));
    passes(expect(
        DECLINED,
        "      states:\n        Pay: {error: Card.Declined, retries: 0}\n        Cancel: {error: Order.Cancelled}\n",
    ));
    let r = expect(
        PAYS,
        "      states:\n        Pay:\n          retries: 2\n          error: Card.Declined\n          input: {amount: 51}\n        Ship: {visit: 2}\n        Review: {}\n        Big?: {error: X}\n",
    );
    assert_eq!(
        failures(&r),
        [
            "expect.states.\"Pay\".retries (line 9): 'Pay' was retried 1 time at visit 1, expected 2 times",
            "expect.states.\"Pay\".error (line 10): 'Pay' ended visit 1 without an error, expected Card.Declined",
            "expect.states.\"Pay\".input (line 11): the input of 'Pay' at visit 1 differs from what is expected in 1 place",
            "expect.states.\"Ship\" (line 12): 'Ship' was entered 1 time, so it has no visit 2",
            "expect.states.\"Review\" (line 13): 'Review' was never entered",
            "expect.states.\"Big?\".error (line 14): 'Big?' ended visit 1 without an error, expected X",
        ]
    );
    let r = expect(DECLINED, "      states:\n        Cancel: {output: {}}\n");
    assert_eq!(
        failures(&r),
        [
            "expect.states.\"Cancel\".output (line 8): 'Cancel' did not leave at visit 1 (it failed with Order.Cancelled), so it has no output"
        ]
    );
}

#[test]
fn virtual_time() {
    // One retry after 2 seconds.
    passes(expect(PAYS, "      elapsedSeconds: 2\n      maxElapsedSeconds: 2.5\n"));
    let big = "    input: {amount: 5000}\n";
    passes(expect(big, "      elapsedSeconds: 60.0\n"));
    let r = expect(big, "      elapsedSeconds: 59.5\n      maxElapsedSeconds: 30\n");
    assert_eq!(
        failures(&r),
        [
            "expect.elapsedSeconds (line 5): the execution took 60 s of virtual time, expected exactly 59.5 s",
            "expect.maxElapsedSeconds (line 6): the execution took 60 s of virtual time, expected at most 30 s",
        ]
    );
    assert_eq!(r.elapsed_ms, 60_000);
}

#[test]
fn an_unfinished_run_is_one_failure_and_a_failed_case_shows_its_message() {
    let r = result(
        "    message: Pay must answer.\n    mocks:\n      Pay: {waitForCallback: true}\n    expect:\n      status: SUCCEEDED\n      output: {}\n",
    );
    assert_eq!(r.failures.len(), 1);
    assert_eq!(r.failures[0].expectation, "execution");
    assert_eq!(r.failures[0].line, 2);
    assert!(r.failures[0].message.starts_with("the execution did not finish"));
    assert_eq!(r.message.as_deref(), Some("Pay must answer."));
    let passed = result("    message: words\n");
    assert!(passed.passed && passed.message.is_none());
}

#[test]
fn inline_answers_go_in_order_and_the_last_repeats() {
    let s = suite("cases:\n  - name: c\n    mocks:\n      Pay: [{result: 1}, {error: E}]\n");
    let mut mocks = super::super::CaseMocks::new(&s.cases[0]);
    use crate::exec::TaskAnswer;
    assert_eq!(mocks.answer("Pay"), Some(TaskAnswer::Succeeded(serde_json::json!(1))));
    let failed = TaskAnswer::Failed { error: "E".into(), cause: None };
    assert_eq!(mocks.answer("Pay"), Some(failed.clone()));
    assert_eq!(mocks.answer("Pay"), Some(failed));
    assert_eq!(mocks.answer("Ship"), None);
    assert_eq!(mocks.invocations("Pay"), 3);
    assert!(mocks.mocks("Pay") && !mocks.mocks("Ship"));
}
