//! Sharing: a link that carries the whole workspace (copied at once), a presentation link, an
//! embed snippet for a blog or a course page, and a workspace file for what is too big for a
//! link (and to open one).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::share::{self, MAX_LINK_CHARS, Mode};
use crate::store::{Action, Notice, Store};

#[component]
pub fn SharePanel(store: Store, open: RwSignal<bool>) -> impl IntoView {
    let present = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let link = move || {
        let mode = if present.get() { Mode::Present } else { Mode::Edit };
        store.workspace.with(|w| format!("{}#{}", browser::page_url(), share::encode(w, mode)))
    };
    let embed = move || {
        let url = store.workspace.with(|w| format!("{}#{}", browser::page_url(), share::encode(w, Mode::Embed)));
        format!(
            r#"<iframe src="{url}" title="AWS Step Functions workflow (ASL Playground)" width="100%" height="560" style="border:1px solid #e2e8f0;border-radius:8px" loading="lazy"></iframe>"#
        )
    };
    let too_long = move || link().len() > MAX_LINK_CHARS;
    let copy = move |text: String, what: &'static str| {
        leptos::task::spawn_local(async move {
            if browser::copy(&text).await {
                copied.set(Some(what));
            }
        });
    };
    // Opening the panel copies the link at once (when it fits in a link).
    Effect::new(move |_| {
        if open.get() && !too_long() {
            copy(link(), "link");
        } else {
            copied.set(None);
        }
    });
    let download = move |_| {
        let text = store.workspace.with_untracked(share::to_file);
        browser::download("workflow.aslplayground.json", "application/json", &text);
    };
    let file_input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(input) = file_input.get_untracked() else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            match text.map(|t| share::from_file(&t)) {
                Some(Ok(w)) => {
                    store.apply(Action::OpenShared(Box::new(w), Mode::Edit));
                    open.set(false);
                }
                Some(Err(e)) => store.apply(Action::Notify(Notice::error(e))),
                None => store.apply(Action::Notify(Notice::error("The file could not be read."))),
            }
        });
    };
    view! {
        <Show when=move || open.get()>
            <div class="share-panel" role="dialog" aria-label="Share">
                <div class="share-head">
                    <h3>"Share this workflow"</h3>
                    <button class="dismiss" title="Close" on:click=move |_| open.set(false)>"×"</button>
                </div>
                <p class="muted">"The link holds the whole workspace: definition, input and mocks. It is never sent to a server, and it runs nothing until someone presses Run."</p>
                <label class="check">
                    <input type="checkbox" prop:checked=move || present.get() on:change=move |ev| {
                        present.set(ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked()))
                    } />
                    " Open in presentation mode"
                </label>
                <Show
                    when=move || !too_long()
                    fallback=move || view! {
                        <div class="too-long" role="alert">
                            {move || format!("This workspace is too big for a link ({} characters; links stay under {MAX_LINK_CHARS}). Share it as a file instead.", link().len())}
                        </div>
                    }
                >
                    <div class="share-row">
                        <input class="share-link" readonly=true aria-label="Share link" prop:value=link />
                        <button on:click=move |_| copy(link(), "link")>"Copy link"</button>
                    </div>
                    <p class="muted">
                        {move || format!("{} characters. ", link().len())}
                        {move || (copied.get() == Some("link")).then_some("Copied to the clipboard.")}
                    </p>
                    <h4>"Embed"</h4>
                    <div class="share-row">
                        <textarea class="share-embed" readonly=true aria-label="Embed snippet" prop:value=embed></textarea>
                        <button on:click=move |_| copy(embed(), "embed")>"Copy snippet"</button>
                    </div>
                    <p class="muted">{move || if copied.get() == Some("embed") { "Snippet copied." } else { "Paste it into a page: it shows the graph, read-only until the viewer chooses to edit." }}</p>
                </Show>
                <h4>"File"</h4>
                <div class="share-row">
                    <button on:click=download>"Download workspace file"</button>
                    <label class="file-open">
                        "Open a workspace file…"
                        <input type="file" accept=".json,application/json" node_ref=file_input on:change=on_file />
                    </label>
                </div>
            </div>
        </Show>
    }
}
