// The examples that teach: each runs in the page to the outcome its expected.json (and its
// text) describes, for every named input; the approval example waits for a person and goes on
// when they answer.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { open, run, toEnd, shot, chooseExample, chooseInput } from './helpers.mjs';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'examples');
const order = JSON.parse(fs.readFileSync(path.join(root, 'index.json'), 'utf8'));

function expected(id) {
  return JSON.parse(fs.readFileSync(path.join(root, id, 'expected.json'), 'utf8'));
}

/** The input names the page offers, default first, each with what it should end in. */
function cases(id) {
  const e = expected(id);
  const dir = path.join(root, id, 'inputs');
  const named = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [];
  const byName = e.inputs || {};
  return { e, named, byName };
}

/** A state drawn on the graph: a node, or a Map or Parallel container. */
function state(page, name) {
  return page.locator(`.graph-svg [data-state="${name}"]`);
}

async function expectOutcome(page, want) {
  await expect(page.locator('.run-status')).toHaveText(want.status);
  if (want.output_contains) {
    // The whole output, as its Copy button gives it (the view folds long parts).
    await page.locator('.outcome .json-view button', { hasText: 'Copy' }).click();
    const output = await page.evaluate(() => navigator.clipboard.readText());
    for (const text of want.output_contains) expect(output).toContain(text);
  }
  if (want.error) await expect(page.locator('.outcome')).toContainText(want.error);
  for (const name of want.visited || []) await expect(state(page, name)).not.toHaveClass(/idle/);
  for (const name of want.not_visited || []) await expect(state(page, name)).toHaveClass(/idle/);
}

for (const id of order) {
  test(`example ${id} runs to the outcome it describes`, async ({ page }) => {
    const errors = await open(page);
    await chooseExample(page, id);
    // Its explanation is beside the graph.
    await expect(page.locator('aside.about h3')).not.toBeEmpty();
    const { e, named, byName } = cases(id);
    await run(page);
    await toEnd(page);
    await expectOutcome(page, e);
    if (e.waiting_on) {
      await expect(state(page, e.waiting_on)).toHaveClass(/waiting/);
    }
    for (const name of named) {
      const want = byName[name];
      if (!want) continue;
      await chooseInput(page, id, name);
      await run(page);
      await toEnd(page);
      await expectOutcome(page, want);
    }
    expect(errors).toEqual([]);
  });
}

test('the approval example waits for a person and completes after Send success', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'human-approval');
  await run(page);
  const panel = page.locator('section.callbacks');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Request Approval');
  const token = await panel.locator('.task-token').textContent();
  expect(token.length).toBeGreaterThan(20);
  // The payload the task sent carries the same token.
  await expect(panel.locator('.json-view')).toContainText(token);
  await expect(panel).toContainText('HeartbeatSeconds without a heartbeat at +1 h 0 min');
  await toEnd(page);
  await expect(page.locator('.node[data-state="Request Approval"]')).toHaveClass(/waiting/);
  await expect(page.locator('.run-status')).toHaveText('WAITING');
  await shot(page, 'callback-panel');

  // Bad JSON is refused with a message, and what was typed stays.
  await panel.locator('.callback-output').fill('{"approved": tru');
  await panel.locator('.send-success').click();
  await expect(panel.locator('.callback-problem')).toContainText('not valid JSON');
  await expect(panel.locator('.callback-output')).toHaveValue('{"approved": tru');

  const answer = expected('human-approval').after_success;
  await panel.locator('.callback-output').fill(JSON.stringify(answer.output));
  await panel.locator('.send-success').click();
  await expect(panel).toBeHidden();
  await toEnd(page);
  await expectOutcome(page, answer);
  await expect(page.locator('.events')).toContainText('TaskSucceeded');
});

test('a heartbeat keeps the task waiting; letting time pass ends in the timeout the Catch handles', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'human-approval');
  await run(page);
  const panel = page.locator('section.callbacks');
  await expect(panel.locator('.let-time-pass')).toContainText('Let time pass to +1 h 0 min');
  // A heartbeat at once keeps the deadline an hour away, and the task waiting.
  await panel.locator('.send-heartbeat').click();
  await expect(panel.locator('.let-time-pass')).toContainText('+1 h 0 min');
  await panel.locator('.let-time-pass').click();
  await expect(panel).toBeHidden();
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('FAILED');
  await expect(page.locator('.outcome')).toContainText('Refund.NotApproved');
  await expect(page.locator('.events')).toContainText('TaskTimedOut');
});

test('a failure sent by the person is caught by the task\'s Catch', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'human-approval');
  await run(page);
  const panel = page.locator('section.callbacks');
  await panel.locator('.failure-error').fill('Approval.Rejected');
  await panel.locator('.failure-cause').fill('Not without a photo of the damage');
  await panel.locator('.send-failure').click();
  await expect(panel).toBeHidden();
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('FAILED');
  await page.locator('.node[data-state="Request Approval"]').click();
  await expect(page.locator('.inspector')).toContainText('Approval.Rejected');
});
