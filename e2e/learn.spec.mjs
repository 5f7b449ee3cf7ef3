// The Learn path: a learner goes through a lesson (a wrong attempt, a hint, a right attempt,
// progress kept after a reload), and every lesson's start fails its checks and its reference
// solution passes them, in the page as in `asl test`.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, openOnPhone, setModel, modelText, shot } from './helpers.mjs';

const lessons = JSON.parse(readFileSync(new URL('../lessons/index.json', import.meta.url), 'utf8'));
const solution = (id) => readFileSync(new URL(`../lessons/${id}/solution.asl.json`, import.meta.url), 'utf8');
const start = (id) => readFileSync(new URL(`../lessons/${id}/definition.asl.json`, import.meta.url), 'utf8');

async function openLesson(page, id) {
  await page.locator('button.learn').click();
  await page.locator(`.lesson-open[data-lesson="${id}"]`).click();
  await page.waitForFunction((text) => {
    const m = window.monaco;
    return m.editor.getModel(m.Uri.parse('file:///definition.asl.json')).getValue() === text;
  }, start(id));
  await expect(page.locator('.exercise .exercise-check')).toBeVisible();
}

async function check(page) {
  const button = page.locator('.exercise .exercise-check');
  await button.click();
  await expect(button).toHaveText('Check', { timeout: 30_000 });
}

test('a learner goes through the Retry lesson: wrong, hint, right, and the progress stays', async ({ page }) => {
  const errors = await open(page);
  await openLesson(page, '08-retry');
  const exercise = page.locator('.exercise');
  await expect(exercise).toContainText('Make Authenticate Payment retry');

  // Unchanged: the checks say what is missing, in words, without the answer's values.
  await check(page);
  await expect(exercise.locator('.exercise-fail')).toContainText('of 3 checks pass');
  await expect(exercise.locator('.exercise-fail li').first()).toContainText('three retries');
  await expect(exercise.locator('.exercise-hint')).toHaveCount(0);

  // A wrong attempt: every error retried, the default waits.
  const wrong = JSON.parse(start('08-retry'));
  wrong.States['Authenticate Payment'].Retry = [{ ErrorEquals: ['States.ALL'] }];
  await setModel(page, 'file:///definition.asl.json', JSON.stringify(wrong, null, 2));
  await check(page);
  await expect(exercise.locator('.exercise-fail')).toContainText('Payment.Declined');
  // After the second failure, a hint is offered.
  await exercise.locator('.exercise-hint').click();
  await expect(exercise.locator('.hint-text')).toContainText('Hint:');
  await shot(page, 'learn-hint');

  // The right attempt.
  await setModel(page, 'file:///definition.asl.json', solution('08-retry'));
  await check(page);
  await expect(exercise.locator('.exercise-pass')).toHaveText('All checks pass.');
  await expect(exercise.locator('.exercise-next')).toContainText('Handling failure: Catch');
  await shot(page, 'learn-done');

  // Progress is kept in this browser.
  await page.reload();
  await expect(page.locator('.exercise .exercise-done')).toBeVisible();
  await page.locator('button.learn').click();
  await expect(page.locator('.lesson-list li.passed')).toHaveCount(1);
  await expect(page.locator('.lesson-list li.passed')).toContainText('Retry');
  expect(errors).toEqual([]);
});

test('every lesson: its start fails its checks and its solution passes them', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = await open(page);
  for (const id of lessons) {
    await openLesson(page, id);
    await check(page);
    await expect(page.locator('.exercise .exercise-fail'), `${id}: the start fails`).toBeVisible();
    await setModel(page, 'file:///definition.asl.json', solution(id));
    await expect(page.locator('.problems')).toContainText('No problems');
    await check(page);
    await expect(page.locator('.exercise .exercise-pass'), `${id}: the solution passes`).toBeVisible();
  }
  await page.locator('button.learn').click();
  await expect(page.locator('.lesson-list li.passed')).toHaveCount(lessons.length);
  expect(errors).toEqual([]);
});

test('an instructor makes an exercise of a workspace; a learner opens its link and checks', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = await open(page);
  await setModel(page, 'file:///definition.asl.json', JSON.stringify({
    StartAt: 'Greet', States: { Greet: { Type: 'Pass', End: true } },
  }, null, 2));
  await page.locator('button.tab', { hasText: 'Tests' }).click();
  await setModel(page, 'file:///tests.yaml', [
    'definition: definition.asl.json',
    'cases:',
    '  - name: greets',
    '    input: {name: Ada}',
    '    message: "Greet should answer with a greeting for the name it is given."',
    '    expect: {outputContains: {greeting: Hello Ada}}',
    '',
  ].join('\n'));
  const prompts = ['Make Greet answer {"greeting": "Hello <name>"}.', 'Parameters can build a string with States.Format.'];
  page.on('dialog', (d) => d.accept(prompts.shift() ?? ''));
  await page.locator('.tests-panel .tests-exercise').click();
  const link = page.locator('.tests-exercise-link input');
  await expect(link).toHaveValue(/#v1\./);
  const url = await link.inputValue();

  const learner = await context.newPage();
  await learner.goto(url);
  const exercise = learner.locator('.exercise');
  await expect(exercise).toContainText('Make Greet answer');
  // The checks are hidden: the tests do not come with the link.
  await learner.locator('button.tab', { hasText: 'Tests' }).click();
  await learner.waitForFunction(() => window.monaco?.editor.getModel(window.monaco.Uri.parse('file:///tests.yaml')));
  expect(await modelText(learner, 'file:///tests.yaml')).not.toContain('Hello Ada');
  await exercise.locator('.exercise-check').click();
  await expect(exercise.locator('.exercise-fail')).toContainText('Greet should answer with a greeting');
  await exercise.locator('.exercise-check').click();
  await exercise.locator('.exercise-hint').click();
  await expect(exercise.locator('.hint-text')).toContainText('States.Format');
  await setModel(learner, 'file:///definition.asl.json', JSON.stringify({
    StartAt: 'Greet',
    States: { Greet: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('Hello {}', $.name)" }, End: true } },
  }, null, 2));
  await exercise.locator('.exercise-check').click();
  await expect(exercise.locator('.exercise-pass')).toHaveText('All checks pass.');
  expect(errors).toEqual([]);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a lesson opens and checks on a phone', async ({ page }) => {
    const errors = await openOnPhone(page);
    await page.locator('button.more').click();
    await page.locator('button.learn').click();
    await page.locator('.lesson-open[data-lesson="01-first-pass"]').click();
    await expect(page.locator('.exercise .exercise-check')).toBeVisible();
    await page.locator('.exercise .exercise-check').click();
    await expect(page.locator('.exercise .exercise-fail')).toBeVisible({ timeout: 30_000 });
    await shot(page, 'learn-phone');
    expect(errors).toEqual([]);
  });
});
