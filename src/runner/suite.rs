//! A test suite run in the page: the Tests panel's Run all, and an exercise's Check. Every case
//! runs the workspace's definition on its input, its tasks answered by the case's own mocks,
//! then the MockConfigFile's test case it names, then the workspace's mocks in the sandbox;
//! the engine checks the expectations (`asl::suite`) and counts the coverage, as `asl test`
//! does. A path the suite names (its definition, mocks, S3 folder) is the workspace's own; an
//! input file is one of the example's or lesson's inputs.

use std::collections::BTreeMap;
use std::sync::Arc;

use asl::exec::{Execution, Options, Poll, Request};
use asl::mock_config::{CaseAnswers, MockConfig};
use asl::model::StateMachine;
use asl::suite::{Case, CaseInput, CaseMocks, CaseResult, Coverage, CoverageReport, Suite};
use leptos::prelude::*;
use serde_json::Value;

use super::mocks;
use crate::browser;
use crate::store::Store;

/// State transitions per slice, as a run's.
const STEPS_PER_SLICE: usize = 1500;
/// A case that takes more steps than this is stopped: a loop that never ends.
const STEP_LIMIT: usize = 500_000;

/// What a suite run found.
#[derive(Clone, Debug, Default)]
pub struct SuiteOutcome {
    /// Why the suite could not run at all (its text, a state it names), each with its line.
    pub problems: Vec<String>,
    pub cases: Vec<CaseResult>,
    pub coverage: Option<CoverageReport>,
    /// What the coverage leaves out, as the graph marks its states and edges.
    pub uncovered: Option<Uncovered>,
}

impl SuiteOutcome {
    pub fn passed(&self) -> bool {
        self.problems.is_empty() && self.cases.iter().all(|c| c.passed)
    }

    fn refused(problem: String) -> SuiteOutcome {
        SuiteOutcome { problems: vec![problem], ..SuiteOutcome::default() }
    }
}

/// What a suite runs against: the workspace as it is.
pub struct Given {
    pub machine: Option<Arc<StateMachine>>,
    pub mocks: BTreeMap<String, String>,
    pub mock_config: Option<String>,
    pub options: Options,
    /// The input files the suite may name (`input.json`, `inputs/<name>.json`).
    pub input_files: BTreeMap<String, String>,
    /// What the suite's file is called in messages (`tests.yaml`, "the checks").
    pub label: &'static str,
}

impl Given {
    /// The workspace as it is now; the input files are its example's or lesson's.
    pub fn workspace(store: Store, label: &'static str) -> Given {
        let machine = store.analysis.with_untracked(|a| a.machine.clone());
        let (mocks, mock_config, origin) = store.workspace.with_untracked(|w| {
            let lesson = w.exercise.as_deref().and_then(crate::store::Exercise::lesson_of);
            let origin = w.example.clone().or(lesson);
            (w.mocks.clone(), w.mock_config.clone(), origin)
        });
        let input_files = origin
            .and_then(|id: String| crate::examples::cached(&id))
            .map(|files| crate::examples::input_files(&files))
            .unwrap_or_default();
        Given { machine, mocks, mock_config, options: super::session::options(store), input_files, label }
    }
}

