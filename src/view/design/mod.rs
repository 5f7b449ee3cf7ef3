//! Design mode's pane: the palette of states and the selected state's form. Every change is an
//! engine edit of the definition's text (`asl::edit`, which keeps everything it does not touch
//! as it was), made through the store as typing is, and handed to the editor's model as one
//! undoable step, so Ctrl/Cmd+Z undoes it in either mode.

mod fields;
mod form;
mod menu;
mod palette;
mod recovery;
mod rules;

use asl::edit::{Document, EditError};
use asl::span::LineIndex;
use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use crate::editor;
use crate::store::{Action, Notice, Store};

use form::StateForm;
use menu::StateMenu;
use palette::Palette;

/// Design mode, loaded when the person first opens it: its code (the palette, the forms and the
/// engine's text edits) is split off the page's first download (scripts/build-wasm.mjs).
#[component]
pub fn DesignMode(store: Store) -> impl IntoView {
    view! {
        <Suspense fallback=|| view! { <p class="hint design-loading">"Loading design mode…"</p> }>
            {move || Suspend::new(async move {
                match design_panel(store).await {
                    Ok(panel) => panel,
                    Err(_) => view! {
                        <div class="design-blocked" role="alert">
                            "Design mode could not be loaded (the network may be down). Switch to Code and back to try again."
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[wasm_split(design, wasm_split_path = ::leptos::wasm_split, fallible)]
fn design_panel(store: Store) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <DesignPanel store /> }.into_any())
}

/// The scope of state `name` in the workspace's definition.
fn scope_of(store: Store, name: &str) -> Option<String> {
    store.workspace.with_untracked(|w| {
        serde_json::from_str(&w.definition).ok().and_then(|m| asl::edit::states::scope_of(&m, name))
    })
}

/// Design mode's keys for the selected state, outside text fields: Delete (or Backspace)
/// deletes it, Ctrl/Cmd+D duplicates it, F2 goes to its name.
fn keys(store: Store) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let typing =
            target.is_some_and(|el| el.closest(".editor-host, input, select, textarea").ok().flatten().is_some());
        let Some(name) = store.selected.get_untracked() else { return };
        if typing {
            return;
        }
        let command = ev.ctrl_key() || ev.meta_key();
        match ev.key().as_str() {
            "Delete" | "Backspace" if !command => {
                ev.prevent_default();
                if let Some(scope) = scope_of(store, &name) {
                    form::delete_state(store, &scope, &name);
                }
            }
            "d" | "D" if command => {
                ev.prevent_default();
                if let Some(scope) = scope_of(store, &name) {
                    form::duplicate_state(store, &scope, &name);
                }
            }
            "F2" => {
                ev.prevent_default();
                form::focus_name();
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// A palette entry dropped on the graph (see `view::graph::drop`) goes on that transition.
fn drops(store: Store) {
    let handle = window_event_listener_untyped("asl-drop-state", move |ev| {
        let Some(detail) = wasm_bindgen::JsCast::dyn_ref::<web_sys::CustomEvent>(&ev).map(|e| e.detail()) else {
            return;
        };
        let get =
            |k: &str| js_sys::Reflect::get(&detail, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let index = get("index").parse().ok();
        palette::dropped(store, &get("template"), &get("kind"), &get("from"), &get("to"), index);
    });
    on_cleanup(move || handle.remove());
}

#[component]
fn DesignPanel(store: Store) -> impl IntoView {
    keys(store);
    drops(store);
    // Design mode works on the text's JSON: while it does not parse, it says where and waits.
    let blocked = Memo::new(move |_| {
        store.workspace.with(|w| Document::parse(&w.definition).err().map(|e| explain(&w.definition, &e)))
    });
    view! {
        <section class="design-pane" aria-label="Design">
            {move || match blocked.get() {
                Some(why) => view! {
                    <div class="design-blocked" role="alert">
                        {format!("The canvas and forms come back once the definition is valid JSON: {why}. Switch to Code to mend it; nothing is lost.")}
                    </div>
                }.into_any(),
                None => view! {
                    <Palette store />
                    <StateForm store />
                    <StateMenu store />
                }.into_any(),
            }}
        </section>
    }
}

/// An edit's error for people, with the line and column when it has a place in the text.
fn explain(text: &str, error: &EditError) -> String {
    match error {
        EditError::NotJson { message, at } => {
            let at = LineIndex::new(text).line_col((*at).min(text.len()));
            format!("{message} at line {}, column {}", at.line, at.column)
        }
        other => other.to_string(),
    }
}

/// Makes an edit's result the definition (and selects `select`), or says why it was refused.
/// The refusal leaves the definition as it was.
fn commit(store: Store, result: Result<String, EditError>, select: Option<String>) -> Result<(), String> {
    match result {
        Ok(text) => {
            editor::replace_definition(&text);
            store.apply(Action::EditDefinition(text));
            if select.is_some() {
                store.apply(Action::Select(select));
            }
            Ok(())
        }
        Err(e) => Err(store.workspace.with_untracked(|w| explain(&w.definition, &e))),
    }
}

/// A refusal the form has no field for goes to the notice bar.
fn notify(store: Store, outcome: Result<(), String>) {
    if let Err(why) = outcome {
        store.apply(Action::Notify(Notice::error(why)));
    }
}
