//! Learning: the Learn panel (the path of lessons, with the learner's progress) and, beside the
//! graph while the workspace is an exercise, the exercise itself: what to read, the task, and
//! Check, which runs the hidden checks and says in words what is still wrong (a hint after the
//! second failure). Both load with the module that runs workflows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::lessons::{self, LESSONS, Progress};
use crate::markdown;
use crate::runner::suite::{self, Given, SuiteOutcome};
use crate::store::{Exercise, Store};

/// The Learn panel (shown through `view::deferred`).
#[component]
pub fn Lessons(store: Store, open: RwSignal<bool>) -> impl IntoView {
    let progress = Progress::load();
    let done = progress.passed();
    let current = store.workspace.with_untracked(|w| w.exercise.as_deref().and_then(Exercise::lesson_of));
    view! {
        <div class="learn-panel" role="dialog" aria-label="Learn">
            <header>
                <h2>"Learn Step Functions"</h2>
                <button class="small" on:click=move |_| open.set(false) aria-label="Close the lessons">"×"</button>
            </header>
            <p class="hint">{format!("{} lessons, from a first Pass state to a Distributed Map. Each has a task and a Check button. {done} done.", LESSONS.len())}</p>
            <ol class="lesson-list">
                {LESSONS.iter().map(|l| {
                    let id = l.workspace.id;
                    let mine = progress.of(id);
                    let here = current.as_deref() == Some(id);
                    view! {
                        <li class:passed=mine.passed class:current=here>
                            <button class="lesson-open" data-lesson=id on:click=move |_| {
                                lessons::open(store, id);
                                open.set(false);
                            }>
                                <span class="mark" aria-hidden="true">{if mine.passed { "✓" } else { "" }}</span>
                                {l.workspace.title}
                                {mine.passed.then(|| view! { <span class="sr-only">" (done)"</span> })}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}

/// Where the learner stands on this exercise: how many checks failed, and whether it passed.
fn standing(exercise: &Exercise) -> (u32, bool) {
    match &exercise.lesson {
        Some(id) => {
            let p = Progress::load().of(id);
            (p.failures, p.passed)
        }
        None => (0, false),
    }
}

/// The exercise beside the graph (shown through `view::deferred`), from the workspace's JSON of
/// it.
#[component]
pub fn ExerciseView(store: Store, exercise: String) -> impl IntoView {
    match Exercise::of(&exercise) {
        Some(exercise) => view! { <ExerciseShown store exercise /> }.into_any(),
        None => view! {
            <aside class="about exercise" role="alert">"This exercise cannot be read: its link or file is damaged."</aside>
        }
        .into_any(),
    }
}

#[component]
fn ExerciseShown(store: Store, exercise: Exercise) -> impl IntoView {
    let (failures_before, passed_before) = standing(&exercise);
    let failures = RwSignal::new(failures_before);
    let passed = RwSignal::new(passed_before);
    let open = RwSignal::new(true);
    let busy = RwSignal::new(false);
    let outcome: RwSignal<Option<Arc<SuiteOutcome>>> = RwSignal::new(None);
    let hints_shown = RwSignal::new(0usize);
    let result_box = NodeRef::<leptos::html::Div>::new();
    // What Check found is brought into view: on a phone the panel is short.
    Effect::new(move |_| {
        if outcome.with(Option::is_some)
            && let Some(el) = result_box.get_untracked()
        {
            el.scroll_into_view_with_bool(false);
        }
    });
    let lesson = exercise.lesson.clone();
    let checks = exercise.checks.clone();
    let check = move |_| {
        let checks = checks.clone();
        let lesson = lesson.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = suite::run(&checks, Given::workspace(store, "the checks")).await;
            let ok = result.passed();
            if let Some(id) = &lesson {
                let mut progress = Progress::load();
                progress.record(id, ok);
                progress.save();
            }
            // The checks stay hidden: their coverage is not painted on the graph.
            let _ = outcome.try_set(Some(Arc::new(result)));
            if ok {
                let _ = passed.try_set(true);
            } else {
                let _ = failures.try_update(|f| *f += 1);
            }
            let _ = busy.try_set(false);
        });
    };
    let hints = exercise.hints.clone();
    let hint_count = hints.len();
    let next = exercise.lesson.as_deref().and_then(lessons::next).map(|l| (l.workspace.id, l.workspace.title));
    let about = exercise.about.clone();
    let title = exercise.title.clone();
    let task = exercise.task.clone();
    move || {
        if !open.get() {
            return view! {
                <button class="about-tab" title="The exercise: its task and Check" on:click=move |_| open.set(true)>"Task"</button>
            }
            .into_any();
        }
        let hints = hints.clone();
        view! {
            <aside class="about exercise" aria-label="Exercise">
                <header>
                    <h3>{title.clone()}</h3>
                    <button class="small" title="Hide the exercise" on:click=move |_| open.set(false)>"Hide"</button>
                </header>
                <div class="exercise-task">
                    <h4>"Your task"</h4>
                    <p>{task.clone()}</p>
                    <button class="primary exercise-check" on:click=check.clone() disabled=move || busy.get()>
                        {move || if busy.get() { "Checking…" } else { "Check" }}
                    </button>
                </div>
                <div class="exercise-result" role="status" aria-live="polite" node_ref=result_box>
                    {move || outcome.get().map(|o| result_view(&o))}
                </div>
                {move || {
                    // A hint is offered after the second failed check, then one more per press.
                    let offered = failures.get() >= 2 && !passed.get() && hint_count > 0;
                    let shown = hints_shown.get().min(hint_count);
                    offered.then(|| view! {
                        <div class="exercise-hints">
                            {hints.iter().take(shown).map(|h| view! { <p class="hint-text">{format!("Hint: {h}")}</p> }).collect_view()}
                            {(shown < hint_count).then(|| view! {
                                <button class="exercise-hint" on:click=move |_| hints_shown.update(|n| *n += 1)>
                                    {if shown == 0 { "Show a hint" } else { "Another hint" }}
                                </button>
                            })}
                        </div>
                    })
                }}
                {move || (passed.get()).then(|| view! {
                    <div class="exercise-done">
                        <p class="passed">"✓ Done: every check passes."</p>
                        {next.map(|(id, title)| view! {
                            <button class="primary exercise-next" on:click=move |_| lessons::open(store, id)>{format!("Next: {title} →")}</button>
                        })}
                    </div>
                })}
                <div class="about-text">{markdown::parse(&about).into_iter().map(crate::view::about::block).collect_view()}</div>
            </aside>
        }
        .into_any()
    }
}

/// What Check found, in the checks' own words (never the expected values: they would give the
/// answer away).
fn result_view(outcome: &SuiteOutcome) -> AnyView {
    if !outcome.problems.is_empty() {
        return view! {
            <div class="error-box">{format!("The checks could not run: {}", outcome.problems.join("; "))}</div>
        }
        .into_any();
    }
    if outcome.passed() {
        return view! { <p class="exercise-pass">"All checks pass."</p> }.into_any();
    }
    let failed: Vec<String> = outcome
        .cases
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.message.clone().unwrap_or_else(|| format!("The check “{}” does not pass yet.", c.name)))
        .collect();
    let passed = outcome.cases.iter().filter(|c| c.passed).count();
    view! {
        <div class="exercise-fail">
            <p>{format!("{passed} of {} checks pass. Still to do:", outcome.cases.len())}</p>
            <ul>{failed.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        </div>
    }
    .into_any()
}
