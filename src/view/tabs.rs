//! The editor's tabs: the definition, the input, one mock per Lambda function or task
//! resource the definition calls, and the Files: the workspace's S3 objects, and those the last
//! run wrote (marked as such).

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
                class:open=is_open.clone()
                aria-pressed=move || is_open().to_string()
                title=title
                on:click=move |_| store.apply(Action::OpenTab(t.clone()))
            >
                {label}
            </button>
        }
    };
    // The run's objects that are not (or no longer) the workspace's own.
    let written = move || {
        let own: Vec<String> = store.workspace.with(|w| w.files.keys().cloned().collect());
        store.run.with(|r| {
            r.result()
                .map(|r| r.written.iter().map(|(k, _)| k.clone()).filter(|k| !own.contains(k)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let add_file = move |_| {
        let Some(path) = crate::browser::prompt(
            "The new S3 object, as bucket/key (for example orders/orders.csv):",
            "my-bucket/items.json",
        ) else {
            return;
        };
        let path = path.trim().trim_start_matches("s3://").trim_start_matches('/').to_string();
        match path.split_once('/') {
            Some((bucket, key)) if !bucket.is_empty() && !key.is_empty() => {
                if store.workspace.with_untracked(|w| !w.files.contains_key(&path)) {
                    store.apply(Action::EditFile(path.clone(), String::new()));
                }
                store.apply(Action::OpenTab(Tab::File(path)));
            }
            _ => store.apply(Action::Notify(crate::store::Notice::error(format!(
                "'{path}' is not an S3 object's path: write it as bucket/key, like orders/orders.csv."
            )))),
        }
    };
    view! {
        <nav class="tabs" aria-label="Editors">
            {tab(Tab::Definition, "Definition".into(), "The state machine (Amazon States Language)")}
            {tab(Tab::Input, "Input".into(), "The execution's input")}
            {tab(Tab::Tests, "Tests".into(), "Test cases with expectations (asl test's format): Run all, coverage, export")}
            <span class="tabs-sep">"Mocks"</span>
            {move || mock_keys().into_iter().map(|k| tab(Tab::Mock(k.clone()), format!("{k}.js"), "A mock for this function or resource")).collect_view()}
            {move || store.workspace.with(|w| w.mock_config.is_some()).then(|| {
                let remove = move |_| {
                    if crate::browser::confirm("Delete the MockConfigFile? Tasks are answered by the mocks above again.") {
                        store.apply(Action::EditMockConfig(None));
                    }
                };
                view! {
                    <span class="tab-file">
                        {tab(Tab::MockConfig, "MockConfigFile.json".into(), "AWS Step Functions Local's mocks: its test case answers the tasks it names before the mocks do")}
                        <button class="tab-remove" title="Delete the MockConfigFile" aria-label="Delete the MockConfigFile" on:click=remove>"×"</button>
                    </span>
                }
            })}
            <span class="tabs-sep">"Files"</span>
            {move || store.workspace.with(|w| w.files.keys().cloned().collect::<Vec<_>>()).into_iter().map(|p| {
                let remove = {
                    let p = p.clone();
                    move |_| {
                        if crate::browser::confirm(&format!("Delete the S3 object {p} from the workspace?")) {
                            store.apply(Action::RemoveFile(p.clone()));
                        }
                    }
                };
                view! {
                    <span class="tab-file">
                        {tab(Tab::File(p.clone()), p.clone(), "An S3 object of the workspace (bucket/key): ItemReaders and S3 tasks read it")}
                        <button class="tab-remove" title=format!("Delete {p}") aria-label=format!("Delete {p}") on:click=remove>"×"</button>
                    </span>
                }
            }).collect_view()}
            {move || written().into_iter().map(|p| view! {
                <span class="tab-written" title=p.clone()>{tab(Tab::File(p.clone()), format!("{} ✎", short_path(&p)), "Written by the last run (ResultWriter or an S3 task)")}</span>
            }).collect_view()}
            <button class="tab tab-add" title="Add an S3 object to the workspace" on:click=add_file>
                "+ File"
            </button>
        </nav>
    }
}

/// A long `bucket/a/b/c/file` shortened to `bucket/…/file` for its tab (the whole path is the
/// tab's tooltip): a map run's results sit under a long run id.
fn short_path(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    if parts.len() <= 2 { path.to_string() } else { format!("{}/…/{}", parts[0], parts[parts.len() - 1]) }
}
