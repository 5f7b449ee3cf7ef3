//! Sharing: a link that carries the whole workspace (copied as soon as it is made), a
//! presentation link, an embed snippet for a blog or a course page, and a workspace file for
//! what is too big for a link (and to open one).
//!
//! The panel is drawn as one markup string ([`markup`]) and its buttons answer through
//! `data-action`: a panel opened now and then should cost the app little.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::share::{self, MAX_LINK_CHARS, Mode};
use crate::store::{Action, Notice, Store};
use crate::view::html::{action_of, esc};

/// What the panel shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareView {
    /// The link, once made (compression is asynchronous).
    pub link: Option<String>,
    pub embed: String,
    pub present: bool,
    /// What was copied last: `link` or `embed`.
    pub copied: Option<&'static str>,
}

#[component]
pub fn SharePanel(store: Store, open: RwSignal<bool>) -> impl IntoView {
    let present = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    // The workspace packed into a link's data, while the panel is open.
    let packed: RwSignal<Option<String>> = RwSignal::new(None);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        if !open.get() {
            packed.set(None);
            return;
        }
        let w = store.workspace.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        leptos::task::spawn_local(async move {
            let data = share::encode(&w).await;
            if generation.get_value() == mine {
                packed.set(Some(data));
            }
        });
    });
    let url_for = move |data: &str, mode: Mode| format!("{}#{}", browser::page_url(), share::with_mode(data, mode));
    let link = Memo::new(move |_| {
        let mode = if present.get() { Mode::Present } else { Mode::Edit };
        packed.with(|p| p.as_deref().map(|d| url_for(d, mode)))
    });
    let state = Memo::new(move |_| ShareView {
        link: link.get(),
        embed: packed.with(|p| p.as_deref().map(|d| embed_snippet(&url_for(d, Mode::Embed)))).unwrap_or_default(),
        present: present.get(),
        copied: copied.get(),
    });
    let copy = move |text: String, what: &'static str| {
        leptos::task::spawn_local(async move {
            if browser::copy(&text).await {
                copied.set(Some(what));
            }
        });
    };
    // The link is copied as soon as it is made (when it fits in a link).
    Effect::new(move |_| {
        copied.set(None);
        if let Some(link) = link.get().filter(|l| l.len() <= MAX_LINK_CHARS) {
            copy(link, "link");
        }
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((action, _)) = action_of(&ev) else { return };
        match action.as_str() {
            "close" => open.set(false),
            "copy-link" => copy(state.with_untracked(|s| s.link.clone()).unwrap_or_default(), "link"),
            "copy-embed" => copy(state.with_untracked(|s| s.embed.clone()), "embed"),
            "download" => {
                let text = store.workspace.with_untracked(share::to_file);
                browser::download("workflow.aslplayground.json", "application/json", &text);
            }
            _ => {}
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let Some((action, el)) = action_of(&ev) else { return };
        let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() else { return };
        match action.as_str() {
            "present" => present.set(input.checked()),
            "open-file" => {
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
            }
            _ => {}
        }
    };
    view! {
        <Show when=move || open.get()>
            <div class="share-panel" role="dialog" aria-label="Share" on:click=on_click on:change=on_change>
                <div inner_html=move || state.with(markup)></div>
                <div inner_html=FILE_SECTION></div>
            </div>
        </Show>
    }
}

/// An `<iframe>` showing the workflow read-only, for a page that embeds it.
fn embed_snippet(url: &str) -> String {
    format!(
        r#"<iframe src="{url}" title="AWS Step Functions workflow (ASL Playground)" width="100%" height="560" style="border:1px solid #e2e8f0;border-radius:8px" loading="lazy"></iframe>"#
    )
}

/// The panel's markup. Everything that comes from the workspace is escaped.
pub fn markup(v: &ShareView) -> String {
    let mut s = String::from(
        r#"<div class="share-head"><h3>Share this workflow</h3><button class="dismiss" title="Close" data-action="close">×</button></div><p class="muted">The link holds the whole workspace: definition, input and mocks. It is never sent to a server, and it runs nothing until someone presses Run.</p>"#,
    );
    s.push_str(&format!(
        r#"<label class="check"><input type="checkbox" data-action="present"{}> Open in presentation mode</label>"#,
        if v.present { " checked" } else { "" }
    ));
    match &v.link {
        None => s.push_str(r#"<p class="muted">Making the link…</p>"#),
        Some(link) if link.len() > MAX_LINK_CHARS => s.push_str(&format!(
            r#"<div class="too-long" role="alert">This workspace is too big for a link ({} characters; links stay under {MAX_LINK_CHARS}). Share it as a file instead.</div>"#,
            link.len()
        )),
        Some(link) => {
            s.push_str(&format!(
                r#"<div class="share-row"><input class="share-link" readonly aria-label="Share link" value="{}"><button data-action="copy-link">Copy link</button></div><p class="muted">{} characters. {}</p>"#,
                esc(link),
                link.len(),
                if v.copied == Some("link") { "Copied to the clipboard." } else { "" }
            ));
            s.push_str(&format!(
                r#"<h4>Embed</h4><div class="share-row"><textarea class="share-embed" readonly aria-label="Embed snippet">{}</textarea><button data-action="copy-embed">Copy snippet</button></div><p class="muted">{}</p>"#,
                esc(&v.embed),
                if v.copied == Some("embed") {
                    "Snippet copied."
                } else {
                    "Paste it into a page: it shows the graph, read-only until the viewer chooses to edit."
                }
            ));
        }
    }
    s
}

/// The file section, drawn once: the link part above is redrawn when the link arrives, and a
/// file input must not be replaced while someone is choosing a file with it.
const FILE_SECTION: &str = r#"<h4>File</h4><div class="share-row"><button data-action="download">Download workspace file</button><label class="file-open">Open a workspace file…<input type="file" accept=".json,application/json" data-action="open-file"></label></div>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_and_the_snippet_are_escaped_and_a_long_link_becomes_a_file() {
        let link = "https://x.example/#v1.a\"b<c>".to_string();
        let v =
            ShareView { link: Some(link.clone()), embed: embed_snippet(&link), present: true, copied: Some("link") };
        let html = markup(&v);
        assert!(html.contains(r#"value="https://x.example/#v1.a&quot;b&lt;c&gt;""#));
        assert!(html.contains("&lt;iframe src=&quot;"));
        assert!(html.contains(" checked>"));
        assert!(html.contains("Copied to the clipboard."));
        let long = ShareView { link: Some("x".repeat(MAX_LINK_CHARS + 1)), ..ShareView::default() };
        assert!(markup(&long).contains("too big for a link"));
        assert!(!markup(&long).contains("share-link"));
    }
}
