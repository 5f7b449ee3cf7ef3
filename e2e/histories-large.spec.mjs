// A recorded execution as long as AWS lets one be (25,000 events, the history's limit) opens
// and plays without freezing the page: pasted into the Open panel it ends SUCCEEDED with every
// event kept; played at 16× the page keeps drawing frames (the longest gap between animation
// frames stays far under a second), the end button reaches the last event, and the event
// table draws a window of rows, never the whole history. Prints the time the paste and the
// import take and the longest frame gap.
import { test, expect } from '@playwright/test';
import { open, setModel } from './helpers.mjs';

const DEFINITION = {
  StartAt: 'Loop',
  States: {
    Loop: { Type: 'Pass', Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 6250, Next: 'Loop' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
};
// Loop's passes count n up from 1: 6,249 rounds of four events, with the start, Done's two and
// the end, make 25,000.
const ROUNDS = 6249;

/** The history `aws stepfunctions get-execution-history` would print for the loop. */
function history() {
  const events = [];
  const start = Date.parse('2025-01-01T00:00:00Z');
  const add = (type, details) => {
    const id = events.length + 1;
    const timestamp = new Date(start + id).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
    events.push({ timestamp, type, id, previousEventId: id - 1, ...details });
  };
  const data = (n) => JSON.stringify({ n });
  const entered = (name, n) => ({ stateEnteredEventDetails: { name, input: data(n), inputDetails: { truncated: false } } });
  const exited = (name, n) => ({ stateExitedEventDetails: { name, output: data(n), outputDetails: { truncated: false } } });
  add('ExecutionStarted', {
    executionStartedEventDetails: {
      input: data(1), inputDetails: { truncated: false },
      roleArn: 'arn:aws:iam::111111111111:role/StepFunctions-Loop-role',
    },
  });
  for (let n = 1; n <= ROUNDS; n++) {
    add('PassStateEntered', entered('Loop', n));
    add('PassStateExited', exited('Loop', n + 1));
    add('ChoiceStateEntered', entered('Check', n + 1));
    add('ChoiceStateExited', exited('Check', n + 1));
  }
  add('SucceedStateEntered', entered('Done', ROUNDS + 1));
  add('SucceedStateExited', exited('Done', ROUNDS + 1));
  add('ExecutionSucceeded', { executionSucceededEventDetails: { output: data(ROUNDS + 1), outputDetails: { truncated: false } } });
  return { events };
}

test('a 25,000-event history opens and plays at 16× without freezing the page', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const errors = await open(page);
  const { events } = history();
  const total = events.length;
  expect(total).toBe(25_000);
  // One event a line, as compact as the CLI's data fields: about 5 MB.
  const text = `{"events": [\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;

  await setModel(page, 'file:///definition.asl.json', JSON.stringify(DEFINITION, null, 2));
  await expect(page.locator('.graph-svg [data-state]')).toHaveCount(3);

  // Pasted into the Open panel's text box as a browser pastes (a paste event carrying the
  // text): one this long opens at once, without being laid out in the text box.
  await page.locator('button.open-file').click();
  const clicked = Date.now();
  await page.locator('.open-panel textarea').evaluate((area, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.locator('.run-status')).toHaveText('SUCCEEDED', { timeout: 60_000 });
  const importMs = Date.now() - clicked;
  await expect(page.locator('.recording-bar')).toContainText('Playing the execution recorded in AWS');
  const position = page.locator('.controls .position');
  await expect(position).toHaveText(new RegExp(` / ${total}$`));

  // At 16×, playing (an import starts playing; press play if it stopped).
  await page.locator('select[aria-label="Speed"]').selectOption('16');
  const play = page.locator('.controls button.play');
  const playing = async () => (await play.locator('path').getAttribute('d')).startsWith('M4 2.5h3');
  if (!(await playing())) await play.click();
  await expect.poll(playing).toBe(true);

  // Two seconds of frames, measured in the page: the longest gap between animation frames,
  // the most event rows drawn, and how far the playback moved.
  const figures = await page.evaluate(() => new Promise((resolve) => {
    const at = () => Number(document.querySelector('.controls .position').textContent.split(' / ')[0]);
    const from = at();
    let last = performance.now();
    const began = last;
    let longest = 0;
    let frames = 0;
    let rows = 0;
    const frame = (now) => {
      longest = Math.max(longest, now - last);
      last = now;
      frames += 1;
      rows = Math.max(rows, document.querySelectorAll('.events tbody tr').length);
      if (now - began < 2000) requestAnimationFrame(frame);
      else resolve({ longest, frames, rows, from, to: at() });
    };
    requestAnimationFrame(frame);
  }));
  console.log(`25,000 events (${(text.length / 1e6).toFixed(1)} MB): ${importMs} ms from the paste to SUCCEEDED; at 16× over 2 s: ${figures.frames} frames, longest gap ${figures.longest.toFixed(1)} ms, events ${figures.from} → ${figures.to}, at most ${figures.rows} rows drawn`);
  expect(figures.to).toBeGreaterThan(figures.from);
  expect(figures.longest).toBeLessThan(1000);
  expect(figures.rows).toBeGreaterThan(0);
  expect(figures.rows).toBeLessThanOrEqual(150);

  // The end button reaches the last event, and the table still draws a window.
  const jumped = Date.now();
  await page.locator('button[title="Jump to the end"]').click();
  await expect(position).toHaveText(`${total} / ${total}`);
  const endMs = Date.now() - jumped;
  const rows = await page.locator('.events tbody tr').count();
  console.log(`jump to the end: ${endMs} ms, ${rows} rows drawn`);
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThanOrEqual(150);
  await expect(page.locator('.events tbody')).toContainText('ExecutionSucceeded');

  // Too large to save as you type: the rest of the workspace is saved, and that is said.
  await expect(page.locator('.notice')).toContainText('The recorded execution is too large to keep in this browser');
  await page.reload();
  await expect(page.locator('.graph-svg [data-state="Check"]')).toBeAttached();
  await expect(page.locator('.recording-bar')).toHaveCount(0);
  expect(errors).toEqual([]);
});
