//! JSONata for the command: the reference implementation (npm `jsonata`, the file the
//! playground loads too) and the Step Functions additions (`js/jsonata-host.js`), run in an
//! embedded QuickJS. The engine's evaluation requests come here through its host loop.

use asl::exec::{EvalRequest, Evaluated};
use rquickjs::{CatchResultExt, Ctx, Function, Promise};
use serde_json::Value;

use crate::quickjs::Guarded;

const JSONATA: &str = include_str!("../../../node_modules/jsonata/jsonata.js");
const HOST: &str = include_str!("../../../js/jsonata-host.js");
const MEMORY_LIMIT: usize = 512 << 20;
const STACK_LIMIT: usize = 4 << 20;

pub struct Jsonata {
    js: Guarded,
    /// How long one batch of expressions may run, in wall-clock milliseconds.
    timeout_ms: u64,
}

impl Jsonata {
    pub fn new(timeout_ms: u64) -> Result<Jsonata, String> {
        let js = Guarded::new(MEMORY_LIMIT, STACK_LIMIT)?;
        js.context.with(|ctx| -> Result<(), String> {
            // jsonata.js is a UMD bundle: with no module system it sets `global.jsonata`.
            ctx.eval::<(), _>("globalThis.global = globalThis;").catch(&ctx).map_err(|e| e.to_string())?;
            ctx.eval::<(), _>(JSONATA).catch(&ctx).map_err(|e| format!("JSONata failed to load: {e}"))?;
            ctx.eval::<(), _>(HOST).catch(&ctx).map_err(|e| format!("the JSONata host failed to load: {e}"))?;
            Ok(())
        })?;
        Ok(Jsonata { js, timeout_ms })
    }

    /// Evaluates a request given as the host script's JSON (see `js/jsonata-host.js`), and
    /// returns its JSON answer: one entry per expression.
    pub fn evaluate_json(&mut self, request: &Value) -> Result<Vec<Value>, String> {
        let answer: Value =
            serde_json::from_str(&self.evaluate_text(request.to_string())?).map_err(|e| e.to_string())?;
        match answer {
            Value::Array(entries) => Ok(entries),
            other => Err(format!("the JSONata host answered {other}")),
        }
    }

    /// [`Jsonata::evaluate_json`] on JSON text, under the wall-clock guard.
    fn evaluate_text(&mut self, request: String) -> Result<String, String> {
        self.js.with_deadline(self.timeout_ms, |ctx| call_host(&ctx, request))
    }

    /// Whether an expression compiles: `None`, or JSONata's error (code, message, position).
    pub fn check(&mut self, expression: &str) -> Option<Value> {
        let text = self.js.context.with(|ctx| -> Result<String, String> {
            let host: rquickjs::Object = ctx.globals().get("__aslJsonata").map_err(|e| e.to_string())?;
            let check: Function = host.get("check").map_err(|e| e.to_string())?;
            check.call((expression,)).catch(&ctx).map_err(|e| e.to_string())
        });
        text.ok().and_then(|t| serde_json::from_str::<Value>(&t).ok()).filter(|v| !v.is_null())
    }
}

impl asl::host::Evaluator for Jsonata {
    fn evaluate(&mut self, request: &EvalRequest) -> Vec<Evaluated> {
        let answer = self.evaluate_text(request.to_host_json().to_string());
        request.answers_from_host(answer.as_deref().map_err(String::as_str))
    }
}

/// Calls `__aslJsonata.evaluate` and runs QuickJS's jobs until its promise settles.
fn call_host(ctx: &Ctx<'_>, request: String) -> Result<String, String> {
    let host: rquickjs::Object = ctx.globals().get("__aslJsonata").map_err(|e| e.to_string())?;
    let evaluate: Function = host.get("evaluate").map_err(|e| e.to_string())?;
    let promise: Promise = evaluate.call((request,)).catch(ctx).map_err(|_| timed_out())?;
    match promise.finish::<String>() {
        Ok(text) => Ok(text),
        Err(_) => {
            let _ = ctx.catch();
            Err(timed_out())
        }
    }
}

fn timed_out() -> String {
    "the expression did not finish in time (a non-terminating recursion?)".to_string()
}

/// Starts QuickJS and loads JSONata only when the first expression comes: most runs of a
/// JSONPath machine never need it.
pub struct LazyJsonata {
    timeout_ms: u64,
    started: Option<Result<Jsonata, String>>,
}

impl LazyJsonata {
    pub fn new(timeout_ms: u64) -> LazyJsonata {
        LazyJsonata { timeout_ms, started: None }
    }
}

impl asl::host::Evaluator for LazyJsonata {
    fn evaluate(&mut self, request: &EvalRequest) -> Vec<Evaluated> {
        let timeout_ms = self.timeout_ms;
        match self.started.get_or_insert_with(|| Jsonata::new(timeout_ms)) {
            Ok(j) => j.evaluate(request),
            Err(e) => request.answers_from_host(Err(e)),
        }
    }
}
