// The playground as people use it: open, read the graph, run, watch, inspect.
import { test, expect } from '@playwright/test';
import { open, run, toEnd, shot, setModel } from './helpers.mjs';

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
    await page.locator('select[aria-label="Input preset"]').selectOption(preset);
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
