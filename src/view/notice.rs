//! The message bar: a shared link opened (with the way back to the work it replaced), or a link
//! that could not be opened and why.

use leptos::prelude::*;

use crate::store::{Action, Store};

#[component]
pub fn NoticeBar(store: Store) -> impl IntoView {
    move || {
        store.notice.get().map(|n| {
            view! {
                <div class=if n.error { "notice error" } else { "notice" } role=if n.error { "alert" } else { "status" }>
                    <span>{n.text.clone()}</span>
                    {n.restore_draft.then(|| view! {
                        <button on:click=move |_| store.apply(Action::RestoreDraft)>"Bring back my previous work"</button>
                    })}
                    <button class="dismiss" title="Dismiss" on:click=move |_| store.apply(Action::DismissNotice)>"×"</button>
                </div>
            }
        })
    }
}
