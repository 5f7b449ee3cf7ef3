//! A JSON value, pretty and collapsible, with a button that copies it.

use leptos::prelude::*;
use serde_json::Value;

/// Arrays and objects longer than this show their first entries and a count of the rest.
const SHOWN_ENTRIES: usize = 200;

#[component]
pub fn JsonView(#[prop(into)] value: Signal<Value>, #[prop(optional)] label: Option<String>) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = value.with_untracked(|v| serde_json::to_string_pretty(v).unwrap_or_default());
        if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
            let _ = clipboard.write_text(&text);
            copied.set(true);
        }
    };
    view! {
        <div class="json-view">
            <div class="json-head">
                {label.map(|l| view! { <span class="json-label">{l}</span> })}
                <button class="copy" on:click=copy title="Copy as JSON">
                    {move || if copied.get() { "Copied" } else { "Copy" }}
                </button>
            </div>
            <div class="json-body">{move || value.with(|v| node(v, 0))}</div>
        </div>
    }
}

fn node(v: &Value, depth: usize) -> AnyView {
    match v {
        Value::Object(m) if !m.is_empty() => {
            let open = RwSignal::new(depth < 2 && m.len() <= SHOWN_ENTRIES);
            let count = m.len();
            let entries: Vec<(String, Value)> =
                m.iter().take(SHOWN_ENTRIES).map(|(k, v)| (k.clone(), v.clone())).collect();
            view! {
                <span class="json-toggle" on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { "▾ {" } else { "▸ {…}" }}
                </span>
                <span class="json-count">{format!(" {count} keys")}</span>
                <Show when=move || open.get()>
                    <div class="json-children">
                        {entries.iter().map(|(k, v)| view! {
                            <div class="json-entry"><span class="json-key">{format!("\"{k}\"")}</span>": "{node(v, depth + 1)}</div>
                        }).collect_view()}
                        {(count > SHOWN_ENTRIES).then(|| view! { <div class="json-more">{format!("… {} more", count - SHOWN_ENTRIES)}</div> })}
                    </div>
                    <span>"}"</span>
                </Show>
            }
            .into_any()
        }
        Value::Array(a) if !a.is_empty() => {
            // Long lists start folded below the top, so a 10,000-item result draws at once.
            let open = RwSignal::new(depth == 0 || (depth < 2 && a.len() <= 20));
            let count = a.len();
            let items: Vec<Value> = a.iter().take(SHOWN_ENTRIES).cloned().collect();
            view! {
                <span class="json-toggle" on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { "▾ [" } else { "▸ […]" }}
                </span>
                <span class="json-count">{format!(" {count} items")}</span>
                <Show when=move || open.get()>
                    <div class="json-children">
                        {items.iter().map(|v| view! { <div class="json-entry">{node(v, depth + 1)}</div> }).collect_view()}
                        {(count > SHOWN_ENTRIES).then(|| view! { <div class="json-more">{format!("… {} more", count - SHOWN_ENTRIES)}</div> })}
                    </div>
                    <span>"]"</span>
                </Show>
            }
            .into_any()
        }
        Value::String(s) => {
            view! { <span class="json-string">{serde_json::to_string(s).unwrap_or_default()}</span> }.into_any()
        }
        Value::Number(n) => view! { <span class="json-number">{n.to_string()}</span> }.into_any(),
        Value::Bool(b) => view! { <span class="json-bool">{b.to_string()}</span> }.into_any(),
        Value::Null => view! { <span class="json-null">"null"</span> }.into_any(),
        other => view! { <span>{other.to_string()}</span> }.into_any(),
    }
}
