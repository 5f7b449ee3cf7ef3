// The data-flow view: each field of a state, its payload before and after side by side, and
// what it changed highlighted.
import { test, expect } from '@playwright/test';
import { open, run, toEnd, shot, chooseExample } from './helpers.mjs';

test('a Task shows its five data-flow fields and its result, before and after, with the changes marked', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'task-data-flow');
  await run(page);
  await toEnd(page);
  await page.locator('.node[data-state="Get Shipping Quote"]').click();
  const steps = page.locator('.dataflow .step');
  await expect(steps).toHaveCount(6);
  const fields = await steps.locator('.step-field').allTextContents();
  expect(fields).toEqual(['InputPath', 'Parameters', 'Task result', 'ResultSelector', 'ResultPath', 'OutputPath']);

  const inputPath = steps.nth(0);
  await expect(inputPath.locator('.step-setting')).toHaveText('$.shipment');
  await expect(inputPath.locator('.step-summary')).toHaveText('kept $.shipment, 3 dropped');
  await expect(inputPath.locator('.diff-selected')).toContainText('weightKg');
  await expect(inputPath.locator('.diff-removed').first()).toContainText('orderId');
  await expect(inputPath.locator('.json-view').nth(1)).not.toContainText('orderId');

  const selector = steps.nth(3);
  await expect(selector.locator('.json-view').nth(1)).toContainText('"carrier"');
  await expect(selector.locator('.diff-removed', { hasText: 'SdkHttpMetadata' })).toBeVisible();

  const resultPath = steps.nth(4);
  await expect(resultPath.locator('.step-setting')).toHaveText('$.shipment.quote');
  await expect(resultPath.locator('.step-summary')).toHaveText('1 added');
  await expect(resultPath.locator('.json-view').nth(1).locator('.diff-added')).toContainText('"quote"');
  // What ResultPath did not touch stays unmarked: the order id is still in the input.
  await expect(resultPath.locator('.json-view').nth(1)).toContainText('"orderId"');

  await expect(steps.nth(5).locator('.step-summary')).toHaveText(/kept \$\.shipment/);
  await page.locator('.bottom-left').evaluate((el) => { el.scrollTop = 0; });
  await shot(page, 'data-flow');
});

test('a state without data-flow fields says each step changed nothing', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'task-data-flow');
  await run(page);
  await toEnd(page);
  await page.locator('.node[data-state="Shipment Booked"]').click();
  const steps = page.locator('.dataflow .step');
  await expect(steps.first().locator('.step-setting')).toHaveText('not set');
  await expect(steps.first().locator('.step-summary')).toHaveText('no change');
  await expect(steps.first()).toHaveClass(/unchanged/);
});
