//! Test state: the selected state tested alone, as AWS's TestState API tests it. The person
//! gives the input (prefilled from the last run's visit of the state), mocks what the state
//! calls (a result or an error), and says how many retries were made already and which state
//! caused the error; the answer is TestState's: the status (SUCCEEDED, FAILED, RETRIABLE,
//! CAUGHT_ERROR), the next state (marked on the graph), the error's retry or catch, and the
//! data flow. The request goes to the engine in the API's own shape, so what the page shows is
//! what `asl test-state` prints for it.

use asl::exec::{Stage, Visit};
use asl::teststate::Response;
use leptos::prelude::*;
use serde_json::{Map, Value, json};

use crate::store::Store;
use crate::view::dataflow::DataFlow;
use crate::view::json::JsonView;

/// What the form starts with: from the last run's visit of the state, where there is one.
struct Prefill {
    input: String,
    result: String,
    error: String,
    cause: String,
    mocked: bool,
    kind: String,
}

fn prefill(store: Store, name: &str) -> Prefill {
    let kind = store
        .analysis
        .with_untracked(|a| {
            a.machine
                .as_ref()
                .and_then(|m| m.all_states().find(|s| *s.name == *name))
                .map(|s| s.type_name().to_string())
        })
        .unwrap_or_default();
    let visit: Option<Visit> = store.run.with_untracked(|r| {
        let r = r.result()?;
        let chosen =
            store.selected_visit.get_untracked().and_then(|i| r.visits.get(i)).filter(|v| v.state_name == name);
        chosen.or_else(|| r.visits.iter().rev().find(|v| v.state_name == name)).cloned()
    });
    let stage =
        |s: Stage| visit.as_ref().and_then(|v| v.stages.iter().find(|(st, _)| *st == s)).map(|(_, d)| pretty(d));
    let input = stage(Stage::Input).unwrap_or_else(|| store.workspace.with_untracked(|w| w.input.clone()));
    let failure =
        visit.as_ref().and_then(|v| v.error.clone().or_else(|| v.attempts.iter().find_map(|a| a.error.clone())));
    Prefill {
        input,
        result: stage(Stage::Result).unwrap_or_else(|| "{}".into()),
        error: failure.as_ref().map(|f| f.error.clone()).unwrap_or_default(),
        cause: failure.and_then(|f| f.cause).unwrap_or_default(),
        mocked: matches!(kind.as_str(), "Task" | "Map" | "Parallel"),
        kind,
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// How the state's work is answered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MockKind {
    Result,
    Error,
    /// A Map or Parallel runs its own states (their tasks unmocked).
    None,
}

/// The test's answer, or why there is none (AWS's exception, or the form's own problem).
#[derive(Clone)]
enum Answer {
    Response(Box<Response>),
    Refused { code: String, message: String },
}

/// The panel, for the state it is open on (shown through `view::deferred`).
#[component]
pub fn Panel(store: Store, name: String) -> impl IntoView {
    let start = prefill(store, &name);
    let mocked = start.mocked;
    let can_run_alone = matches!(start.kind.as_str(), "Map" | "Parallel");
    let input = RwSignal::new(start.input);
    let result = RwSignal::new(start.result);
    let error = RwSignal::new(start.error);
    let cause = RwSignal::new(start.cause);
    let mock = RwSignal::new(MockKind::Result);
    let validation = RwSignal::new("STRICT".to_string());
    let retries = RwSignal::new(String::from("0"));
    let caused_by = RwSignal::new(String::new());
    let level = RwSignal::new("DEBUG".to_string());
    let variables = RwSignal::new(String::new());
    let answer: RwSignal<Option<Answer>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let state_name = name.clone();
    let answer_box = NodeRef::<leptos::html::Div>::new();
    // Each answer is brought into view: the inspector may be short, the form long.
    Effect::new(move |_| {
        if answer.with(Option::is_some)
            && let Some(el) = answer_box.get_untracked()
        {
            el.scroll_into_view_with_bool(true);
        }
    });

    let run_test = move |_| {
        let request = {
            let form = Form {
                state: state_name.clone(),
                input: input.get_untracked(),
                mock: if mocked { mock.get_untracked() } else { MockKind::None },
                result: result.get_untracked(),
                error: error.get_untracked(),
                cause: cause.get_untracked(),
                validation: validation.get_untracked(),
                retries: retries.get_untracked(),
                caused_by: caused_by.get_untracked(),
                level: level.get_untracked(),
                variables: variables.get_untracked(),
            };
            let definition = store.analysis.with_untracked(|a| a.definition_value());
            definition
                .ok_or_else(|| "The definition has errors: fix them first.".to_string())
                .and_then(|d| form.request(&d))
        };
        let request = match request {
            Ok(r) => r,
            Err(message) => {
                answer.set(Some(Answer::Refused { code: "Not sent".into(), message }));
                return;
            }
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            // This panel's code came with the module that runs workflows: the tester is here.
            let outcome = match crate::runner::test_state::test(request).await {
                Ok(response) => Answer::Response(Box::new(response)),
                Err(e) => Answer::Refused { code: e.code.to_string(), message: e.message },
            };
            let next = match &outcome {
                Answer::Response(r) => r.next_state.clone(),
                Answer::Refused { .. } => None,
            };
            let _ = store.test_next.try_set(next);
            let _ = answer.try_set(Some(outcome));
            let _ = busy.try_set(false);
        });
    };
    let close = move |_| {
        store.test_next.set(None);
        store.test_state.set(None);
    };

    let mock_fields = mocked.then(|| {
        let none_choice = can_run_alone.then(|| view! { <option value="none">"No mock: run its states"</option> });
        view! {
            <fieldset class="test-mock">
                <legend>"Mock of the state's work"</legend>
                <label class="field">
                    <span>"Answer with"</span>
                    <select aria-label="Mock" on:change=move |ev| mock.set(match event_target_value(&ev).as_str() {
                        "error" => MockKind::Error,
                        "none" => MockKind::None,
                        _ => MockKind::Result,
                    })>
                        <option value="result">"A result"</option>
                        <option value="error">"An error"</option>
                        {none_choice}
                    </select>
                </label>
                <Show when=move || mock.get() == MockKind::Result>
                    <TextField label="Result (JSON)" aria="Mock result" value=result rows=4 />
                    <label class="field">
                        <span>"Field validation"</span>
                        <select aria-label="Field validation" prop:value=move || validation.get()
                            on:change=move |ev| validation.set(event_target_value(&ev))>
                            <option value="STRICT">"STRICT: the service's response shape, exactly"</option>
                            <option value="PRESENT">"PRESENT: the fields given have the right types"</option>
                            <option value="NONE">"NONE"</option>
                        </select>
                    </label>
                </Show>
                <Show when=move || mock.get() == MockKind::Error>
                    <TextField label="Error" aria="Mock error" value=error />
                    <TextField label="Cause" aria="Mock cause" value=cause />
                </Show>
                <label class="field">
                    <span>"Retries already made"</span>
                    <input aria-label="Retries already made" type="number" min="0" inputmode="numeric" prop:value=move || retries.get()
                        on:input=move |ev| retries.set(event_target_value(&ev)) />
                </label>
                {can_run_alone.then(|| view! {
                    <TextField label="Error caused by state" aria="Error caused by state" value=caused_by />
                })}
            </fieldset>
        }
    });

    view! {
        <div class="test-state" role="region" aria-label="Test state">
            <div class="inspector-head">
                <h3>{format!("Test state: {name}")}</h3>
                <button class="close" on:click=close title="Close Test state" aria-label="Close Test state">"×"</button>
            </div>
            <p class="hint">"Runs this state alone, as AWS's TestState API does: nothing else runs, and what it calls answers as you mock it."</p>
            <TextField label="Input (JSON)" aria="Test input" value=input rows=5 />
            {mock_fields}
            <details class="test-more">
                <summary>"Variables and inspection level"</summary>
                <TextField label="Variables in scope (a JSON object)" aria="Variables" value=variables rows=2 placeholder="{}" />
                <label class="field">
                    <span>"Inspection level"</span>
                    <select aria-label="Inspection level" prop:value=move || level.get() on:change=move |ev| level.set(event_target_value(&ev))>
                        <option value="INFO">"INFO"</option>
                        <option value="DEBUG">"DEBUG"</option>
                        <option value="TRACE">"TRACE"</option>
                    </select>
                </label>
            </details>
            <div class="test-buttons">
                <button class="primary test-run" on:click=run_test disabled=move || busy.get()>"Test"</button>
            </div>
            <div node_ref=answer_box>{move || answer.get().map(|a| answer_view(store, a))}</div>
        </div>
    }
}

