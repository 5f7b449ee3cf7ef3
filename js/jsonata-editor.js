// JSONata in the definition editor: inside a "{% ... %}" string, completion offers JSONata's
// functions (with Step Functions' own), `$states` and its fields, and the variables the
// definition assigns; hovering a function or `$states` explains it; and every expression's
// syntax is checked as the person types, each error marked where it is. The checks run in the sandbox like everything else a definition brings.

import { checkJsonata } from './sandbox-host.js';

/** How many of FUNCTIONS (the first ones) are Step Functions' own. */
const STEP_FUNCTIONS_ADDITIONS = 6;

const FUNCTIONS = [
  // Step Functions' additions
  ['partition', '$partition(array, size)', 'Splits an array into chunks of `size` (Step Functions).'],
  ['range', '$range(start, end, step?)', 'The numbers from start to end, end included, by step (Step Functions).'],
  ['hash', '$hash(data, algorithm)', 'Hex digest of a string: MD5, SHA-1, SHA-256, SHA-384 or SHA-512 (Step Functions).'],
  ['random', '$random(seed?)', 'A number in [0, 1); the same for the same seed (Step Functions).'],
  ['uuid', '$uuid()', 'A version 4 UUID (Step Functions).'],
  ['parse', '$parse(json)', 'Reads a JSON string into a value (Step Functions; $eval is not available).'],
  // JSONata's own
  ['string', '$string(value, prettify?)', 'The value as a string (JSON for objects and arrays).'],
  ['length', '$length(str)', 'The number of characters in a string.'],
  ['substring', '$substring(str, start, length?)', 'Part of a string.'],
  ['substringBefore', '$substringBefore(str, chars)', 'The part of a string before the first occurrence of chars.'],
  ['substringAfter', '$substringAfter(str, chars)', 'The part of a string after the first occurrence of chars.'],
  ['uppercase', '$uppercase(str)', 'The string in upper case.'],
  ['lowercase', '$lowercase(str)', 'The string in lower case.'],
  ['trim', '$trim(str)', 'The string with spaces normalised and trimmed.'],
  ['pad', '$pad(str, width, char?)', 'The string padded to width (negative pads on the left).'],
  ['contains', '$contains(str, pattern)', 'Whether the string contains the pattern (a string or a regex).'],
  ['split', '$split(str, separator, limit?)', 'The string split into an array.'],
  ['join', '$join(array, separator?)', 'The strings of an array joined into one.'],
  ['match', '$match(str, pattern, limit?)', 'The regex matches in a string.'],
  ['replace', '$replace(str, pattern, replacement, limit?)', 'The string with matches replaced.'],
  ['base64encode', '$base64encode(str)', 'The string in base64.'],
  ['base64decode', '$base64decode(str)', 'A base64 string decoded.'],
  ['encodeUrlComponent', '$encodeUrlComponent(str)', 'The string encoded for a URL component.'],
  ['encodeUrl', '$encodeUrl(str)', 'The string encoded as a URL.'],
  ['decodeUrlComponent', '$decodeUrlComponent(str)', 'A URL component decoded.'],
  ['decodeUrl', '$decodeUrl(str)', 'A URL decoded.'],
  ['number', '$number(value)', 'The value as a number.'],
  ['abs', '$abs(number)', 'The absolute value.'],
  ['floor', '$floor(number)', 'Rounded down.'],
  ['ceil', '$ceil(number)', 'Rounded up.'],
  ['round', '$round(number, precision?)', 'Rounded (half to even).'],
  ['power', '$power(base, exponent)', 'base to the power of exponent.'],
  ['sqrt', '$sqrt(number)', 'The square root.'],
  ['formatNumber', '$formatNumber(number, picture, options?)', 'The number as a string, by a picture like "#,##0.00".'],
  ['formatBase', '$formatBase(number, radix?)', 'The number as a string in another base.'],
  ['formatInteger', '$formatInteger(number, picture)', 'The integer as a string, by a picture.'],
  ['parseInteger', '$parseInteger(str, picture)', 'A string read as an integer, by a picture.'],
  ['sum', '$sum(array)', 'The sum of an array of numbers.'],
  ['max', '$max(array)', 'The largest number of an array.'],
  ['min', '$min(array)', 'The smallest number of an array.'],
  ['average', '$average(array)', 'The mean of an array of numbers.'],
  ['boolean', '$boolean(value)', 'The value as a Boolean.'],
  ['not', '$not(value)', 'The Boolean negation.'],
  ['exists', '$exists(value)', 'Whether the value is defined.'],
  ['count', '$count(array)', 'The number of items.'],
  ['append', '$append(array1, array2)', 'Two arrays joined.'],
  ['sort', '$sort(array, function?)', 'The array sorted.'],
  ['reverse', '$reverse(array)', 'The array reversed.'],
  ['shuffle', '$shuffle(array)', 'The array in random order.'],
  ['distinct', '$distinct(array)', 'The array without duplicates.'],
  ['zip', '$zip(array1, ...)', 'Arrays combined item by item.'],
  ['keys', '$keys(object)', 'The keys of an object.'],
  ['lookup', '$lookup(object, key)', 'The value of a key.'],
  ['spread', '$spread(object)', 'An object split into one-key objects.'],
  ['merge', '$merge(array)', 'An array of objects merged into one.'],
  ['sift', '$sift(object, function)', 'The key/value pairs a function keeps.'],
  ['each', '$each(object, function)', 'A function applied to every key/value pair.'],
  ['type', '$type(value)', 'The type of a value: "string", "number", "object"...'],
  ['error', '$error(message)', 'Fails the evaluation with a message.'],
  ['assert', '$assert(condition, message)', 'Fails the evaluation when the condition is false.'],
  ['now', '$now(picture?, timezone?)', "The execution's current time as an ISO 8601 string (virtual time here)."],
  ['millis', '$millis()', "The execution's current time in milliseconds since the epoch (virtual time here)."],
  ['fromMillis', '$fromMillis(millis, picture?, timezone?)', 'Milliseconds as a timestamp string.'],
  ['toMillis', '$toMillis(timestamp, picture?)', 'A timestamp string as milliseconds.'],
  ['map', '$map(array, function)', 'A function applied to every item.'],
  ['filter', '$filter(array, function)', 'The items a function keeps.'],
  ['single', '$single(array, function?)', 'The one item that matches.'],
  ['reduce', '$reduce(array, function, init?)', 'The array folded into one value.'],
];

