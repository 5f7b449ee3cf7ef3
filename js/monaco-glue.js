// The playground's bridge to the Monaco editor: a few small functions the Rust app calls through
// wasm-bindgen. One editor shows one model per tab (the definition, the input, each mock), so
// every tab keeps its own undo history. Monaco is loaded after the first paint (see index.html):
// everything that needs it awaits `window.monacoReady` first.

const monaco = () => window.monacoReady;
let changeListener = null;
let cursorListener = null;
let editorRef = null;

let jsonConfigured = null;
/** Gives the definition model the ASL schema (served beside the app, fetched once). */
function configureJson(m, schemaUrl, modelUri) {
  if (!jsonConfigured) jsonConfigured = fetchSchema(m, schemaUrl, modelUri);
  return jsonConfigured;
}

async function fetchSchema(m, schemaUrl, modelUri) {
  let schema;
  try {
    schema = await (await fetch(schemaUrl)).json();
  } catch (e) {
    // Without the schema the editor still works; only completion and hover are missing.
    console.warn('the ASL schema did not load:', e);
    return;
  }
  m.json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    // The engine reports the definition's problems itself (with AWS's codes); the schema gives
    // completion and hover, so its own warnings stay quiet.
    schemaValidation: 'ignore',
    schemas: [{ uri: 'https://asl-playground.invalid/asl.schema.json', fileMatch: [modelUri], schema }],
  });
}

let typesConfigured = false;
function configureJavaScript(m, types) {
  if (typesConfigured || !types) return;
  typesConfigured = true;
  const js = m.typescript.javascriptDefaults;
  js.setCompilerOptions({
    target: m.typescript.ScriptTarget.ES2020,
    module: m.typescript.ModuleKind.ESNext,
    allowNonTsExtensions: true,
    checkJs: true,
  });
  js.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  js.addExtraLib(types, 'file:///asl-mock-api.d.ts');
}

/** Monaco's theme follows the page's (`data-theme` on the root, set by index.html and the toggle). */
function followTheme(m) {
  const root = document.documentElement;
  const apply = () => m.editor.setTheme(root.getAttribute('data-theme') === 'dark' ? 'vs-dark' : 'vs');
  apply();
  new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
}

// Whether the last key pressed anywhere was Tab: the editor was then reached from the keyboard.
let arrivedByTab = false;
window.addEventListener('keydown', (e) => { arrivedByTab = e.key === 'Tab'; }, true);

/**
 * Someone moving through the page with Tab passes through the editor instead of being kept in
 * it (Tab would indent): reached by Tab, Tab moves on; once they type, Tab indents again.
 */
function letTabPassThrough(m, editor) {
  editor.onDidFocusEditorText(() => editor.updateOptions({ tabFocusMode: arrivedByTab }));
  editor.onKeyDown((e) => {
    if (e.keyCode !== m.KeyCode.Tab && e.keyCode !== m.KeyCode.Shift) editor.updateOptions({ tabFocusMode: false });
  });
}

/** Creates the editor in `container`; `onRun` is called on Ctrl/Cmd+Enter. */
export async function createEditor(container, onRun) {
  const m = await monaco();
  const editor = m.editor.create(container, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    // The last line's number in full colour: dimmed, it is too faint to read (WCAG contrast).
    renderFinalNewline: 'on',
    fontSize: 13,
    scrollBeyondLastLine: false,
    tabSize: 2,
    fixedOverflowWidgets: true,
    // Long lines wrap. Without wrapping, a paste that ends on a very long line (a minified
    // definition) scrolls tens of thousands of pixels to the right to show the cursor, past what
    // Monaco draws of the line, and every line is then blank; and a phone never scrolls sideways.
    wordWrap: 'on',
  });
  followTheme(m);
  letTabPassThrough(m, editor);
  editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, () => onRun());
  editor.onDidChangeCursorPosition((e) => {
    if (e.source === 'api' || !cursorListener) return;
    const model = editor.getModel();
    if (model) cursorListener(model.uri.toString(), model.getOffsetAt(e.position));
  });
  editorRef = editor;
  return editor;
}

/** Calls `callback(uri, text)` after every edit of any model. */
export function onModelChange(callback) {
  changeListener = callback;
}

/** Calls `callback(uri, offset)` when the person moves the cursor (UTF-16 offset). */
export function onCursorMove(callback) {
  cursorListener = callback;
}

