// Offline use: once the service worker (js/sw.template.js, registered by js/offline.js) has
// taken the page, the playground opens with no network, runs an example it had not opened yet,
// and opens a share link. The server's request log proves nothing reached it meanwhile (the
// browser's offline switch does not stop a service worker's own fetches everywhere).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, run, toEnd, chooseExample, setModel, modelText } from './helpers.mjs';

const INPUT = 'file:///input.json';
const FIRST = JSON.parse(readFileSync(new URL('../examples/index.json', import.meta.url), 'utf8'))[0];
const OTHER = 'order-workflow';
const expected = JSON.parse(readFileSync(new URL(`../examples/${OTHER}/expected.json`, import.meta.url), 'utf8'));

/** Waits until a service worker is active and controls the page. */
async function controlled(page) {
  await page.evaluate(() => window.aslOffline.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Waits until the page shows a graph and the editor holds a definition (as open() does). */
async function loaded(page) {
  await expect(page.locator('.graph-svg')).toBeVisible();
  await page.waitForFunction(() => {
    const m = window.monaco;
    const model = m && m.editor.getEditors().length > 0 && m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
    return model && model.getValue().length > 0;
  });
}

/** A state drawn on the graph. */
function state(page, name) {
  return page.locator(`.graph-svg [data-state="${name}"]`);
}

/** What the server's log holds (read outside the browser, which is offline). */
async function requests(page) {
  return (await page.request.get('/__requests')).json();
}

test('offline, the playground opens, runs an example and opens a share link', async ({ page, context }) => {
  expect(OTHER).not.toBe(FIRST);
  const errors = await open(page);
  await controlled(page);

  // A share link made online, with an input of its own (choosing another example below
  // replaces the input, so only the link can bring it back).
  await setModel(page, INPUT, '{\n  "offline": "from the link"\n}\n');
  await page.locator('button.share').click();
  await expect(page.locator('.share-link')).toHaveValue(/#v1\./);
  const link = await page.locator('.share-link').inputValue();
  await page.locator('.share-panel button[title="Close"]').click();

  const logged = (await requests(page)).length;
  await context.setOffline(true);

  await page.reload();
  await loaded(page);
  await chooseExample(page, OTHER);
  await run(page);
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText(expected.status);
  // The mocks answered (in the sandbox, from the cache): the order went the happy way.
  for (const name of expected.visited) await expect(state(page, name)).not.toHaveClass(/idle/);
  for (const name of expected.not_visited) await expect(state(page, name)).toHaveClass(/idle/);

  // The share link, in a new tab of the same browser.
  const other = await context.newPage();
  await other.goto(link);
  await loaded(other);
  await expect(other.locator('.notice')).toContainText('Opened a shared workflow');
  await expect.poll(() => modelText(other, INPUT)).toContain('from the link');

  // Nothing reached the server but the browser's own check for a new sw.js (and the log's
  // readings): the page, the app, Monaco, the example and the sandbox all came from the cache.
  const asked = (await requests(page)).slice(logged).filter((p) => p !== '/__requests' && p !== '/sw.js');
  expect(asked).toEqual([]);
  expect(errors).toEqual([]);
});

test('a new version is announced and runs from the next visit, never in the middle of work', async ({ page, context }) => {
  await open(page);
  await controlled(page);
  await setModel(page, INPUT, '{\n  "mine": "unsaved work"\n}\n');
  // A new version is deployed; the page's service worker finds it on its next check.
  await page.request.get('/__deploy');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect(page.locator('.notice')).toContainText('A new version of the playground is ready');
  // Nothing changed under the person's hands: the page and its work are as they were.
  expect(await modelText(page, INPUT)).toBe('{\n  "mine": "unsaved work"\n}\n');
  expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting)).toBe(true);
  // The next time the page is opened, the new version runs: nothing waits any more, and the
  // work is still there.
  await page.waitForTimeout(600);
  await page.close();
  const next = await context.newPage();
  await next.goto('/');
  await loaded(next);
  await expect.poll(() => next.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return !r.waiting && !!r.active && r.active.state === 'activated';
  })).toBe(true);
  await expect(next.locator('.notice', { hasText: 'A new version' })).toHaveCount(0);
  expect(await modelText(next, INPUT)).toBe('{\n  "mine": "unsaved work"\n}\n');
});
