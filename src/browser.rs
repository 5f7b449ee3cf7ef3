//! Small bridges to the browser: local storage, timers, and the JavaScript glue modules (the
//! editor's, the mock sandbox's).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const STORAGE_KEY: &str = "asl-playground/workspace/v1";
/// Local work set aside when a shared link replaced it.
const DRAFT_KEY: &str = "asl-playground/draft/v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved workspace (JSON text), if there is one.
pub fn load_saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Saves the workspace; a full or blocked storage loses nothing but the save, and says so
/// (`false`).
pub fn save(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, text).is_ok())
}

/// Remembers a small setting of the person's (the theme) under `key`.
pub fn remember(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// A setting remembered under `key`, if any.
pub fn recall(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// The work a shared link replaced, if any.
pub fn load_draft() -> Option<String> {
    storage()?.get_item(DRAFT_KEY).ok().flatten()
}

pub fn save_draft(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(DRAFT_KEY, text);
    }
}

pub fn clear_draft() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DRAFT_KEY);
    }
}

/// The page's URL fragment (after `#`).
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Drops the fragment from the address bar without reloading: once a link's workspace is open,
/// it lives in local storage, and a reload must not bring the link's version back.
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_else(|_| "/".into());
        let search = w.location().search().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
        }
    }
}

/// The page's address without its fragment, to build links from.
pub fn page_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Copies text to the clipboard.
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else { return false };
    JsFuture::from(w.navigator().clipboard().write_text(text)).await.is_ok()
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    download_blob(name, &blob);
}

/// Offers a blob as a file download named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(a) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&a) {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
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

/// Calls `f` whenever `el` changes size (the window, a panel folding away, a view shown). The
/// observer lives as long as the page: the elements it watches do too.
pub fn on_resize(el: &web_sys::Element, f: impl Fn() + 'static) {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_| f());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(el);
        std::mem::forget(observer);
    }
    callback.forget();
}

#[wasm_bindgen(module = "/js/files.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchTexts)]
    fn fetch_texts_js(paths: js_sys::Array) -> js_sys::Promise;
}

/// Fetches text files served beside the app, together; the error names the first that failed.
pub async fn fetch_texts(paths: &[&str]) -> Result<Vec<String>, String> {
    let array: js_sys::Array = paths.iter().map(|p| JsValue::from_str(p)).collect();
    match JsFuture::from(fetch_texts_js(array)).await {
        Ok(texts) => Ok(js_sys::Array::from(&texts).iter().map(|t| t.as_string().unwrap_or_default()).collect()),
        Err(e) => Err(e
            .dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|_| "the fetch failed".into())),
    }
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

#[wasm_bindgen(module = "/js/sandbox-host.js")]
extern "C" {
    #[wasm_bindgen(js_name = evaluateJsonata)]
    fn evaluate_jsonata_js(request: &str, timeout_ms: u32) -> js_sys::Promise;
}

/// Evaluates a JSONata request (the host script's JSON) in the sandbox: its answer text, or
/// why there is none.
pub async fn evaluate_jsonata(request: &str, timeout_ms: u32) -> Result<String, String> {
    match JsFuture::from(evaluate_jsonata_js(request, timeout_ms)).await {
        Ok(v) => match v.as_string() {
            Some(text) => Ok(text),
            None if js_sys::Reflect::get(&v, &"timedOut".into()).is_ok_and(|t| t.is_truthy()) => Err(format!(
                "the expressions did not finish within {} s (a recursion that never ends?)",
                timeout_ms / 1000
            )),
            None => Err("the JSONata sandbox failed".into()),
        },
        Err(e) => Err(format!("the JSONata sandbox failed: {e:?}")),
    }
}

#[wasm_bindgen(module = "/js/graph-export.js")]
extern "C" {
    #[wasm_bindgen(js_name = standaloneSvg, catch)]
    fn standalone_svg_js(svg: &web_sys::Element) -> Result<String, JsValue>;
    #[wasm_bindgen(js_name = svgToPng)]
    fn svg_to_png_js(text: &str, scale: f64) -> js_sys::Promise;
}

/// The graph drawn on the page as standalone SVG text (all of it, styles written in).
pub fn graph_svg() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let svg = doc.query_selector(".graph-svg").ok()??;
    standalone_svg_js(&svg).ok()
}

/// SVG text drawn into a PNG, `scale` times its size.
pub async fn svg_to_png(text: &str, scale: f64) -> Option<web_sys::Blob> {
    JsFuture::from(svg_to_png_js(text, scale)).await.ok()?.dyn_into().ok()
}

/// Asks the person for a line of text (`None` when they cancel).
pub fn prompt(message: &str, default: &str) -> Option<String> {
    web_sys::window()?.prompt_with_message_and_default(message, default).ok().flatten()
}

/// Asks the person to confirm (false when they decline, or when there is no window).
pub fn confirm(message: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(message).ok()).unwrap_or(false)
}

/// Starts loading the editor (Monaco), if it has not started: a phone waits until an editor is
/// first wanted (index.html's `loadMonaco`).
pub fn load_editor() {
    let Some(w) = web_sys::window() else { return };
    if let Ok(f) = js_sys::Reflect::get(&w, &"loadMonaco".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Tells the page the first graph is on screen: the editor waits for it before loading, so a
/// first visit sees the workflow first (index.html reads the flag if it looks after the event).
/// Takes away the first view's static copy (see scripts/first-view.mjs), if the page has one.
pub fn remove_first_view() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("first-view")) {
        el.remove();
    }
}

pub fn graph_drawn() {
    let Some(w) = web_sys::window() else { return };
    let _ = js_sys::Reflect::set(&w, &"aslGraphDrawn".into(), &JsValue::TRUE);
    if let Ok(event) = web_sys::Event::new("asl-graph-drawn") {
        let _ = w.dispatch_event(&event);
    }
}
