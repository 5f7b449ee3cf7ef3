// Design mode: states added from the palette and changed in the form, through the engine's
// edits of the definition's text. Only the part an edit touches changes; undo and redo (in
// either mode) give back the exact texts; a name in use is refused with the engine's message;
// a definition that is not JSON keeps design mode waiting and loses nothing.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, modelText, setModel, run, chooseExample } from './helpers.mjs';

const example = (path) => readFileSync(new URL(`../examples/transaction/${path}`, import.meta.url), 'utf8');

const DEFINITION = 'file:///definition.asl.json';
const SIMPLE = `{
    "Comment": "kept as written",
    "StartAt": "Start",
    "States": {
        "Start": { "Type": "Pass", "Next": "Finish" },
        "Finish": { "Type": "Succeed" }
    }
}`;

/** The definition as the store holds it (the graph is drawn from it). */
const state = (page, name) => page.locator(`.graph-svg [data-state="${name}"]`);

async function design(page) {
  await page.locator('.edit-switch button', { hasText: 'Design' }).click();
  await expect(page.locator('.design-pane, .design-blocked').first()).toBeVisible();
}

test('a state from the palette goes after the selected one; undo and redo give back the texts', async ({ page }) => {
  const errors = await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await expect(state(page, 'Finish')).toBeVisible();
  await design(page);

  await state(page, 'Start').click();
  await page.locator('.palette-filter').fill('wait');
  await expect(page.locator('.palette-item[data-template="pass"]')).toHaveCount(0);
  await page.locator('.palette-item[data-template="wait"]').click();
  await expect(state(page, 'Wait')).toBeVisible();

  const after = await modelText(page, DEFINITION);
  // Only the new state and the transition into it were written; the rest is as it was.
  expect(after).toContain('"Comment": "kept as written"');
  expect(after).toContain('"Start": { "Type": "Pass", "Next": "Wait" }');
  expect(after).toContain('"Finish": { "Type": "Succeed" }');
  expect(after).toMatch(/"Wait": \{\n {12}"Type": "Wait",\n {12}"Seconds": 5,\n {12}"Next": "Finish"\n {8}\}/);
  // The new state is selected, in the form.
  await expect(page.locator('.state-form input[aria-label="State name"]')).toHaveValue('Wait');

  await page.locator('.palette-item[data-template="wait"]').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => modelText(page, DEFINITION)).toBe(SIMPLE);
  await expect(state(page, 'Wait')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => modelText(page, DEFINITION)).toBe(after);
  await expect(state(page, 'Wait')).toBeVisible();

  // The same history from the code view.
  await page.locator('.edit-switch button', { hasText: 'Code' }).click();
  await page.locator('.editor-host .view-lines').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => modelText(page, DEFINITION)).toBe(SIMPLE);
  expect(errors).toEqual([]);
});

test('the form renames with every reference, refuses a name in use, and deletes closing the gap', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await design(page);
  await state(page, 'Start').click();
  await page.locator('.palette-item[data-template="pass"]').click();
  await expect(state(page, 'Pass')).toBeVisible();

  const name = page.locator('.state-form input[aria-label="State name"]');
  await name.fill('Finish');
  await name.press('Enter');
  await expect(page.locator('.state-form .field-error')).toContainText("already named 'Finish'");
  expect(await modelText(page, DEFINITION)).toContain('"Pass": {');

  await name.fill('Prepare order');
  await name.press('Enter');
  await expect(state(page, 'Prepare order')).toBeVisible();
  await expect(page.locator('.state-form .field-error')).toHaveCount(0);
  let text = await modelText(page, DEFINITION);
  expect(text).toContain('"Start": { "Type": "Pass", "Next": "Prepare order" }');
  expect(text).not.toContain('"Pass": {');

  await page.locator('.state-form input[aria-label="State comment"]').fill('gets the order ready');
  await page.locator('.state-form input[aria-label="State comment"]').press('Enter');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"Comment": "gets the order ready"');
  await page.screenshot({ path: 'docs/screenshots/design.png' });

  await page.locator('.state-form button', { hasText: 'Delete' }).click();
  await expect(state(page, 'Prepare order')).toHaveCount(0);
  text = await modelText(page, DEFINITION);
  expect(text).toBe(SIMPLE);
  await run(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
});

