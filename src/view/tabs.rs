//! The editor's tabs: the definition, the input, and one mock per Lambda function or task
//! resource the definition calls.

use leptos::prelude::*;

use crate::store::{Action, Store, Tab};

#[component]
pub fn Tabs(store: Store) -> impl IntoView {
    let mock_keys = move || {
        let needed: Vec<String> = store.analysis.with(|a| a.needs.iter().map(|n| n.key.clone()).collect());
        if needed.is_empty() {
            // While the definition is broken, keep the mocks already written on show.
            store.workspace.with(|w| w.mocks.keys().cloned().collect())
        } else {
            needed
        }
    };
    let tab = move |t: Tab, label: String, title: &'static str| {
        let is_open = {
            let t = t.clone();
            move || store.tab.get() == t
        };
        view! {
            <button
                class="tab"
                class:open=is_open
                role="tab"
                title=title
                on:click=move |_| store.apply(Action::OpenTab(t.clone()))
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="tabs" role="tablist">
            {tab(Tab::Definition, "Definition".into(), "The state machine (Amazon States Language)")}
            {tab(Tab::Input, "Input".into(), "The execution's input")}
            <span class="tabs-sep">"Mocks"</span>
            {move || mock_keys().into_iter().map(|k| tab(Tab::Mock(k.clone()), format!("{k}.js"), "A mock for this function or resource")).collect_view()}
        </nav>
    }
}
