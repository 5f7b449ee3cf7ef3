//! A hook for the browser benchmark (`scripts/bench-web.sh`): runs the engine on a definition
//! and an input in this page's wasm, with no tasks to answer, and reports how long it took.

use std::sync::Arc;

use asl::exec::{Execution, ExecutionType, Options};
use serde_json::{Value, json};
use wasm_bindgen::prelude::*;

/// Runs `definition` on `input` as an EXPRESS execution (history recorded, the inspector's
/// data flow off, AWS's payload quota off) and returns
/// `{"ms", "transitions", "status", "events"}` as JSON text.
#[wasm_bindgen(js_name = benchEngine)]
pub fn bench_engine(definition: &str, input: &str) -> String {
    let def = asl::load(definition);
    let Some(machine) = def.runnable().cloned() else {
        return json!({"error": "invalid definition"}).to_string();
    };
    let input: Value = serde_json::from_str(input).unwrap_or(Value::Null);
    let options = Options {
        execution_type: ExecutionType::Express,
        record_data_flow: false,
        enforce_payload_limit: false,
        ..Options::default()
    };
    let started = crate::browser::now_ms();
    let Ok(mut exec) = Execution::start(Arc::new(machine), input, options) else {
        return json!({"error": "the input does not fit"}).to_string();
    };
    asl::host::run_to_end(&mut exec, |req| (asl::exec::TaskAnswer::FunctionReturned(req.function_input().clone()), 0));
    let ms = crate::browser::now_ms() - started;
    let status = exec.outcome().map(|o| o.status.name()).unwrap_or_default();
    json!({"ms": ms, "transitions": exec.transitions(), "status": status, "events": exec.history().len()}).to_string()
}

/// Parses, validates and lays out `definition` as the playground does on every edit; returns
/// the milliseconds it took (the drawing is measured in the page).
#[wasm_bindgen(js_name = benchAnalysis)]
pub fn bench_analysis(definition: &str) -> f64 {
    let started = crate::browser::now_ms();
    let analysis = crate::analysis::Analysis::of(definition);
    let ms = crate::browser::now_ms() - started;
    std::hint::black_box(analysis);
    ms
}

thread_local! {
    /// The page's store, for [`bench_draw`].
    static STORE: std::cell::Cell<Option<crate::store::Store>> = const { std::cell::Cell::new(None) };
}

/// Gives the benchmark hooks the page's store.
pub fn register(store: crate::store::Store) {
    STORE.with(|s| s.set(Some(store)));
}

/// Replaces the definition as an edit does, without going through the editor: the page then
/// analyses, lays out and draws it. The benchmark times that until the next painted frame.
#[wasm_bindgen(js_name = benchDraw)]
pub fn bench_draw(definition: &str) {
    if let Some(store) = STORE.with(|s| s.get()) {
        store.apply(crate::store::Action::EditDefinition(definition.to_string()));
    }
}
