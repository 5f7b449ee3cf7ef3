// The playground without a mouse: open an example, run it, step through it, move along the
// graph's transitions and open a state's data flow, all from the keyboard, with the focus
// visible at every step.
import { test, expect } from '@playwright/test';
import { open } from './helpers.mjs';

/** Presses Tab until the focus is on an element matching `selector` (at most `limit` times). */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Whether the focused element shows that it has the focus (an outline, or a state's stroke). */
async function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return true;
    const rect = el.querySelector('rect');
    return !!rect && parseFloat(getComputedStyle(rect).strokeWidth) >= 4;
  });
}

test('open an example, run it, step through it and open a data flow, with the keyboard only', async ({ page }) => {
  await open(page);
  await page.locator('body').focus();

  // The example menu: reached with Tab, changed with the arrow keys.
  await tabTo(page, 'select[aria-label="Example"]');
  expect(await focusIsVisible(page)).toBe(true);
  const first = await page.locator('select[aria-label="Example"]').inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('select[aria-label="Example"]')).not.toHaveValue(first);
  const example = await page.locator('select[aria-label="Example"]').inputValue();
  await expect(page.locator('.about h3')).toBeVisible();

  // Run.
  await tabTo(page, 'button.run');
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('.run-status')).toHaveText(/SUCCEEDED|FAILED|WAITING/, { timeout: 30_000 });

  // Step through the history with the playback's buttons.
  await tabTo(page, 'button[title="Restart"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('.position')).toHaveText(/^1 \//);
  await tabTo(page, 'button[title="Step forward (→)"]');
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.locator('.position')).toHaveText(/^3 \//);
  // The step is announced to screen readers.
  await expect(page.locator('.controls [aria-live="polite"]')).toHaveText(/^Event 3 of \d+: /);
  await tabTo(page, 'button[title="Jump to the end"]');
  await page.keyboard.press('Enter');

  // The graph: Tab reaches its first state; the arrow keys follow the transitions.
  await tabTo(page, '.graph-svg [data-state]');
  expect(await focusIsVisible(page)).toBe(true);
  const entry = await page.evaluate(() => document.activeElement.getAttribute('data-state'));
  await expect(page.locator(`.graph-svg [data-state="${entry}"]`)).toHaveAttribute('aria-label', new RegExp(`^${entry}, \\w+ state, `));
  await page.keyboard.press('ArrowDown');
  const next = await page.evaluate(() => document.activeElement.getAttribute('data-state'));
  expect(next).not.toBe(entry);
  await page.keyboard.press('ArrowUp');
  expect(await page.evaluate(() => document.activeElement.getAttribute('data-state'))).toBe(entry);
  await page.keyboard.press('ArrowDown');

  // Enter opens the state in the inspector, with its data flow.
  await page.keyboard.press('Enter');
  await expect(page.locator('.inspector h3')).toHaveText(next);
  await expect(page.locator('.inspector .dataflow .step').first()).toBeVisible();
  await tabTo(page, '.inspector button.close');
  expect(await focusIsVisible(page)).toBe(true);
  await page.screenshot({ path: `e2e/artifacts/keyboard-${example}.png` });
  await page.keyboard.press('Enter');
  await expect(page.locator('.inspector h3')).toHaveText(/^Execution /);
});

test('the event table moves through the history with the arrow keys', async ({ page }) => {
  await open(page);
  await page.locator('button.run').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED', { timeout: 30_000 });
  await tabTo(page, '.events-scroll');
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Home');
  await expect(page.locator('.position')).toHaveText(/^1 \//);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.position')).toHaveText(/^3 \//);
  await expect(page.locator('.events tr.current td').nth(2)).toHaveText('processTransaction');
  await expect(page.locator('.inspector h3')).toHaveText('processTransaction');
  await page.keyboard.press('End');
  await expect(page.locator('.position')).toHaveText(/^(\d+) \/ \1$/);
});
