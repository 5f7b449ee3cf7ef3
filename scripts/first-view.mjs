// The plain page's first view, written into index.html after each release build (a Trunk
// post_build step, see after-build.sh): what the app shows on a first visit (the first example:
// its graph, its explanation, the toolbar), as static markup the browser paints as soon as the
// page arrives, long before the app's wasm has come and run on a slow network.
//
// It is the app's own rendering: the built page is opened in Chromium (its editor held back,
// which loads later anyway), and the app's markup is taken once the graph and the explanation
// are drawn. In the page it is inert and hidden from screen readers, shown only on a first visit
// (no saved work, no link: index.html marks one, as the app tells one), and the app takes it away
// as it starts (src/main.rs), so that the two are never in the page together. A returning
// visitor, or a link to another workflow, never sees it.
//
//   node scripts/first-view.mjs            (TRUNK_STAGING_DIR: the staged build)
//
// A build without Chromium (CHROMIUM, default /usr/bin/chromium) says so and goes on without
// the first view: the page then simply waits for the app, as it always could.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from './serve-dist.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
// The window the view is taken in: a laptop's. The stylesheet lays it out for each screen
// (a phone gets the phone's layout), and the graph is fitted to its pane.
const VIEWPORT = { width: 1280, height: 800 };

if (!stage) {
  console.error('first-view: run by Trunk (TRUNK_STAGING_DIR is not set)');
  process.exit(2);
}
if (process.env.TRUNK_PROFILE === 'debug') process.exit(0);

/**
 * The app's markup as a static copy: every id (and what names one) prefixed, so that nothing
 * in the app's own page can resolve to the copy; no frames.
 */
function staticCopy(html) {
  return html
    .replace(/<iframe\b[\s\S]*?<\/iframe>/g, '')
    .replace(/\b(id|for)="([^"]+)"/g, '$1="first-view-$2"')
    .replace(/url\(#([^)]+)\)/g, 'url(#first-view-$1)');
}

/** index.html with the first view written in (once); index.html's own script shows it. */
function withFirstView(page, markup) {
  if (page.includes('id="first-view"')) return page;
  return page.replace(/<body>\s*<\/body>/, `<body><div id="first-view" inert aria-hidden="true">${markup}</div></body>`);
}

async function capture() {
  const { chromium } = await import('@playwright/test');
  const server = await serveDist(stage);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block', colorScheme: 'light' });
    const page = await context.newPage();
    // The editor is held back (never answered): the view is the one before it arrives.
    await page.route('**/vs/**', () => {});
    await page.goto(server.url);
    await page.waitForFunction(() => window.aslGraphDrawn && document.querySelector('.graph-svg .node'), null, { timeout: 60_000 });
    // The example's explanation comes with its graph; a moment more for it to be drawn.
    await page.waitForTimeout(300);
    return await page.evaluate(() => {
      // What the controls hold is in their properties, which markup does not carry: written
      // as attributes, so that the copy shows it.
      for (const select of document.querySelectorAll('.app select')) {
        for (const option of select.options) option.toggleAttribute('selected', option.selected);
      }
      for (const input of document.querySelectorAll('.app input')) input.setAttribute('value', input.value);
      // The whole graph, fitted to its pane whatever the screen (the app's zoom was for this
      // window's pane).
      const svg = document.querySelector('.app .graph-svg');
      const box = svg.getBBox();
      // Room at the top for the graph's buttons, which lie over it.
      const [side, top] = [16, 96];
      svg.setAttribute('viewBox', `${box.x - side} ${box.y - top} ${box.width + 2 * side} ${box.height + top + side}`);
      svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
      return document.querySelector('.app').outerHTML;
    });
  } finally {
    await browser?.close();
    server.stop();
  }
}

const index = join(stage, 'index.html');
if (!existsSync(chromiumPath)) {
  console.warn(`first-view: no Chromium at ${chromiumPath}: the page goes without its first view`);
  process.exit(0);
}
try {
  const markup = staticCopy(await capture());
  writeFileSync(index, withFirstView(readFileSync(index, 'utf8'), markup));
  console.log(`first-view: ${markup.length} characters of the first example's view written into index.html`);
} catch (e) {
  // The page works without it (the browser tests check that it is there).
  console.warn(`first-view: the view could not be taken (${e.message}): the page goes without it`);
}