/// Runs every case of the suite `text`.
pub async fn run(text: &str, given: Given) -> SuiteOutcome {
    let suite = match asl::suite::read(text) {
        Ok(s) => s,
        Err(errors) => {
            return SuiteOutcome {
                problems: errors
                    .iter()
                    .map(|e| format!("{}:{}:{}: {}", given.label, e.line, e.column, e.message))
                    .collect(),
                ..SuiteOutcome::default()
            };
        }
    };
    let Some(machine) = given.machine.clone() else {
        return SuiteOutcome::refused("The definition has errors: fix them to run the tests.".into());
    };
    let problems: Vec<String> = asl::suite::check_references(&suite, &machine)
        .iter()
        .map(|e| format!("{}:{}:{}: {}", given.label, e.line, e.column, e.message))
        .collect();
    if !problems.is_empty() {
        return SuiteOutcome { problems, ..SuiteOutcome::default() };
    }
    let config = match mock_config(&suite, &given) {
        Ok(c) => c,
        Err(problem) => return SuiteOutcome::refused(problem),
    };
    let mocks = match &suite.mocks {
        // Mocks written in the suite come before the workspace's of the same name.
        Some(at) => match &at.value {
            asl::suite::Mocks::Inline(inline) => {
                let mut all = given.mocks.clone();
                all.extend(inline.clone());
                all
            }
            asl::suite::Mocks::Path(_) => given.mocks.clone(),
        },
        None => given.mocks.clone(),
    };
    let mut coverage = Coverage::new(&machine);
    let mut cases = Vec::with_capacity(suite.cases.len());
    for case in &suite.cases {
        let mut options = given.options.clone();
        if let Some(t) = suite.execution_type {
            options.execution_type = t;
        }
        if let Some(name) = &suite.state_machine {
            options.state_machine_name = name.clone();
        }
        let result = run_case(case, &machine, &mocks, config.as_ref(), options, &given).await;
        if let Some(visits) = &result.1 {
            coverage.add(visits);
        }
        cases.push(result.0);
    }
    let report = coverage.report();
    SuiteOutcome { problems: Vec::new(), cases, uncovered: Some(Uncovered::of(&report)), coverage: Some(report) }
}

/// The MockConfigFile the suite's cases name test cases of: the suite's own, else the
/// workspace's.
fn mock_config(suite: &Suite, given: &Given) -> Result<Option<(MockConfig, String)>, String> {
    let value = match suite.mock_config.as_ref().map(|a| &a.value) {
        Some(asl::suite::Source::Inline(v)) => Some(v.clone()),
        _ => match &given.mock_config {
            Some(text) => Some(
                serde_json::from_str::<Value>(text)
                    .map_err(|e| format!("The workspace's MockConfigFile is not valid JSON: {e}"))?,
            ),
            None => None,
        },
    };
    let Some(value) = value else { return Ok(None) };
    let config = MockConfig::from_value(&value).map_err(|e| format!("The MockConfigFile is not valid: {e}."))?;
    let machine = suite.state_machine.clone().or_else(|| config.cases().first().map(|(m, _)| m.to_string()));
    Ok(machine.map(|m| (config, m)))
}

/// Runs one case; its result, and the visits the run made (for the coverage).
async fn run_case(
    case: &Case,
    machine: &Arc<StateMachine>,
    mocks: &BTreeMap<String, String>,
    config: Option<&(MockConfig, String)>,
    options: Options,
    given: &Given,
) -> (CaseResult, Option<Vec<asl::exec::Visit>>) {
    let failed = |why: String| (CaseResult::not_run(case, why), None);
    let input = match &case.input {
        CaseInput::Value(v) => v.clone(),
        CaseInput::File(path) => match given.input_files.get(path.value.trim_start_matches("./")) {
            Some(text) => match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => return failed(format!("the input file {} is not JSON: {e}", path.value)),
            },
            None => {
                return failed(format!(
                    "the input file {} is not in this workspace: write the input in the case (input: ...)",
                    path.value
                ));
            }
        },
    };
    let answers = match (&case.test_case, config) {
        (Some(name), Some((config, machine))) => match CaseAnswers::new(config.clone(), machine, &name.value) {
            Ok(a) => Some(a),
            Err(e) => return failed(format!("{} (line {})", e, name.at.line)),
        },
        (Some(name), None) => {
            return failed(format!("the case names the test case {} but there is no MockConfigFile", name.value));
        }
        (None, _) => None,
    };
    let (exec, hung) = match execute(machine, input, mocks, answers, CaseMocks::new(case), options).await {
        Ok(e) => e,
        Err(why) => return failed(why),
    };
    let mut result = asl::suite::check(case, &exec);
    for state in hung {
        let seconds = mocks::MOCK_GUARD_MS / 1000;
        result.fail(
            case,
            "execution",
            format!("the mock for '{state}' did not answer within {seconds} s and was stopped"),
        );
    }
    (result, Some(exec.visits().to_vec()))
}

