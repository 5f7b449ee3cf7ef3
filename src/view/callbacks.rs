//! The panel of a run paused at a callback task: the task token, the payload the task sent, and
//! the person's answers as its worker would give them (SendTaskSuccess with JSON output,
//! SendTaskFailure with an error and a cause, SendTaskHeartbeat), or letting virtual time pass
//! to the next deadline.
//!
//! The panel is one markup string ([`markup`]); its buttons answer through `data-action` and
//! its fields through `data-draft`. What the person types lives in signals the markup reads
//! without tracking, so typing never redraws the panel (nor moves the caret).

use std::fmt::Write as _;
use std::sync::Arc;

use asl::exec::{Deadline, DeadlineKind};
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::runner::{self, Response, RunResult, WaitingTask};
use crate::store::Store;
use crate::view::controls::elapsed;
use crate::view::html::{action_of, esc};

/// What the person has typed and seen, kept through heartbeats and other pauses.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    pub output: String,
    pub error: String,
    pub cause: String,
    /// Why the last answer was not sent.
    pub problem: Option<String>,
    pub copied: bool,
}

#[component]
pub fn CallbackPanel(store: Store) -> impl IntoView {
    // The paused run, while it is paused (a continuing run keeps the panel, its buttons off).
    let paused = Memo::new(move |_| store.run.with(|r| r.result().filter(|r| r.is_paused()).map(ByPointer)));
    let busy = Memo::new(move |_| store.run.with(|r| r.is_running()));
    let chosen = RwSignal::new(0usize);
    let answer = RwSignal::new(Answer { output: "{}".into(), ..Answer::default() });
    // A new pause starts without the last one's message.
    Effect::new(move |_| {
        paused.track();
        if answer.with_untracked(|a| a.problem.is_some() || a.copied) {
            answer.update(|a| {
                a.problem = None;
                a.copied = false;
            });
        }
    });
    let task = move || {
        paused.with_untracked(|p| {
            p.as_ref()
                .and_then(|ByPointer(r)| r.waiting.get(chosen.get_untracked().min(r.waiting.len().max(1) - 1)).cloned())
        })
    };
    let markup = move || {
        let (problem, copied) = answer.with(|a| (a.problem.clone(), a.copied));
        paused.with(|p| {
            p.as_ref().map(|ByPointer(result)| {
                let typed = answer.with_untracked(|a| Answer { problem, copied, ..a.clone() });
                markup(result, chosen.get(), busy.get(), &typed)
            })
        })
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((action, _)) = action_of(&ev) else { return };
        let Some(task) = task() else { return };
        let id = task.id;
        match action.as_str() {
            "send-success" => match serde_json::from_str::<Value>(&answer.with_untracked(|a| a.output.clone())) {
                Ok(v) => {
                    answer.update(|a| a.problem = None);
                    runner::respond(store, id, Response::Success(v));
                }
                Err(e) => answer.update(|a| {
                    a.problem = Some(format!(
                        "The output is not valid JSON: {} (line {}, column {}). Nothing was sent.",
                        e.to_string().split(" at line ").next().unwrap_or_default(),
                        e.line(),
                        e.column()
                    ))
                }),
            },
            "send-failure" => {
                let (error, cause) = answer.with_untracked(|a| (a.error.trim().to_string(), a.cause.clone()));
                answer.update(|a| a.problem = None);
                // SendTaskFailure without an error name reports none; AWS shows it as null.
                runner::respond(store, id, Response::Failure { error, cause });
            }
            "send-heartbeat" => runner::respond(store, id, Response::Heartbeat),
            "let-time-pass" => runner::respond(store, id, Response::LetTimePass),
            "copy-token" => leptos::task::spawn_local(async move {
                let copied = browser::copy(&task.task_token).await;
                answer.update(|a| a.copied = copied);
            }),
            _ => {}
        }
    };
    // Typing goes to the answer without a redraw.
    let on_input = move |ev: web_sys::Event| {
        let Some(target) = ev.target() else { return };
        let Some(el) = target.dyn_ref::<web_sys::Element>() else { return };
        let Some(field) = el.get_attribute("data-draft") else { return };
        let value = js_sys::Reflect::get(&target, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        answer.update_untracked(|a| match field.as_str() {
            "output" => a.output = value,
            "error" => a.error = value,
            _ => a.cause = value,
        });
    };
    let on_change = move |ev: web_sys::Event| {
        let Some((action, el)) = action_of(&ev) else { return };
        if action == "choose" {
            let value = js_sys::Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string());
            chosen.set(value.and_then(|v| v.parse().ok()).unwrap_or(0));
        }
    };
    move || {
        markup().map(|html| {
            view! {
                <section
                    class="callbacks"
                    aria-label="Waiting for a callback"
                    on:click=on_click
                    on:input=on_input
                    on:change=on_change
                    inner_html=html
                ></section>
            }
        })
    }
}

