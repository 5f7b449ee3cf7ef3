// The page's side of the mock sandbox. Mocks are untrusted code (a shared link can bring them),
// so they never run on the page: they run in a Web Worker inside an iframe with
// sandbox="allow-scripts" (an opaque origin: no access to this page, its storage or cookies)
// whose Content-Security-Policy forbids network access. This module only passes JSON messages.

let frame = null;
let ready = null;
let runtime = null;
let jsonataSources = null;
// The sandbox keeps JSONata's sources once it has them: a quarter of a megabyte is not worth
// copying into every evaluation's message.
let jsonataSourcesSent = false;
let nextId = 1;
const pending = new Map();

function onMessage(event) {
  if (!frame || event.source !== frame.contentWindow) return;
  const { id, result } = event.data || {};
  const resolve = pending.get(id);
  if (resolve) {
    pending.delete(id);
    resolve(result);
  }
}

function ensureFrame() {
  if (ready) return ready;
  ready = (async () => {
    // The frame's page is fetched here and given as srcdoc: the browser does not let a service
    // worker answer a sandboxed frame's own load, and offline only a fetch from this page can
    // reach the cached copy. srcdoc keeps the sandbox (an opaque origin) and sandbox.html's CSP.
    const [runtimeText, sandboxPage] = await Promise.all(
      ['mock-runtime.js', 'sandbox.html'].map((f) => fetch(f).then((r) => r.text())),
    );
    runtime = runtimeText;
    frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('title', 'mock sandbox');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.display = 'none';
    window.addEventListener('message', onMessage);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = sandboxPage;
    document.body.appendChild(frame);
    await loaded;
  })();
  return ready;
}

/**
 * Evaluates a batch of JSONata expressions in the sandbox (JSONata's reference implementation
 * and the Step Functions functions of `jsonata-host.js`, in a worker of their own). Resolves
 * with the host script's answer text, or `{timedOut: true}` when the guard stopped it.
 * Expressions come from definitions, and a shared link brings definitions: like mocks, they
 * never run on the page.
 */
export function evaluateJsonata(requestJson, timeoutMs) {
  return toJsonataWorker({ evaluate: requestJson }, timeoutMs);
}

/**
 * Checks the syntax of JSONata expressions in the sandbox: one entry per expression, `null` or
 * JSONata's error ({code, message, position, token}).
 */
export async function checkJsonata(expressions) {
  const answer = await toJsonataWorker({ check: expressions }, 3000);
  return Array.isArray(answer) ? answer : expressions.map(() => null);
}

async function toJsonataWorker(work, timeoutMs) {
  await ensureFrame();
  if (!jsonataSources) {
    jsonataSources = (async () => {
      const [library, host] = await Promise.all(
        ['jsonata.js', 'jsonata-host.js'].map((f) => fetch(f).then((r) => r.text())),
      );
      return library + '\n' + host;
    })();
  }
  const sources = jsonataSourcesSent ? null : await jsonataSources;
  jsonataSourcesSent = true;
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    frame.contentWindow.postMessage({ type: 'jsonata', id, sources, work, timeoutMs }, '*');
  });
}

/**
 * Runs one mock invocation in the sandbox. Resolves with the mock runtime's result
 * ({ok, value | error, cause, latencyMs}) or {noAnswer: true} when the wall-clock guard
 * (`timeoutMs` of real time) stopped it.
 */
export async function invokeMock(module, event, info, timeoutMs) {
  await ensureFrame();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    frame.contentWindow.postMessage({ type: 'invoke', id, runtime, module, event, info, timeoutMs }, '*');
  });
}