/// Runs `input` to its end (or until nothing more can happen), its tasks answered by `own`
/// first, then the MockConfigFile's test case, then the mocks.
async fn execute(
    machine: &Arc<StateMachine>,
    input: Value,
    mocks: &BTreeMap<String, String>,
    mut answers: Option<CaseAnswers>,
    mut own: CaseMocks,
    options: Options,
) -> Result<(Execution, Vec<String>), String> {
    let mut exec = Execution::start(Arc::clone(machine), input, options).map_err(|e| e.message)?;
    // The states whose mock hung (stopped by the sandbox), once each.
    let mut hung: Vec<String> = Vec::new();
    exec.set_step_budget(STEPS_PER_SLICE);
    let mut steps = 0;
    loop {
        match exec.poll() {
            Poll::Request(Request::Evaluate(req)) => {
                let answers = super::jsonata::evaluate(&req).await;
                let _ = exec.answer_evaluation(req.id, answers);
            }
            Poll::Request(Request::Task(req)) => {
                if let Some(answer) = own.answer(&req.state_name) {
                    let _ = exec.answer(req.id, answer, 0);
                    continue;
                }
                // A callback no mock answers is never answered here: the run waits for its
                // deadline, or does not finish (which the check reports).
                let state = req.state_name.clone();
                let (_, stopped) = mocks::answer_noting(&mut exec, req, mocks, answers.as_mut()).await;
                if stopped && !hung.contains(&state) {
                    hung.push(state);
                }
            }
            Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
            Poll::Idle { next_deadline: None } | Poll::Finished => break,
            Poll::Yielded => {
                steps += STEPS_PER_SLICE;
                if steps >= STEP_LIMIT {
                    return Err(format!("the execution was stopped after {STEP_LIMIT} steps: does it loop forever?"));
                }
                browser::sleep(0).await;
            }
        }
    }
    Ok((exec, hung))
}

/// A case for the suite from a run of `input` now: its expectations are what the run did.
pub async fn record_case(given: Given, name: &str, input: Value) -> Result<Value, String> {
    let machine = given.machine.clone().ok_or("The definition has errors: fix them first.")?;
    let (exec, _) =
        execute(&machine, input.clone(), &given.mocks, None, CaseMocks::default(), given.options.clone()).await?;
    Ok(asl::suite::case_from_run(name, &input, &exec))
}

/// The states and transitions no case of the test suite exercised: the graph dims them.
#[derive(Clone, Debug)]
pub struct Uncovered {
    pub states: Vec<String>,
    /// Each transition as `from|to|kind|index`, as the graph's edges are marked.
    pub transitions: Vec<String>,
}

impl Uncovered {
    fn of(report: &asl::suite::CoverageReport) -> Uncovered {
        use asl::model::Edge;
        let states = report.states.items.iter().filter(|s| !s.covered).map(|s| s.name.clone()).collect();
        let transitions = report
            .transitions
            .items
            .iter()
            .filter(|t| !t.covered)
            .map(|t| {
                let (kind, index) = match t.edge {
                    Edge::Next => ("next", None),
                    Edge::ChoiceRule(i) => ("choice", Some(i)),
                    Edge::Default => ("default", None),
                    Edge::Catch(i) => ("catch", Some(i)),
                };
                edge_key(&t.from_name, &t.to, kind, index.map(|i| i.to_string()).as_deref())
            })
            .collect();
        Uncovered { states, transitions }
    }

    /// Whether the drawn edge (its `data-` attributes) was never taken: a transition no case
    /// took, or the way in or out of a state no case entered.
    pub fn edge(&self, from: &str, to: &str, kind: &str, index: Option<&str>) -> bool {
        let unentered = |name: &str| self.states.iter().any(|s| s == name);
        self.transitions.contains(&edge_key(from, to, kind, index))
            || (kind == "start" && unentered(to))
            || (kind == "end" && unentered(from))
    }
}

fn edge_key(from: &str, to: &str, kind: &str, index: Option<&str>) -> String {
    format!("{from}|{to}|{kind}|{}", index.unwrap_or(""))
}
