// Every template of ../shared/conformance/templates/ (SAM and CloudFormation templates and
// standalone YAML definitions from AWS's sample repositories) opens in the page: pasted as the
// definition, each of its state machines is offered and opens (a DefinitionUri one with its
// file), and the graph draws as many states as the index counts. A state machine kept in S3
// is offered with the reason it cannot open. Skipped when ../shared is not beside the
// repository.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { open, setModel } from './helpers.mjs';

const DIR = new URL('../../shared/conformance/templates/', import.meta.url).pathname;
const DEFINITION = 'file:///definition.asl.json';
const index = existsSync(join(DIR, 'index.json')) ? JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) : [];

test('every template of the conformance set opens, each state machine drawn with its states', async ({ page }) => {
  test.skip(index.length === 0, '../shared/conformance/templates is absent');
  test.setTimeout(600_000);
  const errors = await open(page);
  let drawn = 0;
  const problems = [];
  for (const entry of index) {
    const text = readFileSync(join(DIR, entry.file), 'utf8');
    const nodes = page.locator('.graph-svg [data-state]');
    if (entry.format === 'asl-yaml') {
      await setModel(page, DEFINITION, text);
      try {
        await expect(nodes).toHaveCount(entry.states_total, { timeout: 5_000 });
        drawn += 1;
      } catch {
        problems.push(`${entry.file}: ${await nodes.count()} states drawn, the index counts ${entry.states_total}`);
      }
      continue;
    }
    for (const machine of entry.state_machines) {
      await setModel(page, DEFINITION, text);
      const offered = page.locator('.template-offer li').filter({ has: page.locator('strong', { hasText: new RegExp(`^${machine.logical_id}$`) }) });
      await expect(offered).toHaveCount(1, { timeout: 5_000 });
      if (machine.states_total === null) {
        await expect(offered).toContainText('cannot open');
        continue;
      }
      if (machine.definition_via === 'DefinitionUri') {
        const file = join(dirname(join(DIR, entry.file)), machine.definition_uri);
        await offered.locator('input[type=file]').setInputFiles({ name: 'definition', mimeType: 'text/plain', buffer: readFileSync(file) });
      } else {
        await offered.getByRole('button', { name: 'Open' }).click();
      }
      try {
        await expect(page.locator('.template-offer')).toHaveCount(0, { timeout: 5_000 });
        await expect(nodes).toHaveCount(machine.states_total, { timeout: 5_000 });
        drawn += 1;
      } catch {
        problems.push(`${entry.file} ${machine.logical_id}: ${await nodes.count()} states drawn, the index counts ${machine.states_total}`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(drawn).toBeGreaterThanOrEqual(140);
  expect(errors).toEqual([]);
});
