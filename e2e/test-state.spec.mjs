// Test state: the order workflow's Authenticate Payment tested alone, as AWS's TestState API
// tests it. A gateway error its Retry matches is RETRIABLE with the backoff; a declined card
// its Catch handles is CAUGHT_ERROR with the next state, marked on the graph.
import { test, expect } from '@playwright/test';
import { open, openOnPhone, run, toEnd, shot, chooseExample, chooseInput, setModel } from './helpers.mjs';

async function testAuthenticatePayment(page) {
  await page.locator('.node[data-state="Authenticate Payment"]').click();
  await page.locator('.inspector button.test-state-open').click();
  return page.locator('.inspector .test-state');
}

test.describe('desktop', () => {
  test('a Retry is RETRIABLE with its backoff, a Catch CAUGHT_ERROR with its next state', async ({ page }) => {
    const errors = await open(page);
    await chooseExample(page, 'order-workflow');
    await chooseInput(page, 'order-workflow', 'happy-path');
    await run(page);
    await toEnd(page);

    const panel = await testAuthenticatePayment(page);
    // The input is the last run's visit's input: the order the first state created.
    await expect(panel.locator('textarea[aria-label="Test input"]')).toHaveValue(/"orderId": "ord-1001"/);
    await expect(panel.locator('textarea[aria-label="Mock result"]')).toHaveValue(/auth-7731/);

    // The mocked result: SUCCEEDED, on to Reserve Item, with the data flow.
    await panel.locator('button.test-run').click();
    const answer = panel.locator('.test-answer');
    await expect(answer.locator('h4.status')).toHaveText('SUCCEEDED');
    await expect(answer.locator('.test-next')).toContainText('Reserve Item');
    await expect(answer.locator('.step[data-field="ResultPath"]')).toBeVisible();
    await expect(page.locator('.node[data-state="Reserve Item"]')).toHaveClass(/test-next/);

    // The gateway error, on the second retry: the second retrier, 5 s × 3² = 45 s.
    await panel.locator('select[aria-label="Mock"]').selectOption('error');
    await panel.locator('input[aria-label="Mock error"]').fill('Payment.GatewayUnavailable');
    await panel.locator('input[aria-label="Mock cause"]').fill('The gateway timed out');
    await panel.locator('input[aria-label="Retries already made"]').fill('2');
    await panel.locator('button.test-run').click();
    await expect(answer.locator('h4.status')).toHaveText('RETRIABLE');
    await expect(answer.locator('.test-recovery')).toContainText('Retry #2 matches the error');
    await expect(answer.locator('.test-recovery')).toContainText('backoff 45 s');
    await expect(answer.locator('.test-next')).toHaveCount(0);
    await expect(page.locator('.node.test-next')).toHaveCount(0);

    // A declined card: the Catch sends it to Mark Order as Cancelled.
    await panel.locator('input[aria-label="Mock error"]').fill('Payment.UnsufficientFunds');
    await panel.locator('input[aria-label="Retries already made"]').fill('0');
    await panel.locator('button.test-run').click();
    await expect(answer.locator('h4.status')).toHaveText('CAUGHT_ERROR');
    await expect(answer.locator('.test-recovery')).toContainText('Catch #1 handles the error');
    await expect(answer.locator('.test-next')).toContainText('Mark Order as Cancelled');
    await expect(page.locator('.node[data-state="Mark Order as Cancelled"]')).toHaveClass(/test-next/);
    await expect(answer).toContainText('authenticationError');
    await shot(page, 'test-state-caught');

    // A mock result that is not JSON: said so, nothing sent, the form kept.
    await panel.locator('select[aria-label="Mock"]').selectOption('result');
    await panel.locator('textarea[aria-label="Mock result"]').fill('{not json');
    await panel.locator('button.test-run').click();
    await expect(answer.locator('.error-box')).toContainText('The mock result is not JSON');
    await expect(panel.locator('textarea[aria-label="Mock result"]')).toHaveValue('{not json');

    // Closing it leaves the graph unmarked.
    await panel.locator('button[aria-label="Close Test state"]').click();
    await expect(page.locator('.node.test-next')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a Pass state has nothing to mock and is tested as it is', async ({ page }) => {
    await open(page);
    await chooseExample(page, 'pass-result');
    const first = page.locator('.graph-svg .node[data-state]').first();
    await first.click();
    await page.locator('.inspector button.test-state-open').click();
    const panel = page.locator('.inspector .test-state');
    // A Pass has nothing to mock: the form offers no mock, and the state runs as it is.
    await expect(panel.locator('select[aria-label="Mock"]')).toHaveCount(0);
    await panel.locator('button.test-run').click();
    await expect(panel.locator('.test-answer h4.status')).toHaveText('SUCCEEDED');
  });
});

test("a mock result is checked against the service's response shape, fetched when first needed", async ({ page }) => {
  const errors = await open(page);
  await setModel(page, 'file:///definition.asl.json', JSON.stringify({
    StartAt: 'Send',
    States: { Send: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sqs:sendMessage', Parameters: { QueueUrl: 'q', MessageBody: 'm' }, End: true } },
  }, null, 2));
  await page.locator('.node[data-state="Send"]').click();
  await page.locator('.inspector button.test-state-open').click();
  const panel = page.locator('.inspector .test-state');
  const shapes = page.waitForRequest((r) => r.url().endsWith('output-shapes.txt'));
  await panel.locator('textarea[aria-label="Mock result"]').fill('{"MessageId": 5}');
  await panel.locator('button.test-run').click();
  await shapes;
  // STRICT, as AWS's default: SendMessage's MessageId is a string.
  await expect(panel.locator('.test-answer .error-box')).toContainText("ValidationException: Mock result schema validation error: Field 'MessageId' must be a string");
  await panel.locator('select[aria-label="Field validation"]').selectOption('NONE');
  await panel.locator('button.test-run').click();
  await expect(panel.locator('.test-answer h4.status')).toHaveText('SUCCEEDED');
  await panel.locator('select[aria-label="Field validation"]').selectOption('STRICT');
  await panel.locator('textarea[aria-label="Mock result"]').fill('{"MessageId": "m-1", "MD5OfMessageBody": "abc"}');
  await panel.locator('button.test-run').click();
  await expect(panel.locator('.test-answer h4.status')).toHaveText('SUCCEEDED');
  expect(errors).toEqual([]);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('Test state answers on a phone', async ({ page }) => {
    const errors = await openOnPhone(page);
    await chooseExample(page, 'order-workflow');
    await page.locator('.phone-nav button', { hasText: 'Graph' }).click();
    await page.locator('.node[data-state="Authenticate Payment"]').click();
    const inspector = page.locator('.inspector');
    await inspector.locator('button.test-state-open').click();
    const panel = inspector.locator('.test-state');
    // Without a run, the input is the workspace's: the state reads $.order.amount.
    await panel.locator('textarea[aria-label="Test input"]').fill('{"order": {"amount": 2000}}');
    await panel.locator('select[aria-label="Mock"]').selectOption('error');
    await panel.locator('input[aria-label="Mock error"]').fill('Payment.InvalidCard');
    await panel.locator('button.test-run').click();
    await expect(panel.locator('.test-answer h4.status')).toHaveText('CAUGHT_ERROR');
    await expect(panel.locator('.test-next')).toContainText('Mark Order as Cancelled');
    await shot(page, 'test-state-phone');
    expect(errors).toEqual([]);
  });
});
