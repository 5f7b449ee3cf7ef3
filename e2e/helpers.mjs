// What the browser tests share: opening the page fresh, driving the editor, reading the run.
import { expect } from '@playwright/test';

/** Opens the playground with empty storage and collects console errors. */
export async function open(page, { keepStorage = false } = {}) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/');
  if (!keepStorage) {
    await page.evaluate(() => localStorage.clear());
    await page.goto('/');
  }
  await expect(page.locator('.graph-svg')).toBeVisible();
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  return errors;
}

/** Replaces the text of the editor model at `uri` (as typing would, through Monaco). */
export async function setModel(page, uri, text) {
  await page.evaluate(([uri, text]) => {
    const model = window.monaco.editor.getModel(window.monaco.Uri.parse(uri));
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  }, [uri, text]);
}

export async function modelText(page, uri) {
  return page.evaluate((uri) => window.monaco.editor.getModel(window.monaco.Uri.parse(uri)).getValue(), uri);
}

/** Presses Run and waits for the run to finish. */
export async function run(page) {
  await page.locator('button.run').click();
  await expect(page.locator('button.run')).toHaveText(/Run/, { timeout: 30_000 });
  await expect(page.locator('.run-status')).not.toHaveText('');
}

/** Jumps the playback to the end. */
export async function toEnd(page) {
  await page.locator('button[title="Jump to the end"]').click();
}

export async function shot(page, name) {
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}
