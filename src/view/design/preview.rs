//! The selected state's data-flow preview (the "data flow simulator"): the state run by itself
//! on an input, and what each of its data-flow fields (InputPath, Parameters or Arguments,
//! ResultSelector, ResultPath, OutputPath, Output, Assign) makes of it, step by step as the
//! inspector shows a visit. The input is the state's input in the last run, or a sample the
//! person edits. The preview follows every change to the definition, the mocks or the input,
//! a moment after the typing stops.

use asl::edit::states;
use asl::exec::{Stage, Visit};
use leptos::prelude::*;
use serde_json::Value;

use crate::store::Store;
use crate::view::dataflow::DataFlow;
use crate::view::json::JsonView;

/// How long the preview waits after a change before running the state again.
const SETTLE_MS: i32 = 250;

/// What the preview shows: the state's visit and its fields as written, or why there is none.
type Outcome = Result<(Visit, Value), String>;

/// `sample`: the sample input as the person last edited it (kept across selections); `None`
/// starts from the workspace's input.
#[component]
pub fn DataFlowPreview(store: Store, sample: RwSignal<Option<String>>) -> impl IntoView {
    let last_input = Memo::new(move |_| {
        let name = store.selected.get()?;
        store.run.with(|r| {
            let result = r.result()?;
            let visit = result.visits.iter().rev().find(|v| v.state_name == name)?;
            visit.stages.iter().find(|(s, _)| *s == Stage::Input).map(|(_, v)| Value::clone(v))
        })
    });
    let use_sample = RwSignal::new(false);
    let sample_text = move || sample.get().unwrap_or_else(|| store.workspace.with(|w| w.input.clone()));
    let from_run = move || !use_sample.get() && last_input.with(Option::is_some);
    let input = Memo::new(move |_| -> Result<Value, String> {
        if from_run() {
            return Ok(last_input.get().unwrap_or(Value::Null));
        }
        let text = sample_text();
        let text = if text.trim().is_empty() { "{}".to_string() } else { text };
        serde_json::from_str(&text)
            .map_err(|e| format!("The sample input is not valid JSON: line {}, column {}.", e.line(), e.column()))
    });

    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(name) = store.selected.get() else { return };
        // Any change to the workspace (the definition, the mocks, the files) may change it.
        let (definition, machine) = store.workspace.with(|w| {
            let definition: Value = serde_json::from_str(&w.definition).unwrap_or(Value::Null);
            let scope = states::scope_of(&definition, &name).unwrap_or_default();
            let machine = asl::exec::alone::state_alone(&definition, &scope, &name);
            let body = definition.pointer(&states::state(&scope, &name)).cloned().unwrap_or(Value::Null);
            (body, machine)
        });
        let input = input.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        // The preview may be gone (another mode, no selection) by the time its run ends: the
        // `try_` forms then do nothing.
        let current = move || generation.try_get_value() == Some(mine);
        leptos::task::spawn_local(async move {
            crate::browser::sleep(SETTLE_MS).await;
            if !current() {
                return;
            }
            let result = match (machine, input) {
                (Ok(machine), Ok(input)) => crate::runner::preview(store, machine, input).await,
                (Err(e), _) | (_, Err(e)) => Err(e),
            };
            if current() {
                outcome.try_set(Some(result.map(|visit| (visit, definition))));
            }
        });
    });

    let sample_editor = move || {
        (!from_run()).then(|| {
            view! {
                <label class="field">
                    <span>"Sample input"</span>
                    <textarea
                        class="sample-input"
                        aria-label="Sample input for the preview"
                        rows="4"
                        spellcheck="false"
                        prop:value=sample_text
                        on:input=move |ev| sample.set(Some(event_target_value(&ev)))
                    ></textarea>
                </label>
            }
        })
    };
    let source = move || {
        last_input.with(Option::is_some).then(|| {
            view! {
                <div class="preview-source" role="radiogroup" aria-label="Preview input">
                    <button role="radio" aria-checked=move || (!use_sample.get()).to_string() on:click=move |_| use_sample.set(false)>
                        "Input of the last run"
                    </button>
                    <button role="radio" aria-checked=move || use_sample.get().to_string() on:click=move |_| use_sample.set(true)>
                        "Sample input"
                    </button>
                </div>
            }
        })
    };
    let shown = move || match outcome.get() {
        None => view! { <p class="hint">"Running the state on its input…"</p> }.into_any(),
        Some(Err(why)) => view! { <p class="field-error" role="status">{why}</p> }.into_any(),
        Some(Ok((visit, body))) => visit_view(visit, body).into_any(),
    };
    view! {
        <section class="dataflow-preview" aria-label="Data flow preview">
            <h4>"Data flow preview"</h4>
            <p class="hint">"This state run by itself, its tasks answered by their mocks: what each field makes of the input."</p>
            {source}
            {sample_editor}
            <div aria-live="polite">{shown}</div>
        </section>
    }
}

/// The visit as the inspector shows its data flow, with its error and the variables it set.
fn visit_view(visit: Visit, body: Value) -> impl IntoView {
    let steps = crate::dataflow::steps(&visit, Some(&body));
    let error = visit.error.clone().map(|f| {
        view! {
            <div class="error-box">
                <b>"Error: "</b><code>{f.error.clone()}</code>
                {f.cause.clone().map(|c| view! { <pre>{c}</pre> })}
            </div>
        }
    });
    let assigned = (!visit.assigned.is_empty()).then(|| {
        let vars: serde_json::Map<String, Value> = visit.assigned.iter().cloned().collect();
        view! { <JsonView value=Signal::stored(Value::Object(vars)) label="Variables assigned".to_string() /> }
    });
    view! {
        {error}
        <DataFlow steps />
        {assigned}
    }
}
