// The page on a phone (touch), a tablet and a projector: a shared link to the order workflow
// opens, runs and plays back; the inspector opens and closes; nothing is wider than the screen;
// and each screen's own controls work (pinch zoom and the editors' tabs on the phone, the
// splitter on the tablet, presentation's Ctrl + and − on the projector).
import { test, expect } from '@playwright/test';
import { exampleLink, widerThanTheScreen } from './links.mjs';

const SCREENS = [
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } },
  { name: 'tablet', use: { viewport: { width: 820, height: 1180 }, hasTouch: true } },
  { name: 'projector', use: { viewport: { width: 1280, height: 720 } } },
];

/** Opens the order workflow from a link, as someone following it from a chat would. */
async function openOrderLink(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(exampleLink('order-workflow', 'happy-path'));
  await expect(page.locator('.node[data-state="Authenticate Payment"]')).toBeVisible();
  return errors;
}

/** Runs, and watches the playback (which starts by itself) reach the end at the fastest speed. */
async function runAndPlay(page) {
  await expect(page.locator('button.run')).toBeInViewport();
  await page.locator('select[aria-label="Speed"]').selectOption('16');
  await page.locator('button.run').click();
  await expect(page.locator('.controls button.play')).toBeEnabled();
  await expect(page.locator('.position')).toHaveText(/^(\d+) \/ \1$/, { timeout: 30_000 });
  await expect(page.locator('.node[data-state="Mark Order As Shipped"]')).toHaveClass(/succeeded/);
}

/** The graph's viewBox as numbers: [x, y, width, height]. */
async function viewBox(page) {
  return (await page.locator('.graph-svg').getAttribute('viewBox')).split(' ').map(Number);
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use(screen.use);

    test(`on a ${screen.name}, a shared link runs and plays back, and the inspector opens and closes`, async ({ page }) => {
      const errors = await openOrderLink(page);
      expect(await widerThanTheScreen(page)).toEqual([]);
      await runAndPlay(page);
      expect(await widerThanTheScreen(page)).toEqual([]);

      const inspector = page.locator('.inspector');
      // The whole graph in view, then a state chosen on it.
      const fit = page.locator('.graph-tools button', { hasText: 'Fit' });
      const state = page.locator('.node[data-state="Authenticate Payment"]');
      if (screen.use.hasTouch) {
        await fit.tap();
        await state.tap();
      } else {
        await fit.click();
        await state.click();
      }
      await expect(inspector.locator('h3')).toHaveText('Authenticate Payment');
      await expect(inspector.locator('h3')).toBeInViewport();
      await expect(inspector).toContainText('Attempts (3)');
      expect(await widerThanTheScreen(page)).toEqual([]);
      await page.screenshot({ path: `docs/screenshots/${screen.name}.png` });
      await inspector.locator('button.close').click();
      if (screen.name === 'phone') {
        // The sheet goes back down: only its bar shows, the graph is free again.
        await expect(page.locator('.app')).not.toHaveClass(/sheet-open/);
        await expect(inspector.locator('h3')).not.toBeInViewport();
      } else {
        await expect(inspector.locator('h3')).toHaveText('Execution SUCCEEDED');
      }
      expect(errors).toEqual([]);
    });
  });
}

