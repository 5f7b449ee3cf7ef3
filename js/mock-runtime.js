// The JavaScript side of ASL Playground's mock API, shared by the browser sandbox and the
// `asl` command's embedded QuickJS so the two cannot drift apart.
//
// A mock is an ES module whose default export is `async function (event, context)`. What it
// returns is the task's result (for a Lambda function, its payload); what it throws is the
// task's error: the thrown error's `name` is the ASL error name (so `Payment.InvalidCard` can be
// caught by a Catch) and its `message` the cause.
//
// `globalThis.__aslRunMock(fn, event, info)` runs one invocation and always resolves with a
// plain JSON-safe object:
//   {ok: true, value, latencyMs}                 the mock returned
//   {ok: false, error, cause, latencyMs}          the mock threw, or returned something unusable
//   {waitForCallback: true, latencyMs}            a callback task's mock left the answer to a person
(function (global) {
  'use strict';

  /** An error with an ASL error name, for `throw context.error('Payment.InvalidCard', '...')`. */
  function namedError(name, message) {
    const e = new Error(message === undefined ? '' : String(message));
    e.name = String(name);
    return e;
  }

  function describeThrown(thrown) {
    if (thrown !== null && typeof thrown === 'object') {
      const name = typeof thrown.name === 'string' && thrown.name ? thrown.name : 'Error';
      const message = typeof thrown.message === 'string' ? thrown.message : safeStringify(thrown);
      return { error: name, cause: message };
    }
    if (typeof thrown === 'string') return { error: 'Error', cause: thrown };
    return { error: 'Error', cause: safeStringify(thrown) };
  }

  function safeStringify(v) {
    try {
      const s = JSON.stringify(v);
      return s === undefined ? String(v) : s;
    } catch (e) {
      return String(v);
    }
  }

  /** The result as JSON data, or a reason why it cannot be one. */
  function toJson(value) {
    if (value === undefined) return { ok: true, value: null };
    try {
      const text = JSON.stringify(value);
      if (text === undefined) return { ok: true, value: null };
      return { ok: true, value: JSON.parse(text) };
    } catch (e) {
      return { ok: false, reason: 'the mock returned a value that is not JSON data: ' + (e && e.message ? e.message : String(e)) };
    }
  }

  /** What `context.waitForCallback()` returns: a marker no JSON value can be. */
  const WAIT_FOR_CALLBACK = Object.freeze({ waitForCallback: true });

  function makeContext(info, clock) {
    return Object.freeze({
      stateName: info.stateName,
      /** 1 for the first attempt, 2 for the first retry, ... */
      attempt: info.attempt,
      retryCount: info.attempt - 1,
      resource: info.resource,
      taskToken: info.taskToken === undefined ? null : info.taskToken,
      /** The context object ($$) as the task sees it. */
      execution: info.context,
      /** Simulates latency: the task takes `ms` longer in virtual time. Resolves at once. */
      sleep(ms) {
        const n = Number(ms);
        if (Number.isFinite(n) && n > 0) clock.latencyMs += Math.round(n);
        return Promise.resolve();
      },
      /** Builds an error with an ASL error name: `throw context.error('Payment.InvalidCard', 'Card declined')`. */
      error: namedError,
      /**
       * For a callback task: `return context.waitForCallback()` sends no answer, so the
       * execution waits for its task token (in the playground, someone answers it).
       */
      waitForCallback() {
        return WAIT_FOR_CALLBACK;
      },
    });
  }

  global.__aslRunMock = async function (fn, event, info) {
    const clock = { latencyMs: 0 };
    if (typeof fn !== 'function') {
      return { ok: false, error: 'Mock.NotAFunction', cause: 'the mock module must `export default` a function', latencyMs: 0 };
    }
    try {
      const value = await fn(event, makeContext(info, clock));
      if (value === WAIT_FOR_CALLBACK) {
        if (!info.callback) {
          return { ok: false, error: 'Mock.InvalidResult', cause: 'waitForCallback() is for callback tasks (.waitForTaskToken or an activity); this task answers at once', latencyMs: clock.latencyMs };
        }
        return { waitForCallback: true, latencyMs: clock.latencyMs };
      }
      const json = toJson(value);
      if (!json.ok) return { ok: false, error: 'Mock.InvalidResult', cause: json.reason, latencyMs: clock.latencyMs };
      return { ok: true, value: json.value, latencyMs: clock.latencyMs };
    } catch (thrown) {
      const d = describeThrown(thrown);
      return { ok: false, error: d.error, cause: d.cause, latencyMs: clock.latencyMs };
    }
  };
  global.__aslNamedError = namedError;
})(globalThis);