/// A labelled text field bound to `value`: one line, or a box of `rows` lines.
#[component]
fn TextField(
    label: &'static str,
    aria: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let typed = move |ev| value.set(event_target_value(&ev));
    let field = match rows {
        Some(rows) => view! {
            <textarea aria-label=aria rows=rows spellcheck="false" placeholder=placeholder prop:value=move || value.get() on:input=typed></textarea>
        }
        .into_any(),
        None => view! {
            <input aria-label=aria spellcheck="false" placeholder=placeholder prop:value=move || value.get() on:input=typed />
        }
        .into_any(),
    };
    view! {
        <label class="field">
            <span>{label}</span>
            {field}
        </label>
    }
}

/// The form as typed.
struct Form {
    state: String,
    input: String,
    mock: MockKind,
    result: String,
    error: String,
    cause: String,
    validation: String,
    retries: String,
    caused_by: String,
    level: String,
    variables: String,
}

impl Form {
    /// The TestState request, in the API's shape; or what in the form is not right.
    fn request(&self, definition: &Value) -> Result<Value, String> {
        let input: Value = serde_json::from_str(&self.input).map_err(|e| format!("The input is not JSON: {e}"))?;
        let mut request = Map::new();
        request.insert("definition".into(), Value::String(definition.to_string()));
        request.insert("stateName".into(), json!(self.state));
        request.insert("input".into(), Value::String(input.to_string()));
        request.insert("inspectionLevel".into(), json!(self.level));
        match self.mock {
            MockKind::Result => {
                let result: Value =
                    serde_json::from_str(&self.result).map_err(|e| format!("The mock result is not JSON: {e}"))?;
                request.insert(
                    "mock".into(),
                    json!({"result": result.to_string(), "fieldValidationMode": self.validation}),
                );
            }
            MockKind::Error => {
                if self.error.trim().is_empty() {
                    return Err("Name the mock's error (for example States.TaskFailed).".into());
                }
                request
                    .insert("mock".into(), json!({"errorOutput": {"error": self.error.trim(), "cause": self.cause}}));
            }
            MockKind::None => {}
        }
        let mut config = Map::new();
        let retries = self.retries.trim();
        if !retries.is_empty() && retries != "0" {
            let n: u64 = retries
                .parse()
                .map_err(|_| format!("Retries already made must be a whole number, not '{retries}'."))?;
            config.insert("retrierRetryCount".into(), json!(n));
        }
        if !self.caused_by.trim().is_empty() {
            config.insert("errorCausedByState".into(), json!(self.caused_by.trim()));
        }
        if !config.is_empty() {
            request.insert("stateConfiguration".into(), Value::Object(config));
        }
        if !self.variables.trim().is_empty() {
            let vars: Value =
                serde_json::from_str(&self.variables).map_err(|e| format!("The variables are not JSON: {e}"))?;
            request.insert("variables".into(), Value::String(vars.to_string()));
        }
        Ok(Value::Object(request))
    }
}