test("a field's value is checked by the engine as it is typed; a refused one leaves the definition as it was", async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await design(page);
  await state(page, 'Start').click();
  await page.locator('.palette-item[data-template="wait"]').click();
  await expect(page.locator('.state-form input[aria-label="State name"]')).toHaveValue('Wait');

  const seconds = page.locator('.state-form input[aria-label="Seconds"]');
  await expect(seconds).toHaveValue('5');
  await seconds.fill('30');
  await seconds.press('Enter');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"Seconds": 30,');

  const before = await modelText(page, DEFINITION);
  const inputPath = page.locator('.state-form input[aria-label="InputPath"]');
  await inputPath.fill('$..');
  await expect(page.locator('.state-form .field-error')).toBeVisible();
  await inputPath.press('Enter');
  expect(await modelText(page, DEFINITION)).toBe(before);
  await inputPath.fill('$.order');
  await expect(page.locator('.state-form .field-error')).toHaveCount(0);
  await inputPath.press('Enter');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"InputPath": "$.order",');

  // A Wait waits one way: a timestamp replaces its seconds.
  await page.locator('.state-form input[aria-label="Timestamp"]').fill('2026-01-01T00:00:00Z');
  await page.locator('.state-form input[aria-label="Timestamp"]').press('Enter');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"Timestamp": "2026-01-01T00:00:00Z"');
  expect(await modelText(page, DEFINITION)).not.toContain('"Seconds"');

  // The machine's own settings, with no state selected.
  await page.locator('.inspector button.close').click();
  await expect(page.locator('.state-form .form-title')).toHaveText('The state machine');
  const comment = page.locator('.state-form input[aria-label="Comment"]');
  await expect(comment).toHaveValue('kept as written');
  await comment.fill('orders, start to end');
  await comment.press('Enter');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"Comment": "orders, start to end",\n    "StartAt"');
});

