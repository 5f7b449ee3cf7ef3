//! Below the editor, for a definition from a template or with placeholders: the state
//! machines a pasted template offers (one opens with a click, or with its `DefinitionUri`
//! file), and the Substitutions: every `${...}` placeholder (and `Ref` / `Fn::GetAtt`) with
//! its value, prefilled from the template and editable. A placeholder with no value is
//! marked here, and where it is used (the problems).

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use wasm_bindgen::JsCast;

use crate::sources::Offered;
use crate::store::{Action, Notice, Store};

/// The panel, when the definition has something to show in it. Its code is in the module of
/// the reader of YAML and templates (see `sources`), which is loaded by then: only that reader
/// finds placeholders or a template.
#[component]
pub fn SourcePanel(store: Store) -> impl IntoView {
    let wanted = move || {
        store.analysis.with(|a| !a.placeholders.is_empty() || a.offer.is_some() || a.template_problem.is_some())
    };
    view! {
        <Show when=wanted>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move { source_panel(store).await.unwrap_or_else(|_| ().into_any()) })}
            </Suspense>
        </Show>
    }
}

#[wasm_split(sources, wasm_split_path = ::leptos::wasm_split, fallible)]
fn source_panel(store: Store) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Panel store /> }.into_any())
}

#[component]
fn Panel(store: Store) -> impl IntoView {
    let offer = move || store.analysis.with(|a| a.offer.clone());
    let placeholders = move || store.analysis.with(|a| a.placeholders.clone());
    let problem = move || store.analysis.with(|a| a.template_problem.clone());
    view! {
        {move || offer().map(|machines| view! { <TemplateOffer store machines /> })}
        <Show when=move || !placeholders().is_empty() || problem().is_some()>
            <section class="substitutions" aria-label="Substitutions">
                <h3>"Substitutions"</h3>
                {move || problem().map(|p| view! { <p class="template-problem" role="alert">{format!("The template gives no values: {p}")}</p> })}
                <table>
                    <tbody>
                        {move || placeholders().into_iter().map(|p| {
                            let value = p.effective().unwrap_or_default().to_string();
                            let unvalued = p.effective().is_none();
                            let name = p.name.clone();
                            let prefilled = p.value.clone();
                            let uses = p.uses.len();
                            let id = format!("sub-{}", p.name.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
                            let label = format!("${{{}}}", p.name);
                            view! {
                                <tr class:unvalued=unvalued>
                                    <th scope="row"><label for=id.clone()>{label}</label></th>
                                    <td>
                                        <input
                                            id=id
                                            type="text"
                                            spellcheck="false"
                                            prop:value=value
                                            placeholder="no value"
                                            aria-invalid=unvalued.to_string()
                                            on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                let back_to_template = v.is_empty() || Some(&v) == prefilled.as_ref();
                                                store.apply(Action::SetSubstitution(name.clone(), (!back_to_template).then_some(v)));
                                            }
                                        />
                                    </td>
                                    <td class="origin">
                                        {if unvalued { "no value".to_string() } else { p.origin.clone() }}
                                        {format!(" · used {uses}×")}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </Show>
    }
}

/// The state machines of a template pasted as the definition.
#[component]
fn TemplateOffer(store: Store, machines: Vec<Offered>) -> impl IntoView {
    let open = move |id: String, file: Option<String>| {
        let template = store.workspace.with_untracked(|w| w.definition.clone());
        leptos::task::spawn_local(async move {
            match crate::sources::split::open_machine(template, id, file).await {
                Ok(Ok((text, source))) => store.apply(Action::OpenTemplateMachine(text, source)),
                Ok(Err(why)) => store.apply(Action::Notify(Notice::error(why))),
                Err(_) => store
                    .apply(Action::Notify(Notice::error("The reader of templates could not be loaded (offline?)."))),
            }
        });
    };
    let count = machines.len();
    view! {
        <section class="template-offer" aria-label="Template">
            <h3>{format!("A template with {count} state machine{}", if count == 1 { "" } else { "s" })}</h3>
            {(count == 0).then(|| view! { <p>"It defines no state machine (no AWS::Serverless::StateMachine or AWS::StepFunctions::StateMachine resource)."</p> })}
            <ul>
                {machines.into_iter().map(|m| {
                    let id = m.logical_id.clone();
                    let action = match (&m.refused, &m.needs_file) {
                        (Some(why), _) => view! { <span class="refused-machine">{format!("cannot open: {why}")}</span> }.into_any(),
                        (None, Some(path)) => {
                            let id = id.clone();
                            view! {
                                <label class="file-open">
                                    {format!("Open {path}…")}
                                    <input type="file" accept=".json,.yaml,.yml" on:change=move |ev: web_sys::Event| {
                                        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
                                        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
                                        let id = id.clone();
                                        leptos::task::spawn_local(async move {
                                            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
                                            match text {
                                                Some(text) => open(id, Some(text)),
                                                None => store.apply(Action::Notify(Notice::error("The file could not be read."))),
                                            }
                                        });
                                    } />
                                </label>
                            }
                            .into_any()
                        }
                        (None, None) => {
                            let id = id.clone();
                            view! { <button on:click=move |_| open(id.clone(), None)>"Open"</button> }.into_any()
                        }
                    };
                    view! {
                        <li>
                            <strong>{m.logical_id}</strong>
                            <span class="where">{m.definition}</span>
                            {action}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
