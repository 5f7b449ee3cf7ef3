//! The page: the toolbar on top, the editors on the left, the graph with its playback controls,
//! the inspector and the event table on the right (on a phone: the graph first, the inspector
//! as a sheet over it, the editors a tab away; see `view::layout`). Also the effects that tie
//! the state to the outside world: saving the workspace, the playback clock, and the keyboard.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::analysis::Problem;
use crate::browser;
use crate::editor::{self, EditorPane};
use crate::examples;
use crate::runner;
use crate::share::{self, Mode};
use crate::store::{Action, Notice, Store, Workspace};
use crate::view::about::AboutPanel;
use crate::view::callbacks::CallbackPanel;
use crate::view::controls::Controls;
use crate::view::deferred::{Deferred, DeferredView};
use crate::view::design::DesignMode;
use crate::view::events::Events;
use crate::view::format::FormatSwitch;
use crate::view::graph::GraphView;
use crate::view::inspector::Inspector;
use crate::view::layout::{PhoneNav, SheetBar, Splitter, Ui};
use crate::view::notice::NoticeBar;
use crate::view::problems::Problems;
use crate::view::share::SharePanel;
use crate::view::substitutions::SourcePanel;
use crate::view::tabs::Tabs;
use crate::view::timeline::TimelineView;
use crate::view::toolbar::Toolbar;

/// How long the playback shows one event, at 1× speed.
const STEP_MS: f64 = 450.0;
/// The longest a virtual wait takes to play back, at 1× speed.
const LONGEST_WAIT_MS: f64 = 1500.0;

/// Asks the reader of YAML and templates (split off the first download, see `sources`) for
/// every definition that needs it, and keeps its answer for the analysis.
fn read_sources(store: Store) {
    Effect::new(move |_| {
        let Some(key) = store.workspace.with(|w| crate::sources::needs_reader(w).then(|| crate::sources::Key::of(w)))
        else {
            return;
        };
        if store.prepared.with_untracked(|p| p.as_ref().is_some_and(|(k, _)| *k == key)) {
            return;
        }
        leptos::task::spawn_local(async move {
            match crate::sources::split::prepare(key.clone()).await {
                Ok(prepared) => {
                    let analysis = std::sync::Arc::new(crate::analysis::Analysis::of_prepared(prepared));
                    let _ = store.prepared.try_set(Some((key, analysis)));
                }
                Err(_) => {
                    let _ = store.notice.try_set(Some(Notice::error(
                        "The reader of YAML and templates could not be loaded (offline?): the definition is shown as it was. Editing it tries again.",
                    )));
                }
            }
        });
    });
}

/// The workspace saved in this browser, if any.
fn saved_workspace() -> Option<Workspace> {
    browser::load_saved().and_then(|text| serde_json::from_str::<Workspace>(&text).ok())
}

