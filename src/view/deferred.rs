//! Views whose code is in the module that runs workflows (see `runner::split`), shown through
//! one loader: each view split off the first download the same way costs the page's first
//! module its own copy of the loading machinery, so they share this one. A view waits for the
//! module (fetched a moment after the first graph, so usually there already); a module that
//! cannot be fetched (offline) shows the view's message instead, and is asked for again the
//! next time.

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use crate::store::Store;

/// Which view.
#[derive(Clone)]
pub enum Deferred {
    /// Test state, on the named state.
    TestState(String),
    /// The Tests panel over the suite's editor.
    Tests,
    /// The Learn panel (the signal closes it).
    Learn(RwSignal<bool>),
    /// The exercise the workspace is, beside the graph (its JSON text, see `store::Workspace`).
    Exercise(String),
    /// The Open panel (the signal closes it).
    Open(RwSignal<bool>),
    /// The Export panel (the signal closes it).
    Export(RwSignal<bool>),
    /// The bar over the playback while the workspace holds a recording.
    Recording,
}

impl Deferred {
    fn unavailable(&self) -> &'static str {
        match self {
            Deferred::TestState(_) => "Test state could not be loaded (the network may be down). Try again.",
            Deferred::Tests => "The Tests panel could not be loaded (the network may be down). Try again.",
            Deferred::Learn(_) => "The lessons could not be loaded (the network may be down). Try again.",
            Deferred::Exercise(_) => "The exercise could not be loaded (the network may be down). Try again.",
            Deferred::Open(_) => {
                "The Open panel could not be loaded (the network may be down). Try again, or drop the file on the page."
            }
            Deferred::Export(_) => "Export could not be loaded (the network may be down). Try again in a moment.",
            Deferred::Recording => "The recording's bar could not be loaded (the network may be down).",
        }
    }
}

/// Shows `view` while `when` holds, once its code is here.
#[component]
pub fn DeferredView(store: Store, view: Deferred, #[prop(into)] when: Signal<bool>) -> impl IntoView {
    let view = StoredValue::new(view);
    view! {
        <Show when=move || when.get()>
            <Suspense fallback=|| ()>
                {move || {
                    let view = view.get_value();
                    Suspend::new(async move {
                        let message = view.unavailable();
                        load(store, view).await.unwrap_or_else(|_| {
                            view! { <p class="error-box deferred-unavailable" role="alert">{message}</p> }.into_any()
                        })
                    })
                }}
            </Suspense>
        </Show>
    }
}

#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load(store: Store, view: Deferred) -> Result<AnyView, SplitLoaderError> {
    use crate::view::{export, learn, open, recording, test_state, tests};
    Ok(match view {
        Deferred::TestState(name) => view! { <test_state::Panel store name /> }.into_any(),
        Deferred::Tests => view! { <tests::Panel store /> }.into_any(),
        Deferred::Learn(open) => view! { <learn::Lessons store open /> }.into_any(),
        Deferred::Exercise(exercise) => view! { <learn::ExerciseView store exercise /> }.into_any(),
        Deferred::Open(shown) => view! { <open::Panel store open=shown /> }.into_any(),
        Deferred::Export(shown) => view! { <export::Panel store open=shown /> }.into_any(),
        Deferred::Recording => view! { <recording::Bar store /> }.into_any(),
    })
}
