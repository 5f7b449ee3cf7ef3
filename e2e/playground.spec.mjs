// The playground as people use it: open, read the graph, run, watch, inspect.
import { test, expect } from '@playwright/test';
import { open, run, toEnd, shot, setModel, chooseInput } from './helpers.mjs';

test('opens on the transaction example with its graph and no console error', async ({ page }) => {
  const errors = await open(page);
  await expect(page.locator('select[aria-label="Example"]')).toHaveValue('transaction');
  for (const state of ['processTransaction', 'TransactionPurchase', 'TransactionRefund']) {
    await expect(page.locator(`.node[data-state="${state}"]`)).toBeVisible();
  }
  await expect(page.locator('.edge.choice')).toHaveCount(2);
  await expect(page.locator('.no-problems')).toBeVisible();
  await shot(page, 'transaction-opened');
  expect(errors).toEqual([]);
});

for (const [preset, lambda, message] of [
  ['purchase', 'TransactionPurchase', 'Purchase processed successfully'],
  ['refund', 'TransactionRefund', 'Refund processed successfully'],
]) {
  test(`running ${preset} ends in ${lambda} with the mock's output`, async ({ page }) => {
    await open(page);
    await chooseInput(page, 'transaction', preset);
    await run(page);
    await toEnd(page);
    await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
    await expect(page.locator(`.node[data-state="${lambda}"]`)).toHaveClass(/succeeded/);
    const other = lambda === 'TransactionPurchase' ? 'TransactionRefund' : 'TransactionPurchase';
    await expect(page.locator(`.node[data-state="${other}"]`)).toHaveClass(/idle/);
    await expect(page.locator('.outcome')).toContainText(message);
    await shot(page, `transaction-${preset}`);
  });
}

test('Ctrl+Enter runs, and the playback steps through the events', async ({ page }) => {
  await open(page);
  await page.locator('.node[data-state="processTransaction"]').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await page.locator('button[title="Play or pause (space)"]').click();
  await page.locator('button[title="Restart"]').click();
  await expect(page.locator('.position')).toHaveText('1 / 9');
  await page.locator('button[title="Step forward (→)"]').click();
  await page.locator('button[title="Step forward (→)"]').click();
  await expect(page.locator('.position')).toHaveText('3 / 9');
  await expect(page.locator('.node[data-state="processTransaction"]')).toHaveClass(/succeeded/);
  await expect(page.locator('.events tr.current')).toContainText('ChoiceStateExited');
  await page.locator('button[title="Step back (←)"]').click();
  await expect(page.locator('.node[data-state="processTransaction"]')).toHaveClass(/active/);
  // The event table moves the playback too.
  await page.locator('.events tr', { hasText: 'LambdaFunctionSucceeded' }).click();
  await expect(page.locator('.position')).toHaveText('7 / 9');
  await expect(page.locator('.inspector h3')).toHaveText('TransactionPurchase');
});

test('the definition editor completes ASL fields from the schema', async ({ page }) => {
  await open(page);
  const items = await page.evaluate(async () => {
    const m = window.monaco;
    const model = m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
    const text = model.getValue();
    const at = model.getPositionAt(text.indexOf('"Type": "Task"') + '"Type": "Task",'.length);
    const ed = m.editor.getEditors()[0];
    ed.setPosition(at);
    // The JSON worker may still be loading the schema on a busy machine: ask again until the
    // list holds schema fields, not just words from the document.
    let rows = [];
    for (let i = 0; i < 100; i++) {
      if (i % 10 === 0) ed.trigger('test', 'editor.action.triggerSuggest', {});
      await new Promise((r) => setTimeout(r, 100));
      rows = [...document.querySelectorAll('.suggest-widget .monaco-list-row')].map((r) => r.getAttribute('aria-label') || r.textContent);
      if (rows.join(' ').includes('HeartbeatSeconds')) return rows;
    }
    return rows;
  });
  // Fields of a Task state, from the ASL schema (the list shows its first rows).
  expect(items.join(' ')).toContain('HeartbeatSeconds');
  expect(items.join(' ')).toContain('Catch');
  expect(items.join(' ')).toContain('Credentials');
});

