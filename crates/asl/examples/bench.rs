//! Times the engine on the benchmark workloads in `../shared/bench/`: the counter loop and the
//! inline Map, as EXPRESS executions with the history recorded (the data-flow inspector off).
//!
//!     cargo run --release -p asl --example bench -- ../shared/bench 10000
//!
//! Prints one JSON line per workload, in the same shape as the peer's `peer.mjs`:
//! `{"engine":"asl","name","n","ms","transitions","per_s","status"}`. Each workload runs a few
//! times and the fastest run counts, which keeps a busy machine's noise out of the figure.

use std::sync::Arc;
use std::time::Instant;

use asl::exec::{Execution, ExecutionType, Options};
use serde_json::{Value, json};

const RUNS: usize = 5;

// The `asl` command uses the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map(String::as_str).unwrap_or("../shared/bench");
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let enforce_limits = !args.iter().any(|a| a == "--no-payload-limit");
    let items: Vec<Value> = (0..n).map(|i| json!({ "id": i })).collect();
    let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1)).map(String::as_str);
    if only.is_none_or(|o| o == "loop") {
        time(dir, "loop", "loop.asl.json", json!({ "target": n }), n, 2 * n + 2, enforce_limits);
    }
    if only.is_none_or(|o| o == "map") {
        time(dir, "map", "map.asl.json", json!({ "items": items }), n, n + 1, enforce_limits);
    }
}

fn time(dir: &str, name: &str, file: &str, input: Value, n: usize, expected: usize, enforce_limits: bool) {
    let path = format!("{dir}/{file}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let def = asl::load(&text);
    let machine = Arc::new(def.runnable().unwrap_or_else(|| panic!("{path} is not valid")).clone());
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..RUNS {
        // The previous run's execution is dropped first, so each run starts from the same
        // allocator state instead of holding two executions' memory at once.
        drop(last.take());
        let options = Options {
            execution_type: ExecutionType::Express,
            record_data_flow: false,
            enforce_payload_limit: enforce_limits,
            ..Options::default()
        };
        let start = Instant::now();
        let mut exec = Execution::start(Arc::clone(&machine), input.clone(), options).expect("input fits");
        asl::host::run_to_end(&mut exec, |_| unreachable!("the workloads have no tasks"));
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(exec.transitions() as usize, expected, "{name}: transitions");
        last = Some(exec);
    }
    let exec = last.expect("ran at least once");
    let status = exec.outcome().map(|o| format!("{:?}", o.status).to_uppercase()).unwrap_or_default();
    let error = exec.outcome().and_then(|o| o.error.clone());
    let per_s = (expected as f64 / (best / 1000.0)).round();
    let line = json!({
        "engine": "asl", "name": name, "n": n, "ms": (best * 10.0).round() / 10.0,
        "transitions": expected, "per_s": per_s, "status": status, "error": error,
        "history_events": exec.history().len(),
    });
    println!("{line}");
}
