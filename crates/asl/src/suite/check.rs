//! A case's expectations checked against a run: each failed expectation with its name, its
//! line, a one-line message and, for values, the differences by path.

use serde::Serialize;
use serde_json::Value;

use super::diff::{Difference, diff, short, short_at, subset_diff};
use super::model::{At, Case, Expect, Expectation, Pos, StateCheck, VisitPick};
use crate::exec::{Execution, HistoryEvent, Outcome, Stage, Visit};

/// What a case's check needs of a run: how it ended, its visits (in the order entered, at
/// every depth), and when it started and ended (virtual milliseconds). A run of the engine
/// gives it ([`RunView::of`]), and so does an execution recorded in AWS
/// ([`RunView::recorded`]).
#[derive(Clone, Copy, Debug)]
pub struct RunView<'a> {
    pub outcome: Option<&'a Outcome>,
    pub visits: &'a [Visit],
    pub started_at: i64,
    pub ended_at: i64,
}

impl<'a> RunView<'a> {
    /// A run of the engine (its visits are recorded when `Options::record_data_flow` is on, as
    /// by default).
    pub fn of(exec: &'a Execution) -> RunView<'a> {
        let started_at = exec.history().first().map_or(exec.now(), |e| e.timestamp);
        RunView { outcome: exec.outcome(), visits: exec.visits(), started_at, ended_at: exec.now() }
    }

    /// An execution recorded in AWS: its events, its visits and its outcome as
    /// [`crate::recorded`] rebuilds them.
    pub fn recorded(history: &'a [HistoryEvent], visits: &'a [Visit], outcome: Option<&'a Outcome>) -> RunView<'a> {
        let started_at = history.first().map_or(0, |e| e.timestamp);
        let ended_at = history.last().map_or(started_at, |e| e.timestamp);
        RunView { outcome, visits, started_at, ended_at }
    }

    pub fn elapsed_ms(&self) -> i64 {
        self.ended_at.saturating_sub(self.started_at)
    }
}

/// How a case went.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseResult {
    pub name: String,
    pub line: usize,
    pub passed: bool,
    /// Virtual time from the start to the end of the execution.
    pub elapsed_ms: i64,
    /// The case's own words for a failure (its `message:`), when it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub failures: Vec<ExpectationFailure>,
}

/// One expectation the run did not meet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExpectationFailure {
    /// `expect.output`, `expect.states."Pay".retries`, or `execution` when the run itself went
    /// wrong (it did not finish, a mock hung).
    pub expectation: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<Difference>,
}

impl CaseResult {
    /// A case the host could not run as it should (its input unreadable, its test case
    /// missing, the execution unable to start): failed, with why.
    pub fn not_run(case: &Case, why: impl Into<String>) -> CaseResult {
        let mut result = CaseResult {
            name: case.name.clone(),
            line: case.at.line,
            passed: true,
            elapsed_ms: 0,
            message: None,
            failures: Vec::new(),
        };
        result.fail(case, "execution", why);
        result
    }

    /// Adds a failure the host found (a mock that hung, an input it could not read).
    pub fn fail(&mut self, case: &Case, expectation: &str, message: impl Into<String>) {
        self.failures.push(failure_at(case.at, expectation, message.into(), Vec::new()));
        self.passed = false;
        self.message.clone_from(&case.message);
    }
}

/// Checks every expectation of `case` against an execution of the engine.
pub fn check(case: &Case, exec: &Execution) -> CaseResult {
    check_run(case, &RunView::of(exec))
}

/// Checks every expectation of `case` against a run.
pub fn check_run(case: &Case, run: &RunView) -> CaseResult {
    let mut failures = Vec::new();
    match run.outcome {
        None => failures.push(failure_at(
            case.at,
            "execution",
            "the execution did not finish: it waits for something no one sends (a callback no mock answers, or a task left unanswered)".into(),
            Vec::new(),
        )),
        Some(outcome) => {
            for e in &case.expect {
                if let Some((message, diff)) = one(e, outcome, run) {
                    failures.push(failure_at(e.at, &e.name, message, diff));
                }
            }
        }
    }
    let passed = failures.is_empty();
    CaseResult {
        name: case.name.clone(),
        line: case.at.line,
        passed,
        elapsed_ms: run.elapsed_ms(),
        message: if passed { None } else { case.message.clone() },
        failures,
    }
}

/// The longest diff a failure lists; the message says how many there were.
const MAX_DIFFERENCES: usize = 20;

fn failure_at(at: Pos, expectation: &str, message: String, mut diff: Vec<Difference>) -> ExpectationFailure {
    diff.truncate(MAX_DIFFERENCES);
    ExpectationFailure { expectation: expectation.to_string(), line: at.line, column: at.column, message, diff }
}

type Failed = Option<(String, Vec<Difference>)>;