test('the transaction workflow built from an empty definition with the palette and forms runs as the example does', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await setModel(page, DEFINITION, '{}');
  await design(page);
  const form = page.locator('.state-form');
  const name = form.locator('input[aria-label="State name"]');
  const rename = async (to) => {
    await name.fill(to);
    await name.press('Enter');
    await expect(state(page, to)).toBeVisible();
  };
  const field = async (label, value) => {
    const input = form.locator(`[aria-label="${label}"]`);
    await input.fill(value);
    await input.press(label === 'Parameters' ? 'Tab' : 'Enter');
    await input.blur();
  };
  const lambda = async (function_) => {
    await page.locator('.palette-item[data-template="lambda-invoke"]').click();
    await expect(name).toHaveValue(/^Lambda Invoke/);
    await rename(function_);
    await field('Resource', `arn:aws:lambda:us-east-1:123456789012:function:${function_}`);
    await field('Parameters', '');
    await field('OutputPath', '');
  };

  // The router, then a task on its Default way out: each new state goes after the selected one.
  await page.locator('.palette-item[data-template="choice"]').click();
  await rename('processTransaction');
  await lambda('TransactionPurchase');
  await state(page, 'processTransaction').click();
  await lambda('TransactionRefund');
  await form.locator('select[aria-label="Next state"]').selectOption({ label: '(end of the flow)' });

  // The rules: PURCHASE to the purchase, REFUND to the refund, no Default.
  await state(page, 'processTransaction').click();
  const rule = (n) => form.locator('fieldset.rule').nth(n);
  await rule(0).locator('input[aria-label="Variable"]').fill('$.TransactionType');
  await rule(0).locator('input[aria-label="Variable"]').press('Enter');
  await expect(rule(0).locator('input[aria-label="Variable"]')).toHaveValue('$.TransactionType');
  await rule(0).locator('select[aria-label="Operator"]').selectOption('StringEquals');
  await rule(0).locator('input[aria-label="Value"]').fill('PURCHASE');
  await rule(0).locator('input[aria-label="Value"]').press('Enter');
  await expect(rule(0).locator('input[aria-label="Value"]')).toHaveValue('PURCHASE');
  await rule(0).locator('select[aria-label="Rule 1 goes to"]').selectOption('TransactionPurchase');
  await form.locator('button', { hasText: 'Add a rule' }).click();
  await expect(rule(1)).toBeVisible();
  await rule(1).locator('input[aria-label="Variable"]').fill('$.TransactionType');
  await rule(1).locator('input[aria-label="Variable"]').press('Enter');
  await rule(1).locator('select[aria-label="Operator"]').selectOption('StringEquals');
  await rule(1).locator('input[aria-label="Value"]').fill('REFUND');
  await rule(1).locator('input[aria-label="Value"]').press('Enter');
  await expect(rule(1).locator('input[aria-label="Value"]')).toHaveValue('REFUND');
  await rule(1).locator('select[aria-label="Rule 2 goes to"]').selectOption('TransactionRefund');
  await form.locator('select[aria-label="Default"]').selectOption({ label: '(none)' });
  await page.screenshot({ path: 'docs/screenshots/design-rules.png' });

  // The same state machine as the example's.
  const built = JSON.parse(await modelText(page, DEFINITION));
  const expected = JSON.parse(example('definition.asl.json'));
  delete expected.Comment;
  expect(built).toEqual(expected);
  await expect(page.locator('.problems .problem.error')).toHaveCount(0);

  // The mocks the example has, in the tabs the new tasks got; then both inputs run as the example does.
  await page.locator('.edit-switch button', { hasText: 'Code' }).click();
  for (const mock of ['TransactionPurchase', 'TransactionRefund']) {
    await page.locator('.tab', { hasText: `${mock}.js` }).click();
    await setModel(page, `file:///mocks/${mock}.js`, example(`mocks/${mock}.js`));
  }
  const outcomes = JSON.parse(example('expected.json')).inputs;
  // The inspector shows the execution's outcome when no state is chosen.
  await page.locator('.inspector button.close').click();
  for (const input of ['purchase', 'refund']) {
    await page.locator('.tab', { hasText: 'Input' }).click();
    await setModel(page, 'file:///input.json', example(`inputs/${input}.json`));
    await run(page);
    await expect(page.locator('.run-status')).toHaveText(outcomes[input].status);
    await page.locator('.outcome .json-view button', { hasText: 'Copy' }).click();
    const output = await page.evaluate(() => navigator.clipboard.readText());
    for (const text of outcomes[input].output_contains) expect(output).toContain(text);
    for (const name of outcomes[input].not_visited) await expect(state(page, name)).toHaveClass(/idle/);
  }
});

test('every example opened in design mode, each state shown in the form, keeps its text byte for byte', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  await design(page);
  const ids = JSON.parse(readFileSync(new URL('../examples/index.json', import.meta.url), 'utf8'));
  for (const id of ids) {
    const text = readFileSync(new URL(`../examples/${id}/definition.asl.json`, import.meta.url), 'utf8');
    await chooseExample(page, id);
    const names = await page.locator('.graph-svg [data-state]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state')));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      // Nodes of a large graph sit outside the pane: chosen without scrolling to them.
      await state(page, name).dispatchEvent('click');
      await expect(page.locator('.state-form input[aria-label="State name"]')).toHaveValue(name);
    }
    expect(await modelText(page, DEFINITION), id).toBe(text);
  }
});

test('the keyboard duplicates, renames and deletes the selected state', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await design(page);
  await state(page, 'Start').click();
  await page.keyboard.press('Control+d');
  await expect(state(page, 'Start 2')).toBeVisible();
  await expect(page.locator('.state-form input[aria-label="State name"]')).toHaveValue('Start 2');
  await page.keyboard.press('F2');
  await expect(page.locator('.state-form input[aria-label="State name"]')).toBeFocused();
  await page.keyboard.type(' copy');
  await page.keyboard.press('Enter');
  await expect(state(page, 'Start 2 copy')).toBeVisible();
  await state(page, 'Start 2 copy').click();
  await page.keyboard.press('Delete');
  await expect(state(page, 'Start 2 copy')).toHaveCount(0);
  expect(await modelText(page, DEFINITION)).toBe(SIMPLE);
});

