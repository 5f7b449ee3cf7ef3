//! Design mode's pane: the palette of states and the selected state's form. Every change is an
//! engine edit of the definition's text (`asl::edit`, which keeps everything it does not touch
//! as it was), made through the store as typing is, and handed to the editor's model as one
//! undoable step, so Ctrl/Cmd+Z undoes it in either mode.

mod fields;
mod form;
mod menu;
mod palette;
mod preview;
mod recovery;
mod rules;

use asl::edit::states::Edge;
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

/// What the graph announces for design mode: a palette entry dropped on a transition (see
/// `view::graph::drop`) goes there; a state dragged onto a transition moves there, and a
/// transition dragged onto a state points there (see `view::graph::reshape`).
fn drops(store: Store) {
    let listen = |event: &'static str, answer: fn(Store, &Detail)| {
        let handle = window_event_listener_untyped(event, move |ev| {
            if let Some(detail) = wasm_bindgen::JsCast::dyn_ref::<web_sys::CustomEvent>(&ev).map(|e| e.detail()) {
                answer(store, &Detail(detail));
            }
        });
        on_cleanup(move || handle.remove());
    };
    listen("asl-drop-state", |store, d| {
        palette::dropped(store, &d.get("template"), &d.edge());
    });
    listen("asl-move-state", |store, d| move_state(store, &d.get("state"), &d.edge()));
    listen("asl-rewire", |store, d| rewire(store, &d.edge(), &d.get("target")));
}

/// An event's detail: one of the graph's transitions (as it tags them) and what goes with it.
struct Detail(wasm_bindgen::JsValue);

impl Detail {
    fn get(&self, key: &str) -> String {
        js_sys::Reflect::get(&self.0, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
    }

    fn edge(&self) -> GraphEdge {
        GraphEdge {
            kind: self.get("kind"),
            from: self.get("from"),
            to: self.get("to"),
            index: self.get("index").parse().ok(),
        }
    }
}

/// A transition as the graph tags it: its kind, the states it joins (empty for the Start and
/// End markers), a rule's or catcher's index.
pub struct GraphEdge {
    pub kind: String,
    pub from: String,
    pub to: String,
    pub index: Option<usize>,
}

impl GraphEdge {
    /// The edge, and the scope of the States it belongs to, in the definition `machine`.
    pub fn resolve(&self, machine: &serde_json::Value) -> Option<(String, Edge)> {
        let anchor = if self.kind == "start" { &self.to } else { &self.from };
        let scope = asl::edit::states::scope_of(machine, anchor)?;
        let from = self.from.clone();
        let edge = match (self.kind.as_str(), self.index) {
            ("start", _) => Edge::Start,
            ("default", _) => Edge::Default(from),
            ("choice", Some(i)) => Edge::Choice(from, i),
            ("catch", Some(i)) => Edge::Catch(from, i),
            // A state's Next, or its End (pointing it somewhere gives it a Next).
            _ => Edge::Next(from),
        };
        Some((scope, edge))
    }
}

fn definition_value(store: Store) -> (String, serde_json::Value) {
    let text = store.workspace.with_untracked(|w| w.definition.clone());
    let machine = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
    (text, machine)
}

/// A state dragged onto a transition moves there; the flow closes over the place it left.
fn move_state(store: Store, name: &str, onto: &GraphEdge) {
    let (text, machine) = definition_value(store);
    let (Some(from_scope), Some((to_scope, edge))) =
        (asl::edit::states::scope_of(&machine, name), onto.resolve(&machine))
    else {
        return;
    };
    let result = asl::edit::states::move_state(&text, &from_scope, name, &to_scope, &edge);
    notify(store, commit(store, result, Some(name.to_string())));
}

/// A transition (or a state's handle: its Next, a Choice's Default) dragged onto a state points
/// there. Transitions stay within one States object: a state elsewhere is refused, saying so.
fn rewire(store: Store, edge: &GraphEdge, target: &str) {
    let (text, machine) = definition_value(store);
    let Some((scope, edge)) = edge.resolve(&machine) else { return };
    let outcome = if asl::edit::states::scope_of(&machine, target).as_deref() != Some(scope.as_str()) {
        Err(format!(
            "'{target}' is in another part of the workflow: a transition can only go to a state beside it (in the same States)"
        ))
    } else {
        commit(store, asl::edit::states::set_transition(&text, &scope, &edge, Some(target)), None)
    };
    notify(store, outcome);
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