#[component]
pub fn App() -> impl IntoView {
    let saved = saved_workspace();
    let first_visit = saved.is_none();
    let store = Store::new(saved.unwrap_or_else(Workspace::empty));
    // A first visit opens the first example (unless a link brings a workspace: see open_links).
    // index.html makes the same test before the first paint, for the first view.
    if first_visit && browser::fragment().trim_start_matches('#').is_empty() {
        examples::open(store, examples::EXAMPLES[0].id);
    }
    #[cfg(feature = "bench")]
    crate::bench::register(store);
    let editor: StoredValue<Option<JsValue>, LocalStorage> = StoredValue::new_local(None);
    let run = Callback::new(move |_| {
        if !store.run.with_untracked(|r| r.is_running()) {
            runner::start(store);
        }
    });
    let ui = Ui::new();
    save_as_you_type(store);
    play_back(store);
    keyboard(store, ui, run);
    open_links(store);
    read_sources(store);
    raise_sheet_on_select(store, ui);
    announce_updates(store);
    open_dropped_files(store);
    show_recordings(store);
    let share_open = RwSignal::new(false);
    let export_open = RwSignal::new(false);
    let open_open = RwSignal::new(false);
    let learn_open = RwSignal::new(false);
    // The exercise on show (its JSON text).
    let exercise = Memo::new(move |_| store.workspace.with(|w| w.exercise.clone()));
    let timeline_shown = RwSignal::new(false);

    let on_node = Callback::new(move |name: String| {
        store.apply(Action::Select(Some(name.clone())));
        if let Some(span) = store.analysis.with_untracked(|a| a.span_of(&name).cloned()) {
            editor::reveal(store, editor, &span);
        }
    });
    let on_problem = Callback::new(move |p: Problem| {
        let span = crate::analysis::StateSpan {
            name: String::new(),
            start: 0,
            end: 0,
            line: p.line,
            column: p.column,
            end_line: p.end_line,
            end_column: p.end_column,
        };
        editor::reveal(store, editor, &span);
    });

    view! {
        <div
            class=move || {
                let mode = match store.mode.get() {
                    Mode::Edit => "app",
                    Mode::Present => "app present",
                    Mode::Embed => "app present embed",
                };
                format!("{mode}{}", ui.classes())
            }
            style=move || ui.style()
        >
            <Toolbar store ui on_run=run share_open export_open open_open learn_open />
            <PhoneNav store ui />
            <NoticeBar store />
            <SharePanel store open=share_open />
            <DeferredView store view=Deferred::Export(export_open) when=export_open />
            <DeferredView store view=Deferred::Open(open_open) when=open_open />
            <DeferredView store view=Deferred::Learn(learn_open) when=learn_open />
            <main class="panes">
                <div class="right">
                    <div class="stage">
                        <div class="stage-main">
                            <div class="segmented stage-switch" role="tablist" aria-label="View">
                                <button role="tab" aria-selected=move || (!timeline_shown.get()).to_string() class:on=move || !timeline_shown.get() on:click=move |_| timeline_shown.set(false)>"Graph"</button>
                                <button role="tab" aria-selected=move || timeline_shown.get().to_string() class:on=move || timeline_shown.get() on:click=move |_| timeline_shown.set(true)>"Timeline"</button>
                            </div>
                            <div class="stage-graph" class:hidden=move || timeline_shown.get()>
                                <GraphView store on_node zoom=ui.present_zoom design=ui.design />
                            </div>
                            <TimelineView store visible=timeline_shown />
                        </div>
                        <AboutPanel store />
                        {move || {
                            let exercise = exercise.get()?;
                            Some(view! { <DeferredView store view=Deferred::Exercise(exercise) when=true /> })
                        }}
                    </div>
                    <DeferredView store view=Deferred::Recording when=Signal::derive(move || store.workspace.with(|w| w.recording.is_some())) />
                    <Controls store />
                    <div class="bottom">
                        <SheetBar store ui />
                        <div class="bottom-left">
                            <CallbackPanel store />
                            <Inspector store />
                        </div>
                        <Events store />
                    </div>
                </div>
                <Splitter ui />
                <div class="left">
                    <div class="left-head">
                        <div class="segmented edit-switch" role="tablist" aria-label="Edit as">
                            <button role="tab" aria-selected=move || (!ui.design.get()).to_string() class:on=move || !ui.design.get() on:click=move |_| ui.design.set(false)>"Code"</button>
                            <button role="tab" aria-selected=move || ui.design.get().to_string() class:on=move || ui.design.get() on:click=move |_| open_design(ui)>"Design"</button>
                        </div>
                        <Show when=move || !ui.design.get()>
                            <FormatSwitch store />
                        </Show>
                    </div>
                    <Show when=move || ui.design.get()>
                        <DesignMode store />
                    </Show>
                    <Tabs store />
                    <DeferredView store view=Deferred::Tests when=Signal::derive(move || store.tab.get() == crate::store::Tab::Tests) />
                    <EditorPane store editor on_run=run />
                    <Problems store on_reveal=on_problem />
                    <SourcePanel store />
                </div>
            </main>
        </div>
    }
}