test('a new Task gets a mock tab with a default mock, and runs at once', async ({ page }) => {
  await open(page);
  const text = await page.evaluate(() => window.monaco.editor.getModel(window.monaco.Uri.parse('file:///definition.asl.json')).getValue());
  const definition = JSON.parse(text);
  definition.States.TransactionPurchase.Next = 'Notify';
  delete definition.States.TransactionPurchase.End;
  definition.States.Notify = { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { 'Message.$': '$.Message' }, End: true };
  await page.evaluate((t) => {
    const model = window.monaco.editor.getModel(window.monaco.Uri.parse('file:///definition.asl.json'));
    model.setValue(t);
  }, JSON.stringify(definition, null, 2));
  const tab = page.locator('.tab', { hasText: 'sns:publish.js' });
  await expect(tab).toBeVisible();
  await tab.click();
  await expect.poll(() => page.evaluate(() => window.monaco.editor.getEditors()[0].getModel().getValue())).toContain('export default async function (event, context)');
  await page.locator('button.run').click();
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await page.locator('button[title="Jump to the end"]').click();
  await expect(page.locator('.node[data-state="Notify"]')).toHaveClass(/succeeded/);
});

test('hovering a field of the definition explains it', async ({ page }) => {
  await open(page);
  const hover = await page.evaluate(async () => {
    const m = window.monaco;
    const ed = m.editor.getEditors()[0];
    const model = ed.getModel();
    const at = model.getPositionAt(model.getValue().indexOf('"StartAt"') + 3);
    ed.focus();
    ed.setPosition(at);
    ed.revealPosition(at);
    await new Promise((r) => setTimeout(r, 300));
    ed.trigger('test', 'editor.action.showHover', {});
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const el = document.querySelector('.monaco-hover-content');
      if (el && el.textContent.trim()) return el.textContent;
    }
    return '';
  });
  expect(hover).toContain('The name of the first state');
});

// The service worker's install fetches the app shell too: kept out, so the log counts the page's own requests.
test.describe('what a first visit loads', () => {
  test.use({ serviceWorkers: 'block' });
  test('a first visit preloads its example, draws the graph before the editor loads, and loads the TypeScript worker only when a mock tab opens', async ({ page }) => {
    // When the editor started loading, the graph was already on the page.
    await page.addInitScript(() => {
      window.addEventListener('DOMContentLoaded', () => {
        const seen = new MutationObserver(() => {
          if (document.querySelector('script[src="vs/loader.js"]')) {
            window.graphBeforeEditor = !!document.querySelector('.graph-svg .node');
            seen.disconnect();
          }
        });
        seen.observe(document.head, { childList: true });
      });
    });
    // The server's log holds every test's requests: only this test's count.
    const log = async () => (await page.request.get('/__requests')).json();
    const earlier = (await log()).length;
    const requested = async () => (await log()).slice(earlier);
    // A first visit: this test's browser context is new, with nothing saved.
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto('/');
    await expect(page.locator('.graph-svg .node').first()).toBeVisible();
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
    expect(await page.evaluate(() => window.graphBeforeEditor)).toBe(true);
    // A first visit preloads the first example's files beside the wasm: each is asked for once.
    const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=fetch]')]
      .map((l) => l.getAttribute('href')).filter((h) => h.startsWith('examples/')));
    expect(preloaded).toContain('examples/transaction/definition.asl.json');
    const asked = await requested();
    for (const file of preloaded) expect(asked.filter((p) => p === '/' + file)).toHaveLength(1);
    const tsWorker = (paths) => paths.filter((p) => /assets\/ts\.worker/.test(p));
    await page.waitForTimeout(1500);
    expect(tsWorker(await requested())).toEqual([]);
    await page.locator('.tab', { hasText: 'TransactionPurchase.js' }).click();
    await expect.poll(async () => tsWorker(await requested()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
