//! Parse, validate and run whatever text arrives: no input may panic the engine.
//!
//! The data is `definition \0 input \0 answers \0 object`: the definition text, the execution
//! input as JSON text, bytes that pick how each task is answered (success, failure, heartbeat,
//! no answer, latency) and what each JSONata expression evaluates to (a value of any type from
//! the bindings, nothing, a function, an error), and the body of the S3 objects the run sees
//! (`b/k`, `b/items.json`, `b/items.csv`; a Distributed Map may read and write them).

#![no_main]

use std::sync::Arc;

use asl::exec::{Evaluated, Execution, Options, Poll, Request, TaskAnswer};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(4, |b| *b == 0);
    let definition = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let input = parts.next().map(String::from_utf8_lossy);
    let answers = parts.next().unwrap_or_default();
    let object = parts.next().unwrap_or_default();

    let def = asl::load(&definition);
    for d in &def.diagnostics {
        // Every span lies inside the text.
        assert!(d.span.start <= d.span.end && d.span.end <= definition.len(), "{d:?}");
    }
    let Some(machine) = def.runnable().cloned() else { return };
    let input = input.and_then(|t| serde_json::from_str::<Value>(&t).ok()).unwrap_or(Value::Null);
    let s3 = asl::s3::VirtualS3::from_files(
        [("b/k", object), ("b/items.json", object), ("b/items.csv", object), ("out/", &[][..])],
        0,
    );
    let options = Options { s3: Some(s3), ..Options::default() };
    let Ok(mut exec) = Execution::start(Arc::new(machine), input, options) else { return };
    exec.set_step_budget(64);
    let mut choices = answers.iter().copied().cycle();
    // STANDARD executions end at 25,000 events; the poll cap only guards the fuzzer's time.
    for _ in 0..200_000 {
        match exec.poll() {
            Poll::Request(Request::Task(req)) => {
                let pick = if answers.is_empty() { 0 } else { choices.next().unwrap_or(0) };
                let answer = match pick % 6 {
                    0 => TaskAnswer::FunctionReturned(req.function_input().clone()),
                    1 => TaskAnswer::Succeeded(req.input.clone()),
                    2 => TaskAnswer::Failed { error: "Fuzz.Error".into(), cause: Some("fuzz".into()) },
                    3 => TaskAnswer::FunctionFailed { error: "States.TaskFailed".into(), message: "m".into() },
                    4 => TaskAnswer::NoAnswer,
                    _ => TaskAnswer::Heartbeat,
                };
                if pick % 7 == 0 && exec.answer_from_s3(&req) {
                    continue;
                }
                let _ = exec.answer(req.id, answer, u64::from(pick) * 37);
            }
            Poll::Request(Request::Evaluate(req)) => {
                let states = &req.bindings["states"];
                let answers = req
                    .expressions
                    .iter()
                    .map(|_| {
                        let pick = if answers.is_empty() { 0 } else { choices.next().unwrap_or(0) };
                        match pick % 9 {
                            0 => Evaluated::Value(states["input"].clone()),
                            1 => Evaluated::Value(Value::Bool(pick % 2 == 0)),
                            2 => Evaluated::Value(Value::from(i64::from(pick) - 100)),
                            3 => Evaluated::Value(Value::String("2016-03-14T01:59:00Z".into())),
                            4 => Evaluated::Value(states["context"].clone()),
                            5 => Evaluated::Undefined,
                            6 => Evaluated::Unsupported,
                            7 => Evaluated::Failed { code: "T2001".into(), message: "fuzz".into() },
                            _ => Evaluated::Value(Value::Array(vec![Value::from(pick)])),
                        }
                    })
                    .collect();
                let _ = exec.answer_evaluation(req.id, answers);
            }
            Poll::Idle { next_deadline: Some(t) } => exec.advance_to(t),
            Poll::Idle { next_deadline: None } => {
                let pending: Vec<_> = exec.pending_requests().collect();
                match pending.first() {
                    Some(id) => {
                        let _ = exec.answer(*id, TaskAnswer::Succeeded(Value::Null), 0);
                    }
                    None => break,
                }
            }
            Poll::Yielded => {}
            Poll::Finished => break,
        }
    }
    let _ = serde_json::to_string(exec.history());
});
