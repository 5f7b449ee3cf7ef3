//! The selected state's form: its name (a rename every reference follows), comment and way
//! out, and duplicate and delete. A value the engine refuses is shown beside its field with the
//! engine's message, and the definition keeps its last valid value.

use asl::edit::fields::{machine_fields, state_fields};
use asl::edit::palette::Language;
use asl::edit::states::{self, Edge};
use leptos::prelude::*;
use serde_json::Value;

use super::fields::{FieldInputs, Owner};
use super::preview::DataFlowPreview;
use super::recovery::RecoveryEditors;
use super::rules::ChoiceRules;
use super::{commit, notify};
use crate::store::{Action, Store};

/// What the form shows of the selected state.
#[derive(Clone, Debug, PartialEq)]
struct Selected {
    name: String,
    scope: String,
    kind: String,
    comment: String,
    /// Its Next, when its type has one (`Some(None)`: it ends the flow).
    next: Option<Option<String>>,
    /// The other states of its scope, which its way out may name.
    others: Vec<String>,
    /// Its JSON, and the machine's query language: the fields it gets.
    body: Value,
    language: Language,
}

fn selected(store: Store) -> Option<Selected> {
    let name = store.selected.get()?;
    store.workspace.with(|w| {
        let machine: Value = serde_json::from_str(&w.definition).ok()?;
        let scope = states::scope_of(&machine, &name)?;
        let body = machine.pointer(&states::state(&scope, &name))?;
        let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_string);
        let kind = text("Type").unwrap_or_default();
        let has_next = !matches!(kind.as_str(), "Choice" | "Succeed" | "Fail");
        let others = machine
            .pointer(&format!("{scope}/States"))
            .and_then(Value::as_object)
            .map(|m| m.keys().filter(|k| **k != name).cloned().collect())
            .unwrap_or_default();
        let language = Language::of_state(&machine, body);
        Some(Selected {
            comment: text("Comment").unwrap_or_default(),
            next: has_next.then(|| text("Next")),
            kind,
            scope,
            name,
            others,
            body: body.clone(),
            language,
        })
    })
}

/// Puts the keyboard in the selected state's name, to rename it.
pub fn focus_name() {
    let input = document().query_selector(".state-form input[aria-label=\"State name\"]").ok().flatten();
    if let Some(input) = input.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok()) {
        let _ = input.focus();
    }
}

/// Copies state `name` after itself and selects the copy.
pub fn duplicate_state(store: Store, scope: &str, name: &str) {
    let text = store.workspace.with_untracked(|w| w.definition.clone());
    let outcome = match states::duplicate_state(&text, scope, name) {
        Ok((text, copy)) => commit(store, Ok(text), Some(copy)),
        Err(e) => commit(store, Err(e), None),
    };
    notify(store, outcome);
}

/// Deletes state `name`, the flow closed over the gap, and leaves nothing selected.
pub fn delete_state(store: Store, scope: &str, name: &str) {
    let text = store.workspace.with_untracked(|w| w.definition.clone());
    let outcome = commit(store, states::delete_state(&text, scope, name), None);
    if outcome.is_ok() {
        store.apply(Action::Select(None));
    }
    notify(store, outcome);
}

/// The definition's top-level object (its settings), as the form shows it.
fn machine(store: Store) -> Value {
    store.workspace.with_untracked(|w| serde_json::from_str(&w.definition).unwrap_or(Value::Null))
}

#[component]
pub fn StateForm(store: Store) -> impl IntoView {
    let state = Memo::new(move |_| selected(store));
    let name_error = RwSignal::new(None::<String>);
    let sample = RwSignal::new(None::<String>);
    // A new selection starts without the last one's refusal.
    Effect::new(move |_| {
        state.track();
        name_error.set(None);
    });
    view! {
        <div class="state-form">
            {move || match state.get() {
                None => view! {
                    <p class="hint">"Select a state on the graph to edit it. A state chosen in the palette goes after the selected one, or at the start."</p>
                    <h3 class="form-title">"The state machine"</h3>
                    <FieldInputs store owner=Owner::Machine fields=machine_fields() values=machine(store) />
                }.into_any(),
                Some(s) => form(store, s, name_error).into_any(),
            }}
            // Outside the form, which is drawn anew with each edit: the preview keeps its input.
            <Show when=move || store.selected.with(Option::is_some)>
                <DataFlowPreview store sample />
            </Show>
        </div>
    }
}

