//! The bar over the playback while the workspace holds an execution recorded in AWS: what is on
//! show (the recording, or a run beside it), whether the history fits the definition shown,
//! where a run departs from the recording, and the ways on: replay, back to the recording,
//! the recording's own definition, close.

use leptos::prelude::*;

use crate::runner::{self, Origin, RunState};
use crate::store::{Action, Store};

/// States named in a message, at most: a foreign history may name hundreds.
const NAMED: usize = 5;

/// The bar, while the workspace holds a recording (shown through `view::deferred`, in the
/// module that runs workflows, which playing the recording loads anyway).
#[component]
pub fn Bar(store: Store) -> impl IntoView {
    let origin = move || store.run.with(|r| r.result().map(|r| r.origin.clone()));
    let running = move || store.run.with(RunState::is_running);
    let message = move || -> (&'static str, String) {
        match origin() {
            Some(Origin::Recording { missing, states, .. }) if states > 0 && missing.len() == states => (
                "recording-note error",
                format!(
                    "This history is of another state machine: none of its states ({}) are in the definition shown. Its events are listed; the graph shows none of them.",
                    names(&missing)
                ),
            ),
            Some(Origin::Recording { missing, .. }) if !missing.is_empty() => (
                "recording-note warn",
                format!(
                    "The definition shown has no state {}: the graph shows the others, and the event table lists every event.",
                    names(&missing)
                ),
            ),
            Some(Origin::Recording { .. }) => ("recording-note", "Playing the execution recorded in AWS.".into()),
            Some(Origin::Compared(None)) => {
                ("recording-note same", "This run matches the recording, event for event.".into())
            }
            Some(Origin::Compared(Some(d))) => {
                let state = store.run.with(|r| {
                    r.result().and_then(|r| r.index.state_of.get(d.index).cloned().flatten()).map(|s| s.to_string())
                });
                let state = state.or_else(|| d.recorded.as_ref().and_then(|e| e.state.clone()));
                (
                    "recording-note departs",
                    format!(
                        "This run departs from the recording at event {}{}: {}.",
                        d.index + 1,
                        state.map(|s| format!(" ({s})")).unwrap_or_default(),
                        d.why,
                    ),
                )
            }
            _ => ("recording-note", "An execution recorded in AWS is loaded.".into()),
        }
    };
    let departure = move || match origin() {
        Some(Origin::Compared(Some(d))) => Some(d.index + 1),
        _ => None,
    };
    let recorded_definition = move || match origin() {
        Some(Origin::Recording { definition: Some(d), .. }) => Some(d),
        _ => None,
    };
    let showing_recording = move || matches!(origin(), Some(Origin::Recording { .. }));
    let go_to_departure = move |_| {
        if let Some(n) = departure() {
            store.apply(Action::Pause);
            store.apply(Action::Seek(n));
            let state = store.run.with_untracked(|r| {
                r.result().and_then(|r| r.index.state_of.get(n.checked_sub(1)?).cloned().flatten())
            });
            store.apply(Action::Select(state.map(|s| s.to_string())));
        }
    };
    let open_definition = move |_| {
        let Some(definition) = recorded_definition() else { return };
        let unchanged = store.workspace.with_untracked(|w| w.definition == definition || w.holds_no_work());
        if unchanged
            || crate::browser::confirm(
                "Replace the definition in the editor with the one the recording ran? (Export or share it first to keep it.)",
            )
        {
            store.apply(Action::ReplaceDefinition(definition));
            runner::play_recording(store);
        }
    };
    let close = move |_| {
        if crate::browser::confirm("Close the recorded execution? Its replay's MockConfigFile goes with it.") {
            store.apply(Action::ForgetRecording);
        }
    };
    view! {
            <section class="recording-bar" aria-label="Recorded execution">
                <span class="recording-badge">"Recorded in AWS"</span>
                {move || {
                    let (class, text) = message();
                    view! { <span class=class role="status">{text}</span> }
                }}
                <span class="recording-actions">
                    {move || departure().map(|_| view! {
                        <button on:click=go_to_departure title="Move the playback to the first event that differs">"Go to the departure"</button>
                    })}
                    {move || recorded_definition().map(|_| view! {
                        <button on:click=open_definition title="Open the definition this execution ran (it came with the history)">"Open its definition"</button>
                    })}
                    <Show when=move || !showing_recording()>
                        <button on:click=move |_| runner::play_recording(store) disabled=running title="Play the recorded execution back">"Show the recording"</button>
                    </Show>
                    <button
                        class="replay"
                        on:click=move |_| runner::replay(store)
                        disabled=running
                        title="Run the definition shown again, with the recorded input and mocks answering every task as AWS did (the MockConfigFile tab), and see where it departs"
                    >"Replay"</button>
                    <button class="dismiss" on:click=close title="Close the recorded execution" aria-label="Close the recorded execution">"×"</button>
                </span>
            </section>
    }
}

/// `A, B and 3 more`.
fn names(list: &[String]) -> String {
    let shown: Vec<&str> = list.iter().take(NAMED).map(String::as_str).collect();
    match list.len().saturating_sub(NAMED) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
