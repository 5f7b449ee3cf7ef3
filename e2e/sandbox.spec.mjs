// Mocks are untrusted: they run in a sandboxed worker, cannot reach the page's storage or the
// network, and cannot freeze the page.
import { test, expect } from '@playwright/test';
import { open, setModel, run, toEnd, shot } from './helpers.mjs';

const PURCHASE = 'file:///mocks/TransactionPurchase.js';

test('a mock that never returns ends as States.Timeout and the page stays responsive', async ({ page }) => {
  await open(page);
  await page.locator('.tab', { hasText: 'TransactionPurchase.js' }).click();
  await setModel(page, PURCHASE, 'export default async function () {\n  while (true) {}\n}\n');
  await page.locator('button.run').click();
  // While the mock spins, the page answers at once.
  const started = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(1))));
  await page.locator('.tab', { hasText: 'Input' }).click();
  expect(Date.now() - started).toBeLessThan(1000);
  await expect(page.locator('.run-status')).toHaveText('FAILED', { timeout: 20_000 });
  await toEnd(page);
  await expect(page.locator('.outcome')).toContainText('States.Timeout');
  await expect(page.locator('.node[data-state="TransactionPurchase"]')).toHaveClass(/failed/);
  await shot(page, 'mock-timeout');
});

test('mock code cannot read the page\'s storage or make a network request', async ({ page }) => {
  await open(page);
  await page.evaluate(() => localStorage.setItem('secret', 'do-not-leak'));
  await page.locator('.tab', { hasText: 'TransactionPurchase.js' }).click();
  await setModel(page, PURCHASE, `export default async function () {
  const attempt = async (f) => { try { return 'read: ' + String(await f()); } catch (e) { return 'blocked: ' + e.name; } };
  return {
    storage: await attempt(() => localStorage.getItem('secret')),
    parentStorage: await attempt(() => parent.localStorage.getItem('secret')),
    indexedDb: await attempt(() => new Promise((ok, no) => { const r = indexedDB.open('x'); r.onsuccess = () => ok('opened'); r.onerror = () => no(r.error); })),
    fetch: await attempt(() => fetch('/canary-fetch').then((r) => r.status)),
    absoluteFetch: await attempt(() => fetch(self.location.origin + '/canary-origin').then((r) => r.status)),
    xhr: await attempt(() => new Promise((ok, no) => { const x = new XMLHttpRequest(); x.open('GET', '/canary-xhr'); x.onload = () => ok(x.status); x.onerror = () => no(new Error('network')); x.send(); })),
    importScripts: await attempt(() => importScripts('/canary-script.js')),
  };
}
`);
  await run(page);
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  const output = await page.locator('.outcome .json-body').innerText();
  expect(output).not.toContain('do-not-leak');
  for (const key of ['storage', 'parentStorage', 'indexedDb', 'fetch', 'absoluteFetch', 'xhr', 'importScripts']) {
    expect(output).toMatch(new RegExp(`"${key}": "blocked: `));
  }
  const requested = await (await page.request.get('/__requests')).json();
  expect(requested.filter((p) => p.includes('canary'))).toEqual([]);
  await shot(page, 'sandbox-blocked');
});
