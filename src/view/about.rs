//! What the chosen example teaches, beside the graph: its `about.md` (fetched with the example),
//! rendered from the little Markdown it uses. It opens with each example and folds away to a tab.

use leptos::prelude::*;

use crate::examples;
use crate::markdown::{self, Block, Inline};
use crate::store::Store;

#[component]
pub fn AboutPanel(store: Store) -> impl IntoView {
    let example_id =
        Memo::new(move |_| store.workspace.with(|w| w.example.as_deref().and_then(examples::find).map(|e| e.id)));
    let open = RwSignal::new(true);
    // Each example opens with its explanation.
    Effect::new(move |previous: Option<Option<&'static str>>| {
        let id = example_id.get();
        if previous.is_some_and(|p| p != id) {
            open.set(true);
        }
        id
    });
    // The explanation arrives with the example's files (already fetched when it was opened).
    let text: RwSignal<Option<(&'static str, String)>> = RwSignal::new(None);
    Effect::new(move |_| {
        let example = example_id.get().and_then(examples::find);
        text.set(None);
        if let Some(e) = example {
            leptos::task::spawn_local(async move {
                if let Ok(files) = examples::load(e).await
                    && example_id.get_untracked() == Some(e.id)
                {
                    text.set(Some((e.title, files.about.clone())));
                }
            });
        }
    });
    move || {
        let (title, about) = text.get()?;
        Some(if open.get() {
            view! {
                <aside class="about" aria-label="About this example">
                    <header>
                        <h3>{title}</h3>
                        <button class="small" title="Hide the explanation" on:click=move |_| open.set(false)>"Hide"</button>
                    </header>
                    <div class="about-text">{markdown::parse(&about).into_iter().map(block).collect_view()}</div>
                </aside>
            }
            .into_any()
        } else {
            view! {
                <button class="about-tab" title="What this example shows" on:click=move |_| open.set(true)>"About"</button>
            }
            .into_any()
        })
    }
}

pub fn block(b: Block) -> AnyView {
    match b {
        Block::Paragraph(parts) => view! { <p>{parts.into_iter().map(inline).collect_view()}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items =
                items.into_iter().map(|i| view! { <li>{i.into_iter().map(inline).collect_view()}</li> }).collect_view();
            if ordered { view! { <ol>{items}</ol> }.into_any() } else { view! { <ul>{items}</ul> }.into_any() }
        }
        Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
    }
}

fn inline(i: Inline) -> AnyView {
    match i {
        Inline::Text(t) => t.into_any(),
        Inline::Code(t) => view! { <code>{t}</code> }.into_any(),
        Inline::Bold(t) => view! { <b>{t}</b> }.into_any(),
        Inline::Emphasis(t) => view! { <em>{t}</em> }.into_any(),
    }
}
