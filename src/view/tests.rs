//! The Tests panel, over the Tests tab's editor (the suite, in `asl test`'s format): Run all
//! with each case's pass or fail and what failed (with the suite's line and a diff), the
//! coverage (painted on the graph when asked), the current input added as a case, the suite
//! exported for `asl test`, and the workspace made an exercise for learners.

use std::sync::Arc;

use asl::suite::CaseResult;
use leptos::prelude::*;
use serde_json::Value;

use crate::browser;
use crate::runner::suite::{self, Given, SuiteOutcome};
use crate::store::{Action, Exercise, Notice, Store};

/// What a new workspace's Tests tab starts with.
pub const STARTER: &str = "# Test cases for this workflow, in the format `asl test` reads.\n# \"Add this input as a case\" records what a run does; edit the expectations.\ndefinition: definition.asl.json\ncases: []\n";

/// The panel, while the Tests tab is open (shown through `view::deferred`).
#[component]
pub fn Panel(store: Store) -> impl IntoView {
    let busy = RwSignal::new(false);
    let exercise_link: RwSignal<Option<String>> = RwSignal::new(None);
    let run_all = move |_| {
        let text = store.workspace.with_untracked(|w| w.tests.clone().unwrap_or_default());
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = suite::run(&text, Given::workspace(store, "tests.yaml")).await;
            let _ = store.suite.try_set(Some(Arc::new(outcome)));
            let _ = busy.try_set(false);
        });
    };
    let add_case = move |_| {
        let count = store.suite.with_untracked(|s| s.as_ref().map_or(0, |s| s.cases.len()));
        let Some(name) = browser::prompt("The new test case's name:", &format!("case {}", count + 1)) else { return };
        let name = name.trim().to_string();
        if name.is_empty() {
            return;
        }
        let input = store.workspace.with_untracked(|w| w.input.clone());
        let input: Value = match serde_json::from_str(if input.trim().is_empty() { "{}" } else { &input }) {
            Ok(v) => v,
            Err(e) => {
                store.apply(Action::Notify(Notice::error(format!(
                    "The input is not JSON ({e}): fix it to add it as a case."
                ))));
                return;
            }
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let case = suite::record_case(Given::workspace(store, "tests.yaml"), &name, input).await;
            let text = store.workspace.with_untracked(|w| w.tests.clone().unwrap_or_else(|| STARTER.to_string()));
            match case.and_then(|c| asl::suite::add_case(&text, &c)) {
                Ok(text) => store.apply(Action::ReplaceTests(text)),
                Err(why) => store.apply(Action::Notify(Notice::error(format!("The case could not be added: {why}")))),
            }
            let _ = busy.try_set(false);
        });
    };
    let export = move |_| {
        let (text, mocks, config) = store
            .workspace
            .with_untracked(|w| (w.tests.clone().unwrap_or_default(), w.mocks.clone(), w.mock_config.clone()));
        let Some(definition) = store.analysis.with_untracked(|a| a.definition_value()) else {
            store.apply(Action::Notify(Notice::error("The definition has errors: fix them to export the suite.")));
            return;
        };
        let config = config.and_then(|c| serde_json::from_str::<Value>(&c).ok());
        match asl::suite::bundle(&text, &definition, &mocks, config.as_ref()) {
            Ok(bundled) => browser::download("tests.yaml", "application/yaml", &bundled),
            Err(why) => store.apply(Action::Notify(Notice::error(format!("The suite could not be exported: {why}")))),
        }
    };
    let make_exercise = move |_| {
        let Some(task) = browser::prompt("The exercise's task, in one sentence (its checks are these tests):", "")
        else {
            return;
        };
        if task.trim().is_empty() {
            return;
        }
        let hint = browser::prompt("A hint, offered after the second failed check (optional):", "").unwrap_or_default();
        let mut workspace = store.workspace.get_untracked();
        let exercise = Exercise {
            lesson: None,
            title: "Exercise".into(),
            about: String::new(),
            task: task.trim().to_string(),
            hints: if hint.trim().is_empty() { Vec::new() } else { vec![hint.trim().to_string()] },
            checks: workspace.tests.take().unwrap_or_default(),
        };
        workspace.exercise = Some(exercise.to_text());
        workspace.example = None;
        leptos::task::spawn_local(async move {
            let data = crate::share::encode(&workspace).await;
            let link = format!("{}#{}", browser::page_url(), data);
            browser::copy(&link).await;
            let _ = exercise_link.try_set(Some(link));
        });
    };
    let coverage_shown = move || store.show_coverage.get();
    view! {
        <section class="tests-panel" aria-label="Tests">
            <div class="tests-actions">
                <button class="primary tests-run" on:click=run_all disabled=move || busy.get()>"Run all"</button>
                <button class="tests-add" on:click=add_case disabled=move || busy.get() title="Runs the current input and adds it as a case expecting what the run did">"Add this input as a case"</button>
                <label class="tests-coverage-toggle">
                    <input type="checkbox" prop:checked=coverage_shown on:change=move |ev| store.show_coverage.set(event_target_checked(&ev)) />
                    " Coverage on the graph"
                </label>
                <button class="tests-export" on:click=export title="tests.yaml with the definition and mocks in it, for asl test">"Export suite"</button>
                <button class="tests-exercise" on:click=make_exercise title="A link to this workflow as an exercise: its tests become hidden checks">"Make an exercise"</button>
            </div>
            {move || exercise_link.get().map(|link| view! {
                <div class="tests-exercise-link" role="status">
                    <p>"The exercise's link (copied): learners see the task and a Check button, not the tests."</p>
                    <input readonly aria-label="Exercise link" prop:value=link />
                </div>
            })}
            {move || busy.get().then(|| view! { <p class="hint" role="status">"Running…"</p> })}
            {move || store.suite.get().map(|outcome| outcome_view(&outcome))}
        </section>
    }
}

