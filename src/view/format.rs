//! The definition's form, JSON or YAML, and the switch between them (beside Code and Design).
//! The conversion is the engine's (`asl::yaml`), in the module of the reader of YAML and
//! templates: a YAML definition's comments do not survive it, which the switch's title says.

use asl::source::Format;
use leptos::prelude::*;

use crate::store::{Action, Notice, Store, Tab};

#[component]
pub fn FormatSwitch(store: Store) -> impl IntoView {
    let shown = move || {
        store.tab.get() == Tab::Definition
            && store.workspace.with(|w| !w.definition.trim().is_empty())
            && store.analysis.with(|a| a.offer.is_none())
    };
    let current = move || store.analysis.with(|a| a.format);
    let switch = move |to: Format| {
        if current() == to {
            return;
        }
        let text = store.workspace.with_untracked(|w| w.definition.clone());
        leptos::task::spawn_local(async move {
            match crate::sources::split::convert(text, to).await {
                Ok(Ok(converted)) => store.apply(Action::ConvertDefinition(converted)),
                Ok(Err(why)) => store.apply(Action::Notify(Notice::error(format!("Not switched: {why}.")))),
                Err(_) => store.apply(Action::Notify(Notice::error(
                    "The converter could not be loaded (the network may be down). Try again.",
                ))),
            }
        });
    };
    let button = move |to: Format, label: &'static str, title: &'static str| {
        view! {
            <button
                class:on=move || current() == to
                aria-pressed=move || (current() == to).to_string()
                title=title
                on:click=move |_| switch(to)
            >{label}</button>
        }
    };
    view! {
        <Show when=shown>
            <div class="segmented format-switch" role="group" aria-label="Definition format">
                {button(Format::Json, "JSON", "Show the definition as JSON")}
                {button(Format::Yaml, "YAML", "Show the definition as YAML (a YAML definition's comments are not kept when it becomes JSON)")}
            </div>
        </Show>
    }
}