async function modelFor(uri, language, value, extra) {
  const m = await monaco();
  if (language === 'json' && extra && extra.schemaUrl) await configureJson(m, extra.schemaUrl, uri);
  if (language === 'javascript' && extra && extra.types) configureJavaScript(m, extra.types);
  const u = m.Uri.parse(uri);
  let model = m.editor.getModel(u);
  if (!model) {
    model = m.editor.createModel(value, language, u);
    model.onDidChangeContent(() => {
      if (changeListener) changeListener(uri, model.getValue());
    });
  }
  return model;
}

/**
 * Shows the model at `uri` in the editor, creating it with `value` if it is new. `extra` may
 * carry `schemaUrl` (a JSON Schema to fetch) or `types` (JavaScript declarations).
 */
export async function openModel(editor, uri, language, value, extra) {
  const model = await modelFor(uri, language, value, extra);
  if (editor.getModel() !== model) editor.setModel(model);
}

/**
 * Replaces a model's text from outside the editor (an example, a restored workspace). With
 * `onlyIfOpen`, a model not created yet stays uncreated (it gets the text when its tab first
 * opens): a mock's JavaScript model would start the TypeScript worker, megabytes a visit that
 * never opens a mock should not load.
 */
export async function setModelValue(uri, language, value, extra, onlyIfOpen) {
  if (onlyIfOpen) {
    const m = await monaco();
    if (!m.editor.getModel(m.Uri.parse(uri))) return;
  }
  const model = await modelFor(uri, language, value, extra);
  if (model.getValue() === value) return;
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
}

/** Sets the language of the model at `uri` (the definition: JSON or YAML), if it exists. */
export async function setModelLanguage(uri, language) {
  const m = await monaco();
  const model = m.editor.getModel(m.Uri.parse(uri));
  if (model && model.getLanguageId() !== language) m.editor.setModelLanguage(model, language);
}

/**
 * Shows diagnostics on the model at `uri`: a list of
 * {line, column, endLine, endColumn, message, code, severity: 'error'|'warning'}.
 */
export async function setMarkers(uri, owner, markers) {
  const m = await monaco();
  const model = m.editor.getModel(m.Uri.parse(uri));
  if (!model) return;
  const severity = { error: m.MarkerSeverity.Error, warning: m.MarkerSeverity.Warning };
  m.editor.setModelMarkers(
    model,
    owner,
    markers.map((d) => ({
      startLineNumber: d.line,
      startColumn: d.column,
      endLineNumber: d.endLine,
      endColumn: d.endColumn,
      message: d.message,
      code: d.code,
      severity: severity[d.severity] || m.MarkerSeverity.Info,
    })),
  );
}

/** Selects a range of the shown model and scrolls to it. */
export function reveal(editor, line, column, endLine, endColumn) {
  const range = { startLineNumber: line, startColumn: column, endLineNumber: endLine, endColumn: endColumn };
  editor.setSelection(range);
  editor.revealRangeInCenterIfOutsideViewport(range);
  editor.focus();
}

/** The editor, for tests that drive it. */
export function currentEditor() {
  return editorRef;
}

/**
 * A design-mode edit of the model at `uri`: the smallest replacement that gives `text`, as one
 * step of the model's undo history (so Ctrl/Cmd+Z undoes it in either mode), and the editor
 * scrolled to it when it shows that model. Nothing happens before the model exists: it is
 * created with the workspace's text when the editor first opens.
 */
export async function replaceText(uri, text) {
  const m = await monaco();
  const model = m.editor.getModel(m.Uri.parse(uri));
  if (!model) return;
  const old = model.getValue();
  if (old === text) return;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let end = 0;
  while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
  const range = m.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(old.length - end));
  model.pushStackElement();
  model.pushEditOperations([], [{ range, text: text.slice(start, text.length - end) }], () => null);
  model.pushStackElement();
  if (editorRef && editorRef.getModel() === model) {
    const shown = m.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(start + text.length - end - start));
    editorRef.revealRangeInCenterIfOutsideViewport(shown);
  }
}

/** Undoes (or, with `redo`, redoes) the last edit of the model at `uri`, whichever mode made it. */
export async function undoModel(uri, redo) {
  const m = await monaco();
  const model = m.editor.getModel(m.Uri.parse(uri));
  if (model) await (redo ? model.redo() : model.undo());
}