test('Retry and Catch are edited with the error names offered, and a wrong value is refused', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await design(page);
  await state(page, 'Start').click();
  await page.locator('.palette-item[data-template="lambda-invoke"]').click();
  const form = page.locator('.state-form');
  await form.locator('button', { hasText: 'Add a retrier' }).click();
  const retrier = form.locator('fieldset.recovery').first();
  await expect(retrier.locator('.chip')).toHaveText(['States.ALL×']);
  const attempts = retrier.locator('input[aria-label="MaxAttempts"]');
  await attempts.fill('-1');
  await attempts.press('Enter');
  await expect(retrier.locator('.field-error')).toBeVisible();
  expect(await modelText(page, DEFINITION)).toContain('"MaxAttempts": 3');
  await attempts.fill('5');
  await attempts.press('Enter');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"MaxAttempts": 5');

  // A second retrier goes before the one for every error, which stays last.
  await form.locator('button', { hasText: 'Add a retrier' }).click();
  await expect(form.locator('fieldset.recovery').first().locator('.chip')).toHaveText(['States.TaskFailed×']);
  // Error names are offered, Step Functions' own among them.
  await expect(page.locator('datalist#design-error-names option[value="States.Timeout"]')).toHaveCount(1);
  const add = form.locator('fieldset.recovery').first().locator('input[aria-label="Add an error name"]');
  await add.fill('States.Timeout');
  await add.press('Enter');
  await expect.poll(async () => JSON.parse(await modelText(page, DEFINITION)).States['Lambda Invoke'].Retry[0].ErrorEquals).toEqual(['States.TaskFailed', 'States.Timeout']);

  await form.locator('button', { hasText: 'Add a catcher' }).click();
  await expect.poll(async () => JSON.parse(await modelText(page, DEFINITION)).States['Lambda Invoke'].Catch).toEqual([{ ErrorEquals: ['States.ALL'], Next: 'Start' }]);
  await form.locator('select[aria-label="Catcher 1 goes to"]').selectOption('Finish');
  await expect.poll(async () => JSON.parse(await modelText(page, DEFINITION)).States['Lambda Invoke'].Catch[0].Next).toBe('Finish');
  await expect(page.locator('.problems .problem.error')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/design-retry.png' });
});

test('a Parallel with a Map inside, a Retry and a Catch, built in design mode, runs', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await setModel(page, 'file:///input.json', '{"items": [1, 2, 3]}');
  await design(page);
  const form = page.locator('.state-form');
  await state(page, 'Start').click();
  await page.locator('.palette-item[data-template="parallel"]').click();
  await expect(state(page, 'Parallel step')).toBeVisible();
  // Inside the branch: the Map goes after the branch's own state.
  await state(page, 'Parallel step').dispatchEvent('click');
  await page.locator('.palette-item[data-template="map"]').click();
  await expect(state(page, 'Map step')).toBeVisible();
  await state(page, 'Parallel').dispatchEvent('click');
  await form.locator('button', { hasText: 'Add a retrier' }).click();
  await form.locator('button', { hasText: 'Add a catcher' }).click();
  await form.locator('select[aria-label="Catcher 1 goes to"]').selectOption('Finish');

  const built = JSON.parse(await modelText(page, DEFINITION));
  const parallel = built.States.Parallel;
  expect(parallel.Next).toBe('Finish');
  expect(parallel.Retry[0].ErrorEquals).toEqual(['States.ALL']);
  expect(parallel.Catch).toEqual([{ ErrorEquals: ['States.ALL'], Next: 'Finish' }]);
  expect(parallel.Branches[0].States['Parallel step'].Next).toBe('Map');
  expect(parallel.Branches[0].States.Map.ItemProcessor.States['Map step'].Type).toBe('Pass');
  await expect(page.locator('.problems .problem.error')).toHaveCount(0);

  await run(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await page.locator('button[title="Jump to the end"]').click();
  for (const name of ['Parallel', 'Parallel step', 'Map', 'Map step']) await expect(state(page, name)).not.toHaveClass(/idle/);
});

