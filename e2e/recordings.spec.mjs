// Executions recorded in AWS, in the page: a history pasted or dropped plays back on the graph
// like a run (events, inspector, outcome); Replay runs the definition again with a
// MockConfigFile answering as AWS did; a changed definition's run shows where it departs, in
// the event table and on the graph; a link carries the recording; bad histories are refused.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, openOnPhone, setModel, modelText, run, toEnd, shot, chooseExample } from './helpers.mjs';

const DEFINITION = 'file:///definition.asl.json';
const HISTORY = readFileSync(new URL('./fixtures/order-declined-history.json', import.meta.url), 'utf8');
const EVENTS = JSON.parse(HISTORY).events.length;

/** Pastes `text` into the Open panel and opens it. */
async function paste(page, text) {
  const phone = (page.viewportSize()?.width ?? 1280) < 500;
  if (phone) await page.locator('button.more').click();
  await page.locator('button.open-file').click();
  await page.locator('.open-panel textarea').fill(text);
  await page.locator('.open-panel button', { hasText: 'Open the pasted text' }).click();
}

/** The order workflow's definition with a Retry on Authenticate Payment. */
function withRetry(text) {
  const d = JSON.parse(text);
  d.States['Authenticate Payment'].Retry = [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }];
  return JSON.stringify(d, null, 2);
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`a recorded execution plays back, replays, and shows where a fix departs, at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const phone = viewport.width < 500;
    const errors = phone ? await openOnPhone(page) : await open(page);
    await chooseExample(page, 'order-workflow');
    const original = await modelText(page, DEFINITION);

    await paste(page, HISTORY);
    const bar = page.locator('.recording-bar');
    await expect(bar).toContainText('Playing the execution recorded in AWS');
    await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
    await toEnd(page);
    await expect(page.locator('.controls .position')).toHaveText(`${EVENTS} / ${EVENTS}`);
    // The definition is untouched, and the graph shows the recorded path.
    expect(await modelText(page, DEFINITION)).toBe(original);
    await expect(page.locator('.graph-svg [data-state="Authenticate Payment"]')).toHaveClass(/caught/);
    await expect(page.locator('.graph-svg [data-state="Mark Order as Cancelled"]')).toHaveClass(/succeeded/);
    if (!phone) {
      await expect(page.locator('.events tbody tr')).toHaveCount(EVENTS);
      await expect(page.locator('.events tbody')).toContainText('LambdaFunctionFailed');
      // The inspector shows the recorded visit: its error, caught.
      await page.locator('.graph-svg [data-state="Authenticate Payment"]').click();
      await expect(page.locator('.inspector')).toContainText('Payment.UnsufficientFunds (caught by Catch #1)');
      await shot(page, 'recording-playback');
    }

    // Replay: the recorded input, a MockConfigFile answering as AWS did, and the same events.
    await bar.getByRole('button', { name: 'Replay' }).click();
    await expect(bar).toContainText('This run matches the recording, event for event.', { timeout: 30_000 });
    const config = JSON.parse(await modelText(page, 'file:///mocks/MockConfigFile.json'));
    expect(Object.keys(config.MockedResponses)).toContain('Authenticate Payment (recorded)');

    // The fix: a Retry. The run departs where the recording's state left after its failure.
    await setModel(page, DEFINITION, withRetry(original));
    await expect(page.locator('.graph-svg')).toBeVisible();
    if (phone) await page.locator('.phone-nav button', { hasText: 'Graph' }).click();
    await run(page);
    await expect(bar).toContainText('departs from the recording at event 11');
    await expect(bar).toContainText('at event 11 (Authenticate Payment): the recording has TaskStateExited, the run LambdaFunctionScheduled');
    await bar.getByRole('button', { name: 'Go to the departure' }).click();
    await expect(page.locator('.controls .position')).toHaveText(/^11 \//);
    await expect(page.locator('.graph-svg [data-state="Authenticate Payment"]')).toHaveClass(/departs/);
    if (!phone) {
      await expect(page.locator('.events tr.departs')).toHaveCount(1);
      await expect(page.locator('.events tr.departs')).toContainText('≠ recording');
      await shot(page, 'recording-departs');
    } else {
      await shot(page, 'recording-departs-phone');
      // The inspector's sheet, raised by the selection, goes back down.
      await page.locator('.inspector button.close').click();
    }

    // Back to the recording, then closed: the MockConfigFile goes with it.
    await bar.getByRole('button', { name: 'Show the recording' }).click();
    await expect(bar).toContainText('Playing the execution recorded in AWS');
    page.once('dialog', (d) => d.accept());
    await bar.getByRole('button', { name: 'Close the recorded execution' }).click();
    await expect(bar).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('a link carries the recording, which plays when it opens', async ({ page, browser }) => {
  await open(page);
  await chooseExample(page, 'order-workflow');
  await paste(page, HISTORY);
  await expect(page.locator('.recording-bar')).toContainText('Playing the execution recorded in AWS');
  await page.locator('.recording-bar').getByRole('button', { name: 'Replay' }).click();
  await expect(page.locator('.recording-bar')).toContainText('matches the recording', { timeout: 30_000 });
  await page.locator('button.share').click();
  await expect(page.locator('.share-link')).toHaveValue(/#v1\./);
  const link = await page.locator('.share-link').inputValue();

  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.locator('.recording-bar')).toContainText('Playing the execution recorded in AWS');
  await expect(other.locator('.run-status')).toHaveText('SUCCEEDED');
  await expect(other.locator('.tabs')).toContainText('MockConfigFile.json');
  // Replay from the link, with the fix made there.
  await other.waitForFunction(() => window.monaco?.editor.getModel(window.monaco.Uri.parse('file:///definition.asl.json')));
  await setModel(other, DEFINITION, withRetry(await modelText(other, DEFINITION)));
  await other.locator('.recording-bar').getByRole('button', { name: 'Replay' }).click();
  await expect(other.locator('.recording-bar')).toContainText('departs from the recording at event 11', { timeout: 30_000 });
});

test('bad histories are refused with a clear message, and the work stays', async ({ page }) => {
  const errors = await open(page);
  await chooseExample(page, 'order-workflow');
  const original = await modelText(page, DEFINITION);
  const notice = page.locator('.notice.error');

  // Cut short.
  await paste(page, HISTORY.slice(0, HISTORY.length / 2));
  await expect(notice).toContainText('cut short');
  // Not JSON, though it looks like a history.
  await page.locator('.notice .dismiss').click();
  await paste(page, '{"events": [ {"previousEventId": 0, oops } ] }');
  await expect(notice).toContainText('not JSON');
  expect(await modelText(page, DEFINITION)).toBe(original);
  await expect(page.locator('.recording-bar')).toHaveCount(0);

  // Another state machine's history: said, and what can be shown is.
  await page.locator('.notice .dismiss').click();
  const foreign = JSON.stringify({ events: [
    { timestamp: '2025-01-01T00:00:00Z', type: 'ExecutionStarted', id: 1, previousEventId: 0, executionStartedEventDetails: { input: '{}' } },
    { timestamp: '2025-01-01T00:00:01Z', type: 'PassStateEntered', id: 2, previousEventId: 1, stateEnteredEventDetails: { name: 'Elsewhere', input: '{}' } },
    { timestamp: '2025-01-01T00:00:02Z', type: 'PassStateExited', id: 3, previousEventId: 2, stateExitedEventDetails: { name: 'Elsewhere', output: '{}' } },
    { timestamp: '2025-01-01T00:00:03Z', type: 'ExecutionSucceeded', id: 4, previousEventId: 3, executionSucceededEventDetails: { output: '{}' } },
  ] });
  await paste(page, foreign);
  await expect(page.locator('.recording-bar')).toContainText('This history is of another state machine: none of its states (Elsewhere)');
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  expect(await modelText(page, DEFINITION)).toBe(original);
  expect(errors).toEqual([]);
});
