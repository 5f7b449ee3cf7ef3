// The definition in either form: the JSON | YAML switch beside Code and Design rewrites the
// definition in the other form (the graph and runs are the same), a template's YAML definition
// shown as JSON is written back into its template as YAML, and "Create it on AWS" gives a YAML
// definition as the JSON AWS takes.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, setModel, modelText, run, chooseExample } from './helpers.mjs';

const DEFINITION = 'file:///definition.asl.json';
const TEMPLATE = readFileSync(new URL('../crates/asl-cli/tests/fixtures/templates/sam-orders.yaml', import.meta.url), 'utf8');
const language = (page) => page.evaluate(() => window.monaco.editor.getModel(window.monaco.Uri.parse('file:///definition.asl.json')).getLanguageId());

test('the switch shows the definition as YAML and back as JSON, and it runs the same', async ({ page }) => {
  const errors = await open(page);
  await chooseExample(page, 'order-workflow');
  const original = JSON.parse(await modelText(page, DEFINITION));
  const states = await page.locator('.graph-svg [data-state]').count();
  const format = page.locator('.format-switch');
  await expect(format.getByRole('button', { name: 'JSON' })).toHaveAttribute('aria-pressed', 'true');

  await format.getByRole('button', { name: 'YAML' }).click();
  await expect(format.getByRole('button', { name: 'YAML' })).toHaveAttribute('aria-pressed', 'true');
  const yaml = await modelText(page, DEFINITION);
  expect(yaml).toMatch(/^Comment: /);
  expect(yaml).toContain('\n  Authenticate Payment:\n    Next: Reserve Item\n    Retry:\n      - ErrorEquals:\n          - Lambda.ServiceException\n');
  expect(await language(page)).toBe('yaml');
  await expect(page.locator('.graph-svg [data-state]')).toHaveCount(states);
  await run(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');

  // "Create it on AWS" gives AWS the definition as JSON.
  await page.locator('button.export').click();
  await expect(page.locator('.export-snippet')).toContainText('"StartAt":"Create Order In Pending"');
  await page.locator('.export-panel .dismiss').click();

  await format.getByRole('button', { name: 'JSON' }).click();
  await expect(format.getByRole('button', { name: 'JSON' })).toHaveAttribute('aria-pressed', 'true');
  expect(JSON.parse(await modelText(page, DEFINITION))).toEqual(original);
  expect(await language(page)).toBe('json');

  // YAML with a mistake is not switched, and says why.
  await setModel(page, DEFINITION, 'StartAt: A\nStates: [unclosed\n');
  await format.getByRole('button', { name: 'JSON' }).click();
  await expect(page.locator('.notice.error')).toContainText('Not switched');
  expect(await modelText(page, DEFINITION)).toBe('StartAt: A\nStates: [unclosed\n');
  expect(errors).toEqual([]);
});

test("a template's YAML definition, switched to JSON, goes back into the template as YAML", async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, TEMPLATE);
  const offer = page.locator('.template-offer');
  await offer.locator('li', { hasText: 'OrderFlow' }).getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.graph-svg [data-state="Save"]')).toBeAttached();
  await page.locator('.format-switch').getByRole('button', { name: 'JSON' }).click();
  await expect.poll(() => modelText(page, DEFINITION)).toMatch(/^\{\n  "StartAt": "Check"/);
  await expect(page.locator('.graph-svg [data-state]')).toHaveCount(2);

  await page.locator('button.export').click();
  const download = page.waitForEvent('download');
  await page.locator('.export-template').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text).toContain('      Definition:\n        StartAt: Check\n        States:\n');
  expect(text).not.toContain('"StartAt"');
});
