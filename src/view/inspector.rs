//! The step inspector: for the selected state, each visit's data flow (the payload after
//! InputPath, Parameters, the result, ResultSelector, ResultPath, OutputPath), its attempts and
//! their errors, and its timing; with nothing selected, the execution's outcome.

use std::sync::Arc;

use asl::exec::Visit;
use leptos::prelude::*;
use serde_json::Value;

use crate::dataflow;
use crate::runner::{RunResult, RunState};
use crate::store::{Action, Store};
use crate::view::controls::elapsed;
use crate::view::dataflow::DataFlow;
use crate::view::deferred::{Deferred, DeferredView};
use crate::view::json::JsonView;

#[component]
pub fn Inspector(store: Store) -> impl IntoView {
    view! {
        <section class="inspector" aria-label="Inspector">
            {move || {
                let run = store.run.get();
                match store.selected.get() {
                    Some(name) if store.test_state.get().as_ref() == Some(&name) => {
                        view! { <DeferredView store view=Deferred::TestState(name) when=true /> }.into_any()
                    }
                    Some(name) => state_view(store, name, run.result()).into_any(),
                    None => outcome_view(&run).into_any(),
                }
            }}
        </section>
    }
}

fn outcome_view(run: &RunState) -> impl IntoView {
    match run {
        RunState::Idle => view! {
            <div class="hint">
                <p>"Press " <b>"Run"</b> " (or Ctrl+Enter) to execute the state machine with its mocks."</p>
                <p>"Click a state in the graph to see its definition; after a run, its input, output and data flow."</p>
            </div>
        }
        .into_any(),
        RunState::Running { events, .. } => {
            view! { <div class="hint">{format!("Running… {events} events")}</div> }.into_any()
        }
        RunState::Refused(m) => view! { <div class="hint">{format!("Not run: {m}")}</div> }.into_any(),
        RunState::Done(r) => {
            let duration = r.history.last().map(|e| e.timestamp - r.start_time()).unwrap_or(0);
            let summary = format!(
                "{} events, {} state transitions, {} of virtual time; computed in {:.0} ms",
                r.history.len(),
                r.visits.len(),
                elapsed(duration).trim_start_matches('+'),
                crate::view::html::Num(r.computed_ms)
            );
            match &r.outcome {
                Some(o) => {
                    let status = o.status.name();
                    let output = o.output.clone();
                    let error = o.error.clone();
                    let cause = o.cause.clone();
                    view! {
                        <div class="outcome">
                            <h3 class=format!("status {}", status.to_ascii_lowercase())>{format!("Execution {status}")}</h3>
                            <p class="summary">{summary}</p>
                            {error.map(|e| view! { <div class="error-box"><b>"Error: "</b><code>{e}</code></div> })}
                            {cause.map(|c| view! { <div class="error-box"><b>"Cause: "</b><pre>{c}</pre></div> })}
                            {output.map(|v| view! { <JsonView value=Signal::stored(v) label="Output".to_string() /> })}
                        </div>
                    }
                    .into_any()
                }
                None => view! {
                    <div class="outcome">
                        <h3 class="status running">"Waiting"</h3>
                        <p>{if r.is_paused() {
                            "The execution waits for a callback: answer it in the panel above, as the task's worker would."
                        } else {
                            "The execution waits for an answer no one will send."
                        }}</p>
                        <p class="summary">{summary}</p>
                    </div>
                }
                .into_any(),
            }
        }
    }
}

