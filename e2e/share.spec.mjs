// Share links and files: a round trip in a fresh browser, damaged and old links, presentation
// and embedded views, local work kept as a draft, and files for what is too big for a link.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { open, setModel, modelText, shot, chooseExample } from './helpers.mjs';

const INPUT = 'file:///input.json';
const DEFINITION = 'file:///definition.asl.json';
const V1_LINK = readFileSync(new URL('../src/share/v1-link.txt', import.meta.url), 'utf8').trim();

async function shareLink(page) {
  await page.locator('button.share').click();
  await expect(page.locator('.share-link')).toHaveValue(/#v1\./);
  const link = await page.locator('.share-link').inputValue();
  await page.locator('.share-panel button[title="Close"]').click();
  return link;
}

test('a shared link opens the same workspace in a fresh browser, and runs nothing', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await chooseExample(page, 'order-workflow');
  await setModel(page, INPUT, '{\n  "amount": 77,\n  "sku": "PEN-1",\n  "quantity": 3\n}\n');
  await page.locator('button.share').click();
  await expect(page.locator('.share-panel')).toContainText('Copied to the clipboard');
  const link = await page.locator('.share-link').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await shot(page, 'share-panel');
  // The same link, opening in presentation mode; and the embed snippet points at the embedded view.
  await page.locator('.share-panel input[type="checkbox"]').check();
  await expect(page.locator('.share-link')).toHaveValue(link + '&mode=present');
  await expect(page.locator('.share-embed')).toHaveValue(new RegExp(`^<iframe src="${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}&mode=embed"`));
  await page.locator('.share-panel input[type="checkbox"]').uncheck();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect(other.locator('.notice')).toContainText('Opened a shared workflow');
  await expect.poll(() => modelText(other, INPUT)).toContain('"PEN-1"');
  await expect(other.locator('.node[data-state="Authenticate Payment"]')).toBeVisible();
  await expect(other.locator('.run-status')).toHaveText('');
  expect(new URL(other.url()).hash).toBe('');
  // A fresh browser had no work of its own: nothing is kept, and no draft is offered.
  await expect(other.locator('.notice')).not.toContainText('draft');
  await expect(other.locator('.notice button', { hasText: /bring back|restore/i })).toHaveCount(0);
  // The link's mocks came along.
  await other.locator('.tab', { hasText: 'order-auth-payment.js' }).click();
  await expect.poll(() => other.evaluate(() => window.monaco.editor.getEditors()[0].getModel().getValue())).toContain('Payment.GatewayUnavailable');
  await fresh.close();
});

test('a damaged link says so and changes nothing', async ({ page }) => {
  await open(page);
  await setModel(page, INPUT, '{ "mine": true }\n');
  await page.waitForTimeout(600);
  const cases = [
    ['#v1.bm90IGEgbGluaw', 'damaged'],
    [`#${V1_LINK.slice(0, 200)}`, 'damaged'],
    ['#v9.abc', 'newer version'],
    ['#v1.***', 'damaged'],
  ];
  for (const [bad, message] of cases) {
    await page.goto('/' + bad);
    await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
    await expect(page.locator('.notice.error')).toContainText(message);
    await expect.poll(() => modelText(page, INPUT)).toBe('{ "mine": true }\n');
  }
  await shot(page, 'damaged-link');
});

test('a link made by the first format still opens', async ({ page }) => {
  await open(page);
  await page.goto('/#' + V1_LINK);
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect(page.locator('.notice')).toContainText('Opened a shared workflow');
  await expect(page.locator('.node[data-state="processTransaction"]')).toBeVisible();
});

test('local work is kept as a draft when a link replaces it', async ({ page }) => {
  await open(page);
  const link = await shareLink(page);
  await setModel(page, INPUT, '{ "my": "own work" }\n');
  await page.waitForTimeout(600);
  await page.goto(link);
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect(page.locator('.notice')).toContainText('kept as a draft');
  await expect.poll(() => modelText(page, INPUT)).not.toContain('own work');
  await page.locator('.notice button', { hasText: 'Bring back my previous work' }).click();
  await expect.poll(() => modelText(page, INPUT)).toContain('own work');
});

