// Export: the files have the right content, and the AWS snippets carry the definition.
import { test, expect } from '@playwright/test';
import { readFileSync, copyFileSync } from 'node:fs';
import { open, run, toEnd, shot, modelText, chooseExample } from './helpers.mjs';

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

test('the definition, the history, and the graph as SVG and PNG download with the right content', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'order-workflow');
  await page.locator('button.export').click();
  const panel = page.locator('.export-panel');
  await expect(panel.locator('.export-history')).toBeDisabled();

  const definition = await download(page, '.export-definition');
  expect(definition.name).toBe('order-workflow.asl.json');
  expect(readFileSync(definition.path, 'utf8')).toBe(await modelText(page, 'file:///definition.asl.json'));

  const svg = await download(page, '.export-svg');
  expect(svg.name).toBe('order-workflow.svg');
  const svgText = readFileSync(svg.path, 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Authenticate Payment');
  expect(svgText).toMatch(/viewBox="[-\d.]+ [-\d.]+ [\d.]+ [\d.]+"/);
  // Styles are written in, so the file looks the same without the page's stylesheet.
  expect(svgText).toContain('stroke:');

  const png = await download(page, '.export-png');
  expect(png.name).toBe('order-workflow.png');
  const bytes = readFileSync(png.path);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(400);
  copyFileSync(png.path, 'e2e/artifacts/exported-graph.png');

  await panel.locator('button.dismiss').click();
  await run(page);
  await toEnd(page);
  await page.locator('button.export').click();
  const history = await download(page, '.export-history');
  expect(history.name).toBe('order-workflow-history.json');
  const { events } = JSON.parse(readFileSync(history.path, 'utf8'));
  expect(events[0].type).toBe('ExecutionStarted');
  expect(events[0].id).toBe(1);
  expect(events.at(-1).type).toBe('ExecutionSucceeded');
  expect(events.at(-1).previousEventId).toBe(events.length - 1);
  expect(events.filter((e) => e.type === 'LambdaFunctionFailed')).toHaveLength(2);
});

test('the AWS CLI command and the CloudFormation and SAM templates carry the definition', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await chooseExample(page, 'human-approval');
  await page.locator('.segmented button', { hasText: 'EXPRESS' }).click();
  await page.locator('button.export').click();
  const panel = page.locator('.export-panel');
  const snippet = panel.locator('.export-snippet');
  await expect(snippet).toContainText('aws stepfunctions create-state-machine');
  await expect(snippet).toContainText('--name human-approval');
  await expect(snippet).toContainText('--type EXPRESS');
  await panel.locator('.copy-snippet').click();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  const quoted = command.split('--definition ')[1].trim();
  expect(quoted.startsWith("'") && quoted.endsWith("'")).toBe(true);
  const definition = JSON.parse(quoted.slice(1, -1).replaceAll("'\\''", "'"));
  expect(definition.StartAt).toBe('Request Approval');
  await shot(page, 'export-panel');

  await panel.locator('.export-targets button', { hasText: 'CloudFormation' }).click();
  await expect(snippet).toContainText('Type: AWS::StepFunctions::StateMachine');
  await expect(snippet).toContainText('StateMachineType: EXPRESS');
  await expect(snippet).toContainText('"StartAt": "Request Approval"');
  await panel.locator('.export-targets button', { hasText: 'SAM' }).click();
  await expect(snippet).toContainText('Type: AWS::Serverless::StateMachine');
});

test('a definition that does not read cannot be exported for AWS, and says why', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const model = window.monaco.editor.getModel(window.monaco.Uri.parse('file:///definition.asl.json'));
    model.setValue('{ "StartAt": ');
  });
  await page.locator('button.export').click();
  await expect(page.locator('.export-panel [role="alert"]')).toContainText('The definition does not read as JSON or YAML');
});

test('the graph exported in the dark theme keeps it: dark background, light text, in the SVG and the PNG', async ({ page }) => {
  await open(page);
  await page.locator('button.theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('button.export').click();
  const svgText = readFileSync((await download(page, '.export-svg')).path, 'utf8');
  // The background rectangle is the dark graph's colour, and state names are drawn light.
  const fill = /<rect [^>]*fill="rgb\((\d+), (\d+), (\d+)\)"/.exec(svgText);
  expect(fill).not.toBeNull();
  expect(Math.max(+fill[1], +fill[2], +fill[3])).toBeLessThan(60);
  expect(svgText).toMatch(/class="name"[^>]*style="fill:rgb\(2[0-9]{2}, 2[0-9]{2}, 2[0-9]{2}\)|style="fill:rgb\(2[0-9]{2}, 2[0-9]{2}, 2[0-9]{2}\)[^"]*"[^>]*class="name"/);
  const png = readFileSync((await download(page, '.export-png')).path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // The theme is remembered for the next visit.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  await expect(page.locator('.view-lines')).toContainText('StartAt');
  await page.screenshot({ path: 'docs/screenshots/dark.png' });
});
