//! The playback controls: play and pause, step, restart, speed, and a scrubber over the whole
//! history, with the virtual time at the cursor.

use leptos::prelude::*;

use crate::store::{Action, Store};

pub const SPEEDS: [f64; 6] = [0.5, 1.0, 2.0, 4.0, 8.0, 16.0];

// Icon paths in a 16×16 box: drawn, not taken from a font, so they look the same everywhere.
const PLAY: &str = "M4 2.5v11l9-5.5z";
const PAUSE: &str = "M4 2.5h3v11H4zM9 2.5h3v11H9z";
const BACK: &str = "M12 2.5v11L5 8zM3 2.5h2v11H3z";
const STEP: &str = "M4 2.5v11L11 8zM11 2.5h2v11h-2z";
const RESTART: &str = "M3 2.5h2v11H3zM13 2.5v11L6 8z";
const END: &str = "M3 2.5v11L10 8zM11 2.5h2v11h-2z";

fn icon(path: &'static str) -> impl IntoView {
    view! { <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d=path /></svg> }
}

#[component]
pub fn Controls(store: Store) -> impl IntoView {
    let total = move || store.run.with(|r| r.events());
    let cursor = move || store.cursor.get();
    let clock = move || {
        store.run.with(|r| r.result()).and_then(|r| {
            let c = store.cursor.get();
            let at = r.history.get(c.saturating_sub(1))?.timestamp;
            Some(elapsed(at - r.start_time()))
        })
    };
    // A long gap before the next event (a Wait, a retry's backoff, a slow task), shown with its
    // real length while the playback shortens it.
    let wait = move || {
        store.run.with(|r| r.result()).and_then(|r| {
            let c = store.cursor.get();
            let (a, b) = (r.history.get(c.checked_sub(1)?)?, r.history.get(c)?);
            let gap = b.timestamp - a.timestamp;
            (gap >= 1000).then(|| format!("next in {}", elapsed(gap).trim_start_matches('+')))
        })
    };
    // Said politely by screen readers as the playback moves: which event, of how many.
    let announcement = move || {
        store.run.with(|r| r.result()).and_then(|r| {
            let c = store.cursor.get();
            let event = r.history.get(c.checked_sub(1)?)?;
            let state = event.state_name().map(|s| format!(" {s}")).unwrap_or_default();
            Some(format!("Event {c} of {}: {}{state}", r.history.len(), event.type_name()))
        })
    };
    view! {
        <div class="controls" role="group" aria-label="Playback">
            <span class="sr-only" aria-live="polite">{announcement}</span>
            <button on:click=move |_| store.apply(Action::Seek(1)) disabled=move || { total() == 0 } title="Restart">{icon(RESTART)}</button>
            <button
                on:click=move |_| store.apply(Action::Seek(cursor().saturating_sub(1).max(1)))
                disabled=move || { cursor() <= 1 }
                title="Step back (←)"
            >{icon(BACK)}</button>
            <button
                class="play"
                on:click=move |_| store.apply(if store.playing.get_untracked() { Action::Pause } else { Action::Play })
                disabled=move || { total() == 0 }
                title="Play or pause (space)"
            >
                {move || if store.playing.get() { icon(PAUSE) } else { icon(PLAY) }}
            </button>
            <button on:click=move |_| store.apply(Action::Seek(cursor() + 1)) disabled=move || { cursor() >= total() } title="Step forward (→)">{icon(STEP)}</button>
            <button on:click=move |_| store.apply(Action::Seek(total())) disabled=move || { cursor() >= total() } title="Jump to the end">{icon(END)}</button>
            <input
                class="scrubber"
                type="range"
                aria-label="History position"
                min="0"
                max=move || total().to_string()
                prop:value=move || cursor().to_string()
                on:input=move |ev| {
                    store.apply(Action::Pause);
                    store.apply(Action::Seek(event_target_value(&ev).parse().unwrap_or(0)));
                }
                disabled=move || { total() == 0 }
            />
            <span class="position">{move || format!("{} / {}", cursor(), total())}</span>
            <span class="clock" title="Virtual time since the execution started">{move || clock().unwrap_or_default()}</span>
            {move || wait().map(|w| view! { <span class="wait" title="The next event comes after this much virtual time: it plays back shortened">{w}</span> })}
            <select
                aria-label="Speed"
                on:change=move |ev| store.apply(Action::SetSpeed(event_target_value(&ev).parse().unwrap_or(1.0)))
                prop:value=move || store.speed.get().to_string()
            >
                {SPEEDS.iter().map(|s| view! { <option value=s.to_string()>{format!("{s}×")}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// `+1.250 s`, `+2 min 5 s`, `+1 h 30 min`: virtual time since the start.
pub fn elapsed(ms: i64) -> String {
    let ms = ms.max(0);
    if ms < 60_000 {
        // Whole milliseconds, written without float formatting.
        format!("+{}.{:03} s", ms / 1000, ms % 1000)
    } else if ms < 3_600_000 {
        format!("+{} min {} s", ms / 60_000, (ms % 60_000) / 1000)
    } else if ms < 86_400_000 {
        format!("+{} h {} min", ms / 3_600_000, (ms % 3_600_000) / 60_000)
    } else {
        format!("+{} d {} h", ms / 86_400_000, (ms % 86_400_000) / 3_600_000)
    }
}
