//! The definition's problems, each with its line and column; a click shows it in the editor.

use leptos::prelude::*;

use crate::analysis::Problem;
use crate::runner::RunState;
use crate::store::Store;

#[component]
pub fn Problems(store: Store, on_reveal: Callback<Problem>) -> impl IntoView {
    let problems = move || store.analysis.with(|a| a.problems.clone());
    let refused = move || match store.run.get() {
        RunState::Refused(m) => Some(m),
        _ => None,
    };
    view! {
        <section class="problems" aria-label="Problems">
            {move || refused().map(|m| view! { <div class="refused" role="alert">{m}</div> })}
            <Show
                when=move || !problems().is_empty()
                fallback=|| view! { <div class="no-problems">"No problems: the definition is valid."</div> }
            >
                <ul>
                    {move || problems().into_iter().map(|p| {
                        let shown = p.clone();
                        view! {
                            <li class=if p.error { "problem error" } else { "problem warning" } on:click=move |_| on_reveal.run(shown.clone())>
                                <span class="where">{format!("{}:{}", p.line, p.column)}</span>
                                <span class="code">{p.code}</span>
                                <span class="message">{p.message.clone()}</span>
                                {(!p.location.is_empty()).then(|| view! { <span class="location">{p.location.clone()}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
