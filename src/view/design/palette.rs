//! The palette: every state design mode offers, filtered as the person types. Choosing one
//! adds it after the selected state (on its way out), or at the start when none is selected,
//! and selects it.

use asl::edit::palette::{Template, search};
use asl::edit::states::{Edge, edge_after, insert_state};
use leptos::prelude::*;
use serde_json::Value;

use super::{GraphEdge, commit, notify};
use crate::store::Store;
use crate::view::graph::drop::TEMPLATE_TYPE;

#[component]
pub fn Palette(store: Store) -> impl IntoView {
    let query = RwSignal::new(String::new());
    view! {
        <div class="palette">
            <input
                type="search"
                class="palette-filter"
                placeholder="Find a state or a service"
                aria-label="Find a state or a service"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <ul class="palette-list" aria-label="States to add">
                {move || {
                    let found = search(&query.get());
                    if found.is_empty() {
                        return view! { <li class="palette-none">"Nothing matches."</li> }.into_any();
                    }
                    found.into_iter().map(|t| view! {
                        <li>
                            <button
                                class="palette-item"
                                data-template=t.id
                                title=t.resource.unwrap_or(t.label)
                                draggable="true"
                                on:dragstart=move |ev| {
                                    if let Some(data) = ev.data_transfer() {
                                        let _ = data.set_data(TEMPLATE_TYPE, t.id);
                                        data.set_effect_allowed("copy");
                                    }
                                }
                                on:click=move |_| add(store, t)
                            >
                                <span class="palette-label">{t.label}</span>
                                <span class="palette-group">{t.group}</span>
                            </button>
                        </li>
                    }).collect_view().into_any()
                }}
            </ul>
        </div>
    }
}

fn add(store: Store, template: &'static Template) {
    let text = store.workspace.with_untracked(|w| w.definition.clone());
    let machine: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    let selected = store.selected.get_untracked();
    let (scope, edge) = edge_after(&machine, selected.as_deref());
    insert(store, template, &scope, &edge);
}

/// A state from the palette dropped on the graph's transition `edge` goes there.
pub fn dropped(store: Store, template: &str, edge: &GraphEdge) {
    let Some(template) = asl::edit::palette::template(template) else { return };
    let text = store.workspace.with_untracked(|w| w.definition.clone());
    let machine: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    let Some((scope, edge)) = edge.resolve(&machine) else { return };
    insert(store, template, &scope, &edge);
}

fn insert(store: Store, template: &'static Template, scope: &str, edge: &Edge) {
    let text = store.workspace.with_untracked(|w| w.definition.clone());
    let made = template
        .instantiate(&text)
        .and_then(|(name, state)| insert_state(&text, scope, edge, &name, state).map(|t| (t, name)));
    let outcome = match made {
        Ok((text, name)) => commit(store, Ok(text), Some(name)),
        Err(e) => commit(store, Err(e), None),
    };
    notify(store, outcome);
}