fn answer_view(store: Store, answer: Answer) -> AnyView {
    let response = match answer {
        Answer::Refused { code, message } => {
            return view! {
                <div class="test-answer" role="status">
                    <div class="error-box"><b>{format!("{code}: ")}</b>{message}</div>
                </div>
            }
            .into_any();
        }
        Answer::Response(r) => r,
    };
    let status = response.status.name();
    let details = response.inspection.as_ref().and_then(|i| i.get("errorDetails")).cloned();
    let recovery = details.map(|d| {
        let number = |k: &str| d.get(k).and_then(Value::as_f64);
        let mut words = Vec::new();
        if let Some(i) = number("retryIndex") {
            words.push(format!("Retry #{} matches the error", i as u64 + 1));
        }
        // As the API writes it: a whole number of seconds without a fraction.
        if let Some(s) = d.get("retryBackoffIntervalSeconds") {
            words.push(format!("backoff {s} s before the next attempt"));
        }
        if let Some(i) = number("catchIndex") {
            words.push(format!("Catch #{} handles the error", i as u64 + 1));
        }
        view! { <p class="test-recovery">{words.join("; ")}</p> }
    });
    let next = response.next_state.clone().map(|next| {
        let go = next.clone();
        view! {
            <p class="test-next">
                "Next state: "
                <button class="link" on:click=move |_| store.apply(crate::store::Action::Select(Some(go.clone())))>{next}</button>
            </p>
        }
    });
    let error = response.error.clone().map(|e| view! { <div class="error-box"><b>"Error: "</b><code>{e}</code></div> });
    let cause = response
        .cause
        .clone()
        .filter(|c| !c.is_empty())
        .map(|c| view! { <div class="error-box"><b>"Cause: "</b><pre>{c}</pre></div> });
    let output =
        response.output.clone().map(|v| view! { <JsonView value=Signal::stored(v) label="Output".to_string() /> });
    let flow = response.visit.as_deref().map(|visit| {
        let definition = store.analysis.with_untracked(|a| a.definition_value());
        let state = definition.as_deref().and_then(|d| d.pointer(&visit.state_pointer)).cloned();
        let steps = crate::dataflow::steps(visit, state.as_ref());
        view! { <h4>"Data flow"</h4> <DataFlow steps /> }
    });
    let variables = response
        .inspection
        .as_ref()
        .and_then(|i| i.get("variables"))
        .and_then(Value::as_str)
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .map(|v| view! { <JsonView value=Signal::stored(v) label="Variables".to_string() /> });
    let raw = pretty(&response.to_json());
    view! {
        <div class="test-answer" role="status">
            <h4 class=format!("status {}", status.to_ascii_lowercase()) data-status=status>{status}</h4>
            {next}
            {recovery}
            {error}
            {cause}
            {output}
            {flow}
            {variables}
            <details class="test-raw">
                <summary>"The response as the API returns it"</summary>
                <pre>{raw}</pre>
            </details>
        </div>
    }
    .into_any()
}