/// Design mode. The editor loads too (on a phone it may not have yet): its model keeps the
/// one undo history both modes share.
fn open_design(ui: Ui) {
    ui.design.set(true);
    browser::load_editor();
}

/// Choosing a state raises a phone's sheet on its inspector; closing the inspector lowers it.
fn raise_sheet_on_select(store: Store, ui: Ui) {
    Effect::new(move |previous: Option<Option<String>>| {
        let selected = store.selected.get();
        if selected.is_some() && previous.as_ref() != Some(&selected) {
            ui.sheet_events.set(false);
            ui.sheet_open.set(true);
        } else if selected.is_none() && previous.flatten().is_some() {
            ui.sheet_open.set(false);
        }
        selected
    });
}

/// A new version of the playground, installed in the background by the service worker
/// (js/offline.js), is announced; it runs from the next visit, never in the middle of work.
fn announce_updates(store: Store) {
    let handle = window_event_listener_untyped("asl-update-ready", move |_| {
        store.apply(Action::Notify(Notice::info(
            "A new version of the playground is ready: it opens the next time you open this page.",
        )));
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// A file dropped anywhere on the page opens as the Open panel opens it (the editor's own
/// drop of text stays the editor's).
fn open_dropped_files(store: Store) {
    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        if !has_files(&ev) {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            crate::open::open_file(store, file);
        }
    });
    // The listeners live as long as the page.
    std::mem::forget(over);
    std::mem::forget(drop);
}

/// The workspace's recording is on show whenever nothing else is: after a reload, from a
/// link, and after a change of workflow clears the run. It waits for the definition's first
/// analysis, which it is read against.
fn show_recordings(store: Store) {
    let held = Memo::new(move |_| store.workspace.with(|w| w.recording.as_ref().map(String::len)));
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let idle = store.run.with(|r| matches!(r, runner::RunState::Idle));
        if !idle {
            asked.set_value(false);
            return;
        }
        let analysed = store.analysis.with(|a| a.machine.is_some() || a.errors() > 0);
        if held.get().is_some() && analysed && !asked.get_value() {
            asked.set_value(true);
            runner::play_recording(store);
        }
    });
}

/// Opens the workspace a shared link carries: at start, and when the fragment changes. A first
/// visit whose link cannot be read opens the first example instead.
fn open_links(store: Store) {
    let open = move || {
        let fragment = browser::fragment();
        leptos::task::spawn_local(async move {
            match share::decode(&fragment).await {
                Ok(Some((workspace, mode))) => {
                    store.apply(Action::OpenShared(Box::new(workspace), mode));
                    browser::clear_fragment();
                }
                Ok(None) => {}
                Err(e) => {
                    store.apply(Action::Notify(Notice::error(e.to_string())));
                    if store.workspace.with_untracked(|w| w.definition.is_empty() && w.example.is_none()) {
                        examples::open(store, examples::EXAMPLES[0].id);
                    }
                }
            }
        });
    };
    open();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| open());
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// The longest recording saved with the workspace: writing megabytes to local storage after
/// each keystroke would make typing stutter.
const SAVED_RECORDING_CHARS: usize = 1_000_000;

