// SAM and CloudFormation templates in the page: a template pasted as the definition offers its
// state machines; one opens as YAML with its placeholders valued in the Substitutions panel
// (from DefinitionSubstitutions and the template's resources), runs with mocks named after
// the resources, takes the person's values, and travels in a share link with its template.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, openOnPhone, setModel, modelText, run, shot } from './helpers.mjs';

const DEFINITION = 'file:///definition.asl.json';
const TEMPLATE = readFileSync(new URL('../crates/asl-cli/tests/fixtures/templates/sam-orders.yaml', import.meta.url), 'utf8');
const CLEANUP = readFileSync(new URL('../crates/asl-cli/tests/fixtures/templates/cleanup.asl.json', import.meta.url), 'utf8');

const row = (page, name) => page.locator('.substitutions tr', { has: page.locator('th', { hasText: `\${${name}}` }) });

async function openOrderFlow(page) {
  await setModel(page, DEFINITION, TEMPLATE);
  const offer = page.locator('.template-offer');
  await expect(offer).toContainText('A template with 2 state machines');
  await expect(page.locator('.problems')).toContainText('This is a SAM or CloudFormation template with 2 state machines');
  await offer.locator('li', { hasText: 'OrderFlow' }).getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.graph-svg [data-state="Save"]')).toBeAttached();
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`a SAM template opens, its substitutions are shown and used, at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const phone = viewport.width < 500;
    const view = (name) => (phone ? page.locator('.phone-nav button', { hasText: name }).click() : Promise.resolve());
    // On a phone the editor loads when an editor is first shown.
    const errors = phone ? await openOnPhone(page, { back: false }) : await open(page);
    await view('Definition');
    await openOrderFlow(page);

    // The definition is the template's block, as YAML, without the template's indentation.
    const text = await modelText(page, DEFINITION);
    expect(text.startsWith('StartAt: Check\nStates:\n  Check:\n')).toBe(true);
    expect(await page.evaluate(() => window.monaco.editor.getModel(window.monaco.Uri.parse('file:///definition.asl.json')).getLanguageId())).toBe('yaml');
    await expect(page.locator('.graph-svg [data-state]')).toHaveCount(2);
    await view('Graph');
    await expect(page.locator('.graph-svg [data-state="Check"]')).toBeVisible();
    await view('Definition');

    if (phone) {
      const low = await page.evaluate(() => [...document.querySelectorAll('.substitutions input, .template-offer button, .template-offer .file-open')]
        .filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.outerHTML.slice(0, 60)));
      expect(low).toEqual([]);
    }
    // Every placeholder, prefilled: DefinitionSubstitutions' Ref, a GetAtt, a parameter.
    await expect(row(page, 'Table').locator('input')).toHaveValue('OrdersTable');
    await expect(row(page, 'CheckStock.Arn').locator('input')).toHaveValue('arn:aws:lambda:us-east-1:123456789012:function:CheckStock');
    await expect(row(page, 'Stage').locator('input')).toHaveValue('dev');
    if (viewport.width >= 500) await shot(page, 'template-substitutions');

    // The mock is named after the function; the run uses the values.
    if (!phone) await expect(page.locator('.tabs')).toContainText('CheckStock');
    await setModel(page, 'file:///input.json', '{"id": "o-1"}');
    await view('Graph');
    await run(page);
    await expect(page.locator('.run-status')).toContainText('SUCCEEDED');
    await view('Definition');

    // A value of the person's own.
    await row(page, 'Table').locator('input').fill('my-orders');
    await row(page, 'Table').locator('input').press('Enter');
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('asl-playground/workspace/v1')).substitutions)).toEqual({ Table: 'my-orders' });
    expect(errors).toEqual([]);
  });
}

test('YAML mistakes are placed in the YAML, and a placeholder with no value is flagged where it is used', async ({ page }) => {
  await open(page);
  await openOrderFlow(page);
  const text = await modelText(page, DEFINITION);
  await setModel(page, DEFINITION, text.replace('Next: Save', 'Next: Nowhere').replace('${Table}', '${Unknown}'));
  const problem = page.locator('.problems li', { hasText: "leads to 'Nowhere'" });
  await expect(problem.locator('.where')).toHaveText('7:11');
  await expect(page.locator('.problems li', { hasText: '${Unknown} has no value' })).toBeVisible();
  await expect(row(page, 'Unknown')).toHaveClass(/unvalued/);
});

test('a DefinitionUri state machine asks for its file, and a link carries the template and the values', async ({ page, browser }) => {
  await open(page);
  await setModel(page, DEFINITION, TEMPLATE);
  const cleanup = page.locator('.template-offer li', { hasText: 'Cleanup' });
  await expect(cleanup).toContainText('DefinitionUri cleanup.asl.json');
  await cleanup.locator('input[type=file]').setInputFiles({ name: 'cleanup.asl.json', mimeType: 'application/json', buffer: Buffer.from(CLEANUP) });
  await expect(page.locator('.graph-svg [data-state="Empty"]')).toBeVisible();
  expect(await modelText(page, DEFINITION)).toBe(CLEANUP);
  await expect(row(page, 'Bucket').locator('input')).toHaveValue('archive');
  await expect(row(page, 'Note')).toHaveClass(/unvalued/);
  await row(page, 'Note').locator('input').fill('hello');
  await row(page, 'Note').locator('input').press('Enter');
  await expect(row(page, 'Note')).not.toHaveClass(/unvalued/);

  await page.locator('button.share').click();
  await expect(page.locator('.share-link')).toHaveValue(/#v1\./);
  const link = await page.locator('.share-link').inputValue();
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.locator('.graph-svg [data-state="Empty"]')).toBeVisible();
  await expect(row(fresh, 'Bucket').locator('input')).toHaveValue('archive');
  await expect(row(fresh, 'Note').locator('input')).toHaveValue('hello');
  await fresh.locator('button.run').click();
  await expect(fresh.locator('.run-status')).toContainText('SUCCEEDED');
});

test('a template with no state machine, one in S3, and a YAML alias bomb are said, and the page lives', async ({ page }) => {
  const errors = await open(page);
  await setModel(page, DEFINITION, 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
  await expect(page.locator('.template-offer')).toContainText('It defines no state machine');
  await setModel(page, DEFINITION, 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri:\n        Bucket: b\n        Key: k.json\n');
  await expect(page.locator('.template-offer')).toContainText('cannot open: its definition is in S3 (s3://b/k.json)');
  let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  await setModel(page, DEFINITION, bomb);
  await expect(page.locator('.problems')).toContainText('aliases expand to more than');
  // The page still answers.
  await setModel(page, DEFINITION, '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}');
  await expect(page.locator('.graph-svg [data-state="A"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('export writes the edited definition back into the template, which opens again the same', async ({ page }) => {
  await open(page);
  await openOrderFlow(page);
  await row(page, 'Table').locator('input').fill('my-orders');
  await row(page, 'Table').locator('input').press('Enter');
  const edited = (await modelText(page, DEFINITION)).replace('    Next: Save\n', '    Comment: checked\n    Next: Save\n');
  await setModel(page, DEFINITION, edited);
  await expect(page.locator('.graph-svg [data-state="Check"]')).toBeAttached();

  await page.locator('button', { hasText: 'Export' }).first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-template').click()]);
  expect(download.suggestedFilename()).toBe('template.yaml');
  const written = readFileSync(await download.path(), 'utf8');
  // The template as it was, but for the definition's new line, in the template's indentation.
  expect(written).toBe(TEMPLATE.replace('            Next: Save\n', '            Comment: checked\n            Next: Save\n'));
  await page.locator('.export-panel button[title="Close"]').click();

  // Opened again: the same definition, the same substitutions from the template.
  await setModel(page, DEFINITION, written);
  await page.locator('.template-offer li', { hasText: 'OrderFlow' }).getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => modelText(page, DEFINITION)).toBe(edited);
  await expect(row(page, 'Table').locator('input')).toHaveValue('OrdersTable');
});

for (const theme of ['light', 'dark']) {
  test(`the template's state machines and the Substitutions pass axe in the ${theme} theme`, async ({ page }) => {
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    const check = async () => (await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('.template-offer, .substitutions')
      .analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    await open(page);
    if ((await page.evaluate(() => document.documentElement.getAttribute('data-theme'))) !== theme) await page.locator('button.theme').click();
    await setModel(page, DEFINITION, TEMPLATE);
    await expect(page.locator('.template-offer')).toBeVisible();
    expect(await check()).toEqual([]);
    await page.locator('.template-offer li', { hasText: 'OrderFlow' }).getByRole('button', { name: 'Open' }).click();
    await expect(page.locator('.substitutions')).toBeVisible();
    await setModel(page, DEFINITION, (await modelText(page, DEFINITION)).replace('${Table}', '${Unknown}'));
    await expect(row(page, 'Unknown')).toHaveClass(/unvalued/);
    expect(await check()).toEqual([]);
  });
}