const STATES_FIELDS = [
  ['input', "The state's input."],
  ['result', "The task's (or the branches', the iterations') result: in Output and Assign."],
  ['errorOutput', 'The error ({Error, Cause}): in a Catch\'s Output and Assign.'],
  ['context', 'The context object: Execution, State, StateMachine, Task, Map.'],
];

const CONTEXT_FIELDS = [
  ['Execution', 'Id, Input, Name, RoleArn, StartTime, RedriveCount'],
  ['State', 'EnteredTime, Name, RetryCount'],
  ['StateMachine', 'Id, Name'],
  ['Task', 'Token: the task token, for callbacks'],
  ['Map', 'Item.Index and Item.Value, in an ItemSelector'],
];

/**
 * The "{% ... %}" strings of a JSON text: each expression as the engine sends it (trimmed),
 * with the text offset of each of its characters (escapes make them differ).
 */
export function findExpressions(text) {
  const out = [];
  const strings = /"((?:[^"\\\n]|\\.)*)"/g;
  let m;
  while ((m = strings.exec(text))) {
    const raw = m[1];
    let decoded = '';
    const offsets = [];
    for (let i = 0; i < raw.length; i++) {
      const at = m.index + 1 + i;
      if (raw[i] === '\\') {
        const c = raw[i + 1];
        const escapes = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
        if (c === 'u') {
          decoded += String.fromCharCode(parseInt(raw.substr(i + 2, 4), 16) || 0);
          i += 5;
        } else {
          decoded += escapes[c] ?? c;
          i += 1;
        }
      } else {
        decoded += raw[i];
      }
      offsets.push(at);
    }
    if (decoded.length >= 4 && decoded.startsWith('{%') && decoded.endsWith('%}')) {
      const inner = decoded.slice(2, -2);
      const lead = inner.length - inner.trimStart().length;
      const expression = inner.trim();
      out.push({ expression, offsets: offsets.slice(2 + lead, 2 + lead + expression.length), close: m.index + m[0].length - 3 });
    }
  }
  return out;
}

/** Where a JSONata error points, as a text range: the token that ends at its position. */
function errorRange(found, error) {
  const n = found.offsets.length;
  const position = typeof error.position === 'number' ? error.position : n;
  const tokenLength = error.token ? String(error.token).length : 1;
  const end = Math.min(Math.max(position, 1), n);
  const start = Math.max(0, Math.min(end - tokenLength, n - 1));
  if (n === 0) return [found.close - 2, found.close + 2];
  return [found.offsets[start], found.offsets[end - 1] + 1];
}

/** The variables the definition assigns anywhere (Assign keys), for completion. */
function assignedVariables(text) {
  const names = new Set();
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return names;
  }
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (k === 'Assign' && inner && typeof inner === 'object' && !Array.isArray(inner)) {
          Object.keys(inner).forEach((name) => names.add(name.replace(/\.\$$/, '')));
        }
        walk(inner);
      }
    }
  };
  walk(value);
  return names;
}

/** Whether `offset` is inside a "{% ... %}" string of the text. */
function insideExpression(text, offset) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = before.lastIndexOf('"{%');
  return open >= 0 && !before.slice(open + 3).includes('%}"');
}

