// The timeline: one bar per state visit over virtual time, retries and their backoff marked,
// Map iterations and Parallel branches on rows of their own, drawn up to the playback position.
import { test, expect } from '@playwright/test';
import { open, run, toEnd, shot, chooseExample, chooseInput } from './helpers.mjs';

async function timelineOf(page, example) {
  await open(page);
  await chooseExample(page, example);
  await run(page);
  await toEnd(page);
  await page.locator('.stage-switch button', { hasText: 'Timeline' }).click();
  await expect(page.locator('.timeline')).toBeVisible();
  await expect(page.locator('.graph')).toBeHidden();
}

test('retries show each failed attempt and the backoff before the next', async ({ page }) => {
  await timelineOf(page, 'retry-backoff');
  const fetch = page.locator('.timeline .bar[data-state="Fetch Exchange Rate"]');
  await expect(fetch).toHaveCount(1);
  await expect(fetch).toHaveClass(/succeeded/);
  await expect(fetch.locator('.seg.failed-attempt')).toHaveCount(3);
  await expect(fetch.locator('.seg.backoff')).toHaveCount(3);
  await expect(fetch.locator('title')).toContainText('3 failed attempts');
  // The backoff is seconds of a 12-second run: the bar is most of the plot.
  const bar = await fetch.locator('.bar-body').boundingBox();
  const plot = await page.locator('.timeline-svg svg').boundingBox();
  expect(bar.width).toBeGreaterThan(plot.width * 0.4);
  await shot(page, 'timeline-retry');
});

test('Map iterations and Parallel branches get rows; stopped branches and the failing one are told apart', async ({ page }) => {
  await timelineOf(page, 'map');
  const labels = await page.locator('.timeline .row-label').allTextContents();
  expect(labels).toEqual(['Execution', 'Price Each Line · item 0', 'Price Each Line · item 1', 'Price Each Line · item 2', 'Price Each Line · item 3']);

  await page.locator('.stage-switch button', { hasText: 'Graph' }).click();
  await chooseExample(page, 'parallel-failure');
  await chooseInput(page, 'parallel-failure', 'no-cars-in-lisbon');
  await run(page);
  await toEnd(page);
  await page.locator('.stage-switch button', { hasText: 'Timeline' }).click();
  await expect(page.locator('.timeline .bar[data-state="Book Car"]')).toHaveClass(/failed/);
  await expect(page.locator('.timeline .bar[data-state="Book Flight"]')).toHaveClass(/cancelled/);
  await expect(page.locator('.timeline .bar[data-state="Book Trip"]')).toHaveClass(/caught/);
  await shot(page, 'timeline-parallel');
});

test('the timeline follows the playback, and a click on a bar opens that visit', async ({ page }) => {
  await timelineOf(page, 'map');
  const all = await page.locator('.timeline .bar').count();
  await page.locator('button[title="Restart"]').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.locator('.timeline .bar').count()).toBeLessThan(all);
  await toEnd(page);
  await expect(page.locator('.timeline .bar')).toHaveCount(all);
  await page.locator('.timeline .bar[data-state="Price Line"]').nth(2).click();
  await expect(page.locator('.inspector h3')).toHaveText('Price Line');
  await expect(page.locator('.visit-picker select')).toHaveValue(await page.locator('.timeline .bar[data-state="Price Line"]').nth(2).getAttribute('data-visit'));
  await expect(page.locator('.timeline .bar.selected')).toHaveCount(1);
});
