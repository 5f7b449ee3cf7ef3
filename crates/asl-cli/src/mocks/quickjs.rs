//! JavaScript mock modules, run in an embedded QuickJS with the same mock runtime the
//! playground's sandbox loads (`js/mock-runtime.js`). A mock that runs past the wall-clock
//! guard, or whose promise never settles, gives no answer: the engine then times the task out
//! at its TimeoutSeconds, as AWS would.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use asl::exec::{TaskAnswer, TaskRequest};
use asl::host::Reply;
use rquickjs::{CatchResultExt, Context, Ctx, Function, Module, Persistent, Promise, Runtime, Value};
use serde_json::json;

const MOCK_RUNTIME: &str = include_str!("../../../../js/mock-runtime.js");
const MEMORY_LIMIT: usize = 256 << 20;
const STACK_LIMIT: usize = 1 << 20;

// Fields drop in order: the mocks' functions and the context must go before the runtime,
// or QuickJS finds live objects when it is freed.
pub struct JsMocks {
    mocks: Vec<(String, Persistent<Function<'static>>)>,
    context: Context,
    _runtime: Runtime,
    /// Milliseconds after `base` at which running JavaScript is interrupted (0: none).
    deadline: Arc<AtomicU64>,
    base: Instant,
    timeout_ms: u64,
}

impl JsMocks {
    /// Loads every module; a module that does not load is an error naming its file.
    pub fn load(files: &[(String, PathBuf)], timeout_ms: u64) -> Result<JsMocks, String> {
        let runtime = Runtime::new().map_err(|e| format!("cannot start QuickJS: {e}"))?;
        runtime.set_memory_limit(MEMORY_LIMIT);
        runtime.set_max_stack_size(STACK_LIMIT);
        let base = Instant::now();
        let deadline = Arc::new(AtomicU64::new(0));
        let guard = Arc::clone(&deadline);
        runtime.set_interrupt_handler(Some(Box::new(move || {
            let d = guard.load(Ordering::Relaxed);
            d != 0 && base.elapsed().as_millis() as u64 >= d
        })));
        let context = Context::full(&runtime).map_err(|e| format!("cannot start QuickJS: {e}"))?;
        let mut mocks = Vec::new();
        let loaded: Result<(), String> = context.with(|ctx| {
            ctx.eval::<(), _>(MOCK_RUNTIME).catch(&ctx).map_err(|e| format!("the mock runtime failed to load: {e}"))?;
            for (key, path) in files {
                let source = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read the mock '{}': {e}", path.display()))?;
                let name = path.display().to_string();
                let f =
                    load_module(&ctx, &name, source).map_err(|e| format!("the mock '{name}' does not load: {e}"))?;
                mocks.push((key.clone(), Persistent::save(&ctx, f)));
            }
            Ok(())
        });
        loaded?;
        Ok(JsMocks { mocks, context, _runtime: runtime, deadline, base, timeout_ms })
    }

    /// Runs the mock for `key`, if there is one.
    pub fn answer(&mut self, key: &str, req: &TaskRequest) -> Option<Reply> {
        let f = self.mocks.iter().find(|(k, _)| k == key)?.1.clone();
        let start = self.base.elapsed().as_millis() as u64;
        self.deadline.store(start + self.timeout_ms.max(1), Ordering::Relaxed);
        let outcome = self.context.with(|ctx| run_mock(&ctx, f, req));
        self.deadline.store(0, Ordering::Relaxed);
        Some(match outcome {
            Ok(Some(result)) => to_reply(result),
            Ok(None) => Reply::Answer(TaskAnswer::NoAnswer, 0),
            Err(e) => Reply::Answer(TaskAnswer::Failed { error: "Mock.RuntimeError".into(), cause: Some(e) }, 0),
        })
    }
}

/// Declares and evaluates a module, returning its default export.
fn load_module<'js>(ctx: &Ctx<'js>, name: &str, source: String) -> Result<Function<'js>, String> {
    let module = Module::declare(ctx.clone(), name, source).catch(ctx).map_err(|e| e.to_string())?;
    let (module, promise) = module.eval().catch(ctx).map_err(|e| e.to_string())?;
    promise.finish::<()>().catch(ctx).map_err(|e| e.to_string())?;
    let namespace = module.namespace().catch(ctx).map_err(|e| e.to_string())?;
    let default: Value = namespace.get("default").catch(ctx).map_err(|e| e.to_string())?;
    default.into_function().ok_or_else(|| {
        "it must `export default` a function: export default async function (event, context) { ... }".to_string()
    })
}

/// Calls the mock through the runtime's `__aslRunMock`. `Ok(None)` when it did not finish.
fn run_mock<'js>(
    ctx: &Ctx<'js>,
    f: Persistent<Function<'static>>,
    req: &TaskRequest,
) -> Result<Option<serde_json::Value>, String> {
    let f = f.restore(ctx).map_err(|e| e.to_string())?;
    let runner: Function = ctx.globals().get("__aslRunMock").map_err(|e| e.to_string())?;
    let event = ctx.json_parse(req.function_input().to_string()).map_err(|e| e.to_string())?;
    let info = json!({
        "stateName": req.state_name,
        "attempt": req.attempt + 1,
        "resource": req.resource,
        "taskToken": req.task_token,
        "callback": req.callback,
        "context": req.context,
    });
    let info = ctx.json_parse(info.to_string()).map_err(|e| e.to_string())?;
    let promise: Promise = match runner.call((f, event, info)).catch(ctx) {
        Ok(p) => p,
        // Interrupted by the wall-clock guard while running synchronously.
        Err(_) => return Ok(None),
    };
    let settled: Value = match promise.finish::<Value>() {
        Ok(v) => v,
        // The promise cannot settle (it waits on nothing), or the guard interrupted it.
        Err(_) => {
            let _ = ctx.catch();
            return Ok(None);
        }
    };
    let text = ctx
        .json_stringify(settled)
        .map_err(|e| e.to_string())?
        .map(|s| s.to_string())
        .transpose()
        .map_err(|e| e.to_string())?;
    let text = text.ok_or("the mock runtime returned nothing")?;
    serde_json::from_str(&text).map(Some).map_err(|e| e.to_string())
}

fn to_reply(result: serde_json::Value) -> Reply {
    let latency = result.get("latencyMs").and_then(serde_json::Value::as_u64).unwrap_or(0);
    let text = |k: &str| result.get(k).and_then(serde_json::Value::as_str).unwrap_or_default().to_string();
    if result.get("waitForCallback") == Some(&json!(true)) {
        Reply::Person
    } else if result.get("ok") == Some(&json!(true)) {
        Reply::Answer(
            TaskAnswer::FunctionReturned(result.get("value").cloned().unwrap_or(serde_json::Value::Null)),
            latency,
        )
    } else {
        Reply::Answer(TaskAnswer::FunctionFailed { error: text("error"), message: text("cause") }, latency)
    }
}
