// What the browser tests share: opening the page fresh, driving the editor, reading the run.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

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
  // The editor is up and holds the definition (a first visit fetches the first example).
  await page.waitForFunction(() => {
    const m = window.monaco;
    const model = m && m.editor.getEditors().length > 0 && m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
    return model && model.getValue().length > 0;
  });
  return errors;
}

/** The page, fresh (empty storage), once its first graph is drawn: the editor may not have
 * loaded yet. Collects page errors. */
export async function openFresh(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.locator('.graph-svg [data-state]').first()).toBeVisible();
  return errors;
}

/** The page on a phone, fresh: a phone shows the graph first and loads the editor when an
 * editor is first shown, so the Definition view is opened until the editor holds the
 * definition, then the graph is shown again when `back` (the default). Collects page errors. */
export async function openOnPhone(page, { back = true } = {}) {
  const errors = await openFresh(page);
  await page.locator('.phone-nav button', { hasText: 'Definition' }).click();
  await page.waitForFunction(() => {
    const m = window.monaco;
    const model = m && m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
    return model && model.getValue().length > 0;
  });
  if (back) await page.locator('.phone-nav button', { hasText: 'Graph' }).click();
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

/** Chooses an example from the menu and waits until its definition is in the editor. */
export async function chooseExample(page, id) {
  const definition = readFileSync(new URL(`../examples/${id}/definition.asl.json`, import.meta.url), 'utf8');
  await page.locator('select[aria-label="Example"]').selectOption(id);
  await page.waitForFunction((text) => {
    const m = window.monaco;
    return m.editor.getModel(m.Uri.parse('file:///definition.asl.json')).getValue() === text;
  }, definition);
}

/** Chooses one of the example's named inputs and waits until it is in the input editor. */
export async function chooseInput(page, example, name) {
  const text = readFileSync(new URL(`../examples/${example}/inputs/${name}.json`, import.meta.url), 'utf8');
  await page.locator('select[aria-label="Input preset"]').selectOption(name);
  await page.waitForFunction((text) => {
    const m = window.monaco;
    return m.editor.getModel(m.Uri.parse('file:///input.json')).getValue() === text;
  }, text);
}
