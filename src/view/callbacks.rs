//! The panel of a run paused at a callback task: the task token, the payload the task sent, and
//! the person's answers as its worker would give them (SendTaskSuccess with JSON output,
//! SendTaskFailure with an error and a cause, SendTaskHeartbeat), or letting virtual time pass
//! to the next deadline.

use std::sync::Arc;

use asl::exec::{Deadline, DeadlineKind};
use leptos::prelude::*;
use serde_json::Value;

use crate::browser;
use crate::runner::{self, Response, RunResult, WaitingTask};
use crate::store::Store;
use crate::view::controls::elapsed;
use crate::view::json::JsonView;

#[component]
pub fn CallbackPanel(store: Store) -> impl IntoView {
    // The paused run, while it is paused (a continuing run keeps the panel, its buttons off).
    let paused = Memo::new(move |_| store.run.with(|r| r.result().filter(|r| r.is_paused()).map(ByPointer)));
    let busy = Memo::new(move |_| store.run.with(|r| r.is_running()));
    let chosen = RwSignal::new(0usize);
    // What the person typed stays through heartbeats and other pauses.
    let drafts = Drafts {
        output: RwSignal::new("{}".to_string()),
        error: RwSignal::new(String::new()),
        cause: RwSignal::new(String::new()),
    };
    move || {
        paused.get().map(|ByPointer(result)| {
            let count = result.waiting.len();
            let pick = chosen.get_untracked().min(count - 1);
            let task = result.waiting[pick].clone();
            let picker = (count > 1).then(|| {
                let names: Vec<(usize, String)> =
                    result.waiting.iter().enumerate().map(|(i, t)| (i, format!("{} (#{})", t.state_name, t.id))).collect();
                view! {
                    <label class="field">
                        {format!("{count} tasks wait: ")}
                        <select on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {names.into_iter().map(|(i, n)| view! { <option value=i.to_string() selected=i == pick>{n}</option> }).collect_view()}
                        </select>
                    </label>
                }
            });
            view! {
                <section class="callbacks" aria-label="Waiting for a callback">
                    <h3>"Waiting for a callback"</h3>
                    {picker}
                    <TaskCard store task result=Arc::clone(&result) busy drafts />
                </section>
            }
        })
    }
}

/// The answer being written.
#[derive(Clone, Copy)]
struct Drafts {
    output: RwSignal<String>,
    error: RwSignal<String>,
    cause: RwSignal<String>,
}

#[component]
fn TaskCard(
    store: Store,
    task: WaitingTask,
    result: Arc<RunResult>,
    busy: Memo<bool>,
    drafts: Drafts,
) -> impl IntoView {
    let Drafts { output, error, cause } = drafts;
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let copied = RwSignal::new(false);
    let id = task.id;
    let send_success = move |_| match serde_json::from_str::<Value>(&output.get_untracked()) {
        Ok(v) => {
            problem.set(None);
            runner::respond(store, id, Response::Success(v));
        }
        Err(e) => problem.set(Some(format!(
            "The output is not valid JSON: {} (line {}, column {}). Nothing was sent.",
            e.to_string().split(" at line ").next().unwrap_or_default(),
            e.line(),
            e.column()
        ))),
    };
    let send_failure = move |_| {
        let name = error.get_untracked().trim().to_string();
        problem.set(None);
        runner::respond(
            store,
            id,
            Response::Failure {
                // SendTaskFailure without an error name reports none; AWS shows it as null.
                error: name,
                cause: cause.get_untracked(),
            },
        );
    };
    let token = task.task_token.clone();
    let copy = move |_| {
        let token = token.clone();
        leptos::task::spawn_local(async move { copied.set(browser::copy(&token).await) });
    };
    let start = result.start_time();
    let now = result.history.last().map_or(start, |e| e.timestamp);
    let deadlines = describe_deadlines(&task.deadlines, start);
    let pass_label = match &result.next_deadline {
        Some(d) => format!("Let time pass to {} ({})", elapsed(d.at - start), what_happens(d)),
        None => "Let time pass (no deadline: it would wait up to a year)".to_string(),
    };
    let can_pass = result.next_deadline.is_some();
    view! {
        <div class="callback-card" data-state=task.state_name.clone()>
            <p>
                <b>{task.state_name.clone()}</b>
                {format!(" sent its task token at {} and waits. Answer as its worker would:", elapsed(now - start))}
            </p>
            <label class="callback-label" for="callback-output">"Output (JSON): the task's result"</label>
            <textarea
                id="callback-output"
                class="callback-output"
                rows="3"
                spellcheck="false"
                prop:value=move || output.get()
                on:input=move |ev| output.set(event_target_value(&ev))
            ></textarea>
            <div class="callback-actions">
                <button class="primary send-success" disabled=move || busy.get() on:click=send_success>"Send success"</button>
                <button class="send-heartbeat" disabled=move || busy.get() on:click=move |_| runner::respond(store, id, Response::Heartbeat)>
                    "Send heartbeat"
                </button>
            </div>
            {move || problem.get().map(|p| view! { <p class="callback-problem" role="alert">{p}</p> })}
            <div class="callback-failure">
                <input class="failure-error" placeholder="Error (e.g. Approval.Rejected)" prop:value=move || error.get() on:input=move |ev| error.set(event_target_value(&ev)) />
                <input class="failure-cause" placeholder="Cause" prop:value=move || cause.get() on:input=move |ev| cause.set(event_target_value(&ev)) />
                <button class="send-failure" disabled=move || busy.get() on:click=send_failure>"Send failure"</button>
            </div>
            <button class="let-time-pass" disabled=move || busy.get() || !can_pass on:click=move |_| runner::respond(store, id, Response::LetTimePass)>
                {pass_label}
            </button>
            <dl class="callback-facts">
                <dt>"Resource"</dt>
                <dd><code>{task.resource.clone()}</code></dd>
                <dt>"Task token"</dt>
                <dd class="token">
                    <code class="task-token">{task.task_token.clone()}</code>
                    <button class="small" on:click=copy>{move || if copied.get() { "Copied" } else { "Copy" }}</button>
                </dd>
                <dt>"Deadlines"</dt>
                <dd>{deadlines}</dd>
            </dl>
            <JsonView value=Signal::stored(task.payload.clone()) label="Payload sent".to_string() />
        </div>
    }
}

fn describe_deadlines(deadlines: &[Deadline], start: i64) -> String {
    if deadlines.is_empty() {
        return "none: without TimeoutSeconds or HeartbeatSeconds it waits up to a year".into();
    }
    deadlines
        .iter()
        .map(|d| format!("{} at {}", kind_name(d.kind), elapsed(d.at - start)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn kind_name(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::TaskTimeout => "TimeoutSeconds",
        DeadlineKind::HeartbeatTimeout => "HeartbeatSeconds without a heartbeat",
        DeadlineKind::ExecutionTimeout => "the state machine's TimeoutSeconds",
    }
}

fn what_happens(d: &Deadline) -> String {
    match (d.kind, &d.state_name) {
        (DeadlineKind::ExecutionTimeout, _) => "the execution times out".into(),
        (_, Some(name)) => format!("{name} fails with States.Timeout"),
        (_, None) => "States.Timeout".into(),
    }
}

/// Compares results by identity, so the panel is rebuilt only for a new pause.
#[derive(Clone)]
struct ByPointer(Arc<RunResult>);

impl PartialEq for ByPointer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
