//! JavaScript mock modules, run in an embedded QuickJS with the same mock runtime the
//! playground's sandbox loads (`js/mock-runtime.js`). A mock that runs past the wall-clock
//! guard, or whose promise never settles, gives no answer: the engine then times the task out
//! at its TimeoutSeconds, as AWS would.

use std::path::PathBuf;

use asl::exec::{TaskAnswer, TaskRequest};
use asl::host::Reply;
use asl_cli::quickjs::Guarded;
use rquickjs::{CatchResultExt, Ctx, Function, Module, Persistent, Promise, Value};

const MOCK_RUNTIME: &str = include_str!("../../../../js/mock-runtime.js");
const MEMORY_LIMIT: usize = 256 << 20;
const STACK_LIMIT: usize = 1 << 20;

/// A mock module's source: the key it answers (a resource's mock key or a state's name), the
/// name it is known by in messages (its file, or where a suite wrote it), its JavaScript.
#[derive(Clone, Debug)]
pub struct MockSource {
    pub key: String,
    pub name: String,
    pub source: String,
}

// Fields drop in order: the mocks' functions must go before the QuickJS that holds them.
pub struct JsMocks {
    mocks: Vec<(String, Persistent<Function<'static>>)>,
    js: Guarded,
    timeout_ms: u64,
}

impl JsMocks {
    /// Loads every module file; a module that does not load is an error naming its file.
    pub fn load(files: &[(String, PathBuf)], timeout_ms: u64) -> Result<JsMocks, String> {
        let mut sources = Vec::with_capacity(files.len());
        for (key, path) in files {
            let source =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read the mock '{}': {e}", path.display()))?;
            sources.push(MockSource { key: key.clone(), name: path.display().to_string(), source });
        }
        JsMocks::load_sources(&sources, timeout_ms)
    }

    /// Loads modules given as source text (a test suite's inline mocks); a module that does not
    /// load is an error naming it.
    pub fn load_sources(modules: &[MockSource], timeout_ms: u64) -> Result<JsMocks, String> {
        let js = Guarded::new(MEMORY_LIMIT, STACK_LIMIT)?;
        let mut mocks = Vec::new();
        let loaded: Result<(), String> = js.context.with(|ctx| {
            ctx.eval::<(), _>(MOCK_RUNTIME).catch(&ctx).map_err(|e| format!("the mock runtime failed to load: {e}"))?;
            for m in modules {
                let f = load_module(&ctx, &m.name, m.source.clone())
                    .map_err(|e| format!("the mock '{}' does not load: {e}", m.name))?;
                mocks.push((m.key.clone(), Persistent::save(&ctx, f)));
            }
            Ok(())
        });
        loaded?;
        Ok(JsMocks { mocks, js, timeout_ms })
    }

    /// Runs the mock for `key`, if there is one.
    pub fn answer(&mut self, key: &str, req: &TaskRequest) -> Option<Reply> {
        let f = self.mocks.iter().find(|(k, _)| k == key)?.1.clone();
        let outcome = self.js.with_deadline(self.timeout_ms, |ctx| run_mock(&ctx, f, req));
        Some(match outcome {
            Ok(Some(result)) => Reply::from_mock_result(&result),
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
    let info = ctx.json_parse(req.mock_info().to_string()).map_err(|e| e.to_string())?;
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