test('a state dragged from the palette onto a transition goes there', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await design(page);
  const edge = page.locator('.graph-svg .edge[data-from="Start"][data-to="Finish"] path.edge-hit');
  await page.locator('.palette-item[data-template="wait"]').dragTo(edge, { force: true });
  await expect(state(page, 'Wait')).toBeVisible();
  const built = JSON.parse(await modelText(page, DEFINITION));
  expect(built.States.Start.Next).toBe('Wait');
  expect(built.States.Wait).toEqual({ Type: 'Wait', Seconds: 5, Next: 'Finish' });
  // Onto the start, and onto the end of the flow.
  await page.locator('.palette-item[data-template="pass"]').dragTo(page.locator('.graph-svg .edge[data-kind="start"] path.edge-hit'), { force: true });
  await expect.poll(async () => JSON.parse(await modelText(page, DEFINITION)).StartAt).toBe('Pass');
  await expect(page.locator('.problems .problem.error')).toHaveCount(0);
  // Nothing comes after a Succeed: the drop is refused, with why, and nothing changes.
  const before = await modelText(page, DEFINITION);
  await page.locator('.palette-item[data-template="pass"]').dragTo(page.locator('.graph-svg .edge[data-kind="end"][data-from="Finish"] path.edge-hit'), { force: true });
  await expect(page.locator('.notice')).toContainText('has no Next');
  expect(await modelText(page, DEFINITION)).toBe(before);
});

test('the context menu of a state renames, duplicates and deletes it', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, SIMPLE);
  await design(page);
  const menu = page.locator('.context-menu[role="menu"]');
  await state(page, 'Start').click({ button: 'right' });
  await expect(menu).toBeVisible();
  await expect(menu.locator('[role="menuitem"]').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await state(page, 'Start').click({ button: 'right' });
  await menu.locator('[role="menuitem"]', { hasText: 'Duplicate' }).click();
  await expect(state(page, 'Start 2')).toBeVisible();
  await state(page, 'Start 2').click({ button: 'right' });
  await menu.locator('[role="menuitem"]', { hasText: 'Rename' }).click();
  await expect(page.locator('.state-form input[aria-label="State name"]')).toBeFocused();
  await state(page, 'Start 2').click({ button: 'right' });
  await menu.locator('[role="menuitem"]', { hasText: 'Delete' }).click();
  await expect(state(page, 'Start 2')).toHaveCount(0);
  await expect(menu).toHaveCount(0);
  expect(await modelText(page, DEFINITION)).toBe(SIMPLE);
});

test('a definition that is not JSON keeps design mode waiting and loses nothing', async ({ page }) => {
  await open(page);
  const broken = SIMPLE.replace('"Finish" },', '"Finish" },,');
  await setModel(page, DEFINITION, broken);
  await design(page);
  await expect(page.locator('.design-blocked')).toContainText('line 5');
  await expect(page.locator('.palette')).toHaveCount(0);
  expect(await modelText(page, DEFINITION)).toBe(broken);
  await page.locator('.edit-switch button', { hasText: 'Code' }).click();
  await setModel(page, DEFINITION, SIMPLE);
  await page.locator('.edit-switch button', { hasText: 'Design' }).click();
  await expect(page.locator('.palette')).toBeVisible();
});

test.describe('when its code cannot be fetched', () => {
  // Playwright's routes see the page's own requests, not a service worker's.
  test.use({ serviceWorkers: 'block' });

  test('design mode says so, the work stays, and it loads on the next try', async ({ page }) => {
    let offline = true;
    await page.route(/\/app-[0-9a-f]{16}\/split_design\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await open(page);
    const before = await modelText(page, DEFINITION);
    await design(page);
    await expect(page.locator('.design-pane, .design-blocked').first()).toContainText('could not be loaded');
    expect(await modelText(page, DEFINITION)).toBe(before);
    offline = false;
    await page.locator('.edit-switch button', { hasText: 'Code' }).click();
    await page.locator('.edit-switch button', { hasText: 'Design' }).click();
    await expect(page.locator('.palette')).toBeVisible();
  });
});

const CHAIN = `{
    "StartAt": "A",
    "States": {
        "A": { "Type": "Pass", "Next": "B" },
        "B": { "Type": "Pass", "Next": "C" },
        "C": { "Type": "Pass", "Next": "D" },
        "D": { "Type": "Succeed" }
    }
}`;

/** The screen point halfway along a transition's line. */
async function edgeMiddle(page, from, to) {
  return page.evaluate(([from, to]) => {
    const path = document.querySelector(`.graph-svg .edge[data-from="${from}"][data-to="${to}"] path.edge-hit`);
    const at = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    return { x: at.x * m.a + at.y * m.c + m.e, y: at.x * m.b + at.y * m.d + m.f };
  }, [from, to]);
}

/** The middle of an element on screen. */
async function middle(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A mouse drag from one point to another, through the points between. */
async function drag(page, a, b) {
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 12 });
  await page.mouse.up();
}

