//! Design mode's context menu on the graph's states (the right button, or the keyboard's menu
//! key on a focused state): rename, duplicate, delete. It closes on a choice, on Escape and on a
//! click elsewhere.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::form;
use crate::store::{Action, Store};

/// The menu that is open: for which state, and where.
#[derive(Clone, Debug, PartialEq)]
struct Open {
    name: String,
    x: f64,
    y: f64,
}

#[component]
pub fn StateMenu(store: Store) -> impl IntoView {
    let open = RwSignal::new(None::<Open>);
    let on_menu = window_event_listener(leptos::ev::contextmenu, move |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(node) = target.and_then(|el| el.closest(".graph-svg [data-state]").ok().flatten()) else { return };
        let Some(name) = node.get_attribute("data-state") else { return };
        ev.prevent_default();
        // From the keyboard the event has no pointer position: the menu opens at the state.
        let (x, y) = if ev.client_x() == 0 && ev.client_y() == 0 {
            let r = node.get_bounding_client_rect();
            (r.left() + r.width() / 2.0, r.bottom())
        } else {
            (f64::from(ev.client_x()), f64::from(ev.client_y()))
        };
        store.apply(Action::Select(Some(name.clone())));
        open.set(Some(Open { name, x, y }));
    });
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked().is_some() {
            open.set(None);
        }
    });
    let on_click = window_event_listener(leptos::ev::click, move |ev| {
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".context-menu").ok().flatten());
        if inside.is_none() {
            open.set(None);
        }
    });
    on_cleanup(move || {
        on_menu.remove();
        on_key.remove();
        on_click.remove();
    });
    // The first item takes the focus, for the keyboard.
    let first = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if open.get().is_some()
            && let Some(button) = first.get()
        {
            let _ = button.focus();
        }
    });
    let act = move |what: &'static str| {
        let Some(Open { name, .. }) = open.get_untracked() else { return };
        open.set(None);
        let Some(scope) = super::scope_of(store, &name) else { return };
        match what {
            "duplicate" => form::duplicate_state(store, &scope, &name),
            "delete" => form::delete_state(store, &scope, &name),
            _ => form::focus_name(),
        }
    };
    view! {
        {move || open.get().map(|o| view! {
            <div class="context-menu" role="menu" aria-label=format!("{} actions", o.name) style=format!("left: {}px; top: {}px", o.x, o.y)>
                <button role="menuitem" node_ref=first on:click=move |_| act("rename")>"Rename"<kbd>"F2"</kbd></button>
                <button role="menuitem" on:click=move |_| act("duplicate")>"Duplicate"<kbd>"Ctrl+D"</kbd></button>
                <button role="menuitem" class="danger" on:click=move |_| act("delete")>"Delete"<kbd>"Del"</kbd></button>
            </div>
        })}
    }
}
