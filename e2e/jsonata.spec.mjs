// JSONata in the playground: a JSONata workflow runs and animates, its data flow shows the
// evaluated Arguments, result, variables and Output, the editor completes inside {% %}, and an
// expression's error is shown where it is (in the editor as it is typed, and in the run).
import { test, expect } from '@playwright/test';
import { open, run, toEnd, shot, setModel, chooseExample, chooseInput } from './helpers.mjs';

const DEFINITION = 'file:///definition.asl.json';

/** Puts a one-state JSONata machine in the editor: a Pass called `name` with this Output. */
async function usePass(page, name, output) {
  const machine = { QueryLanguage: 'JSONata', StartAt: name, States: { [name]: { Type: 'Pass', Output: output, End: true } } };
  await setModel(page, DEFINITION, JSON.stringify(machine, null, 2));
}

test('the transaction workflow in JSONata runs, animates, and shows its data flow', async ({ page }) => {
  const errors = await open(page);
  await chooseExample(page, 'transaction-jsonata');
  await chooseInput(page, 'transaction-jsonata', 'refund');
  await run(page);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED');
  // The playback steps through the states as for JSONPath (from a stopped playback: the run's
  // own playback may still be going on a busy machine).
  await toEnd(page);
  await page.locator('button[title="Restart"]').click();
  await page.locator('button[title="Step forward (→)"]').click();
  await expect(page.locator('.node[data-state="processTransaction"]')).toHaveClass(/active/);
  await toEnd(page);
  await expect(page.locator('.node[data-state="TransactionRefund"]')).toHaveClass(/succeeded/);
  await expect(page.locator('.node[data-state="TransactionPurchase"]')).toHaveClass(/idle/);
  await expect(page.locator('.outcome')).toContainText('Refund processed successfully');

  await page.locator('.node[data-state="TransactionRefund"]').click();
  const fields = await page.locator('.dataflow .step .step-field').allTextContents();
  expect(fields[0]).toBe('Arguments');
  expect(fields).toContain('Task result');
  expect(fields[fields.length - 1]).toBe('Output');
  await page.locator('.bottom-left').evaluate((el) => { el.scrollTop = 0; });
  await shot(page, 'jsonata-data-flow');
  expect(errors).toEqual([]);
});

test('a syntax error in an expression is marked where it is, as it is typed', async ({ page }) => {
  await open(page);
  const text = [
    '{',
    '  "QueryLanguage": "JSONata",',
    '  "StartAt": "Compute",',
    '  "States": {',
    '    "Compute": {',
    '      "Type": "Pass",',
    '      "Output": {"total": "{% $sum($states.input.prices) * %}"},',
    '      "End": true',
    '    }',
    '  }',
    '}',
  ].join('\n');
  await setModel(page, DEFINITION, text);
  const marker = await page.waitForFunction(() => {
    const m = window.monaco;
    const model = m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
    const [first] = m.editor.getModelMarkers({ resource: model.uri, owner: 'jsonata' });
    return first && { line: first.startLineNumber, column: first.startColumn, message: first.message };
  });
  const { line, column, message } = await marker.jsonValue();
  expect(line).toBe(7);
  // Inside the expression, after `$sum(...)`, not at the start of the string.
  expect(column).toBeGreaterThan(text.split('\n')[6].indexOf('{%') + 1);
  expect(message).toMatch(/^JSONata: /);
  await page.locator('.monaco-editor').first().click();
  await shot(page, 'jsonata-syntax-error');

  // Fixed, the marker goes.
  await setModel(page, DEFINITION, text.replace(' * %}', ' * 2 %}'));
  await page.waitForFunction(() => {
    const m = window.monaco;
    const model = m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
    return m.editor.getModelMarkers({ resource: model.uri, owner: 'jsonata' }).length === 0;
  });
});

test('an expression that fails at run time ends the run with its field and cause', async ({ page }) => {
  await open(page);
  await usePass(page, 'Greet', { greeting: "{% 'Hello ' & $missing %}", n: '{% $doesNotExist %}' });
  await run(page);
  await expect(page.locator('.run-status')).toHaveText('FAILED');
  await toEnd(page);
  await expect(page.locator('.outcome')).toContainText('States.QueryEvaluationError');
  await expect(page.locator('.outcome')).toContainText("specified for the field 'Output/n' returned nothing (undefined)");
  await expect(page.locator('.events')).toContainText('EvaluationFailed');
});

test('inside {% %} the editor completes JSONata functions, $states and its fields', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'transaction-jsonata');
  const labels = async (needle, after) =>
    page.evaluate(async ([needle, after]) => {
      const m = window.monaco;
      const ed = m.editor.getEditors()[0];
      const model = m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
      const at = model.getValue().indexOf(needle) + after;
      ed.focus();
      ed.setPosition(model.getPositionAt(at));
      let rows = [];
      // Up to 15 s: the JSONata completion arrives with a module loaded after the definition's
      // model, later on a busy machine.
      for (let i = 0; i < 150; i++) {
        if (i % 10 === 0) ed.trigger('test', 'editor.action.triggerSuggest', {});
        await new Promise((r) => setTimeout(r, 100));
        rows = [...document.querySelectorAll('.suggest-widget .monaco-list-row')].map((r) => r.getAttribute('aria-label') || r.textContent);
        if (rows.length) return rows;
      }
      return rows;
    }, [needle, after]);
  // Right after `{% $` in the first expression: functions and $states.
  const dollar = await labels('{% $states', '{% $'.length);
  expect(dollar.join(' ')).toContain('$states');
  expect(dollar.join(' ')).toContain('$partition');
  // After `$states.`: its fields.
  const fields = await labels('{% $states.', '{% $states.'.length);
  expect(fields.join(' ')).toContain('input');
  expect(fields.join(' ')).toContain('context');
});

test('an expression that never ends is stopped in the sandbox, and the page stays responsive', async ({ page }) => {
  await open(page);
  await usePass(page, 'Forever', '{% ($f := function($x) { $f($x + 1) }; $f(0)) %}');
  await page.locator('button.run').click();
  // While the sandbox works, the page still answers.
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await expect(page.locator('.run-status')).toHaveText('FAILED', { timeout: 20_000 });
  await toEnd(page);
  await expect(page.locator('.outcome')).toContainText('States.QueryEvaluationError');
  await expect(page.locator('.outcome')).toContainText('did not finish');
});

test('hovering a JSONata function inside {% %} explains it', async ({ page }) => {
  await open(page);
  await chooseExample(page, 'jsonata-data');
  const text = await page.evaluate(async () => {
    const m = window.monaco;
    const ed = m.editor.getEditors()[0];
    const model = m.editor.getModel(m.Uri.parse('file:///definition.asl.json'));
    const at = model.getValue().indexOf('{% $sum(') + '{% $s'.length;
    ed.focus();
    ed.setPosition(model.getPositionAt(at));
    for (let i = 0; i < 40; i++) {
      if (i % 10 === 0) ed.trigger('test', 'editor.action.showHover', {});
      await new Promise((r) => setTimeout(r, 100));
      const shown = [...document.querySelectorAll('.monaco-hover')].map((h) => h.textContent).join(' ');
      if (shown.includes('$sum(')) return shown;
    }
    return '';
  });
  expect(text).toContain('$sum(array)');
  expect(text).toContain('The sum of an array of numbers.');
});