test('on the canvas, a state dragged onto a transition moves there, and an arrow or a handle dragged onto a state points there', async ({ page }) => {
  const errors = await open(page);
  await setModel(page, DEFINITION, CHAIN);
  await design(page);
  await expect(state(page, 'D')).toBeVisible();

  // C onto the transition from A to B: the flow closes over where C was.
  await drag(page, await middle(state(page, 'C').locator('rect')), await edgeMiddle(page, 'A', 'B'));
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"A": { "Type": "Pass", "Next": "C" }');
  let text = await modelText(page, DEFINITION);
  expect(text).toContain('"B": { "Type": "Pass", "Next": "D" }');
  expect(text).toContain('"C": { "Type": "Pass", "Next": "B" }');
  expect(text).toContain('"D": { "Type": "Succeed" }');
  await expect(page.locator('.problems .problem.error')).toHaveCount(0);
  await expect(page.locator('.state-form input[aria-label="State name"]')).toHaveValue('C');
  const moved = text;

  // The arrow from C to B, taken by its line and dropped on D.
  await drag(page, await edgeMiddle(page, 'C', 'B'), await middle(state(page, 'D').locator('rect')));
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"C": { "Type": "Pass", "Next": "D" }');
  // One undo gives back the text before the drag.
  await page.locator('.palette-item[data-template="pass"]').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => modelText(page, DEFINITION)).toBe(moved);

  // A's handle (what comes after it) dropped on B.
  await drag(page, await middle(state(page, 'A').locator('.handle')), await middle(state(page, 'B').locator('rect')));
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"A": { "Type": "Pass", "Next": "B" }');
  text = await modelText(page, DEFINITION);
  expect(text.replace('"Next": "B" }', '"Next": "C" }')).toBe(moved);

  // A drag that ends on nothing changes nothing; a press that does not move selects.
  const before = await modelText(page, DEFINITION);
  const a = await middle(state(page, 'A').locator('rect'));
  await drag(page, a, { x: a.x + 400, y: a.y + 5 });
  expect(await modelText(page, DEFINITION)).toBe(before);
  await state(page, 'B').click();
  await expect(page.locator('.state-form input[aria-label="State name"]')).toHaveValue('B');
  await expect(page.locator('.graph-svg .moving, .graph-svg .drop-target, .graph-svg .rewire-line')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a transition cannot be pointed at a state in another branch: the drop is refused with why', async ({ page }) => {
  await open(page);
  await setModel(page, DEFINITION, `{
    "StartAt": "Fork",
    "States": {
        "Fork": { "Type": "Parallel", "Branches": [
            { "StartAt": "Left", "States": { "Left": { "Type": "Pass", "End": true } } }
        ], "Next": "Done" },
        "Done": { "Type": "Succeed" }
    }
}`);
  await design(page);
  await expect(state(page, 'Left')).toBeVisible();
  const before = await modelText(page, DEFINITION);
  await drag(page, await edgeMiddle(page, 'Fork', 'Done'), await middle(state(page, 'Left').locator('rect')));
  await expect(page.locator('.notice')).toContainText("'Left' is in another part of the workflow");
  expect(await modelText(page, DEFINITION)).toBe(before);
});

const PRICED = `{
    "StartAt": "Price",
    "States": {
        "Price": {
            "Type": "Pass",
            "Parameters": { "total.$": "$.price", "currency": "EUR" },
            "ResultPath": "$.priced",
            "Next": "Charge"
        },
        "Charge": {
            "Type": "Task",
            "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Charge",
            "ResultSelector": { "charged.$": "$.amount" },
            "End": true
        }
    }
}`;