function completions(m, model, position, definitionUri) {
  if (model.uri.toString() !== definitionUri) return { suggestions: [] };
  const text = model.getValue();
  const offset = model.getOffsetAt(position);
  if (!insideExpression(text, offset)) return { suggestions: [] };
  const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
  const word = /[A-Za-z0-9_]*$/.exec(line)[0];
  const range = new m.Range(position.lineNumber, position.column - word.length, position.lineNumber, position.column);
  const kind = m.languages.CompletionItemKind;
  const head = line.slice(0, line.length - word.length);
  if (/\$states\.context\.$/.test(head)) {
    return { suggestions: CONTEXT_FIELDS.map(([f, doc]) => ({ label: f, kind: kind.Field, insertText: f, sortText: '0' + f, documentation: doc, range })) };
  }
  if (/\$states\.$/.test(head)) {
    return { suggestions: STATES_FIELDS.map(([f, doc]) => ({ label: f, kind: kind.Field, insertText: f, sortText: '0' + f, documentation: doc, range })) };
  }
  if (!head.endsWith('$')) return { suggestions: [] };
  const suggestions = [
    // $states and the variables first, then Step Functions' functions, then JSONata's.
    { label: '$states', kind: kind.Variable, insertText: 'states', filterText: 'states', sortText: '0', documentation: 'input, result, errorOutput, context', range },
  ];
  for (const name of assignedVariables(text)) {
    suggestions.push({ label: '$' + name, kind: kind.Variable, insertText: name, filterText: name, sortText: '1' + name, detail: 'variable (Assign)', range });
  }
  FUNCTIONS.forEach(([name, signature, doc], i) => {
    suggestions.push({
      sortText: (i < STEP_FUNCTIONS_ADDITIONS ? '2' : '3') + name,
      label: '$' + name,
      kind: kind.Function,
      insertText: name + '($0)',
      insertTextRules: m.languages.CompletionItemInsertTextRule.InsertAsSnippet,
      filterText: name,
      detail: signature,
      documentation: doc,
      range,
    });
  });
  return { suggestions };
}

/** Inside an expression, hovering a function or `$states` explains it. */
function hover(m, model, position, definitionUri) {
  if (model.uri.toString() !== definitionUri) return null;
  if (!insideExpression(model.getValue(), model.getOffsetAt(position))) return null;
  const line = model.getLineContent(position.lineNumber);
  // The `$name` under the cursor.
  const at = position.column - 1;
  let start = at;
  while (start > 0 && /[A-Za-z0-9_]/.test(line[start - 1])) start--;
  let end = at;
  while (end < line.length && /[A-Za-z0-9_]/.test(line[end])) end++;
  if (start === 0 || line[start - 1] !== '$' || start === end) return null;
  const name = line.slice(start, end);
  const range = new m.Range(position.lineNumber, start, position.lineNumber, end + 1);
  if (name === 'states') {
    const fields = STATES_FIELDS.map(([f, doc]) => `- \`${f}\`: ${doc}`).join('\n');
    return { range, contents: [{ value: '**$states**, what Step Functions gives every expression:' }, { value: fields }] };
  }
  const fn = FUNCTIONS.find(([n]) => n === name);
  if (!fn) return null;
  return { range, contents: [{ value: '`' + fn[1] + '`' }, { value: fn[2] }] };
}

let installed = false;
const watched = new WeakSet();

/**
 * Completion and syntax checks for the JSONata of the definition model at `uri` (once the
 * model exists; calling again is harmless).
 */
export async function watchDefinition(uri) {
  const m = await window.monacoReady;
  const model = m.editor.getModel(m.Uri.parse(uri));
  if (!model || watched.has(model)) return;
  watched.add(model);
  installJsonataEditing(m, model, uri);
}

function installJsonataEditing(m, model, definitionUri) {
  if (!installed) {
    installed = true;
    m.languages.registerCompletionItemProvider('json', {
      triggerCharacters: ['$', '.'],
      provideCompletionItems: (mdl, position) => completions(m, mdl, position, definitionUri),
    });
    m.languages.registerHoverProvider('json', {
      provideHover: (mdl, position) => hover(m, mdl, position, definitionUri),
    });
  }
  let timer = null;
  let generation = 0;
  const check = async () => {
    const mine = ++generation;
    const text = model.getValue();
    const found = findExpressions(text);
    const results = found.length ? await checkJsonata(found.map((f) => f.expression)) : [];
    if (mine !== generation || model.isDisposed()) return;
    const markers = [];
    found.forEach((f, i) => {
      const error = results[i];
      if (!error) return;
      const [start, end] = errorRange(f, error);
      const a = model.getPositionAt(start);
      const b = model.getPositionAt(end);
      markers.push({
        startLineNumber: a.lineNumber,
        startColumn: a.column,
        endLineNumber: b.lineNumber,
        endColumn: b.column,
        message: `JSONata: ${error.message}`,
        code: error.code,
        severity: m.MarkerSeverity.Error,
      });
    });
    m.editor.setModelMarkers(model, 'jsonata', markers);
  };
  model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
  check();
}
