//! The top bar: the examples, the input presets, STANDARD or EXPRESS, and Run. On narrow
//! screens the less-used actions fold into a menu (the `⋯` button), so Run always shows.

use leptos::prelude::*;

use crate::examples::{EXAMPLES, find};
use crate::runner::RunState;
use crate::share::Mode;
use crate::store::{Action, Store};
use crate::theme::ThemeToggle;
use crate::view::layout::Ui;

#[component]
pub fn Toolbar(
    store: Store,
    ui: Ui,
    on_run: Callback<()>,
    share_open: RwSignal<bool>,
    export_open: RwSignal<bool>,
    open_open: RwSignal<bool>,
    learn_open: RwSignal<bool>,
) -> impl IntoView {
    let close_panels = move || {
        share_open.set(false);
        export_open.set(false);
        open_open.set(false);
        learn_open.set(false);
    };
    let editing = move || store.mode.get() == Mode::Edit;
    let example = move || store.workspace.with(|w| w.example.clone()).unwrap_or_default();
    let presets = move || find(&example()).map(|e| e.inputs.to_vec()).unwrap_or_default();
    let running = move || store.run.with(|r| r.is_running());
    let express = move || store.workspace.with(|w| w.express);
    view! {
        <header class="toolbar">
            <div class="brand">
                <img src="favicon.svg" alt="" width="22" height="22" />
                <span class="brand-name">"ASL Playground"</span>
            </div>
            <label class="field">
                <span class="field-label">"Example"</span>
                <select
                    aria-label="Example"
                    on:change=move |ev| crate::examples::open(store, &event_target_value(&ev))
                    prop:value=example
                >
                    <option value="" disabled=true>"(your own)"</option>
                    {EXAMPLES.iter().map(|e| view! { <option value=e.id>{e.title}</option> }).collect_view()}
                </select>
            </label>
            <Show when=move || !presets().is_empty()>
                <label class="field">
                    <span class="field-label">"Input"</span>
                    <select
                        aria-label="Input preset"
                        on:change=move |ev| crate::examples::use_input(store, &example(), event_target_value(&ev))
                    >
                        {move || presets().into_iter().map(|(n, _)| view! { <option value=n>{n}</option> }).collect_view()}
                    </select>
                </label>
            </Show>
            <span class="spacer"></span>
            <button
                class="more"
                aria-expanded=move || ui.menu_open.get().to_string()
                aria-controls="toolbar-more"
                on:click=move |_| ui.menu_open.update(|o| *o = !*o)
                title="More actions"
            >"⋯"<span class="sr-only">" More"</span></button>
            <div id="toolbar-more" class="toolbar-more" class:open=move || ui.menu_open.get() on:click=move |_| ui.menu_open.set(false)>
                <div class="segmented" role="group" aria-label="Workflow type">
                    <button
                        class:on=move || !express()
                        aria-pressed=move || (!express()).to_string()
                        on:click=move |_| store.apply(Action::SetExpress(false))
                        title="Standard workflow: at most 25,000 history events, as on AWS"
                    >"STANDARD"</button>
                    <button
                        class:on=express
                        aria-pressed=move || express().to_string()
                        on:click=move |_| store.apply(Action::SetExpress(true))
                        title="Express workflow: no history limit"
                    >"EXPRESS"</button>
                </div>
                <Show when=move || store.mode.get() == Mode::Embed>
                    <button class="edit" on:click=move |_| store.apply(Action::SetMode(Mode::Edit)) title="Show the editors">"Edit"</button>
                </Show>
                <Show when=editing>
                    <button class="learn" on:click=move |_| { let was = learn_open.get_untracked(); close_panels(); learn_open.set(!was) } title="Lessons that teach Step Functions, each with a task the playground checks">"Learn"</button>
                    <button class="open-file" on:click=move |_| { let was = open_open.get_untracked(); close_panels(); open_open.set(!was) } title="Open a definition, a SAM, CloudFormation or CDK template, or an execution history from AWS (or drop a file on the page)">"Open"</button>
                    <button class="share" on:click=move |_| { let was = share_open.get_untracked(); close_panels(); share_open.set(!was) } title="Share a link, embed, or download">"Share"</button>
                    <button class="export" on:click=move |_| { let was = export_open.get_untracked(); close_panels(); export_open.set(!was) } title="Download the definition, the history or the graph; create the state machine on AWS">"Export"</button>
                    <button class="present" on:click=move |_| store.apply(Action::SetMode(Mode::Present)) title="Presentation mode: the graph and the inspector fill the screen">"Present"</button>
                </Show>
                <Show when=move || store.mode.get() == Mode::Present>
                    <button class="present" on:click=move |_| store.apply(Action::SetMode(Mode::Edit)) title="Back to the editors (Esc)">"Exit presentation"</button>
                </Show>
                <ThemeToggle />
            </div>
            <span class="run-status" role="status">{move || status_text(&store.run.get())}</span>
            // Not `disabled` while running: the keyboard's focus stays on it.
            <button class="run" on:click=move |_| on_run.run(()) aria-disabled=move || running().to_string() title="Run (Ctrl+Enter)">
                {move || if running() { "Running…" } else { "▶ Run" }}
            </button>
        </header>
    }
}

fn status_text(run: &RunState) -> String {
    match run {
        RunState::Idle => String::new(),
        RunState::Running { events, .. } => format!("{events} events…"),
        RunState::Refused(_) => "Not run".into(),
        RunState::Done(r) => match &r.outcome {
            Some(o) => o.status.name().to_string(),
            None => "WAITING".into(),
        },
    }
}