fn state_view(store: Store, name: String, result: Option<Arc<RunResult>>) -> impl IntoView {
    let type_name = store.analysis.with(|a| {
        a.machine.as_ref().and_then(|m| m.all_states().find(|s| *s.name == *name).map(|s| s.type_name().to_string()))
    });
    let close = move |_| store.apply(Action::Select(None));
    let tested = name.clone();
    let test = move |_| store.test_state.set(Some(tested.clone()));
    // A state the definition has can be tested (one only in a recording cannot). The header
    // is one type-erased view, shared by the three ways this panel ends.
    let testable = type_name.is_some();
    let header = view! {
        <div class="inspector-head">
            <h3>{name.clone()}</h3>
            <span class="kind">{type_name.unwrap_or_default()}</span>
            <button class="test-state-open" hidden=!testable on:click=test title="Test this state alone, as AWS's TestState API does">"Test state"</button>
            <button class="close" on:click=close title="Back to the execution">"×"</button>
        </div>
    }
    .into_any();
    let Some(result) = result else {
        return view! { {header} <div class="hint">"Run the state machine to see what this state did."</div> }
            .into_any();
    };
    // Visits of this state up to the playback position.
    let cursor_event = store.cursor.get() as u64;
    let visits: Vec<(usize, Visit)> = result
        .visits
        .iter()
        .enumerate()
        .filter(|(_, v)| v.state_name == name && v.entered_event_id <= cursor_event && v.entered_event_id > 0)
        .map(|(i, v)| (i, v.clone()))
        .collect();
    if visits.is_empty() {
        return view! { {header} <div class="hint">"Not visited yet at this point of the execution."</div> }.into_any();
    }
    let chosen =
        store.selected_visit.get().and_then(|i| visits.iter().position(|(vi, _)| *vi == i)).unwrap_or(visits.len() - 1);
    let picker = (visits.len() > 1).then(|| {
        let options: Vec<(usize, String)> = visits.iter().map(|(i, v)| (*i, visit_label(v, result.start_time()))).collect();
        let selected = visits[chosen].0;
        view! {
            <label class="field visit-picker">
                <span>{format!("Visit ({} in all)", visits.len())}</span>
                <select
                    aria-label="Visit"
                    on:change=move |ev| store.apply(Action::SelectVisit(event_target_value(&ev).parse().ok()))
                    prop:value=selected.to_string()
                >
                    {options.into_iter().map(|(i, l)| view! { <option value=i.to_string()>{l}</option> }).collect_view()}
                </select>
            </label>
        }
    });
    let visit = visits[chosen].1.clone();
    let steps = dataflow::steps(&visit, result.state_definition(&visit.state_pointer));
    view! { {header} {picker} {visit_view(visit, steps, result.start_time())} }.into_any()
}

fn visit_label(v: &Visit, start: i64) -> String {
    let lineage: Vec<String> = v.lineage.iter().map(|(n, i)| format!("{n}[{i}]")).collect();
    let at = elapsed(v.entered_at - start);
    if lineage.is_empty() { at } else { format!("{} at {at}", lineage.join(" › ")) }
}

fn visit_view(v: Visit, steps: Vec<dataflow::Step>, start: i64) -> impl IntoView {
    let timing = match v.exited_at {
        Some(end) => format!(
            "Entered {}, exited {} ({} later)",
            elapsed(v.entered_at - start),
            elapsed(end - start),
            elapsed(end - v.entered_at).trim_start_matches('+')
        ),
        None => format!("Entered {}; not exited", elapsed(v.entered_at - start)),
    };
    let attempts = (v.attempts.len() > 1 || v.attempts.iter().any(|a| a.error.is_some())).then(|| {
        view! {
            <div class="attempts">
                <h4>{format!("Attempts ({})", v.attempts.len())}</h4>
                <ol>
                    {v.attempts.iter().enumerate().map(|(i, a)| {
                        let outcome = match &a.error {
                            Some(f) => format!("failed: {}{}", f.error, f.cause.as_ref().map(|c| format!(" — {c}")).unwrap_or_default()),
                            None => "succeeded".into(),
                        };
                        let retry = a.retry_delay_ms.map(|d| format!("; retried after {}", elapsed(d as i64).trim_start_matches('+')));
                        view! {
                            <li class=if a.error.is_some() { "attempt failed" } else { "attempt" }>
                                <span class="at">{format!("#{} at {}", i + 1, elapsed(a.started_at - start))}</span>
                                " "<span>{outcome}</span>
                                {retry}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </div>
        }
    });
    let error = v.error.clone().map(|f| {
        let caught = v.caught_by.map(|i| format!(" (caught by Catch #{})", i + 1)).unwrap_or_default();
        view! {
            <div class="error-box">
                <b>"Error: "</b><code>{f.error.clone()}</code>{caught}
                {f.cause.clone().map(|c| view! { <pre>{c}</pre> })}
            </div>
        }
    });
    let map_run = v.map_run.as_deref().map(crate::view::map_run::map_run_view);
    let assigned = (!v.assigned.is_empty()).then(|| {
        let vars: serde_json::Map<String, Value> = v.assigned.iter().cloned().collect();
        view! { <JsonView value=Signal::stored(Value::Object(vars)) label="Variables assigned".to_string() /> }
    });
    view! {
            <div class="visit">
                <p class="timing">{timing}</p>
                {error}
                {attempts}
                {map_run}
    <DataFlow steps />
                {assigned}
            </div>
        }
}
