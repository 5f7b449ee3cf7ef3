//! A JSON value, pretty and collapsible, with a button that copies it; optionally with the
//! parts a data-flow step added, changed or removed highlighted (and unfolded).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use crate::dataflow::{self, Mark};

/// Highlights for a [`JsonView`]: marks by JSON pointer.
#[derive(Clone, Debug, Default)]
pub struct Highlights {
    marks: HashMap<String, Mark>,
    /// Containers holding a mark, which start unfolded.
    open: HashSet<String>,
}

impl Highlights {
    pub fn new(marks: HashMap<String, Mark>) -> Arc<Highlights> {
        let open = dataflow::ancestors(&marks);
        Arc::new(Highlights { marks, open })
    }

    fn class(&self, at: &str) -> &'static str {
        self.marks.get(at).map_or("", |m| m.class())
    }
}

/// Arrays and objects longer than this show their first entries and a count of the rest.
const SHOWN_ENTRIES: usize = 200;

#[component]
pub fn JsonView(
    #[prop(into)] value: Signal<Value>,
    #[prop(optional)] label: Option<String>,
    #[prop(optional)] highlights: Option<Arc<Highlights>>,
) -> impl IntoView {
    let highlights = highlights.unwrap_or_default();
    let root_class = highlights.class("");
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
            <div class=format!("json-body {}", root_class)>
                {move || value.with(|v| node(v, 0, String::new(), &highlights))}
            </div>
        </div>
    }
}

fn node(v: &Value, depth: usize, at: String, hl: &Arc<Highlights>) -> AnyView {
    let unfold = hl.open.contains(&at);
    // Children are drawn when unfolded, later: they need their own handle on the highlights.
    let hl = Arc::clone(hl);
    match v {
        Value::Object(m) if !m.is_empty() => {
            let open = RwSignal::new(unfold || (depth < 2 && m.len() <= SHOWN_ENTRIES));
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
                        {entries.iter().map(|(k, v)| {
                            let mut path = at.clone();
                            dataflow::push_key(&mut path, k);
                            let class = format!("json-entry {}", hl.class(&path));
                            view! {
                                <div class=class>
                                    <span class="json-key">{format!("\"{k}\"")}</span>": "{node(v, depth + 1, path, &hl)}
                                </div>
                            }
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
            let open = RwSignal::new(unfold || depth == 0 || (depth < 2 && a.len() <= 20));
            let count = a.len();
            let items: Vec<Value> = a.iter().take(SHOWN_ENTRIES).cloned().collect();
            view! {
                <span class="json-toggle" on:click=move |_| open.update(|o| *o = !*o)>
                    {move || if open.get() { "▾ [" } else { "▸ […]" }}
                </span>
                <span class="json-count">{format!(" {count} items")}</span>
                <Show when=move || open.get()>
                    <div class="json-children">
                        {items.iter().enumerate().map(|(i, v)| {
                            let path = format!("{at}/{i}");
                            let class = format!("json-entry {}", hl.class(&path));
                            view! { <div class=class>{node(v, depth + 1, path, &hl)}</div> }
                        }).collect_view()}
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
