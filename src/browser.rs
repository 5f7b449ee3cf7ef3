//! Small bridges to the browser: local storage, timers, and the JavaScript glue modules (the
//! editor's, the mock sandbox's).

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const STORAGE_KEY: &str = "asl-playground/workspace/v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved workspace (JSON text), if there is one.
pub fn load_saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Saves the workspace; a full or blocked storage loses nothing but the save.
pub fn save(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, text);
    }
}

/// Resolves after `ms` milliseconds, letting the browser paint and handle input meanwhile.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds since the page started, for timing.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

#[wasm_bindgen(module = "/js/sandbox-host.js")]
extern "C" {
    /// Runs a mock module in the sandbox; resolves with the mock runtime's result object, or
    /// `{noAnswer: true}` when the wall-clock guard stopped it.
    #[wasm_bindgen(js_name = invokeMock)]
    fn invoke_mock_js(module: &str, event: &JsValue, info: &JsValue, timeout_ms: u32) -> js_sys::Promise;
}

/// Runs `module` (a mock's source) in the sandbox with `event` and `info` (JSON values).
pub async fn invoke_mock(
    module: &str,
    event: &serde_json::Value,
    info: &serde_json::Value,
    timeout_ms: u32,
) -> serde_json::Value {
    let to_js = |v: &serde_json::Value| js_sys::JSON::parse(&v.to_string()).unwrap_or(JsValue::NULL);
    let promise = invoke_mock_js(module, &to_js(event), &to_js(info), timeout_ms);
    match JsFuture::from(promise).await {
        Ok(v) => js_sys::JSON::stringify(&v)
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Null),
        Err(e) => serde_json::json!({"ok": false, "error": "Mock.SandboxError", "cause": format!("{e:?}")}),
    }
}
