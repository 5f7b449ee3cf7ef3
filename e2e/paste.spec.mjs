// Pasting a long definition over the whole text (Ctrl+A, Ctrl+V, through the real clipboard) keeps
// the text in view: the editor does not scroll tens of thousands of pixels to the right to show the
// cursor at the end of a minified line, and scrolling up shows the first line where it belongs.
import { test, expect } from '@playwright/test';
import { open, modelText, shot } from './helpers.mjs';

const DEFINITION = 'file:///definition.asl.json';

/** A chain of `n` Pass states. */
function chain(n) {
  const States = {};
  for (let i = 0; i < n; i++) {
    States[`Step${i}`] = {
      Type: 'Pass',
      Comment: `step number ${i} of a long chain`,
      Parameters: { index: i, name: `item-${i}`, tags: ['a', 'b', 'c'], nested: { deep: { value: i * 2 } } },
      ResultPath: `$.results.step${i}`,
      ...(i + 1 < n ? { Next: `Step${i + 1}` } : { End: true }),
    };
  }
  return { Comment: 'A long pasted definition', StartAt: 'Step0', States };
}

/** Minified onto one line of about 20 KB. */
const minified = () => JSON.stringify(chain(95));

/** About 300 pretty-printed lines, then the other states minified onto the last line (no final newline). */
function mixed() {
  const { Comment, StartAt, States } = chain(95);
  const names = Object.keys(States);
  const head = Object.fromEntries(names.slice(0, 15).map((n) => [n, States[n]]));
  const tail = Object.fromEntries(names.slice(15).map((n) => [n, States[n]]));
  const pretty = JSON.stringify({ Comment, StartAt, States: head }, null, 2).replace(/\n {2}}\n}$/, ',\n    ');
  return `${pretty}${JSON.stringify(tail).slice(1, -1)}}}`;
}

/** Where the first visible character of `lineNumber` is drawn, and the editor's text area. */
function placement(page, lineNumber) {
  return page.evaluate((lineNumber) => {
    const ed = window.monaco.editor.getEditors()[0];
    const model = ed.getModel();
    const column = Math.max(1, model.getLineFirstNonWhitespaceColumn(lineNumber));
    const at = ed.getScrolledVisiblePosition({ lineNumber, column });
    const { contentLeft, contentWidth } = ed.getLayoutInfo();
    return { left: at && at.left, contentLeft, contentRight: contentLeft + contentWidth, scrollLeft: ed.getScrollLeft() };
  }, lineNumber);
}

/** How many non-blank characters are drawn inside the editor's text area (the DOM, not the model). */
function visibleCharacters(page) {
  return page.evaluate(() => {
    const ed = window.monaco.editor.getEditors()[0];
    const box = ed.getDomNode().getBoundingClientRect();
    const { contentLeft, contentWidth } = ed.getLayoutInfo();
    const left = box.left + contentLeft;
    const right = left + contentWidth;
    let count = 0;
    for (const span of ed.getDomNode().querySelectorAll('.view-lines .view-line span span')) {
      const r = span.getBoundingClientRect();
      if (r.right > left && r.left < right && r.bottom > box.top && r.top < box.bottom) count += span.textContent.trim().length;
    }
    return count;
  });
}

for (const [kind, make] of [['minified onto one line', minified], ['pretty-printed with a long last line', mixed]]) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 820, height: 1180 }]) {
    test(`a long definition (${kind}) pasted over everything stays in view at ${viewport.width}×${viewport.height}`, async ({ page, context }) => {
      await page.setViewportSize(viewport);
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page);
      const text = make();
      // As a person does it: into the editor, select all, paste from the clipboard.
      await page.locator('.editor-host .monaco-editor').click({ position: { x: 150, y: 12 } });
      await page.keyboard.press('ControlOrMeta+A');
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.keyboard.press('ControlOrMeta+V');
      await expect.poll(() => modelText(page, DEFINITION)).toBe(text);
      await page.waitForTimeout(300);
      await shot(page, `paste-long-${kind.split(' ')[0]}-${viewport.width}`);

      // Right after the paste: the editor is not scrolled sideways and text is drawn in it.
      const after = await placement(page, 1);
      expect(after.scrollLeft).toBe(0);
      expect(await visibleCharacters(page)).toBeGreaterThan(20);

      // Scrolling up with the wheel brings back the first line, with its first character in the box.
      const editorBox = await page.locator('.editor-host .monaco-editor').boundingBox();
      await page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height / 2);
      for (let i = 0; i < 200; i++) {
        if (await page.evaluate(() => window.monaco.editor.getEditors()[0].getScrollTop() === 0)) break;
        await page.mouse.wheel(0, -3000);
        await page.waitForTimeout(20);
      }
      await page.waitForTimeout(200);
      const top = await placement(page, 1);
      expect(top.left).not.toBeNull();
      // (Monaco places column 1 a pixel left of contentLeft.)
      expect(top.left).toBeGreaterThanOrEqual(top.contentLeft - 2);
      expect(top.left).toBeLessThan(top.contentRight - 8);
      expect(await visibleCharacters(page)).toBeGreaterThan(20);
    });
  }
}
