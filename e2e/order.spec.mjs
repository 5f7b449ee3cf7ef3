// The order workflow: the happy path with its retries, and the declined payment caught.
import { test, expect } from '@playwright/test';
import { open, run, toEnd, shot, chooseExample, chooseInput } from './helpers.mjs';

async function openOrder(page, preset) {
  await open(page);
  await chooseExample(page, 'order-workflow');
  await expect(page.locator('.node[data-state="Authenticate Payment"]')).toBeVisible();
  await chooseInput(page, 'order-workflow', preset);
}

test('the happy path ships the order after two retried payment attempts', async ({ page }) => {
  await openOrder(page, 'happy-path');
  await run(page);
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await expect(page.locator('.node[data-state="Mark Order As Shipped"]')).toHaveClass(/succeeded/);
  await expect(page.locator('.node[data-state="Authenticate Payment"]')).toHaveClass(/retried/);
  await expect(page.locator('.node[data-state="Mark Order as Cancelled"]')).toHaveClass(/idle/);
  await expect(page.locator('.outcome')).toContainText('"SHIPPED"');

  await page.locator('.node[data-state="Authenticate Payment"]').click();
  const inspector = page.locator('.inspector');
  await expect(inspector.locator('h3')).toHaveText('Authenticate Payment');
  await expect(inspector).toContainText('Attempts (3)');
  await expect(inspector.locator('.attempt.failed')).toHaveCount(2);
  await expect(inspector.locator('.attempt.failed').first()).toContainText('Payment.GatewayUnavailable');
  await expect(inspector).toContainText('retried after 5.000 s');
  await expect(inspector).toContainText('retried after 15.000 s');
  await expect(inspector.locator('.step[data-field="ResultPath"] .json-label', { hasText: 'After ResultPath' })).toBeVisible();
  await shot(page, 'order-happy-path-inspector');
});

test('a declined payment is caught and the order cancelled', async ({ page }) => {
  await openOrder(page, 'payment-declined');
  await run(page);
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await expect(page.locator('.node[data-state="Authenticate Payment"]')).toHaveClass(/caught/);
  await expect(page.locator('.node[data-state="Mark Order as Cancelled"]')).toHaveClass(/succeeded/);
  await expect(page.locator('.node[data-state="Reserve Item"]')).toHaveClass(/idle/);
  await expect(page.locator('.edge.catch.taken')).toHaveCount(1);
  await expect(page.locator('.outcome')).toContainText('"CANCELLED"');
  await expect(page.locator('.outcome')).toContainText('Payment.UnsufficientFunds');
  await page.locator('.node[data-state="Authenticate Payment"]').click();
  await expect(page.locator('.inspector .error-box')).toContainText('caught by Catch #1');
  await shot(page, 'order-payment-declined');
});
