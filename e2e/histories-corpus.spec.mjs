// Every execution history of ../shared/conformance/histories/ (what `aws stepfunctions
// get-execution-history` prints for the executions recorded against AWS) plays back in the
// page: with its case's definition in the editor, the history pasted into the Open panel
// plays with no page error, ends in the recorded outcome (the status the last event says),
// and keeps every event of a type the engine knows. All in one page, one history after the
// other. Skipped when ../shared is not beside the repository.
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, setModel } from './helpers.mjs';

const ROOT = new URL('../../shared/conformance/', import.meta.url).pathname;
const HISTORIES = join(ROOT, 'histories');
const CASES = join(ROOT, 'localstack');
const DEFINITION = 'file:///definition.asl.json';
const files = existsSync(HISTORIES) ? readdirSync(HISTORIES).filter((f) => f.endsWith('.json')).sort() : [];

// The event types the engine reads (crates/asl/src/recorded/events.rs); others are left out.
const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
const OTHER_TYPES = new Set([
  'ExecutionStarted', 'ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted',
  'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskFailed', 'TaskStartFailed',
  'TaskSubmitFailed', 'TaskTimedOut',
  'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'LambdaFunctionFailed',
  'LambdaFunctionStartFailed', 'LambdaFunctionScheduleFailed', 'LambdaFunctionTimedOut',
  'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'ActivityFailed', 'ActivityScheduleFailed',
  'ActivityTimedOut',
  'ParallelStateStarted', 'ParallelStateSucceeded', 'ParallelStateFailed', 'ParallelStateAborted',
  'MapStateStarted', 'MapStateSucceeded', 'MapStateFailed', 'MapStateAborted',
  'MapIterationStarted', 'MapIterationSucceeded', 'MapIterationFailed', 'MapIterationAborted',
  'MapRunStarted', 'MapRunSucceeded', 'MapRunAborted', 'MapRunFailed', 'EvaluationFailed',
]);
function known(type) {
  const state = /^(.*)State(Entered|Exited)$/.exec(type);
  return state ? STATE_TYPES.includes(state[1]) : OTHER_TYPES.has(type);
}

// The status bar's word for the execution's end (src/view/toolbar.rs's status_text).
const ENDINGS = {
  ExecutionSucceeded: 'SUCCEEDED', ExecutionFailed: 'FAILED',
  ExecutionTimedOut: 'TIMED_OUT', ExecutionAborted: 'ABORTED',
};

/** What the page should show for a history: its kept events (one per id, of known types, in
 * id order) and the status their last one says. */
function expected(history) {
  const byId = new Map(history.events.map((e) => [e.id, e]));
  const kept = [...byId.values()].filter((e) => known(e.type)).sort((a, b) => a.id - b.id);
  return { events: kept.length, status: ENDINGS[kept.at(-1)?.type] ?? 'WAITING' };
}

/** Every state's name, nested ones (Map, Parallel) included. */
function stateNames(definition, names = new Set()) {
  for (const [name, state] of Object.entries(definition?.States ?? {})) {
    names.add(name);
    for (const inner of [state.Iterator, state.ItemProcessor, ...(state.Branches ?? [])]) {
      if (inner && typeof inner === 'object') stateNames(inner, names);
    }
  }
  return names;
}

/** Pastes `text` into the Open panel and opens it. The text is set as the textarea's value
 * with an input event, as a paste leaves it: Playwright's fill() types it through Chromium's
 * editing (insertText), which takes ~35 µs a character, half a second for a 14 kB history. */
async function paste(page, text) {
  await page.locator('button.open-file').click();
  await page.locator('.open-panel textarea').evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.locator('.open-panel button', { hasText: 'Open the pasted text' }).click();
}

test('every recorded history of the conformance set plays back to its recorded outcome', async ({ page }) => {
  test.skip(files.length === 0, '../shared/conformance/histories is absent');
  test.setTimeout(900_000);
  const errors = await open(page);
  // Closing the recording asks for a confirmation.
  page.on('dialog', (d) => d.accept());
  const bar = page.locator('.recording-bar');
  const status = page.locator('.run-status');
  const position = page.locator('.controls .position');
  const failures = [];
  const undrawn = [];
  let played = 0;
  const started = Date.now();

  for (const file of files) {
    const text = readFileSync(join(HISTORIES, file), 'utf8');
    const want = expected(JSON.parse(text));
    const { definition } = JSON.parse(readFileSync(join(CASES, file), 'utf8'));
    const errorsBefore = errors.length;

    // The previous recording closed, the case's definition in the editor and on the graph
    // (a few definitions are invalid on purpose: then what is shown will do).
    if (await bar.count()) {
      await bar.getByRole('button', { name: 'Close the recorded execution' }).click();
      await expect(bar).toHaveCount(0);
    }
    await setModel(page, DEFINITION, JSON.stringify(definition, null, 2));
    const names = [...stateNames(definition)];
    const drawn = await page.waitForFunction((names) => {
      const shown = new Set([...document.querySelectorAll('.graph-svg [data-state]')].map((n) => n.dataset.state));
      return shown.size === names.length && names.every((n) => shown.has(n));
    }, names, { timeout: 3_000 }).then(() => true, () => false);
    if (!drawn) undrawn.push(file);

    // Pasted and opened: it plays to its recorded end, every known event kept.
    await paste(page, text);
    try {
      await expect(bar).toHaveCount(1, { timeout: 5_000 });
      await expect(status).toHaveText(want.status, { timeout: 5_000 });
      await expect(position).toHaveText(new RegExp(` / ${want.events}$`), { timeout: 5_000 });
      const refused = page.locator('.notice.error');
      if (await refused.count()) throw new Error(`refused: ${await refused.first().innerText()}`);
      if (errors.length > errorsBefore) throw new Error(`page errors: ${errors.slice(errorsBefore).join(' | ')}`);
      played += 1;
    } catch (e) {
      const shown = `status "${await status.innerText()}", position "${await position.innerText().catch(() => '')}"`;
      failures.push(`${file}: expected ${want.status} with ${want.events} events, shown ${shown}: ${String(e.message ?? e).split('\n')[0]}`);
      // A notice left standing would be blamed on the next file.
      while (await page.locator('.notice .dismiss').count()) await page.locator('.notice .dismiss').first().click();
    }
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`histories played: ${played} of ${files.length} in ${seconds} s`);
  if (undrawn.length) console.log(`definitions not drawn in full (invalid, or drawn otherwise): ${undrawn.length}\n  ${undrawn.join('\n  ')}`);
  if (failures.length) console.log(`failures:\n  ${failures.join('\n  ')}`);
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
});