test('presentation mode from a link, driven from the keyboard', async ({ page }) => {
  await open(page);
  const link = (await shareLink(page)) + '&mode=present';
  await page.goto(link);
  await expect(page.locator('.app.present')).toBeVisible();
  await expect(page.locator('.left')).toBeHidden();
  await expect(page.locator('.node[data-state="processTransaction"]')).toBeVisible();
  await page.locator('button.run').click();
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  // The run plays back by itself to its end; then space plays it again, and pauses it.
  await expect(page.locator('.position')).toHaveText('9 / 9');
  // Space belongs to the page when no control has the focus.
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press(' ');
  await expect(page.locator('.position')).not.toHaveText('9 / 9');
  await page.keyboard.press(' ');
  await page.locator('button[title="Restart"]').click();
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.position')).toHaveText('3 / 9');
  await shot(page, 'presentation');
  await page.keyboard.press('Escape');
  await expect(page.locator('.left')).toBeVisible();
});

test('an embedded link is read-only until the viewer chooses to edit', async ({ page }) => {
  await open(page);
  const link = await shareLink(page);
  await page.goto(link.replace('#v1.', '#v1.') + '&mode=embed');
  await expect(page.locator('.app.embed')).toBeVisible();
  await expect(page.locator('.left')).toBeHidden();
  await expect(page.locator('button.share')).toBeHidden();
  await shot(page, 'embedded');
  await page.locator('button.edit').click();
  await expect(page.locator('.left')).toBeVisible();
});

test('a workspace too big for a link is offered as a file, and files open', async ({ page }) => {
  await open(page);
  const states = {};
  for (let i = 0; i < 400; i++) {
    states[`S${i}`] = { Type: 'Pass', Comment: `state ${i} ${Math.random().toString(36).repeat(4)}`, ...(i < 399 ? { Next: `S${i + 1}` } : { End: true }) };
  }
  await setModel(page, DEFINITION, JSON.stringify({ StartAt: 'S0', States: states }, null, 2));
  await page.locator('button.share').click();
  await expect(page.locator('.too-long')).toContainText('too big for a link');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button', { hasText: 'Download workspace file' }).click()]);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(JSON.parse(text).format).toBe('asl-playground-workspace');
  expect(text).toContain('S399');
  // Open it again over something else.
  await page.locator('.share-panel button[title="Close"]').click();
  await chooseExample(page, 'transaction');
  await page.locator('button.share').click();
  await page.locator('.file-open input').setInputFiles(path);
  await expect(page.locator('.notice')).toContainText('Opened a shared workflow');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('S399');
});

// With its test suite (nine cases), the link stays well under MAX_LINK_CHARS (8,000: what chat
// apps take), beyond which a workspace is offered as a file.
test('the order workflow with its mocks, input and tests fits in a link of at most 4,000 characters', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'order-workflow');
  const link = await shareLink(page);
  const fragment = link.slice(link.indexOf('#'));
  console.log(`order workflow link: ${link.length} characters (${fragment.length} of them the fragment)`);
  expect(link.length).toBeLessThanOrEqual(4000);
});

test('a small link that would expand to gigabytes is refused', async ({ page }) => {
  await open(page);
  await setModel(page, INPUT, '{ "mine": true }\n');
  await page.waitForTimeout(600);
  // 64 MB of spaces deflate to about 64 KB.
  const bomb = deflateRawSync(Buffer.alloc(64 << 20, 0x20), { level: 9 }).toString('base64url');
  await page.goto('/#v1.' + bomb);
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect(page.locator('.notice.error')).toContainText('expands to more than 2 MB');
  await expect.poll(() => modelText(page, INPUT)).toBe('{ "mine": true }\n');
});
