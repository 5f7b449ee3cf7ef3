//! The fields of a state, or of the machine, as inputs: each value is checked as it is typed
//! (read as its kind, then the engine's own validation of the definition it would make), a
//! refusal shown beside the field with the engine's message, and the value made the
//! definition's when the input is left, only if nothing refused it. The engine's problems that
//! already sit at a field are shown beside it too.

use asl::edit::EditError;
use asl::edit::fields::{self, Field, Kind};
use asl::edit::states;
use leptos::prelude::*;
use serde_json::Value;

use super::commit;
use crate::store::Store;

/// Whose fields these are.
#[derive(Clone, Debug, PartialEq)]
pub enum Owner {
    Machine,
    State { scope: String, name: String },
}

impl Owner {
    fn pointer(&self) -> String {
        match self {
            Owner::Machine => String::new(),
            Owner::State { scope, name } => states::state(scope, name),
        }
    }

    fn set(&self, text: &str, key: &str, value: Option<Value>) -> Result<String, EditError> {
        match self {
            Owner::Machine => fields::set_machine(text, key, value),
            Owner::State { scope, name } => fields::set(text, scope, name, key, value),
        }
    }
}

#[component]
pub fn FieldInputs(store: Store, owner: Owner, fields: Vec<Field>, values: Value) -> impl IntoView {
    fields
        .into_iter()
        .map(|field| {
            let shown = fields::show(field.kind, values.get(field.key));
            view! { <FieldInput store owner=owner.clone() field shown /> }
        })
        .collect_view()
}

#[component]
fn FieldInput(store: Store, owner: Owner, field: Field, shown: String) -> impl IntoView {
    let refused = RwSignal::new(None::<String>);
    let pointer = format!("{}/{}", owner.pointer(), field.key);
    // The engine's problems already at this field (a Retry without ErrorEquals...).
    let problems = {
        let pointer = pointer.clone();
        Memo::new(move |_| {
            store.analysis.with(|a| {
                a.problems
                    .iter()
                    .filter(|p| p.location == pointer || p.location.starts_with(&format!("{pointer}/")))
                    .map(|p| p.message.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let attempt = Callback::new(move |(text, keep): (String, bool)| {
        let before = store.workspace.with_untracked(|w| w.definition.clone());
        let after = fields::read(field.kind, &text)
            .and_then(|value| owner.set(&before, field.key, value).map_err(|e| e.to_string()));
        match after.map(|after| (fields::refusal(&before, &after, &pointer), after)) {
            Err(why) | Ok((Some(why), _)) => refused.set(Some(why)),
            Ok((None, after)) => {
                refused.set(None);
                if keep && after != before {
                    refused.set(commit(store, Ok(after), None).err());
                }
            }
        }
    });
    let label = field.key;
    let input = match field.kind {
        Kind::Json => view! {
            <textarea
                class="field-json"
                rows=shown.lines().count().clamp(2, 12)
                aria-label=label
                prop:value=shown.clone()
                aria-invalid=move || refused.get().is_some().to_string()
                on:input=move |ev| attempt.run((event_target_value(&ev), false))
                on:change=move |ev| attempt.run((event_target_value(&ev), true))
            ></textarea>
        }
        .into_any(),
        Kind::Options(options) => view! {
            <select aria-label=label on:change=move |ev| attempt.run((event_target_value(&ev), true))>
                <option value="" selected=shown.is_empty()>"(not set)"</option>
                {options.iter().map(|o| view! { <option value=*o selected=*o == shown>{*o}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::Text | Kind::Value => view! {
            <input
                type="text"
                aria-label=label
                prop:value=shown.clone()
                aria-invalid=move || refused.get().is_some().to_string()
                on:input=move |ev| attempt.run((event_target_value(&ev), false))
                on:change=move |ev| attempt.run((event_target_value(&ev), true))
            />
        }
        .into_any(),
    };
    view! {
        <label class="field">
            <span>{label}</span>
            {input}
        </label>
        {move || refused.get().map(|why| view! { <div class="field-error" role="alert">{why}</div> })}
        {move || problems.get().into_iter().map(|p| view! { <div class="field-problem">{p}</div> }).collect_view()}
    }
}