fn form(store: Store, s: Selected, name_error: RwSignal<Option<String>>) -> impl IntoView {
    let (scope, name) = (s.scope.clone(), s.name.clone());
    let rename = {
        let (scope, name) = (scope.clone(), name.clone());
        move |new: String| {
            let text = store.workspace.with_untracked(|w| w.definition.clone());
            let result = states::rename_state(&text, &scope, &name, new.trim());
            name_error.set(commit(store, result, Some(new.trim().to_string())).err());
        }
    };
    let set_comment = {
        let (scope, name) = (scope.clone(), name.clone());
        move |comment: String| {
            let text = store.workspace.with_untracked(|w| w.definition.clone());
            let value = (!comment.is_empty()).then(|| Value::String(comment));
            notify(store, commit(store, states::set_field(&text, &scope, &name, "Comment", value), None));
        }
    };
    let set_next = {
        let (scope, name) = (scope.clone(), name.clone());
        move |target: String| {
            let text = store.workspace.with_untracked(|w| w.definition.clone());
            let to = (!target.is_empty()).then_some(target.as_str());
            notify(store, commit(store, states::set_transition(&text, &scope, &Edge::Next(name.clone()), to), None));
        }
    };
    let duplicate = {
        let (scope, name) = (scope.clone(), name.clone());
        move |_| duplicate_state(store, &scope, &name)
    };
    let delete = {
        let (scope, name) = (scope.clone(), name.clone());
        move |_| delete_state(store, &scope, &name)
    };
    let next_field = s.next.clone().map(|next| {
        let current = next.unwrap_or_default();
        view! {
            <label class="field">
                <span>"Next"</span>
                <select aria-label="Next state" on:change=move |ev| set_next(event_target_value(&ev))>
                    <option value="" selected=current.is_empty()>"(end of the flow)"</option>
                    {s.others.iter().map(|o| view! { <option value=o.clone() selected=*o == current>{o.clone()}</option> }).collect_view()}
                </select>
            </label>
        }
    });
    view! {
        <h3 class="form-title">{format!("{} state", s.kind)}</h3>
        <label class="field">
            <span>"Name"</span>
            <input
                type="text"
                aria-label="State name"
                prop:value=s.name.clone()
                aria-invalid=move || name_error.get().is_some().to_string()
                on:change=move |ev| rename(event_target_value(&ev))
            />
        </label>
        {move || name_error.get().map(|e| view! { <div class="field-error" role="alert">{e}</div> })}
        <label class="field">
            <span>"Comment"</span>
            <input type="text" aria-label="State comment" prop:value=s.comment.clone() on:change=move |ev| set_comment(event_target_value(&ev)) />
        </label>
        {next_field}
        {(s.kind == "Choice").then(|| view! {
            <ChoiceRules store scope=s.scope.clone() name=s.name.clone() body=s.body.clone() others=s.others.clone() jsonata=s.language == Language::Jsonata />
        })}
        <FieldInputs store owner=Owner::State { scope: s.scope.clone(), name: s.name.clone() } fields=state_fields(&s.body, s.language) values=s.body.clone() />
        {matches!(s.kind.as_str(), "Task" | "Parallel" | "Map").then(|| view! {
            <RecoveryEditors store scope=s.scope.clone() name=s.name.clone() body=s.body.clone() others=s.others.clone() jsonata=s.language == Language::Jsonata />
        })}
        <div class="form-actions">
            <button class="secondary" on:click=duplicate>"Duplicate"</button>
            <button class="secondary danger" on:click=delete>"Delete"</button>
        </div>
    }
}