/// How much of a cause a message quotes: causes say what went wrong, so more than a value.
const CAUSE: usize = 240;

fn one(e: &Expectation, outcome: &Outcome, run: &RunView) -> Failed {
    let status = outcome.status.name();
    match &e.kind {
        Expect::Status(s) if *s != outcome.status => {
            Some((format!("the execution ended {}, expected {}", ended(outcome), s.name()), Vec::new()))
        }
        Expect::Status(_) => None,
        Expect::Output(v) | Expect::OutputContains(v) => {
            let Some(output) = &outcome.output else {
                return Some((format!("the execution has no output: it ended {}", ended(outcome)), Vec::new()));
            };
            let exact = matches!(e.kind, Expect::Output(_));
            values("output", v, output, exact)
        }
        Expect::Error(want) => match &outcome.error {
            Some(got) if got == want => None,
            Some(got) => Some((format!("the execution ended with the error {got}, expected {want}"), Vec::new())),
            None => {
                Some((format!("the execution ended {status} without an error, expected the error {want}"), Vec::new()))
            }
        },
        Expect::Cause(want) | Expect::CauseContains(want) => {
            let exact = matches!(e.kind, Expect::Cause(_));
            match &outcome.cause {
                Some(got) if (exact && got == want) || (!exact && got.contains(want.as_str())) => None,
                Some(got) => {
                    let how = if exact { "expected" } else { "expected it to contain" };
                    Some((
                        format!(
                            "the cause is {}, {how} {}",
                            short(&Value::String(got.clone())),
                            short(&Value::String(want.clone()))
                        ),
                        Vec::new(),
                    ))
                }
                None => Some((format!("the execution ended {status} without a cause"), Vec::new())),
            }
        }
        Expect::Path(want) => path(want, run),
        Expect::Visited(want) => in_order(want, run),
        Expect::VisitedAnyOrder(want) => {
            let missing: Vec<&str> = want.iter().map(|s| s.value.as_str()).filter(|s| !entered(run, s)).collect();
            (!missing.is_empty()).then(|| (format!("never entered: {}", names(&missing)), Vec::new()))
        }
        Expect::NotVisited(names_given) => {
            let hit: Vec<String> = names_given
                .iter()
                .filter_map(|s| {
                    let n = run.visits.iter().filter(|v| v.state_name == s.value).count();
                    (n > 0).then(|| format!("'{}' ({})", s.value, times(n)))
                })
                .collect();
            (!hit.is_empty()).then(|| (format!("entered, expected not: {}", hit.join(", ")), Vec::new()))
        }
        Expect::State { state, visit, check } => state_check(&state.value, *visit, check, run),
        Expect::ElapsedSeconds(s) => {
            let want = (s * 1000.0).round() as i64;
            (want != run.elapsed_ms()).then(|| {
                (
                    format!(
                        "the execution took {} of virtual time, expected exactly {}",
                        seconds(run.elapsed_ms()),
                        seconds(want)
                    ),
                    Vec::new(),
                )
            })
        }
        Expect::MaxElapsedSeconds(s) => {
            let max = (s * 1000.0).round() as i64;
            (run.elapsed_ms() > max).then(|| {
                (
                    format!(
                        "the execution took {} of virtual time, expected at most {}",
                        seconds(run.elapsed_ms()),
                        seconds(max)
                    ),
                    Vec::new(),
                )
            })
        }
    }
}

/// `SUCCEEDED`, or `FAILED (Error: cause)`.
fn ended(outcome: &Outcome) -> String {
    match (&outcome.error, &outcome.cause) {
        (Some(e), Some(c)) => {
            format!("{} ({e}: {})", outcome.status.name(), short_at(&Value::String(c.clone()), CAUSE))
        }
        (Some(e), None) => format!("{} ({e})", outcome.status.name()),
        _ => outcome.status.name().to_string(),
    }
}

fn values(what: &str, expected: &Value, actual: &Value, exact: bool) -> Failed {
    let differences = if exact { diff(expected, actual) } else { subset_diff(expected, actual) };
    if differences.is_empty() {
        return None;
    }
    let n = differences.len();
    let how = if exact { "differs from what is expected" } else { "does not contain what is expected" };
    let places = if n == 1 { "1 place".to_string() } else { format!("{n} places") };
    Some((format!("the {what} {how} in {places}"), differences))
}

fn entered(run: &RunView, state: &str) -> bool {
    run.visits.iter().any(|v| v.state_name == state)
}

