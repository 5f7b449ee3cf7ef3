//! The event table: the history as the AWS console lists it (id, type, state, time, elapsed),
//! filterable, following the playback; a click (or, on the focused table, the up and down
//! arrows, Home and End) moves the playback to an event and selects its state.

use leptos::prelude::*;

use crate::store::{Action, Store};
use crate::view::controls::elapsed;

/// Rows drawn at once: a window around the playback position keeps long histories fast.
const WINDOW: usize = 120;

#[component]
pub fn Events(store: Store) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    // The first event where the run departs from the workspace's recording.
    let departs = move || {
        store.run.with(|r| match r.result().map(|r| r.origin.clone()) {
            Some(crate::runner::Origin::Compared(Some(d))) => Some(d.index),
            _ => None,
        })
    };
    let rows = move || {
        let Some(r) = store.run.with(|r| r.result()) else { return Vec::new() };
        let cursor = store.cursor.get();
        let needle = filter.get().to_ascii_lowercase();
        let start = r.start_time();
        let matches = |i: usize| -> bool {
            if needle.is_empty() {
                return true;
            }
            let e = &r.history[i];
            e.type_name().to_ascii_lowercase().contains(&needle)
                || r.index.state_of[i].as_deref().is_some_and(|s| s.to_ascii_lowercase().contains(&needle))
        };
        let indexes: Vec<usize> = if needle.is_empty() {
            let lo = cursor.saturating_sub(WINDOW / 2);
            let hi = (lo + WINDOW).min(r.history.len());
            (hi.saturating_sub(WINDOW)..hi).collect()
        } else {
            (0..r.history.len()).filter(|&i| matches(i)).take(WINDOW).collect()
        };
        indexes
            .into_iter()
            .map(|i| {
                let e = &r.history[i];
                (
                    i,
                    e.id,
                    e.type_name(),
                    r.index.state_of[i].as_deref().unwrap_or("").to_string(),
                    e.timestamp,
                    e.timestamp - start,
                )
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="events" aria-label="Event history">
            <div class="events-head">
                <input
                    type="search"
                    placeholder="Filter events by type or state"
                    aria-label="Filter events"
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </div>
            <div
                class="events-scroll"
                tabindex="0"
                role="region"
                aria-label="History events: the up and down arrows move through them"
                on:keydown=move |ev| step_with_keys(store, ev)
            >
                <table>
                    <thead>
                        <tr><th>"ID"</th><th>"Type"</th><th>"State"</th><th>"Timestamp"</th><th>"Elapsed"</th></tr>
                    </thead>
                    <tbody>
                        {move || {
                            let cursor = store.cursor.get();
                            let departs = departs();
                            rows().into_iter().map(|(i, id, ty, state, ts, since)| {
                                let current = i + 1 == cursor;
                                let later = i + 1 > cursor;
                                let departs_here = departs == Some(i);

                                view! {
                                    <tr
                                        class:current=current
                                        class:later=later
                                        class:departs=departs_here
                                        title=departs_here.then_some("The run departs from the recording here")
                                        class=kind_class(ty)
                                        on:click=move |_| go_to_event(store, i + 1)
                                        node_ref=scroll_into_view(current)
                                    >
                                        <td>{id}</td>
                                        <td>{ty}{departs_here.then(|| view! { <span class="departs-mark">" ≠ recording"</span> })}</td>
                                        <td>{state}</td>
                                        <td>{asl::timestamp::format_millis(ts)}</td>
                                        <td>{elapsed(since)}</td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The keyboard on the focused table: the arrows move to the previous or next event, Home and
/// End to the first and last, each selecting the event's state as a click on its row does.
fn step_with_keys(store: Store, ev: web_sys::KeyboardEvent) {
    let Some(total) = store.run.with_untracked(|r| r.result().map(|r| r.history.len())).filter(|&n| n > 0) else {
        return;
    };
    let cursor = store.cursor.get_untracked();
    let to = match ev.key().as_str() {
        "ArrowDown" => (cursor + 1).min(total),
        "ArrowUp" => cursor.saturating_sub(1).max(1),
        "Home" => 1,
        "End" => total,
        _ => return,
    };
    ev.prevent_default();
    go_to_event(store, to);
}

/// Shows the first `n` events, paused, with the last one's state selected (if it has one).
fn go_to_event(store: Store, n: usize) {
    store.apply(Action::Pause);
    store.apply(Action::Seek(n));
    let state = store
        .run
        .with_untracked(|r| r.result().and_then(|r| r.index.state_of.get(n.checked_sub(1)?).cloned().flatten()));
    if let Some(state) = state {
        store.apply(Action::Select(Some(state.to_string())));
    }
}

fn kind_class(ty: &str) -> &'static str {
    if ty.ends_with("Failed") || ty.ends_with("TimedOut") || ty.ends_with("Aborted") {
        "ev-failed"
    } else if ty.ends_with("Succeeded") {
        "ev-succeeded"
    } else if ty.ends_with("Entered") {
        "ev-entered"
    } else {
        ""
    }
}

/// Keeps the current row in view as the playback moves.
fn scroll_into_view(current: bool) -> NodeRef<leptos::html::Tr> {
    let r: NodeRef<leptos::html::Tr> = NodeRef::new();
    if current {
        Effect::new(move |_| {
            if let Some(el) = r.get() {
                let el: web_sys::HtmlTableRowElement = el;
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    }
    r
}
