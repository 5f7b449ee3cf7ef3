// Accessibility: axe-core finds no WCAG 2.1 A or AA violation on the main views (the page, the
// inspector with a state's data flow, the timeline, design mode, Test state, the Tests panel with
// its coverage, presentation mode, the share panel, the Open panel, a recorded execution's bar and
// a run departing from it, the lessons and an exercise), in the
// light theme and in the dark one.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { open, run, toEnd, chooseExample } from './helpers.mjs';

// The order workflow's declined payment, as AWS records it; the example runs its happy path,
// so a run departs from it.
const HISTORY = readFileSync(new URL('./fixtures/order-declined-history.json', import.meta.url), 'utf8');

async function violations(page, view) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // The editor's insides belong to Monaco; the page around it is checked.
    .exclude('.monaco-editor .view-lines')
    .analyze();
  return results.violations.map((v) => `${view}: ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const theme of ['light', 'dark']) {
  test(`no accessibility violations on the main views in the ${theme} theme`, async ({ page }) => {
    await open(page);
    const toggle = page.locator('button.theme');
    if ((await page.evaluate(() => document.documentElement.getAttribute('data-theme'))) !== theme) await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await chooseExample(page, 'order-workflow');
    const found = [];
    found.push(...(await violations(page, 'page')));

    await run(page);
    await toEnd(page);
    await page.locator('.node[data-state="Authenticate Payment"]').click();
    await expect(page.locator('.inspector .dataflow')).toBeVisible();
    found.push(...(await violations(page, 'inspector and data flow')));

    await page.locator('.stage-switch button', { hasText: 'Timeline' }).click();
    await expect(page.locator('.timeline')).toBeVisible();
    found.push(...(await violations(page, 'timeline')));
    await page.locator('.stage-switch button', { hasText: 'Graph' }).click();

    await page.locator('.edit-switch button', { hasText: 'Design' }).click();
    await expect(page.locator('.state-form input[aria-label="State name"]')).toHaveValue('Authenticate Payment');
    found.push(...(await violations(page, 'design mode')));
    await page.locator('.edit-switch button', { hasText: 'Code' }).click();

    // Test state's answer, the Tests panel with its results and coverage, the lessons and an exercise.
    await page.locator('.node[data-state="Authenticate Payment"]').click();
    await page.locator('.inspector button.test-state-open').click();
    await page.locator('.test-state select[aria-label="Mock"]').selectOption('error');
    await page.locator('.test-state input[aria-label="Mock error"]').fill('Payment.UnsufficientFunds');
    await page.locator('.test-state button.test-run').click();
    await expect(page.locator('.test-answer h4.status')).toHaveText('CAUGHT_ERROR');
    found.push(...(await violations(page, 'test state')));
    await page.locator('button[aria-label="Close Test state"]').click();
    await page.locator('button.tab', { hasText: 'Tests' }).click();
    await page.locator('.tests-panel .tests-run').click();
    await expect(page.locator('.tests-panel .tests-summary')).toBeVisible({ timeout: 30_000 });
    await page.locator('.tests-coverage-toggle input').check();
    found.push(...(await violations(page, 'tests panel')));
    await page.locator('.tests-coverage-toggle input').uncheck();
    await page.locator('button.tab', { hasText: 'Definition' }).click();

    await page.locator('button.share').click();
    await expect(page.locator('.share-link')).toHaveValue(/#v1\./);
    found.push(...(await violations(page, 'share panel')));
    await page.locator('.share-panel button[title="Close"]').click();

    // The Open panel, then a recorded execution with its bar and the run departing from it.
    await page.locator('button.open-file').click();
    await expect(page.locator('.open-panel')).toBeVisible();
    found.push(...(await violations(page, 'open panel')));
    await page.locator('.open-panel textarea').fill(HISTORY);
    await page.locator('.open-panel button', { hasText: 'Open the pasted text' }).click();
    await expect(page.locator('.recording-bar')).toContainText('Playing the execution recorded in AWS');
    found.push(...(await violations(page, 'recording bar')));
    await run(page);
    await expect(page.locator('.recording-bar')).toContainText('departs from the recording');
    found.push(...(await violations(page, 'departure')));

    await page.locator('button.learn').click();
    await expect(page.locator('.learn-panel .lesson-open').first()).toBeVisible();
    found.push(...(await violations(page, 'learn panel')));
    await page.locator('.lesson-open[data-lesson="04-choice"]').click();
    await page.locator('.exercise .exercise-check').click();
    await expect(page.locator('.exercise .exercise-fail')).toBeVisible({ timeout: 30_000 });
    found.push(...(await violations(page, 'exercise')));

    await page.locator('button.present').click();
    await expect(page.locator('.app')).toHaveClass(/present/);
    found.push(...(await violations(page, 'presentation')));
    await page.screenshot({ path: `e2e/artifacts/a11y-${theme}.png` });
    expect(found).toEqual([]);
  });
}
