// The playground's performance figures, measured in Chromium through the real page:
//
//   node e2e/bench.mjs          (after the build; scripts/bench-web.sh does both)
//
// - the app's wasm size, gzipped (Monaco is loaded separately, after the first paint);
// - how soon the order workflow's graph is visible after navigation;
// - laying out and drawing a generated 200-state definition; in design mode on it, inserting a
//   state, the longest frame while a state is dragged, and moving it onto a transition;
// - a 10,000-item Map run and the scrubber over its history: the longest frame while it runs;
// - the engine as wasm against aws-local-stepfunctions' browser bundle, in the same page.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appWasm } from '../scripts/app-wasm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const benchDir = join(repo, '..', 'shared', 'bench');
const peerDir = join(repo, 'target', 'peer', 'node_modules', 'aws-local-stepfunctions', 'build');
const port = 20000 + Math.floor(Math.random() * 20000);
const N = Number(process.argv[2] || 10000);

// The pages run the build with the benchmark's hooks (target/bench-dist); the size is the
// shipped build's (dist/).
const benchDist = join(repo, 'target', 'bench-dist');
const server = spawn('node', [join(here, 'serve.mjs'), String(port)], { env: { ...process.env, PEER_DIR: peerDir, DIST_DIR: benchDist }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const base = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = {};
// No service worker (offline use): its install fetches the app shell in the background, which is
// not what these figures time.
const serviceWorkers = 'block';
try {
  // 1. Size: the main module, which the first graph waits for, and the ones loaded later.
  const app = appWasm(join(repo, 'dist'));
  results.wasm_bytes = app.main.bytes;
  results.wasm_gzip_bytes = app.main.gzip;
  results.wasm_brotli_bytes = app.main.brotli;
  results.wasm_later_gzip_bytes = app.later.reduce((sum, m) => sum + m.gzip, 0);

  // 2. First graph of the order workflow, from navigation (a fresh browser, the workspace set
  //    to the order example before the page loads).
  const order = {
    definition: readFileSync(join(repo, 'examples/order-workflow/definition.asl.json'), 'utf8'),
    input: '{}', mocks: {}, example: 'order-workflow',
  };
  const firstGraph = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ serviceWorkers });
    await context.addInitScript((w) => {
      localStorage.setItem('asl-playground/workspace/v1', w);
      new MutationObserver((_, obs) => {
        if (document.querySelector('.node[data-state="Authenticate Payment"]')) {
          window.__graphAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, JSON.stringify(order));
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => window.__graphAt !== undefined);
    firstGraph.push(await page.evaluate(() => window.__graphAt));
    await context.close();
  }
  results.order_graph_visible_ms = Math.min(...firstGraph);
  results.order_graph_visible_ms_all = firstGraph.map((x) => Math.round(x));

  // 3. A generated 200-state definition: analysed, laid out and drawn, from the moment the page
  //    gets the new text (the editor's own work on the text happens beside it, in Monaco).
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 }, serviceWorkers });
  await page.goto(base);
  await page.waitForFunction(() => window.monaco && window.monaco.editor.getEditors().length > 0);
  const drawMs = [];
  for (let i = 0; i < 6; i++) {
    // Different names each time, so each measurement waits for a new drawing.
    const text = JSON.stringify(generated(200, `r${i}`), null, 2);
    drawMs.push(await page.evaluate(([text, last]) => new Promise((resolve) => {
      const t0 = performance.now();
      window.wasmBindings.benchDraw(text);
      // Measured when the last state is in the page and the browser has painted it.
      const check = () => {
        if (document.querySelector(`.node[data-state="${last}"]`)) requestAnimationFrame(() => resolve(performance.now() - t0));
        else requestAnimationFrame(check);
      };
      check();
    }), [text, `Step 199 r${i}`]));
  }
  // The first drawing also warms the page up; the figure is the median of the others.
  const warm = drawMs.slice(1).sort((a, b) => a - b);
  results.layout_200_states_ms = Math.round(warm[Math.floor(warm.length / 2)]);
  results.layout_200_states_ms_all = drawMs.map((x) => Math.round(x));
  // The engine's share: parse, validate and lay out, without drawing.
  const analysis = [];
  for (let i = 0; i < 5; i++) {
    const text = JSON.stringify(generated(200, `a${i}`), null, 2);
    analysis.push(await page.evaluate((text) => window.wasmBindings.benchAnalysis(text), text));
  }
  results.analysis_200_states_ms = +Math.min(...analysis).toFixed(1);

  // 3b. Design mode on the last of those definitions: a state from the palette inserted after a
  //     selected one, from the click to the new state painted (the edit of the text, the
  //     analysis, the layout and the drawing). The first insert warms up; the figure is the
  //     median of the others.
  await page.locator('.edit-switch button', { hasText: 'Design' }).click();
  await page.locator('.palette-item[data-template="pass"]').waitFor();
  const insertMs = [];
  for (let i = 0; i < 6; i++) {
    await page.locator('.graph-svg [data-state="Step 100 r5"]').dispatchEvent('click');
    const name = i === 0 ? 'Pass' : `Pass ${i + 1}`;
    insertMs.push(await page.evaluate((name) => new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('.palette-item[data-template="pass"]').click();
      const check = () => {
        if (document.querySelector(`.node[data-state="${name}"]`)) requestAnimationFrame(() => resolve(performance.now() - t0));
        else requestAnimationFrame(check);
      };
      check();
    }), name));
  }
  const inserts = insertMs.slice(1).sort((a, b) => a - b);
  results.design_insert_200_states_ms = Math.round(inserts[Math.floor(inserts.length / 2)]);
  results.design_insert_200_states_ms_all = insertMs.map((x) => Math.round(x));

  // 3c. Dragging a state across that graph: every frame while the pointer moves (the state
  //     follows it, the transition under it is marked), then the drop on a transition, from the
  //     release to the moved state painted in its new place.
  // States near the entry, which the graph opens on.
  const grab = await page.locator('.graph-svg [data-state="Step 2 r5"] rect').boundingBox();
  const from = { x: grab.x + grab.width / 2, y: grab.y + grab.height / 2 };
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; window.__raf = requestAnimationFrame(tick); };
    window.__raf = requestAnimationFrame(tick);
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    // A loop around the graph's visible part, over states and transitions.
    const a = (i / 120) * 2 * Math.PI;
    await page.mouse.move(from.x + 220 * Math.sin(a), from.y + 160 * (1 - Math.cos(a)));
  }
  const dragFrames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames; });
  results.design_drag_200_states_longest_frame_ms = Math.round(Math.max(...dragFrames.slice(1)));
  results.design_drag_200_states_frames = dragFrames.length;
  // The drop: onto the transition between two states further down.
  const target = await page.evaluate(() => {
    const path = document.querySelector('.graph-svg .edge[data-kind="next"][data-from="Step 4 r5"] path.edge-hit');
    const at = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    return { x: at.x * m.a + at.y * m.c + m.e, y: at.x * m.b + at.y * m.d + m.f };
  });
  await page.mouse.move(target.x, target.y, { steps: 5 });
  results.design_move_200_states_ms = Math.round(await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    const before = document.querySelector('.graph-svg');
    const check = () => {
      const edge = document.querySelector('.graph-svg .edge[data-from="Step 4 r5"][data-to="Step 2 r5"]');
      if (edge) requestAnimationFrame(() => resolve(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    // The release, dispatched here so that the clock starts with it.
    before.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerId: 1, button: 0 }));
    check();
  })));
  await page.mouse.up();
  await page.locator('.edit-switch button', { hasText: 'Code' }).click();

  // 4. A 10,000-item Map run and its scrubber: the longest frame.
  const map = readFileSync(join(benchDir, 'map.asl.json'), 'utf8');
  const items = JSON.stringify({ items: Array.from({ length: N }, (_, i) => ({ id: i })) });
  await page.evaluate(([map, items]) => {
    const set = (uri, text) => window.monaco.editor.getModel(window.monaco.Uri.parse(uri)).setValue(text);
    set('file:///definition.asl.json', map);
    set('file:///input.json', items);
  }, [map, items]);
  await page.locator('.segmented button', { hasText: 'EXPRESS' }).click();
  // Let the editor finish with the 10,000-item input text (tokenizing, its JSON worker) first:
  // the figure is about the run and the scrubber.
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; window.__raf = requestAnimationFrame(tick); };
    window.__raf = requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.locator('button.run').click();
  await page.locator('.run-status').filter({ hasText: /SUCCEEDED|FAILED/ }).waitFor({ timeout: 120_000 });
  results.map_run_total_ms = Date.now() - t0;
  const runFrames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames; });
  results.map_run_longest_frame_ms = Math.round(Math.max(...runFrames));
  results.map_run_frames = runFrames.length;
  // Scrub: ten jumps across the history, each timed until the next frame is painted.
  const scrub = [];
  for (let i = 1; i <= 10; i++) {
    scrub.push(await page.evaluate((f) => new Promise((resolve) => {
      const input = document.querySelector('.scrubber');
      const t0 = performance.now();
      input.value = String(Math.floor(Number(input.max) * f));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
    }), i / 10));
  }
  results.scrub_longest_ms = Math.round(Math.max(...scrub));
  results.map_history_events = await page.evaluate(() => Number(document.querySelector('.scrubber').max));

  // 5. The engine in wasm against the peer's browser bundle, in the same page.
  const loop = readFileSync(join(benchDir, 'loop.asl.json'), 'utf8');
  results.engines = await page.evaluate(async ([loop, map, N]) => {
    const { StateMachine } = await import('/peer/main.browser.esm.js');
    const items = { items: Array.from({ length: N }, (_, i) => ({ id: i })) };
    const out = {};
    for (const [name, def, input, transitions] of [['loop', loop, { target: N }, 2 * N + 2], ['map', map, items, N + 1]]) {
      let peerBest = Infinity;
      let oursBest = Infinity;
      for (let i = 0; i < 3; i++) {
        const sm = new StateMachine(JSON.parse(def), { validationOptions: { checkPaths: true } });
        const t0 = performance.now();
        await sm.run(input).result;
        peerBest = Math.min(peerBest, performance.now() - t0);
        const r = JSON.parse(window.wasmBindings.benchEngine(def, JSON.stringify(input)));
        if (r.transitions !== transitions) throw new Error(`${name}: ${r.transitions} transitions`);
        oursBest = Math.min(oursBest, r.ms);
      }
      out[name] = {
        peer_per_s: Math.round(transitions / (peerBest / 1000)),
        asl_wasm_per_s: Math.round(transitions / (oursBest / 1000)),
        ratio: +(peerBest / oursBest).toFixed(1),
      };
    }
    return out;
  }, [loop, map, N]);
} finally {
  await browser.close();
  server.kill();
}
console.log(JSON.stringify(results, null, 2));

/** A 200-state workflow: a main line of Tasks with retries and catches, Choices that skip ahead. */
function generated(n, tag) {
  const states = {};
  const id = (i) => `Step ${i} ${tag}`;
  for (let i = 0; i < n; i++) {
    const name = id(i);
    const next = i + 1 < n ? id(i + 1) : null;
    if (i % 10 === 5 && i + 4 < n) {
      states[name] = { Type: 'Choice', Choices: [{ Variable: '$.skip', BooleanEquals: true, Next: id(i + 4) }], Default: next };
    } else if (i % 7 === 3) {
      states[name] = { Type: 'Pass', ...(next ? { Next: next } : { End: true }) };
    } else {
      states[name] = {
        Type: 'Task', Resource: `arn:aws:lambda:us-east-1:123456789012:function:fn${i % 12}`,
        Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }],
        ...(i % 9 === 4 ? { Catch: [{ ErrorEquals: ['States.ALL'], Next: id(n - 1) }] } : {}),
        ...(next ? { Next: next } : { End: true }),
      };
    }
  }
  return { StartAt: id(0), States: states };
}
