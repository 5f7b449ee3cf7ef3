// The app's wasm in parts (scripts/build-wasm.mjs): the graph is drawn from the main module
// alone, the code that runs workflows arrives later (ahead of Run, or for it), and when it
// cannot be fetched, Run says so, the work stays, and the next Run fetches it again.
import { test, expect } from '@playwright/test';
import { open, run, toEnd, modelText } from './helpers.mjs';

// Playwright's routes see the page's own requests, not a service worker's.
test.use({ serviceWorkers: 'block' });

const SPLIT = /\/app-[0-9a-f]{16}\/split_[^/]+\.wasm$/;
const DEFINITION = 'file:///definition.asl.json';

test('the graph is drawn without the code that runs workflows; Run waits for it', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const asked = [];
  await page.route(SPLIT, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  const errors = await open(page);
  // The graph and the editor are up while the run's code is still on its way.
  await expect(page.locator('.graph-svg [data-state]').first()).toBeVisible();
  await expect.poll(() => asked.length, { message: 'the run code is fetched ahead of Run' }).toBeGreaterThan(0);

  await page.locator('button.run').click();
  await expect(page.locator('button.run')).toHaveAttribute('aria-disabled', 'true');
  release();
  await expect(page.locator('button.run')).toHaveText(/Run/, { timeout: 30_000 });
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await toEnd(page);
  expect(errors).toEqual([]);
});

test('when the run code cannot be fetched, Run says so, keeps the work and tries again', async ({ page }) => {
  let offline = true;
  await page.route(SPLIT, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await open(page);
  const definition = await modelText(page, DEFINITION);

  await page.locator('button.run').click();
  await expect(page.locator('.run-status')).toHaveText('Not run');
  await expect(page.locator('.problems .refused')).toContainText('could not be loaded');
  expect(await modelText(page, DEFINITION)).toBe(definition);

  offline = false;
  await run(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await expect(page.locator('.problems .refused')).toHaveCount(0);
});
