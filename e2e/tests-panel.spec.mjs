// The Tests panel: an example's suite runs in the page as `asl test` runs it, a failing case
// shows what failed with the suite's line and a diff, a case is added from the current input,
// coverage dims what no case exercised, the suite travels in a share link, and the exported
// suite carries the definition and mocks.
import { test, expect } from '@playwright/test';
import { open, openOnPhone, setModel, modelText, shot, chooseExample } from './helpers.mjs';

const TESTS = 'file:///tests.yaml';

async function runAll(page) {
  await page.locator('.tests-panel .tests-run').click();
  await expect(page.locator('.tests-panel .tests-summary')).toBeVisible({ timeout: 30_000 });
}

test('an example suite passes, a broken expectation fails with its line and diff', async ({ page }) => {
  const errors = await open(page);
  await chooseExample(page, 'order-workflow');
  await page.locator('button.tab', { hasText: 'Tests' }).click();
  await page.waitForFunction((uri) => window.monaco.editor.getModel(window.monaco.Uri.parse(uri))?.getValue().includes('cases:'), TESTS);
  await runAll(page);
  const summary = page.locator('.tests-panel .tests-summary');
  await expect(summary).toHaveText(/cases: (\d+) passed, 0 failed/);
  await expect(page.locator('.tests-panel .test-case.failed')).toHaveCount(0);

  // Break one expectation: the case fails, naming the expectation, its line and the difference.
  const text = await modelText(page, TESTS);
  await setModel(page, TESTS, text.replace('status: SHIPPED', 'status: DELIVERED'));
  await runAll(page);
  const failed = page.locator('.tests-panel .test-case.failed').first();
  await expect(failed).toBeVisible();
  await expect(failed.locator('.test-failures')).toContainText('expect.outputContains');
  await expect(failed.locator('.test-failures')).toContainText('line');
  await expect(failed.locator('.test-diff')).toContainText('DELIVERED');
  await expect(failed.locator('.test-diff')).toContainText('SHIPPED');
  await shot(page, 'tests-failing');
  expect(errors).toEqual([]);
});

test('coverage dims what no case exercised; a case added from the input lights it', async ({ page }) => {
  const errors = await open(page);
  await chooseExample(page, 'order-workflow');
  await page.locator('button.tab', { hasText: 'Tests' }).click();
  // Only the happy path: the compensation states are never entered.
  await setModel(page, TESTS, [
    'definition: definition.asl.json',
    'mocks: mocks/',
    'cases:',
    '  - name: ships',
    '    input: {amount: 50, sku: B-1, quantity: 1}',
    '    expect: {status: SUCCEEDED}',
    '',
  ].join('\n'));
  await runAll(page);
  await page.locator('.tests-coverage-toggle input').check();
  await expect(page.locator('.node[data-state="Refund Payment"]')).toHaveClass(/uncovered/);
  await expect(page.locator('.node[data-state="Authenticate Payment"]')).not.toHaveClass(/uncovered/);
  await expect(page.locator('.edge.uncovered[data-kind="catch"]').first()).toBeVisible();
  await expect(page.locator('.tests-coverage summary')).toContainText('Coverage: states');
  await shot(page, 'tests-coverage');

  // The declined payment, added as a case from the input: its expectations are what it did.
  await page.locator('.tabs button.tab', { hasText: 'Input' }).click();
  await setModel(page, 'file:///input.json', '{"amount": 5000, "sku": "B-1", "quantity": 1}');
  await page.locator('.tabs button.tab', { hasText: 'Tests' }).click();
  page.once('dialog', (d) => d.accept('declined'));
  await page.locator('.tests-panel .tests-add').click();
  await page.waitForFunction((uri) => window.monaco.editor.getModel(window.monaco.Uri.parse(uri)).getValue().includes('name: declined'), TESTS);
  const suite = await modelText(page, TESTS);
  expect(suite).toContain('status: SUCCEEDED');
  expect(suite).toContain('CANCELLED');
  await runAll(page);
  await expect(page.locator('.tests-panel .tests-summary')).toHaveText('2 cases: 2 passed, 0 failed');
  await expect(page.locator('.node[data-state="Mark Order as Cancelled"]')).not.toHaveClass(/uncovered/);
  expect(errors).toEqual([]);
});

test('the suite travels in a share link, and exports with the definition and mocks in it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await chooseExample(page, 'retry-backoff');
  await page.locator('button.tab', { hasText: 'Tests' }).click();
  await setModel(page, TESTS, 'definition: definition.asl.json\ncases:\n  - name: shared case\n    input: {}\n    expect: {status: SUCCEEDED}\n');
  const download = page.waitForEvent('download');
  await page.locator('.tests-panel .tests-export').click();
  const file = await download;
  const exported = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  expect(exported).toContain('shared case');
  expect(exported).toContain('StartAt');
  expect(exported).not.toContain('definition: definition.asl.json');

  await page.locator('button.share').click();
  const link = page.locator('.share-panel input[readonly]').first();
  await expect(link).toHaveValue(/#v1\./);
  const url = await link.inputValue();
  const other = await context.newPage();
  await other.goto(url);
  await other.locator('button.tab', { hasText: 'Tests' }).click();
  await other.waitForFunction((uri) => window.monaco?.editor.getModel(window.monaco.Uri.parse(uri))?.getValue().includes('shared case'), TESTS);
});

test('a bad suite says what and where; a hanging mock fails its case, naming it', async ({ page }) => {
  const errors = await open(page);
  await chooseExample(page, 'retry-backoff');
  await page.locator('button.tab', { hasText: 'Tests' }).click();
  // A key the format does not have, with its line and the key it may mean.
  await setModel(page, TESTS, 'cases:\n  - name: one\n    inptu: {}\n');
  await page.locator('.tests-panel .tests-run').click();
  await expect(page.locator('.tests-panel .tests-problems')).toContainText('tests.yaml:3:');
  await expect(page.locator('.tests-panel .tests-problems')).toContainText('input');
  // An expectation on a state the definition does not have.
  await setModel(page, TESTS, 'cases:\n  - name: one\n    input: {}\n    expect:\n      notVisited: [No Such State]\n');
  await page.locator('.tests-panel .tests-run').click();
  await expect(page.locator('.tests-panel .tests-problems')).toContainText('tests.yaml:5:');
  await expect(page.locator('.tests-panel .tests-problems')).toContainText('No Such State');
  // A mock that never answers: the case fails at its line, naming the state.
  await setModel(page, TESTS, 'mocks:\n  fetch-exchange-rate: "export default async () => new Promise(() => {})"\ncases:\n  - name: hangs\n    inputFile: input.json\n    expect: {status: SUCCEEDED}\n');
  await page.locator('.tests-panel .tests-run').click();
  const failed = page.locator('.tests-panel .test-case.failed');
  await expect(failed).toContainText('did not answer within 3 s', { timeout: 60_000 });
  await expect(failed).toContainText('line 4');
  await expect(failed).toContainText('Fetch');
  expect(errors).toEqual([]);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('Run all on a phone', async ({ page }) => {
    const errors = await openOnPhone(page, { back: false });
    await page.locator('button.tab', { hasText: 'Tests' }).click();
    await setModel(page, TESTS, 'definition: definition.asl.json\ncases:\n  - name: runs\n    input: {}\n    expect: {status: SUCCEEDED}\n');
    await runAll(page);
    await expect(page.locator('.tests-panel .test-case')).toHaveCount(1);
    await shot(page, 'tests-phone');
    expect(errors).toEqual([]);
  });
});
