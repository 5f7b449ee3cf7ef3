// Editing: errors where they are, the last valid graph kept, work kept across reloads, and the
// graph and the editor following each other.
import { test, expect } from '@playwright/test';
import { open, setModel, modelText, shot } from './helpers.mjs';

const DEFINITION = 'file:///definition.asl.json';
const INPUT = 'file:///input.json';

test('broken JSON shows its error with its line and keeps the last graph, marked stale', async ({ page }) => {
  await open(page);
  const text = await modelText(page, DEFINITION);
  // Remove the comma after "Type": "Choice" (line 6).
  const broken = text.replace('"Type": "Choice",', '"Type": "Choice"');
  await setModel(page, DEFINITION, broken);
  const problem = page.locator('.problem.error').first();
  await expect(problem).toContainText('INVALID_JSON_DESCRIPTION');
  await expect(problem.locator('.where')).toHaveText(/^7:\d+$/);
  await expect(page.locator('.stale-badge')).toBeVisible();
  await expect(page.locator('.node[data-state="processTransaction"]')).toBeVisible();
  const markers = await page.evaluate((uri) => window.monaco.editor.getModelMarkers({ resource: window.monaco.Uri.parse(uri) }).length, DEFINITION);
  expect(markers).toBeGreaterThan(0);
  await shot(page, 'broken-json');
  // Nothing typed is lost: fixing it brings the graph back.
  expect(await modelText(page, DEFINITION)).toBe(broken);
  await setModel(page, DEFINITION, text);
  await expect(page.locator('.stale-badge')).toHaveCount(0);
  await expect(page.locator('.no-problems')).toBeVisible();
});

test('an invalid definition names the rule and the state', async ({ page }) => {
  await open(page);
  const text = await modelText(page, DEFINITION);
  await setModel(page, DEFINITION, text.replace('"Next": "TransactionRefund"', '"Next": "TransactionRefnd"'));
  const problem = page.locator('.problem.error').first();
  await expect(problem).toContainText('MISSING_TRANSITION_TARGET');
  await expect(problem).toContainText('/States/processTransaction/Choices/1/Next');
  await page.locator('button.run').click();
  await expect(page.locator('.refused')).toContainText('has 1 error');
});

test('the workspace survives a reload', async ({ page }) => {
  await open(page);
  const input = '{\n  "TransactionType": "REFUND",\n  "Amount": 7\n}\n';
  await setModel(page, INPUT, input);
  await page.locator('.tab', { hasText: 'TransactionRefund.js' }).click();
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect.poll(() => modelText(page, INPUT)).toBe(input);
  await expect(page.locator('.tab.open')).toHaveText('TransactionRefund.js');
});

test('a click on a state shows it in the editor, and the cursor selects the state', async ({ page }) => {
  await open(page);
  await page.locator('.node[data-state="TransactionRefund"]').click();
  await expect(page.locator('.tab.open')).toHaveText('Definition');
  const line = await page.evaluate(() => window.monaco.editor.getEditors()[0].getSelection().startLineNumber);
  const text = await modelText(page, DEFINITION);
  const expected = text.split('\n').findIndex((l) => l.includes('"TransactionRefund": {')) + 1;
  expect(line).toBe(expected);
  await expect(page.locator('.node[data-state="TransactionRefund"]')).toHaveClass(/selected/);
  // And back: put the cursor inside processTransaction.
  await page.evaluate(() => {
    const ed = window.monaco.editor.getEditors()[0];
    const model = ed.getModel();
    const at = model.getPositionAt(model.getValue().indexOf('"StringEquals": "PURCHASE"'));
    ed.setPosition(at, 'keyboard');
    ed.trigger('keyboard', 'cursorRight', {});
  });
  await expect(page.locator('.node[data-state="processTransaction"]')).toHaveClass(/selected/);
});

test('a definition replaced by unrelated text is no longer the example: its menu entry, presets and explanation go', async ({ page }) => {
  await open(page);
  await expect(page.locator('select[aria-label="Example"]')).toHaveValue('transaction');
  await expect(page.locator('select[aria-label="Input preset"]')).toBeVisible();
  await expect(page.locator('.about h3')).toBeVisible();
  // An edit keeps it the example.
  const text = await modelText(page, DEFINITION);
  await setModel(page, DEFINITION, text.replace('"TransactionRefund": {', '"TransactionRefund": {\n      "Comment": "edited",'));
  await page.waitForTimeout(300);
  await expect(page.locator('select[aria-label="Example"]')).toHaveValue('transaction');
  // Something else pasted over it is the person's own.
  await setModel(page, DEFINITION, JSON.stringify({ StartAt: 'Hello', States: { Hello: { Type: 'Pass', End: true } } }, null, 2));
  await expect(page.locator('.node[data-state="Hello"]')).toBeVisible();
  await expect(page.locator('select[aria-label="Example"]')).toHaveValue('');
  await expect(page.locator('select[aria-label="Input preset"]')).toHaveCount(0);
  await expect(page.locator('.about h3')).toHaveCount(0);
  // And it stays so after a reload.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.locator('.node[data-state="Hello"]')).toBeVisible();
  await expect(page.locator('select[aria-label="Example"]')).toHaveValue('');
});

test('a wide graph opens showing its entry, and AWS samples with spaces around a path draw', async ({ page }) => {
  await open(page);
  // A Parallel of 33 branches: far wider than the pane.
  const branches = Array.from({ length: 33 }, (_, i) => ({ StartAt: `Work${i}`, States: { [`Work${i}`]: { Type: 'Pass', End: true } } }));
  const wide = { StartAt: 'Fan out', States: { 'Fan out': { Type: 'Parallel', Branches: branches, Next: 'Done' }, Done: { Type: 'Succeed' } } };
  await setModel(page, DEFINITION, JSON.stringify(wide, null, 2));
  await expect(page.locator('.container[data-state="Fan out"]')).toBeAttached();
  await expect(page.locator('.graph-svg .marker', { hasText: 'Start' })).toBeInViewport();
  const pane = await page.locator('.graph').boundingBox();
  const start = await page.locator('.graph-svg .marker', { hasText: 'Start' }).boundingBox();
  expect(start.x).toBeGreaterThan(pane.x);
  expect(start.x + start.width).toBeLessThan(pane.x + pane.width);
  await shot(page, 'wide-graph-entry');
  // A trailing space in a path, as in one of AWS's own samples.
  const sample = {
    StartAt: 'Build',
    States: { Build: { Type: 'Pass', Parameters: { 'execution_name.$': '$$.Execution.Name ' }, End: true } },
  };
  await setModel(page, DEFINITION, JSON.stringify(sample, null, 2));
  await expect(page.locator('.node[data-state="Build"]')).toBeVisible();
  await expect(page.locator('.no-problems')).toBeVisible();
});
