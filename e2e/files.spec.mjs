// The Files tab: the workspace's S3. A Distributed Map reads a CSV typed in the page, its
// ResultWriter's files appear after the run, marked as written by it; the files are saved
// with the workspace (a reload keeps them) and travel in share links.
import { test, expect } from '@playwright/test';
import { open, run, toEnd, setModel, modelText, shot, chooseExample } from './helpers.mjs';

const DEFINITION = 'file:///definition.asl.json';

const MACHINE = JSON.stringify({
  StartAt: 'Each Order',
  States: {
    'Each Order': {
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        Parameters: { Bucket: 'shop', Key: 'orders.csv' },
      },
      ItemBatcher: { MaxItemsPerBatch: 2 },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Count',
        States: { Count: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($.Items)' }, End: true } },
      },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'reports', Prefix: 'daily' } },
      End: true,
    },
  },
}, null, 2) + '\n';

/** Types into the open editor, as a person does: a click in its text, then the keys. */
async function typeInEditor(page, text) {
  await page.locator('.editor-host .monaco-editor .view-lines').click();
  await page.keyboard.type(text);
}

/** Adds an S3 object through the "+ File" button and its prompt. */
async function addFile(page, path) {
  page.once('dialog', (d) => d.accept(path));
  await page.locator('button.tab-add').click();
  await expect(page.locator('.tab.open')).toHaveText(path);
}

test('a Distributed Map reads a CSV typed in the Files tab and its results appear there', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = await open(page);
  await setModel(page, DEFINITION, MACHINE);
  await expect(page.locator('.graph-svg [data-state="Each Order"]')).toBeVisible();

  // The CSV, typed into its editor.
  await addFile(page, 'shop/orders.csv');
  await typeInEditor(page, 'id,amount\nA-1,12\nA-2,7\nA-3,30\n');
  await expect.poll(() => modelText(page, 'file:///s3/shop/orders.csv')).toBe('id,amount\nA-1,12\nA-2,7\nA-3,30\n');
  // The bucket the results go to.
  await addFile(page, 'reports/README.txt');
  await typeInEditor(page, 'Results land here.');

  await run(page);
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');

  // What the ResultWriter wrote is listed, marked as the run's, and readable.
  const written = page.locator('.tab-written .tab');
  await expect(written).toHaveCount(2);
  await expect(written.filter({ hasText: 'manifest.json' })).toHaveCount(1);
  await written.filter({ hasText: 'SUCCEEDED_0.json' }).click();
  const uri = await page.evaluate(() => window.monaco.editor.getEditors()[0].getModel().uri.toString());
  expect(uri).toMatch(/^file:\/\/\/s3\/reports\/daily\/.+\/SUCCEEDED_0\.json$/);
  const results = JSON.parse(await modelText(page, uri));
  expect(results.map((r) => JSON.parse(r.Output).n)).toEqual([2, 1]);

  // The inspector tells the run's story: items read, batches, outcomes, where results went.
  await page.locator('.container[data-state="Each Order"] .container-title').click();
  const mapRun = page.locator('.map-run');
  await expect(mapRun).toContainText('3 items read by the ItemReader');
  await expect(mapRun).toContainText('2 child executions, one per batch');
  await expect(mapRun).toContainText('2 succeeded, 0 failed (no failed item tolerated)');
  await expect(mapRun).toContainText('Results written to s3://reports/daily/');
  await expect(page.locator('.dataflow')).toContainText('ItemReader');
  await expect(page.locator('.dataflow')).toContainText('ItemBatcher');
  await shot(page, 'files');

  // A reload keeps the files (not the run's: they come with the next run).
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect(page.locator('.tab', { hasText: 'shop/orders.csv' })).toBeVisible();
  await page.locator('.tab', { hasText: 'shop/orders.csv' }).click();
  await expect.poll(() => modelText(page, 'file:///s3/shop/orders.csv')).toContain('A-3,30');
  await expect(page.locator('.tab-written')).toHaveCount(0);

  // A share link carries them to a fresh browser, where the same run gives the same result.
  await page.locator('button.share').click();
  await expect(page.locator('.share-link')).toHaveValue(/#v1\./);
  const link = await page.locator('.share-link').inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect(other.locator('.tab', { hasText: 'reports/README.txt' })).toBeVisible();
  await other.locator('.tab', { hasText: 'shop/orders.csv' }).click();
  await expect.poll(() => modelText(other, 'file:///s3/shop/orders.csv')).toContain('A-1,12');
  await run(other);
  await expect(other.locator('.run-status')).toHaveText('SUCCEEDED');
  await fresh.close();
  expect(errors).toEqual([]);
});

test('a missing object fails the Map as AWS does, saying how to add it', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, MACHINE);
  await run(page);
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('FAILED');
  await expect(page.locator('.outcome')).toContainText('States.ItemReaderFailed');
  await expect(page.locator('.outcome')).toContainText('Files tab');
});

test('an object can be deleted from the workspace, after a confirmation', async ({ page }) => {
  await open(page);
  await addFile(page, 'tmp/scratch.txt');
  page.once('dialog', (d) => d.dismiss());
  await page.locator('button.tab-remove[title="Delete tmp/scratch.txt"]').click();
  await expect(page.locator('.tab', { hasText: 'tmp/scratch.txt' })).toHaveCount(1);
  page.once('dialog', (d) => d.accept());
  await page.locator('button.tab-remove[title="Delete tmp/scratch.txt"]').click();
  await expect(page.locator('.tab', { hasText: 'tmp/scratch.txt' })).toHaveCount(0);
  await expect(page.locator('.tab.open')).toHaveText('Definition');
});

test('a path that is not bucket/key is refused with a message', async ({ page }) => {
  await open(page);
  page.once('dialog', (d) => d.accept('no-key-here'));
  await page.locator('button.tab-add').click();
  await expect(page.locator('.notice.error')).toContainText('bucket/key');
  await expect(page.locator('.tab', { hasText: 'no-key-here' })).toHaveCount(0);
});

test('the Distributed Map example shows its run: items read, batches, a tolerated failure, results written', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'distributed-orders');
  await expect(page.locator('.tab', { hasText: 'orders/2026-12/orders.csv' })).toBeVisible();
  await run(page);
  await toEnd(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await page.locator('.container[data-state="Charge Orders"] .container-title').click();
  const mapRun = page.locator('.map-run');
  await expect(mapRun).toContainText('14 items read by the ItemReader');
  await expect(mapRun).toContainText('4 child executions, one per batch');
  await expect(mapRun).toContainText('3 succeeded, 1 failed (up to 30% failed items tolerated)');
  await expect(mapRun).toContainText('Payment.Declined');
  await expect(page.locator('.tab-written .tab', { hasText: 'FAILED_0.json' })).toBeVisible();
  await shot(page, 'distributed-map');
});