test("the form's data-flow preview runs the state on a sample input or the last run's, and follows every change", async ({ page }) => {
  const errors = await open(page);
  await setModel(page, DEFINITION, PRICED);
  await setModel(page, 'file:///input.json', '{ "price": 42 }');
  await design(page);
  await state(page, 'Price').click();
  const preview = page.locator('.dataflow-preview');
  // With no run yet, the workspace's input is the sample.
  await expect(preview.locator('textarea[aria-label="Sample input for the preview"]')).toHaveValue('{ "price": 42 }');
  await expect(preview.locator('.dataflow')).toContainText('"total": 42');
  await expect(preview.locator('.dataflow')).toContainText('"priced"');

  // The sample edited: the preview follows.
  await preview.locator('textarea').fill('{ "price": 7, "note": "kept" }');
  await expect(preview.locator('.dataflow')).toContainText('"total": 7');
  await preview.locator('textarea').fill('{ "price": ');
  await expect(preview.locator('.field-error')).toContainText('not valid JSON');
  await preview.locator('textarea').fill('{ "price": 7, "note": "kept" }');

  // A field changed in the form: the preview follows that too.
  const resultPath = page.locator('.state-form input[aria-label="ResultPath"]');
  await resultPath.fill('$.cost');
  await resultPath.press('Enter');
  await expect.poll(() => modelText(page, DEFINITION)).toContain('"ResultPath": "$.cost"');
  await expect(preview.locator('.dataflow')).toContainText('"cost"');
  await preview.locator('.dataflow').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: 'docs/screenshots/design-dataflow.png' });

  // A task is answered by its mock, and ResultSelector shapes what it returned.
  await page.locator('.edit-switch button', { hasText: 'Code' }).click();
  await page.locator('.tab', { hasText: 'Charge.js' }).click();
  await setModel(page, 'file:///mocks/Charge.js', 'export default async (event) => ({ amount: event.cost.total * 2, id: "ch_1" });');
  await page.locator('.edit-switch button', { hasText: 'Design' }).click();
  await state(page, 'Charge').click();
  await preview.locator('textarea').fill('{ "cost": { "total": 21 } }');
  await expect(preview.locator('.dataflow')).toContainText('"charged": 42');

  // After a run, the state's input in that run is offered, and chosen.
  await setModel(page, 'file:///input.json', '{ "price": 5 }');
  await run(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  await state(page, 'Charge').click();
  await expect(preview.getByRole('radio', { name: 'Input of the last run' })).toHaveAttribute('aria-checked', 'true');
  await expect(preview.locator('textarea')).toHaveCount(0);
  await expect(preview.locator('.dataflow')).toContainText('"charged": 10');
  await preview.getByRole('radio', { name: 'Sample input' }).click();
  await expect(preview.locator('.dataflow')).toContainText('"charged": 42');
  expect(errors).toEqual([]);
});

test.describe('by touch', () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

  test('a finger drags a state onto a transition; a pinch that starts on a state zooms and moves nothing', async ({ page }) => {
    await open(page);
    await setModel(page, DEFINITION, CHAIN);
    await design(page);
    await expect(state(page, 'D')).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(({ x, y }, id) => ({ x, y, id })) });

    const c = await middle(state(page, 'C').locator('rect'));
    const onto = await edgeMiddle(page, 'A', 'B');
    await touch('touchStart', [c]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [{ x: c.x + ((onto.x - c.x) * i) / 8, y: c.y + ((onto.y - c.y) * i) / 8 }]);
    await touch('touchEnd', []);
    await expect.poll(() => modelText(page, DEFINITION)).toContain('"A": { "Type": "Pass", "Next": "C" }');
    const moved = await modelText(page, DEFINITION);

    const width = async () => Number((await page.locator('.graph-svg').getAttribute('viewBox')).split(' ')[2]);
    const before = await width();
    const a = await middle(state(page, 'A').locator('rect'));
    await touch('touchStart', [{ x: a.x - 20, y: a.y }, { x: a.x + 20, y: a.y }]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [{ x: a.x - 20 - 15 * i, y: a.y }, { x: a.x + 20 + 15 * i, y: a.y }]);
    await touch('touchEnd', []);
    await expect.poll(width).toBeLessThan(before * 0.8);
    expect(await modelText(page, DEFINITION)).toBe(moved);
    await expect(page.locator('.graph-svg .moving, .graph-svg .drop-target, .graph-svg .rewire-line')).toHaveCount(0);
  });
});
