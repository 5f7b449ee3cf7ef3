//! The Monaco editor, through the small JavaScript glue in `js/monaco-glue.js`: one editor, one
//! model per tab (definition, input, each mock), the engine's diagnostics as markers, and the
//! cursor tied to the graph.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::analysis::StateSpan;
use crate::store::{Action, Store, Tab};

/// The ASL schema (completion and hover), served beside the app: it stays out of the wasm.
const SCHEMA_URL: &str = "asl.schema.json";
const MOCK_TYPES: &str = include_str!("mock-api.d.ts");
pub const DEFINITION_URI: &str = "file:///definition.asl.json";
pub const INPUT_URI: &str = "file:///input.json";

#[wasm_bindgen(module = "/js/jsonata-editor.js")]
extern "C" {
    /// Completion inside `{% %}` and syntax checks (in the sandbox) for a model's JSONata.
    #[wasm_bindgen(js_name = watchDefinition)]
    fn watch_jsonata(uri: &str);
}

#[wasm_bindgen(module = "/js/monaco-glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = createEditor)]
    fn create_editor(container: &web_sys::HtmlElement, on_run: &Closure<dyn FnMut()>) -> js_sys::Promise;
    #[wasm_bindgen(js_name = onModelChange)]
    fn on_model_change(callback: &Closure<dyn FnMut(String, String)>);
    #[wasm_bindgen(js_name = onCursorMove)]
    fn on_cursor_move(callback: &Closure<dyn FnMut(String, u32)>);
    #[wasm_bindgen(js_name = openModel)]
    fn open_model(editor: &JsValue, uri: &str, language: &str, value: &str, extra: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = setModelValue)]
    fn set_model_value(uri: &str, language: &str, value: &str, extra: &JsValue, only_if_open: bool) -> js_sys::Promise;
    #[wasm_bindgen(js_name = setMarkers)]
    fn set_markers(uri: &str, owner: &str, markers: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = setModelLanguage)]
    fn set_model_language(uri: &str, language: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = replaceText)]
    fn replace_text(uri: &str, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = undoModel)]
    fn undo_model(uri: &str, redo: bool) -> js_sys::Promise;
    #[wasm_bindgen(js_name = reveal)]
    fn reveal_js(editor: &JsValue, line: u32, column: u32, end_line: u32, end_column: u32);
}

/// Gives the definition's model a text made in design mode: one undoable step, the editor
/// scrolled to what changed (the store already holds the text).
pub fn replace_definition(text: &str) {
    let _ = replace_text(DEFINITION_URI, text);
}

/// Undoes (or redoes) the definition's last edit, made in either mode; the model's change
/// reaches the store as an edit does.
pub fn undo_definition(redo: bool) {
    let _ = undo_model(DEFINITION_URI, redo);
}

/// The model URI of a mock: its name, with `:` (as in `sqs:sendMessage`) written as `.`.
pub fn mock_uri(key: &str) -> String {
    format!("file:///mocks/{}.js", key.replace(':', "."))
}

/// The model URI of the workspace's MockConfigFile.
const MOCK_CONFIG_URI: &str = "file:///mocks/MockConfigFile.json";
/// The model URI of the workspace's test suite.
const TESTS_URI: &str = "file:///tests.yaml";

/// The model URI of an S3 object of the Files tab.
pub fn file_uri(path: &str) -> String {
    format!("file:///s3/{path}")
}

fn language_of(tab: &Tab) -> &'static str {
    match tab {
        Tab::Mock(_) => "javascript",
        Tab::File(path) => file_language(path),
        Tab::Tests => "yaml",
        _ => "json",
    }
}

/// Monaco's language for an S3 object, by its extension (CSV, JSON Lines and text are plain).
fn file_language(path: &str) -> &'static str {
    if path.ends_with(".json") { "json" } else { "plaintext" }
}

