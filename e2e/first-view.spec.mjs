// The plain page's first view (scripts/first-view.mjs): on a first visit, index.html alone shows
// the first example's graph and explanation before the app's wasm has arrived; the app takes
// the copy away as it starts, so the two are never in the page together. A link, or saved
// work, opens something else: the copy is never shown then.
import { test, expect } from '@playwright/test';
import { open } from './helpers.mjs';

// Playwright's routes see the page's own requests, not a service worker's.
test.use({ serviceWorkers: 'block' });

const MAIN_WASM = /\/app-[0-9a-f]{16}\/asl-playground_bg\.wasm$/;

/** Holds the app's main wasm back until the returned function is called. */
async function holdTheApp(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(MAIN_WASM, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const copy = (page) => page.locator('#first-view');

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`a first visit shows the first example before the app has arrived, at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const release = await holdTheApp(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto('/');
    await expect(copy(page)).toBeVisible();
    await expect(copy(page).locator('.graph-svg [data-state="processTransaction"]')).toBeVisible();
    await expect(copy(page).locator('.about-text')).toContainText('processTransaction');
    // A picture, not the app: nothing in it can be focused, clicked, or read out.
    await expect(copy(page)).toHaveAttribute('inert', '');
    await expect(copy(page)).toHaveAttribute('aria-hidden', 'true');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide).toBeLessThanOrEqual(0);
    if (viewport.width < 500) await page.screenshot({ path: 'docs/screenshots/first-view-phone.png' });

    release();
    // The app replaces it: one graph in the page, the app's.
    await expect(copy(page)).toHaveCount(0);
    await expect(page.locator('.graph-svg')).toHaveCount(1);
    await expect(page.locator('.graph-svg [data-state="processTransaction"]')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('in a dark room the first view is dark, and its theme switch names the light theme, as the app does', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const release = await holdTheApp(page);
  await page.goto('/');
  await expect(copy(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const label = (root) => page.locator(`${root} button.theme`).evaluate((b) => b.innerText.trim());
  expect(await label('#first-view')).toBe('☀ Light');
  release();
  await expect(copy(page)).toHaveCount(0);
  expect(await label('.app')).toBe('☀ Light');
  await page.locator('.app button.theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await label('.app')).toBe('☾ Dark');
});

test('on a first visit the app is asked for after the first view has been painted', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.graph-svg [data-state="processTransaction"]')).toBeVisible();
  await expect(copy(page)).toHaveCount(0);
  const times = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    app: performance.getEntriesByType('resource').find((e) => /asl-playground_bg\.wasm$/.test(e.name))?.startTime,
  }));
  expect(times.paint).toBeGreaterThan(0);
  expect(times.app).toBeGreaterThan(times.paint);
});

test('a link, or work saved from an earlier visit, never shows the first example', async ({ page }) => {
  // Work saved from an earlier visit.
  await open(page);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('asl-playground/workspace/v1'))).not.toBeNull();
  let release = await holdTheApp(page);
  await page.reload();
  await expect(page.locator('body')).toBeAttached();
  await expect(copy(page)).toBeHidden();
  release();
  await expect(copy(page)).toHaveCount(0);

  // A link, on a first visit.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.evaluate(() => localStorage.clear());
  release = await holdTheApp(page);
  await page.goto('/#v1.a-link-to-another-workflow');
  await expect(page.locator('body')).toBeAttached();
  await expect(copy(page)).toBeHidden();
  release();
  await expect(copy(page)).toHaveCount(0);
});