test.describe('phone controls', () => {
  test.use(SCREENS[0].use);

  test('the graph comes first; one finger pans, a pinch zooms; every control is 44 px high', async ({ page }) => {
    await openOrderLink(page);
    // View first: the graph, Run and the playback controls are on screen; the editors are not.
    await expect(page.locator('.graph-svg')).toBeInViewport();
    await expect(page.locator('button.run')).toBeInViewport();
    await expect(page.locator('.controls')).toBeInViewport();
    await expect(page.locator('.editor-host')).toBeHidden();

    const cdp = await page.context().newCDPSession(page);
    const box = await page.locator('.graph-svg').boundingBox();
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });

    // One finger drags the graph.
    const [x0, y0, w0] = await viewBox(page);
    await touch('touchStart', [[cx, cy]]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [[cx + 12 * i, cy + 8 * i]]);
    await touch('touchEnd', []);
    const [x1, y1, w1] = await viewBox(page);
    expect(x1).toBeLessThan(x0 - 30);
    expect(y1).toBeLessThan(y0 - 20);
    expect(w1).toBeCloseTo(w0, 3);

    // Two fingers moving apart zoom in: the view shows less of the graph.
    await touch('touchStart', [[cx - 30, cy], [cx + 30, cy]]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [[cx - 30 - 15 * i, cy], [cx + 30 + 15 * i, cy]]);
    await touch('touchEnd', []);
    const [, , w2] = await viewBox(page);
    expect(w2).toBeLessThan(w1 * 0.6);

    // Every control a finger uses is at least 44 px high.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.toolbar button, .toolbar select, .phone-nav button, .controls button, .controls select, .sheet-bar button, .graph-tools button')]
        .filter((el) => el.getBoundingClientRect().width > 0)
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => `${el.className || el.tagName} ${el.textContent.trim()} ${el.getBoundingClientRect().height}`));
    expect(small).toEqual([]);
  });

  test('the editors are one tap away, and the page stays within the screen', async ({ page }) => {
    await openOrderLink(page);
    await page.locator('.phone-nav button', { hasText: 'Definition' }).tap();
    await expect(page.locator('.editor-host')).toBeVisible();
    await expect(page.locator('.graph-svg')).toBeHidden();
    await page.waitForFunction(() => {
      const m = window.monaco;
      const model = m && m.editor.getEditors().length > 0 && m.editor.getEditors()[0].getModel();
      return model && model.getValue().includes('Authenticate Payment');
    });
    await expect(page.locator('.view-lines')).toContainText('Authenticate Payment');
    expect(await widerThanTheScreen(page)).toEqual([]);
    await page.locator('.phone-nav button', { hasText: 'Mocks' }).tap();
    await expect(page.locator('.tab.open')).toContainText('.js');
    await page.screenshot({ path: 'docs/screenshots/phone-editor.png' });
    await page.locator('.phone-nav button', { hasText: 'Graph' }).tap();
    await expect(page.locator('.graph-svg')).toBeInViewport();
  });
});

test.describe('tablet panes', () => {
  test.use(SCREENS[1].use);

  test('the editors and the graph are two panes the person resizes and folds', async ({ page }) => {
    await openOrderLink(page);
    const left = page.locator('.left');
    const splitter = page.locator('.splitter');
    const before = (await left.boundingBox()).width;
    const s = await splitter.boundingBox();
    await page.mouse.move(s.x + 4, s.y + 200);
    await page.mouse.down();
    await page.mouse.move(s.x - 120, s.y + 200, { steps: 5 });
    await page.mouse.up();
    const after = (await left.boundingBox()).width;
    expect(after).toBeLessThan(before - 80);
    // From the keyboard: the arrows resize, Enter folds the editors away and brings them back.
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    expect((await left.boundingBox()).width).toBeGreaterThan(after + 20);
    await page.keyboard.press('Enter');
    await expect(page.locator('.app')).toHaveClass(/left-folded/);
    expect((await page.locator('.graph').boundingBox()).width).toBeGreaterThan(700);
    await expect(page.locator('button.run')).toBeInViewport();
    expect(await widerThanTheScreen(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/tablet-folded.png' });
    await page.keyboard.press('Enter');
    await expect(page.locator('.app')).not.toHaveClass(/left-folded/);
    // The toolbar's less-used actions are in its menu.
    await page.locator('.toolbar button.more').click();
    await expect(page.locator('.toolbar-more button.share')).toBeVisible();
  });
});

test.describe('projector', () => {
  test.use(SCREENS[2].use);

  test('presentation mode enlarges and shrinks the text and the graph with Ctrl + and −', async ({ page }) => {
    await openOrderLink(page);
    await page.locator('button.present').click();
    await expect(page.locator('.app')).toHaveClass(/present/);
    await expect(page.locator('.left')).toBeHidden();
    const size = () => page.locator('.inspector').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const text = await size();
    expect(text).toBeGreaterThanOrEqual(15);
    const [, , width] = await viewBox(page);
    await page.locator('.graph-svg').hover();
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    expect(await size()).toBeGreaterThan(text * 1.2);
    expect((await viewBox(page))[2]).toBeLessThan(width * 0.85);
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('Control+Minus');
    await page.keyboard.press('Control+Minus');
    expect(await size()).toBeLessThan(text);
    await page.keyboard.press('Control+Digit0');
    expect(await size()).toBeCloseTo(text, 1);
    expect(await widerThanTheScreen(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/projector.png' });
  });
});