/// The panel for `result`, paused at its waiting tasks, showing the `chosen` one.
pub fn markup(result: &RunResult, chosen: usize, busy: bool, answer: &Answer) -> String {
    let count = result.waiting.len();
    let Some(task) = result.waiting.get(chosen.min(count.max(1) - 1)) else { return String::new() };
    let off = if busy { " disabled" } else { "" };
    let mut s = String::from("<h3>Waiting for a callback</h3>");
    if count > 1 {
        let _ = write!(s, r#"<label class="field">{count} tasks wait: <select data-action="choose">"#);
        for (i, t) in result.waiting.iter().enumerate() {
            let selected = if std::ptr::eq(t, task) { " selected" } else { "" };
            let _ = write!(s, r#"<option value="{i}"{selected}>{} (#{})</option>"#, esc(&t.state_name), t.id);
        }
        s.push_str("</select></label>");
    }
    card(&mut s, result, task, off, answer);
    s
}

fn card(s: &mut String, result: &RunResult, task: &WaitingTask, off: &str, answer: &Answer) {
    let start = result.start_time();
    let now = result.history.last().map_or(start, |e| e.timestamp);
    let (pass_label, can_pass) = match &result.next_deadline {
        Some(d) => (format!("Let time pass to {} ({})", elapsed(d.at - start), what_happens(d)), true),
        None => ("Let time pass (no deadline: it would wait up to a year)".to_string(), false),
    };
    let _ = write!(
        s,
        r#"<div class="callback-card" data-state="{name}"><p><b>{name}</b> sent its task token at {at} and waits. Answer as its worker would:</p>"#,
        name = esc(&task.state_name),
        at = elapsed(now - start)
    );
    let _ = write!(
        s,
        r#"<label class="callback-label" for="callback-output">Output (JSON): the task's result</label><textarea id="callback-output" class="callback-output" rows="3" spellcheck="false" data-draft="output">{}</textarea>"#,
        esc(&answer.output)
    );
    let _ = write!(
        s,
        r#"<div class="callback-actions"><button class="primary send-success" data-action="send-success"{off}>Send success</button><button class="send-heartbeat" data-action="send-heartbeat"{off}>Send heartbeat</button></div>"#
    );
    if let Some(p) = &answer.problem {
        let _ = write!(s, r#"<p class="callback-problem" role="alert">{}</p>"#, esc(p));
    }
    let _ = write!(
        s,
        r#"<div class="callback-failure"><input class="failure-error" placeholder="Error (e.g. Approval.Rejected)" data-draft="error" value="{}"><input class="failure-cause" placeholder="Cause" data-draft="cause" value="{}"><button class="send-failure" data-action="send-failure"{off}>Send failure</button></div>"#,
        esc(&answer.error),
        esc(&answer.cause)
    );
    let _ = write!(
        s,
        r#"<button class="let-time-pass" data-action="let-time-pass"{}>{}</button>"#,
        if off.is_empty() && can_pass { "" } else { " disabled" },
        esc(&pass_label)
    );
    let _ = write!(
        s,
        r#"<dl class="callback-facts"><dt>Resource</dt><dd><code>{}</code></dd><dt>Task token</dt><dd class="token"><code class="task-token">{}</code><button class="small" data-action="copy-token">{}</button></dd><dt>Deadlines</dt><dd>{}</dd></dl>"#,
        esc(&task.resource),
        esc(&task.task_token),
        if answer.copied { "Copied" } else { "Copy" },
        esc(&describe_deadlines(&task.deadlines, start))
    );
    let _ = write!(
        s,
        r#"<div class="json-view"><div class="json-head"><span class="json-label">Payload sent</span></div><pre class="json-body payload">{}</pre></div></div>"#,
        esc(&serde_json::to_string_pretty(&task.payload).unwrap_or_default())
    );
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

/// Compares results by identity, so the panel is redrawn only for a new pause.
#[derive(Clone)]
struct ByPointer(Arc<RunResult>);

impl PartialEq for ByPointer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