fn outcome_view(outcome: &SuiteOutcome) -> AnyView {
    if !outcome.problems.is_empty() {
        return view! {
            <div class="tests-problems" role="alert">
                {outcome.problems.iter().map(|p| view! { <div class="error-box">{p.clone()}</div> }).collect_view()}
            </div>
        }
        .into_any();
    }
    let passed = outcome.cases.iter().filter(|c| c.passed).count();
    let total = outcome.cases.len();
    let summary =
        format!("{total} case{}: {passed} passed, {} failed", if total == 1 { "" } else { "s" }, total - passed);
    let coverage = outcome.coverage.as_ref().map(|c| {
        let text = c.text();
        view! {
            <details class="tests-coverage">
                <summary>{text.lines().nth(1).map(|l| format!("Coverage: {}", l.trim())).unwrap_or_default()}</summary>
                <pre>{text}</pre>
            </details>
        }
    });
    view! {
        <div class="tests-results" role="status">
            <p class="tests-summary" class:all-passed=passed == total>{summary}</p>
            <ol class="test-cases">{outcome.cases.iter().map(case_view).collect_view()}</ol>
            {coverage}
        </div>
    }
    .into_any()
}

fn case_view(c: &CaseResult) -> impl IntoView {
    let mark = if c.passed { "✓" } else { "✗" };
    let failures = c.failures.clone();
    view! {
        <li class="test-case" class:passed=c.passed class:failed=!c.passed data-case=c.name.clone()>
            <div class="test-case-head">
                <span class="mark" aria-hidden="true">{mark}</span>
                <b>{c.name.clone()}</b>
                <span class="hint">{format!(" {} · line {}", if c.passed { "passed" } else { "failed" }, c.line)}</span>
            </div>
            {(!c.passed).then(|| view! {
                <ul class="test-failures">
                    {failures.into_iter().map(|f| view! {
                        <li>
                            <code>{f.expectation}</code>
                            <span class="hint">{format!(" (line {})", f.line)}</span>
                            ": " {f.message}
                            {(!f.diff.is_empty()).then(|| view! {
                                <pre class="test-diff">{f.diff.iter().map(|d| d.text.clone()).collect::<Vec<_>>().join("\n")}</pre>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}
