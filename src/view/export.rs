//! Export: the definition, the execution history (as GetExecutionHistory returns it) and the
//! graph (SVG, PNG) as files, and the ways to create the state machine on AWS itself (an AWS
//! CLI command, a CloudFormation or SAM template) ready to copy.

use leptos::prelude::*;

use crate::browser;
use crate::export;
use crate::store::{Action, Notice, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Cli,
    CloudFormation,
    Sam,
}

/// The panel (shown through `view::deferred`, in the module that runs workflows: the page's
/// first download does without it).
#[component]
pub fn Panel(store: Store, open: RwSignal<bool>) -> impl IntoView {
    let target = RwSignal::new(Target::Cli);
    let copied = RwSignal::new(false);
    let name = move || store.workspace.with(|w| export::machine_name(w.example.as_deref()));
    let express = move || store.workspace.with(|w| w.express);
    // As it runs: a YAML definition as JSON, its placeholders' values put in.
    let definition = move || store.analysis.with(|a| a.definition_value());
    let snippet = move || match definition() {
        Some(d) => Ok(match target.get() {
            Target::Cli => export::cli_command(&name(), express(), &d),
            Target::CloudFormation => export::cloudformation(&name(), express(), &d),
            Target::Sam => export::sam(&name(), express(), &d),
        }),
        None => {
            Err("The definition does not read as JSON or YAML: fix it in the editor to export it for AWS.".to_string())
        }
    };
    Effect::new(move |_| {
        target.track();
        copied.set(false);
    });
    let copy = move |_| {
        if let Ok(text) = snippet() {
            leptos::task::spawn_local(async move { copied.set(browser::copy(&text).await) });
        }
    };
    let has_run = move || store.run.with(|r| r.result().is_some());
    let yaml = move || store.analysis.with(|a| a.format == asl::source::Format::Yaml);
    let download_definition = move |_| {
        let text = store.workspace.with_untracked(|w| w.definition.clone());
        let extension = if yaml() { "asl.yaml" } else { "asl.json" };
        browser::download(&format!("{}.{extension}", name()), "application/json", &text);
    };
    let from_template = move || store.workspace.with(|w| w.source.is_some());
    let download_template = move |_| {
        let Some((source, definition)) =
            store.workspace.with_untracked(|w| Some((w.source.clone()?, w.definition.clone())))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            use crate::sources::split::{Exported, export_template};
            let json = asl::yaml::looks_like_json(&source.template);
            match export_template(source, definition.clone()).await {
                Ok(Exported::Template(text)) => {
                    let file = if json { "template.json" } else { "template.yaml" };
                    browser::download(file, "text/plain", &text);
                }
                Ok(Exported::OwnFile(path)) => {
                    let file = path.rsplit('/').next().unwrap_or(&path).to_string();
                    browser::download(&file, "text/plain", &definition);
                }
                Ok(Exported::Refused(why)) => store.apply(Action::Notify(Notice::error(why))),
                Err(_) => {
                    store.apply(Action::Notify(Notice::error("The template writer could not be loaded (offline?).")))
                }
            }
        });
    };
    let download_history = move |_| {
        if let Some(r) = store.run.with_untracked(|r| r.result()) {
            browser::download(
                &format!("{}-history.json", name()),
                "application/json",
                &export::history_json(&r.history),
            );
        }
    };
    let download_svg = move |_| match browser::graph_svg() {
        Some(svg) => browser::download(&format!("{}.svg", name()), "image/svg+xml", &svg),
        None => store.apply(Action::Notify(Notice::error(
            "There is no graph to export: the definition has no valid graph yet.",
        ))),
    };
    let download_png = move |_| {
        let Some(svg) = browser::graph_svg() else {
            store.apply(Action::Notify(Notice::error(
                "There is no graph to export: the definition has no valid graph yet.",
            )));
            return;
        };
        let file = format!("{}.png", name());
        leptos::task::spawn_local(async move {
            match browser::svg_to_png(&svg, 2.0).await {
                Some(blob) => browser::download_blob(&file, &blob),
                None => store.apply(Action::Notify(Notice::error("The graph could not be drawn as a PNG."))),
            }
        });
    };
    let tab = move |t: Target, label: &'static str| {
        view! { <button class:on=move || target.get() == t on:click=move |_| target.set(t)>{label}</button> }
    };
    view! {
            <div class="share-panel export-panel" role="dialog" aria-label="Export">
                <div class="share-head">
                    <h3>"Export"</h3>
                    <button class="dismiss" title="Close" on:click=move |_| open.set(false)>"×"</button>
                </div>
                <h4>"Files"</h4>
                <div class="share-row wrap">
                    <button class="export-definition" on:click=download_definition>
                        {move || if yaml() { "Definition (.asl.yaml)" } else { "Definition (.asl.json)" }}
                    </button>
                    <Show when=from_template>
                        <button class="export-template" on:click=download_template title="The template it came from, with this definition written back in the template's form">
                            "Template, with this definition"
                        </button>
                    </Show>
                    <button class="export-history" on:click=download_history disabled=move || !has_run() title="The execution history, shaped as GetExecutionHistory returns it">
                        "Execution history (.json)"
                    </button>
                    <button class="export-svg" on:click=download_svg>"Graph (SVG)"</button>
                    <button class="export-png" on:click=download_png>"Graph (PNG)"</button>
                </div>
                {move || (!has_run()).then(|| view! { <p class="muted">"Run the state machine to export its history."</p> })}
                <h4>"Create it on AWS"</h4>
                <div class="segmented light export-targets" role="tablist">
                    {tab(Target::Cli, "AWS CLI")}
                    {tab(Target::CloudFormation, "CloudFormation")}
                    {tab(Target::Sam, "SAM")}
                </div>
                {move || match snippet() {
                    Ok(text) => view! {
                        <pre class="export-snippet">{text}</pre>
                        <div class="share-row">
                            <button class="copy-snippet" on:click=copy>{move || if copied.get() { "Copied" } else { "Copy" }}</button>
                            <span class="muted">"The mocks stay here: on AWS, the definition calls your real functions and services, so point its ARNs at yours."</span>
                        </div>
                    }
                    .into_any(),
                    Err(message) => view! { <p class="too-long" role="alert">{message}</p> }.into_any(),
                }}
            </div>
    }
}
