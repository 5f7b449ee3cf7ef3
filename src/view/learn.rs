//! Learning: the Learn panel (the path of lessons, with the learner's progress) and, beside the
//! graph while the workspace is an exercise, the exercise itself: what to read, the task, and
//! Check, which runs the hidden checks and says in words what is still wrong (a hint after the
//! second failure). Both load with the module that runs workflows.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use crate::lessons::{self, LESSONS, Progress};
use crate::markdown;
use crate::runner::suite::{self, Given, SuiteOutcome};
use crate::store::{Exercise, Store};

/// The Learn panel, while it is open.
#[component]
pub fn LearnPanel(store: Store, open: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || open.get()>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    learn_panel(store, open).await.unwrap_or_else(|_| view! {
                        <div class="learn-panel" role="alert">"The lessons could not be loaded (the network may be down). Try again."</div>
                    }.into_any())
                })}
            </Suspense>
        </Show>
    }
}

#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
fn learn_panel(store: Store, open: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Lessons store open /> }.into_any())
}

#[component]
fn Lessons(store: Store, open: RwSignal<bool>) -> impl IntoView {
    let progress = Progress::load();
    let done = progress.passed();
    let current = store.workspace.with_untracked(|w| w.exercise.as_ref().and_then(|e| e.lesson.clone()));
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

/// The exercise beside the graph, while the workspace is one.
#[component]
pub fn ExercisePanel(store: Store) -> impl IntoView {
    let exercise = Memo::new(move |_| store.workspace.with(|w| w.exercise.clone()));
    move || {
        exercise.get().map(|e| {
            view! {
                <Suspense fallback=|| ()>
                    {
                        let e = e.clone();
                        move || {
                            let e = e.clone();
                            Suspend::new(async move {
                                exercise_panel(store, e).await.unwrap_or_else(|_| view! {
                                    <aside class="about exercise" role="alert">"The exercise could not be loaded (the network may be down)."</aside>
                                }.into_any())
                            })
                        }
                    }
                </Suspense>
            }
        })
    }
}

#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
fn exercise_panel(store: Store, exercise: Exercise) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ExerciseView store exercise /> }.into_any())
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

#[component]
fn ExerciseView(store: Store, exercise: Exercise) -> impl IntoView {
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
