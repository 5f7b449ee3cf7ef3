// Opening what a Step Functions user has: a file chosen in the Open panel (a CDK template, as
// `cdk synth` writes it), and a file dropped anywhere on the page (an execution history). The
// page tells which it was given; the work it replaces is kept as a draft.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, openFresh, run, setModel, chooseExample } from './helpers.mjs';

const CDK = new URL('../crates/asl-cli/tests/fixtures/templates/OrdersStack.template.json', import.meta.url).pathname;
const HISTORY = readFileSync(new URL('./fixtures/order-declined-history.json', import.meta.url), 'utf8');

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`a CDK template opens from a file at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const phone = viewport.width < 500;
    const errors = await openFresh(page);

    if (phone) await page.locator('button.more').click();
    await page.locator('button.open-file').click();
    await expect(page.locator('.open-panel')).toBeVisible();
    if (phone) {
      const low = await page.evaluate(() => [...document.querySelectorAll('.open-panel button, .open-panel .file-open')]
        .filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.outerHTML.slice(0, 60)));
      expect(low).toEqual([]);
    }
    await page.locator('.open-panel input[type=file]').setInputFiles(CDK);
    await expect(page.locator('.notice')).toContainText('Opened OrdersStack.template.json.');
    if (phone) await page.locator('.phone-nav button', { hasText: 'Definition' }).click();
    const offer = page.locator('.template-offer');
    await expect(offer).toContainText('OrderFlowCE4B4FF5');
    await offer.locator('li', { hasText: 'OrderFlowCE4B4FF5' }).getByRole('button', { name: 'Open' }).click();
    await expect(page.locator('.graph-svg [data-state]')).toHaveCount(2);
    await expect(page.locator('.graph-svg [data-state="Check Stock"]')).toBeAttached();
    if (!phone) await expect(page.locator('.tabs')).toContainText('CheckStockFunction6B3B0E1D.js');
    await page.waitForFunction(() => window.monaco?.editor.getModel(window.monaco.Uri.parse('file:///input.json')));
    await setModel(page, 'file:///input.json', '{"id": "o-9"}');
    if (phone) await page.locator('.phone-nav button', { hasText: 'Graph' }).click();
    await run(page);
    // (A phone's toolbar has no room for the status: the graph says it.)
    if (phone) await expect(page.locator('.graph-svg [data-state="Save Order"]')).toHaveClass(/succeeded/);
    else await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
    expect(errors).toEqual([]);
  });
}

test('a history dropped on the page plays back, and the work it came over stays', async ({ page }) => {
  const errors = await open(page);
  await chooseExample(page, 'order-workflow');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'execution-history.json', { type: 'application/json' }));
    const target = document.querySelector('.graph-svg');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, HISTORY);
  await expect(page.locator('.recording-bar')).toContainText('Playing the execution recorded in AWS');
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await expect(page.locator('select[aria-label="Example"]')).toHaveValue('order-workflow');
  expect(errors).toEqual([]);
});
