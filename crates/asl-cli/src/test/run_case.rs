//! One case run: its inline answers first, then the MockConfigFile's test case, then the
//! JavaScript mocks, then the default; the run checked against the case's expectations, and
//! what went wrong with the mocks (a mock that hung, a callback no one sends) said by name.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use asl::exec::{Execution, ExecutionType, Options, RequestId, STANDARD_HISTORY_LIMIT};
use asl::host::{PersonTasks, Reply, run_until_person};
use asl::mock_config::CaseAnswers;
use asl::suite::{Case, CaseMocks, CaseResult, Coverage, check};
use serde_json::Value;

use super::load::Prepared;
use crate::mocks::Answerer;

/// A case's result and how long it took for real.
pub struct CaseRun {
    pub result: CaseResult,
    pub wall: Duration,
}

/// An EXPRESS execution has no history limit on AWS; here one guards against a loop that would
/// never end.
const EXPRESS_GUARD_EVENTS: usize = STANDARD_HISTORY_LIMIT * 40;

pub fn run_case(
    p: &Prepared,
    case: &Case,
    input: &Value,
    jsonata: &mut asl_cli::jsonata::LazyJsonata,
    coverage: &mut Coverage,
) -> CaseRun {
    let started = Instant::now();
    let result = run(p, case, input, jsonata, coverage);
    CaseRun { result, wall: started.elapsed() }
}

fn run(
    p: &Prepared,
    case: &Case,
    input: &Value,
    jsonata: &mut asl_cli::jsonata::LazyJsonata,
    coverage: &mut Coverage,
) -> CaseResult {
    let config = match (&case.test_case, &p.mock_config) {
        (Some(tc), Some(config)) => match CaseAnswers::new(config.clone(), &p.machine_name, &tc.value) {
            Ok(c) => Some(c),
            Err(e) => return failed(case, e),
        },
        _ => None,
    };
    let mut answerer = match Answerer::from_parts(config, &p.modules, p.timeout_ms) {
        Ok(a) => a,
        Err(e) => return failed(case, e),
    };
    let mut options = Options {
        state_machine_name: p.machine_name.clone(),
        execution_type: p.execution_type,
        record_data_flow: true,
        s3: p.s3.clone(),
        ..Options::default()
    };
    if p.execution_type == ExecutionType::Express {
        options.max_history_events = Some(EXPRESS_GUARD_EVENTS);
    }
    let mut exec = match Execution::start(p.machine.clone(), input.clone(), options) {
        Ok(e) => e,
        Err(e) => return failed(case, format!("the execution cannot start: {}", e.message)),
    };
    let mut inline = CaseMocks::new(case);
    let mut asked: HashMap<RequestId, String> = HashMap::new();
    let mut person = PersonTasks::default();
    run_until_person(
        &mut exec,
        &mut person,
        |req| {
            asked.insert(req.id, req.state_name.clone());
            match inline.answer(&req.state_name) {
                Some(answer) => Reply::Answer(answer, 0),
                None => answerer.answer(req),
            }
        },
        jsonata,
    );
    coverage.add(exec.visits());
    let mut result = check(case, &exec);
    if exec.outcome().is_none() {
        explain_unfinished(&mut result, &exec, &asked);
    }
    for (state, mock) in answerer.stopped() {
        result.fail(
            case,
            "execution",
            format!(
                "the mock '{mock}' of the state '{state}' gave no answer: it ran past {} ms or waits on a promise that never settles, so it was stopped (the task then timed out)",
                p.timeout_ms
            ),
        );
    }
    result
}

/// Says which states the unfinished execution waits on.
fn explain_unfinished(result: &mut CaseResult, exec: &Execution, asked: &HashMap<RequestId, String>) {
    let mut states: Vec<&str> = exec.pending_requests().filter_map(|id| asked.get(&id)).map(String::as_str).collect();
    states.sort_unstable();
    states.dedup();
    if let Some(f) = result.failures.iter_mut().find(|f| f.expectation == "execution") {
        f.message = match states.as_slice() {
            [] => "the execution did not finish: it waits for something no one sends".to_string(),
            _ => format!(
                "the execution did not finish: it waits for a callback that no mock sends ({})",
                states.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ")
            ),
        };
    }
}

/// A case that could not run as it should, with why.
fn failed(case: &Case, message: String) -> CaseResult {
    CaseResult::not_run(case, message)
}