fn path(want: &[At<String>], run: &RunView) -> Failed {
    let got: Vec<&str> = run.visits.iter().map(|v| v.state_name.as_str()).collect();
    let want: Vec<&str> = want.iter().map(|s| s.value.as_str()).collect();
    if got == want {
        return None;
    }
    let step = got.iter().zip(&want).position(|(g, w)| g != w).unwrap_or(got.len().min(want.len()));
    let message = match (want.get(step), got.get(step)) {
        (Some(w), Some(g)) => format!("the path departs at step {}: expected '{w}', entered '{g}'", step + 1),
        (Some(w), None) => format!("the path stops after {} states: expected '{w}' next", got.len()),
        (None, Some(g)) => format!("the path goes on after {} states: entered '{g}' next", want.len()),
        (None, None) => String::new(),
    };
    let list = |l: &[&str]| Value::Array(l.iter().map(|s| Value::String(s.to_string())).collect());
    Some((message, diff(&list(&want), &list(&got)).into_iter().map(as_step).collect()))
}

/// A difference between two lists of states, told by step (`step 3: expected "C", got "D"`).
fn as_step(mut d: Difference) -> Difference {
    let index = d.path.trim_start_matches("$[").trim_end_matches(']').parse::<usize>().unwrap_or(0);
    if let Some((_, rest)) = d.text.split_once(": ") {
        d.text = format!("step {}: {rest}", index + 1);
    }
    d
}

fn in_order(want: &[At<String>], run: &RunView) -> Failed {
    let mut at = 0;
    let mut previous: Option<&str> = None;
    for w in want {
        match run.visits[at..].iter().position(|v| v.state_name == w.value) {
            Some(i) => at += i + 1,
            None if entered(run, &w.value) => {
                let after = previous.map(|p| format!(" after '{p}'")).unwrap_or_default();
                return Some((format!("'{}' was entered, but not{after} in the order expected", w.value), Vec::new()));
            }
            None => return Some((format!("'{}' was never entered", w.value), Vec::new())),
        }
        previous = Some(&w.value);
    }
    None
}

fn state_check(state: &str, pick: VisitPick, check: &StateCheck, run: &RunView) -> Failed {
    let visits: Vec<&Visit> = run.visits.iter().filter(|v| v.state_name == state).collect();
    let (visit, nth) = match pick {
        VisitPick::Nth(n) => (visits.get(n - 1), format!("visit {n}")),
        VisitPick::Last => (visits.last(), "its last visit".to_string()),
    };
    let Some(visit) = visit else {
        let message = match (visits.len(), pick) {
            (0, _) => format!("'{state}' was never entered"),
            (n, _) => format!("'{state}' was entered {}, so it has no {nth}", times(n)),
        };
        return Some((message, Vec::new()));
    };
    let stage = |s: Stage| visit.stages.iter().rev().find(|(x, _)| *x == s).map(|(_, v)| &**v);
    match check {
        StateCheck::Entered => None,
        StateCheck::Input(v) | StateCheck::InputContains(v) => {
            let input = stage(Stage::Input).unwrap_or(&Value::Null);
            values(&format!("input of '{state}' at {nth}"), v, input, matches!(check, StateCheck::Input(_)))
        }
        StateCheck::Output(v) | StateCheck::OutputContains(v) => {
            let exact = matches!(check, StateCheck::Output(_));
            match (visit.exited_event_id, stage(Stage::Output)) {
                (Some(_), Some(output)) => values(&format!("output of '{state}' at {nth}"), v, output, exact),
                _ => Some((
                    format!("'{state}' did not leave at {nth} (it {}), so it has no output", visit_end(visit)),
                    Vec::new(),
                )),
            }
        }
        StateCheck::Retries(n) => {
            let got = visit.attempts.len().saturating_sub(1) as u64;
            (got != *n).then(|| {
                (
                    format!("'{state}' was retried {} at {nth}, expected {}", times(got as usize), times(*n as usize)),
                    Vec::new(),
                )
            })
        }
        StateCheck::Error(want) => match &visit.error {
            Some(f) if f.error == *want => None,
            Some(f) => Some((format!("'{state}' ended {nth} with the error {}, expected {want}", f.error), Vec::new())),
            None => Some((format!("'{state}' ended {nth} without an error, expected {want}"), Vec::new())),
        },
    }
}

/// How an unfinished or failed visit ended, in words.
fn visit_end(visit: &Visit) -> String {
    match &visit.error {
        Some(f) => format!("failed with {}", f.error),
        None => "did not finish".to_string(),
    }
}

fn times(n: usize) -> String {
    if n == 1 { "1 time".to_string() } else { format!("{n} times") }
}

fn names(list: &[&str]) -> String {
    list.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ")
}

/// Milliseconds as seconds for people: `12.5 s`, `3 s`, `0.125 s`.
pub(super) fn seconds(ms: i64) -> String {
    let (whole, frac) = (ms / 1000, (ms % 1000).abs());
    if frac == 0 {
        return format!("{whole} s");
    }
    let frac = format!("{frac:03}");
    let sign = if ms < 0 && whole == 0 { "-" } else { "" };
    format!("{sign}{whole}.{} s", frac.trim_end_matches('0'))
}
