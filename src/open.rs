//! What a text brought to the page (opened from a file, dropped, or pasted in the Open panel)
//! becomes: a workspace file opens as the workspace, an execution history is imported and
//! played back, and anything else (ASL in JSON or YAML, a SAM, CloudFormation or CDK template)
//! becomes a new workspace's definition, which the page then reads for what it is.

use crate::share;
use crate::store::{Action, Notice, Store, Workspace};

/// Texts larger than this are refused before anything reads them (a 25,000-event history
/// with its data is far smaller).
const MAX_BYTES: usize = 64 << 20;

/// Opens `text`, which came from `name` (a file's name, or "the pasted text").
pub fn open_text(store: Store, name: &str, text: String) {
    if text.len() > MAX_BYTES {
        store.apply(Action::Notify(Notice::error(format!(
            "{name} is larger than {} MB: it was not opened.",
            MAX_BYTES >> 20
        ))));
        return;
    }
    if text.trim().is_empty() {
        store.apply(Action::Notify(Notice::error(format!("{name} is empty: there is nothing to open."))));
        return;
    }
    if share::is_workspace_file(&text) {
        match share::from_file(&text) {
            Ok(w) => store.apply(Action::OpenShared(Box::new(w), crate::share::Mode::Edit)),
            Err(e) => store.apply(Action::Notify(Notice::error(e))),
        }
        return;
    }
    if asl::recorded::looks_like_history(&text) {
        crate::runner::import(store, text);
        return;
    }
    let workspace = Workspace { definition: text, ..Workspace::empty() };
    store.apply(Action::OpenFile(Box::new(workspace), name.to_string()));
}

/// Reads a file the person chose or dropped, and opens it.
pub fn open_file(store: Store, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
        match text {
            Some(text) => open_text(store, &name, text),
            None => store.apply(Action::Notify(Notice::error(format!("{name} could not be read as text.")))),
        }
    });
}