fn uri_of(tab: &Tab) -> String {
    match tab {
        Tab::Definition => DEFINITION_URI.into(),
        Tab::Input => INPUT_URI.into(),
        Tab::Mock(k) => mock_uri(k),
        Tab::File(p) => file_uri(p),
        Tab::MockConfig => MOCK_CONFIG_URI.into(),
        Tab::Tests => TESTS_URI.into(),
    }
}

fn extra_for(tab: &Tab) -> JsValue {
    let extra = js_sys::Object::new();
    match tab {
        Tab::Definition => {
            let _ = js_sys::Reflect::set(&extra, &"schemaUrl".into(), &SCHEMA_URL.into());
        }
        Tab::Mock(_) => {
            let _ = js_sys::Reflect::set(&extra, &"types".into(), &MOCK_TYPES.into());
        }
        Tab::Input | Tab::File(_) | Tab::MockConfig | Tab::Tests => {}
    }
    extra.into()
}

/// The text a tab shows, from the workspace.
fn text_of(store: &Store, tab: &Tab) -> String {
    store.workspace.with_untracked(|w| match tab {
        Tab::Definition => w.definition.clone(),
        Tab::Input => w.input.clone(),
        Tab::Mock(k) => w.mocks.get(k).cloned().unwrap_or_default(),
        Tab::MockConfig => w.mock_config.clone().unwrap_or_default(),
        Tab::Tests => w.tests.clone().unwrap_or_default(),
        // The workspace's object, else the one the last run wrote.
        Tab::File(p) => w.files.get(p).cloned().unwrap_or_else(|| {
            store
                .run
                .with_untracked(|r| {
                    r.result().and_then(|r| r.written.iter().find(|(k, _)| k == p).map(|(_, t)| t.clone()))
                })
                .unwrap_or_default()
        }),
    })
}

/// Moves the editor to a state of the definition (from a click on the graph).
pub fn reveal(store: Store, editor: StoredValue<Option<JsValue>, LocalStorage>, span: &StateSpan) {
    store.apply(Action::OpenTab(Tab::Definition));
    let (l, c, el, ec) = (span.line as u32, span.column as u32, span.end_line as u32, span.end_column as u32);
    leptos::task::spawn_local(async move {
        let Some(ed) = editor.get_value() else { return };
        let _ = JsFuture::from(open_model(
            &ed,
            DEFINITION_URI,
            "json",
            &text_of(&store, &Tab::Definition),
            &extra_for(&Tab::Definition),
        ))
        .await;
        reveal_js(&ed, l, c, el, ec);
    });
}

