//! A state's Retry and Catch: each retrier's errors, interval, attempts, backoff, maximum delay
//! and jitter; each catcher's errors, target and where the error goes; retriers and catchers
//! added and removed. Error names are offered from what the state's mock throws and from Step
//! Functions' own. Each change is checked by the engine as any field is.

use asl::edit::fields::refusal;
use asl::edit::recovery::{self, error_names, thrown_errors};
use asl::edit::states::{self, Edge};
use leptos::prelude::*;
use serde_json::{Value, json};

use super::{commit, notify};
use crate::store::Store;

/// A retrier's numbers, as the engine reads them.
const RETRY_NUMBERS: &[&str] = &["IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds"];

#[component]
pub fn RecoveryEditors(
    store: Store,
    scope: String,
    name: String,
    body: Value,
    others: Vec<String>,
    jsonata: bool,
) -> impl IntoView {
    let pointer = states::state(&scope, &name);
    // What this state's mock throws comes first among the names offered.
    let thrown: Vec<String> = {
        let state = name.clone();
        let keys: Vec<String> = store
            .analysis
            .with_untracked(|a| a.needs.iter().filter(|n| n.states.contains(&state)).map(|n| n.key.clone()).collect());
        store
            .workspace
            .with_untracked(|w| keys.iter().filter_map(|k| w.mocks.get(k)).flat_map(|m| thrown_errors(m)).collect())
    };
    let names = error_names(&thrown);
    let list_id = "design-error-names";
    let retriers = body.get("Retry").and_then(Value::as_array).cloned().unwrap_or_default();
    let catchers = body.get("Catch").and_then(Value::as_array).cloned().unwrap_or_default();

    let retry_views = retriers
        .iter()
        .enumerate()
        .map(|(i, retrier)| {
            let at = format!("{pointer}/Retry/{i}");
            let refused = RwSignal::new(None::<String>);
            let set = member_setter(store, at.clone(), refused);
            let numbers = RETRY_NUMBERS
                .iter()
                .map(|key| {
                    let shown = retrier.get(*key).map(|v| v.to_string()).unwrap_or_default();
                    view! {
                        <label class="field">
                            <span>{*key}</span>
                            <input type="text" aria-label=*key prop:value=shown on:change=move |ev| {
                                let text = event_target_value(&ev);
                                let value = (!text.trim().is_empty()).then(|| serde_json::from_str(text.trim()).unwrap_or(Value::String(text)));
                                set.run((key.to_string(), value));
                            } />
                        </label>
                    }
                })
                .collect_view();
            let jitter = retrier.get("JitterStrategy").and_then(Value::as_str).unwrap_or_default().to_string();
            view! {
                <fieldset class="rule recovery">
                    <legend>{format!("Retrier {}", i + 1)}</legend>
                    {errors_editor(retrier, set, list_id)}
                    <div class="recovery-numbers">{numbers}</div>
                    <label class="field">
                        <span>"JitterStrategy"</span>
                        <select aria-label="JitterStrategy" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set.run(("JitterStrategy".into(), (!v.is_empty()).then(|| json!(v))));
                        }>
                            {["", "FULL", "NONE"].map(|o| view! { <option value=o selected=o == jitter>{if o.is_empty() { "(not set)" } else { o }}</option> }).into_iter().collect_view()}
                        </select>
                    </label>
                    {move || refused.get().map(|why| view! { <div class="field-error" role="alert">{why}</div> })}
                    {remove_button(store, at, "Remove this retrier")}
                </fieldset>
            }
        })
        .collect_view();

    let catch_views = catchers
        .iter()
        .enumerate()
        .map(|(i, catcher)| {
            let at = format!("{pointer}/Catch/{i}");
            let refused = RwSignal::new(None::<String>);
            let set = member_setter(store, at.clone(), refused);
            let next = catcher.get("Next").and_then(Value::as_str).unwrap_or_default().to_string();
            let (scope_n, name_n) = (scope.clone(), name.clone());
            let to_next = move |ev: leptos::ev::Event| {
                let text = store.workspace.with_untracked(|w| w.definition.clone());
                let to = event_target_value(&ev);
                notify(store, commit(store, states::set_transition(&text, &scope_n, &Edge::Catch(name_n.clone(), i), Some(&to)), None));
            };
            let result_key = if jsonata { "Output" } else { "ResultPath" };
            let result = catcher.get(result_key).map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            view! {
                <fieldset class="rule recovery">
                    <legend>{format!("Catcher {}", i + 1)}</legend>
                    {errors_editor(catcher, set, list_id)}
                    <label class="field">
                        <span>"Goes to"</span>
                        <select aria-label=format!("Catcher {} goes to", i + 1) on:change=to_next>
                            {next.is_empty().then(|| view! { <option value="" selected=true>"(none)"</option> })}
                            {others.iter().map(|o| view! { <option value=o.clone() selected=*o == next>{o.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{result_key}</span>
                        <input type="text" aria-label=format!("Catcher {} {result_key}", i + 1) prop:value=result.unwrap_or_default() on:change=move |ev| {
                            let text = event_target_value(&ev);
                            set.run((result_key.to_string(), (!text.trim().is_empty()).then(|| json!(text))));
                        } />
                    </label>
                    {move || refused.get().map(|why| view! { <div class="field-error" role="alert">{why}</div> })}
                    {remove_button(store, at, "Remove this catcher")}
                </fieldset>
            }
        })
        .collect_view();

    let (scope_r, name_r) = (scope.clone(), name.clone());
    let add_retrier = move |_| {
        let text = store.workspace.with_untracked(|w| w.definition.clone());
        notify(store, commit(store, recovery::add_retrier(&text, &scope_r, &name_r), None));
    };
    let (scope_c, name_c, first) = (scope.clone(), name.clone(), others.first().cloned().unwrap_or_default());
    let add_catcher = move |_| {
        let text = store.workspace.with_untracked(|w| w.definition.clone());
        notify(store, commit(store, recovery::add_catcher(&text, &scope_c, &name_c, &first), None));
    };
    view! {
        <div class="rules recovery-editors">
            <datalist id=list_id>{names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}</datalist>
            <h4 class="form-subtitle">"Retry"</h4>
            {retry_views}
            <button class="secondary" on:click=add_retrier>"Add a retrier"</button>
            <h4 class="form-subtitle">"Catch"</h4>
            {catch_views}
            <button class="secondary" on:click=add_catcher>"Add a catcher"</button>
        </div>
    }
}

/// Sets a member of the retrier or catcher at `at` (`None` removes it), or shows why not.
fn member_setter(store: Store, at: String, refused: RwSignal<Option<String>>) -> Callback<(String, Option<Value>)> {
    Callback::new(move |(key, value): (String, Option<Value>)| {
        let before = store.workspace.with_untracked(|w| w.definition.clone());
        match recovery::set_member(&before, &at, &key, value) {
            Err(e) => refused.set(Some(e.to_string())),
            Ok(after) => match refusal(&before, &after, &at) {
                Some(why) => refused.set(Some(why)),
                None => refused.set(commit(store, Ok(after), None).err()),
            },
        }
    })
}

/// A retrier's or catcher's ErrorEquals: its names, each removable, and a field to add one.
fn errors_editor(item: &Value, set: Callback<(String, Option<Value>)>, list_id: &'static str) -> impl IntoView + use<> {
    let names: Vec<String> = item
        .get("ErrorEquals")
        .and_then(Value::as_array)
        .map(|e| e.iter().filter_map(|n| n.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    let chips = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let rest: Vec<String> = names.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, n)| n.clone()).collect();
            view! {
                <span class="chip">
                    {n.clone()}
                    <button class="chip-remove" title=format!("Remove {n}") aria-label=format!("Remove {n}") on:click=move |_| set.run(("ErrorEquals".into(), Some(json!(rest.clone()))))>"×"</button>
                </span>
            }
        })
        .collect_view();
    let all = names.clone();
    view! {
        <div class="errors-editor">
            <span class="errors-label">"Errors"</span>
            {chips}
            <input type="text" class="error-add" list=list_id placeholder="Add an error name" aria-label="Add an error name" prop:value="" on:change=move |ev| {
                let name = event_target_value(&ev).trim().to_string();
                if !name.is_empty() && !all.contains(&name) {
                    let mut names = all.clone();
                    names.push(name);
                    set.run(("ErrorEquals".into(), Some(json!(names))));
                }
            } />
        </div>
    }
}

fn remove_button(store: Store, at: String, label: &'static str) -> impl IntoView {
    view! {
        <button class="secondary small" on:click=move |_| {
            let text = store.workspace.with_untracked(|w| w.definition.clone());
            notify(store, commit(store, recovery::remove(&text, &at), None));
        }>{label}</button>
    }
}
