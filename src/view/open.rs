//! The Open panel: paste or choose what a Step Functions user has (ASL as JSON or YAML, a SAM,
//! CloudFormation or CDK template, an execution history from AWS, a workspace file); the page
//! tells which it is (`crate::open`). A file dropped anywhere on the page opens the same way
//! (`app::open_dropped_files`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::store::Store;

/// A paste longer than this opens at once, without going through the text box: the browser
/// takes seconds to lay out megabytes of text (a long execution history) in a textarea.
const OPEN_AT_ONCE_CHARS: usize = 100_000;

/// The panel (shown through `view::deferred`, in the module that runs workflows, which opening
/// a history needs anyway and which loads a moment after the first graph).
#[component]
pub fn Panel(store: Store, open: RwSignal<bool>) -> impl IntoView {
    // The text stays in the text box (not copied into a signal on each keystroke): what the
    // button needs to know is only whether there is any.
    let text_box = NodeRef::<leptos::html::Textarea>::new();
    let has_text = RwSignal::new(false);
    let open_pasted = move |_| {
        let Some(text) = text_box.get_untracked().map(|t| t.value()) else { return };
        if text.trim().is_empty() {
            return;
        }
        crate::open::open_text(store, "the pasted text", text);
        // Last: closing the panel disposes of its signals.
        open.set(false);
    };
    let paste = move |ev: web_sys::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else { return };
        if text.len() > OPEN_AT_ONCE_CHARS {
            ev.prevent_default();
            crate::open::open_text(store, "the pasted text", text);
            open.set(false);
        }
    };
    let choose = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        crate::open::open_file(store, file);
        open.set(false);
    };
    view! {
            <div class="open-panel" role="dialog" aria-label="Open">
                <h2>"Open"</h2>
                <p class="hint">
                    "A state machine (Amazon States Language, JSON or YAML), a SAM, CloudFormation or CDK template, or an execution recorded in AWS: the output of "
                    <code>"aws stepfunctions get-execution-history"</code>
                    ", with "<code>"describe-execution"</code>" or "<code>"describe-state-machine-for-execution"</code>" beside it if you have them. Drop a file anywhere on the page, too."
                </p>
                <label class="file-open">
                    <span>"Choose a file…"</span>
                    <input type="file" accept=".json,.yaml,.yml,.txt" on:change=choose />
                </label>
                <label class="open-paste">
                    <span>"Or paste it here"</span>
                    <textarea
                        rows="6"
                        spellcheck="false"
                        node_ref=text_box
                        on:input=move |ev| has_text.set(!event_target_value(&ev).trim().is_empty())
                        on:paste=paste
                    ></textarea>
                </label>
                <div class="open-buttons">
                    <button class="primary" on:click=open_pasted disabled=move || !has_text.get()>"Open the pasted text"</button>
                    <button on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </div>
    }
}