/// Saves the workspace to local storage a moment after each change. A recorded execution too
/// large for the browser's storage (or for saving as you type) is left out of the save (said
/// once), so that the rest of the work is still kept.
fn save_as_you_type(store: Store) {
    let generation = StoredValue::new(0u64);
    // The length of the recording the storage refused, not offered to it again.
    let refused = StoredValue::new(None::<usize>);
    Effect::new(move |_| {
        store.workspace.track();
        // An embedded view is someone else's page: it saves nothing over the visitor's work.
        if store.mode.get() == Mode::Embed {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        leptos::task::spawn_local(async move {
            browser::sleep(300).await;
            if generation.get_value() != mine {
                return;
            }
            // The workspace as it is once the edits pause (read, not copied on each change).
            let recording = store.workspace.with_untracked(|w| w.recording.as_ref().map(String::len));
            if recording.is_none() || refused.get_value() != recording {
                let small = recording.is_none_or(|n| n <= SAVED_RECORDING_CHARS);
                let saved =
                    small && store.workspace.with_untracked(serde_json::to_string).is_ok_and(|t| browser::save(&t));
                if saved || recording.is_none() {
                    return;
                }
                refused.set_value(recording);
                let _ = store.notice.try_set(Some(Notice::info(
                    "The recorded execution is too large to keep in this browser: the rest of the workspace is saved. After a reload, open the history again.",
                )));
            }
            let without = store.workspace.with_untracked(|w| Workspace { recording: None, ..w.clone() });
            if let Ok(text) = serde_json::to_string(&without) {
                browser::save(&text);
            }
        });
    });
}

/// Advances the playback while it plays: one event per step, waits compressed.
fn play_back(store: Store) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let playing = store.playing.get();
        generation.update_value(|g| *g += 1);
        if !playing {
            return;
        }
        let mine = generation.get_value();
        leptos::task::spawn_local(async move {
            loop {
                let Some(result) = store.run.with_untracked(|r| r.result()) else { return };
                let cursor = store.cursor.get_untracked();
                if cursor >= result.history.len() {
                    store.apply(Action::Pause);
                    return;
                }
                let gap = match (result.history.get(cursor.saturating_sub(1)), result.history.get(cursor)) {
                    (Some(a), Some(b)) => (b.timestamp - a.timestamp).max(0) as f64,
                    _ => 0.0,
                };
                // A virtual wait shows as a pause that grows with it, up to a limit.
                let pause = STEP_MS + (gap / 60_000.0).min(1.0) * LONGEST_WAIT_MS;
                browser::sleep((pause / store.speed.get_untracked()) as i32).await;
                if generation.get_value() != mine || !store.playing.get_untracked() {
                    return;
                }
                store.apply(Action::Seek(cursor + 1));
            }
        });
    });
}

/// Ctrl/Cmd+Enter runs; outside the editor, space plays or pauses and the arrows step (on the
/// graph they move between states instead). In presentation mode Ctrl/Cmd + and − enlarge and
/// shrink the graph and the text, and Ctrl/Cmd+0 resets them.
fn keyboard(store: Store, ui: Ui, run: Callback<()>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let inside = |selector: &str| target.as_ref().is_some_and(|el| el.closest(selector).ok().flatten().is_some());
        let command = ev.ctrl_key() || ev.meta_key();
        if ev.key() == "Enter" && command {
            ev.prevent_default();
            run.run(());
            return;
        }
        if command && store.mode.get_untracked() != Mode::Edit && ui.zoom_presentation(&ev.key()) {
            ev.prevent_default();
            return;
        }
        if ev.key() == "Escape" && store.mode.get_untracked() == Mode::Present && !inside(".editor-host") {
            store.apply(Action::SetMode(Mode::Edit));
            return;
        }
        // In design mode, undo and redo reach the definition's history (text fields and the editor
        // keep their own).
        if command && ui.design.get_untracked() && !inside(".editor-host, input, select, textarea") {
            let key = ev.key().to_lowercase();
            if key == "z" || key == "y" {
                ev.prevent_default();
                editor::undo_definition(key == "y" || ev.shift_key());
                return;
            }
        }
        // Keys that mean something where the focus is (a button, the graph's states) stay there.
        if inside(".editor-host, input, select, textarea, button, [role=separator], .graph-svg") {
            return;
        }
        match ev.key().as_str() {
            " " => {
                ev.prevent_default();
                store.apply(if store.playing.get_untracked() { Action::Pause } else { Action::Play });
            }
            "ArrowRight" => store.apply(Action::Seek(store.cursor.get_untracked() + 1)),
            "ArrowLeft" => store.apply(Action::Seek(store.cursor.get_untracked().saturating_sub(1).max(1))),
            _ => {}
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