/// The editor pane. `editor` receives the Monaco editor once it exists.
#[component]
pub fn EditorPane(
    store: Store,
    editor: StoredValue<Option<JsValue>, LocalStorage>,
    on_run: Callback<()>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let ready = RwSignal::new(false);

    // Create the editor once its container is in the page.
    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        if editor.with_value(|e| e.is_some()) {
            return;
        }
        let run = Closure::<dyn FnMut()>::new(move || on_run.run(()));
        let changed = Closure::<dyn FnMut(String, String)>::new(move |uri: String, text: String| {
            if uri == DEFINITION_URI {
                store.apply(Action::EditDefinition(text));
            } else if uri == INPUT_URI {
                store.apply(Action::EditInput(text));
            } else if uri == MOCK_CONFIG_URI {
                store.apply(Action::EditMockConfig(Some(text)));
            } else if uri == TESTS_URI {
                store.apply(Action::EditTests(text));
            } else if let Some(path) = uri.strip_prefix("file:///s3/") {
                // Editing an object the run wrote makes it the workspace's own.
                store.apply(Action::EditFile(path.to_string(), text));
            } else {
                let key = store.workspace.with_untracked(|w| w.mocks.keys().find(|k| mock_uri(k) == uri).cloned());
                if let Some(key) = key {
                    store.apply(Action::EditMock(key, text));
                }
            }
        });
        let moved = Closure::<dyn FnMut(String, u32)>::new(move |uri: String, offset: u32| {
            if uri != DEFINITION_URI {
                return;
            }
            let name = store.analysis.with_untracked(|a| a.state_at(offset as usize).map(|s| s.name.clone()));
            if name.is_some() && name != store.selected.get_untracked() {
                store.apply(Action::Select(name));
            }
        });
        on_model_change(&changed);
        on_cursor_move(&moved);
        let promise = create_editor(&el, &run);
        // The editor lives as long as the page, and so do its callbacks.
        run.forget();
        changed.forget();
        moved.forget();
        leptos::task::spawn_local(async move {
            if let Ok(ed) = JsFuture::from(promise).await {
                editor.set_value(Some(ed));
                ready.set(true);
            }
        });
    });

    // Show the open tab's model.
    Effect::new(move |_| {
        let tab = store.tab.get();
        if !ready.get() {
            return;
        }
        let Some(ed) = editor.get_value() else { return };
        let text = text_of(&store, &tab);
        let _ = open_model(&ed, &uri_of(&tab), language_of(&tab), &text, &extra_for(&tab));
    });

    // Text replaced from outside (an example, a restored workspace): update every model.
    Effect::new(move |_| {
        store.revision.get();
        if !ready.get() {
            return;
        }
        let w = store.workspace.get_untracked();
        let definition = set_model_value(DEFINITION_URI, "json", &w.definition, &extra_for(&Tab::Definition), false);
        // Once the definition's model exists, its JSONata gets completion and syntax checks.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(definition).await;
            watch_jsonata(DEFINITION_URI);
        });
        let _ = set_model_value(INPUT_URI, "json", &w.input, &JsValue::UNDEFINED, false);
        // Mocks and files get their models when their tabs first open (see setModelValue).
        for (k, v) in &w.mocks {
            let _ = set_model_value(&mock_uri(k), "javascript", v, &extra_for(&Tab::Mock(k.clone())), true);
        }
        for (p, v) in &w.files {
            let _ = set_model_value(&file_uri(p), file_language(p), v, &JsValue::UNDEFINED, true);
        }
        if let Some(config) = &w.mock_config {
            let _ = set_model_value(MOCK_CONFIG_URI, "json", config, &JsValue::UNDEFINED, true);
        }
        // (A workspace without tests empties the model another workspace's tests left.)
        let tests = w.tests.as_deref().unwrap_or_default();
        let _ = set_model_value(TESTS_URI, "yaml", tests, &JsValue::UNDEFINED, true);
    });

    // The definition is JSON or YAML, as its text is written.
    Effect::new(move |_| {
        let format = store.analysis.with(|a| a.format);
        // (Again after the text is replaced: the model may only just exist.)
        store.revision.get();
        if !ready.get() {
            return;
        }
        let language = if format == asl::source::Format::Yaml { "yaml" } else { "json" };
        let _ = set_model_language(DEFINITION_URI, language);
    });

    // The engine's diagnostics as markers on the definition.
    Effect::new(move |_| {
        let analysis = store.analysis.get();
        if !ready.get() {
            return;
        }
        let markers = js_sys::Array::new();
        for p in &analysis.problems {
            let m = js_sys::Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = js_sys::Reflect::set(&m, &k.into(), &v);
            };
            set("line", (p.line as u32).into());
            set("column", (p.column as u32).into());
            set("endLine", (p.end_line as u32).into());
            set("endColumn", (p.end_column as u32).into());
            set("message", p.message.clone().into());
            set("code", p.code.into());
            set("severity", if p.error { "error" } else { "warning" }.into());
            markers.push(&m);
        }
        let _ = set_markers(DEFINITION_URI, "asl", &markers);
    });

    view! {
        <div class="editor-host" node_ref=container>
            <Show when=move || !ready.get()>
                <div class="editor-loading">"Loading the editor…"</div>
            </Show>
        </div>
    }
}
