// The playground's Lighthouse figures: a first visit of the plain page (which opens the first
// example), served as a static host would (e2e/serve.mjs: precompressed files, cache headers),
// with Lighthouse's default mobile profile (slow 4G, 4x slower CPU), three times in Debian's
// Chromium. Prints each run and the median: performance and accessibility scores, LCP, FCP, TBT
// and the bytes transferred, then the accessibility audits that failed, and the app's wasm
// sizes compressed (the main module, and those loaded later).
//
// Two ways of throttling, each three times (and a share link, three times the default way): Lighthouse's default, which loads the page at full
// speed and estimates the slow timings from what it saw ("simulate"), and throttling applied
// to the browser while it loads ("devtools"), which measures them. The estimate counts every
// request that started before the largest paint as one the paint waited for.
//
//   node e2e/lighthouse.mjs      (scripts/lighthouse.sh; DIST_DIR measures another build)
//
// A benchmark, not a test: it exits 0 whatever the figures, 1 only when it cannot run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appWasm, describeAppWasm } from '../scripts/app-wasm.mjs';
import { serveDist } from '../scripts/serve-dist.mjs';
import { exampleLink } from './links.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const dist = process.env.DIST_DIR || join(repo, 'dist');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const RUNS = 3;

/** Why the benchmark cannot run (the only way it exits non-zero). */
function fail(message) {
  throw new Error(message);
}

/** Runs a command to its end; resolves with its exit code. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve(code));
    child.on('error', () => resolve(-1));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The figures of one Lighthouse report. */
function figures(report) {
  const audit = (id) => report.audits[id].numericValue;
  const a11y = report.categories.accessibility;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(a11y.score * 100),
    lcp: audit('largest-contentful-paint') / 1000,
    fcp: audit('first-contentful-paint') / 1000,
    tbt: audit('total-blocking-time'),
    bytes: audit('total-byte-weight'),
    // A failed audit scores 0 (not applicable and manual ones have no score); with the
    // elements it failed on, to fix them.
    failed: a11y.auditRefs
      .map((ref) => report.audits[ref.id])
      .filter((a) => a.score === 0)
      .map((a) => ({ id: a.id, title: a.title, where: (a.details?.items || []).map((item) => item.node?.selector).filter(Boolean) })),
    wasm: report.audits['network-requests'].details.items.find((r) => r.url.endsWith('_bg.wasm')),
  };
}

const line = (label, f) =>
  `${label.padEnd(8)} performance ${String(f.performance).padStart(3)}  accessibility ${String(f.accessibility).padStart(3)}  ` +
  `LCP ${f.lcp.toFixed(2)} s  FCP ${f.fcp.toFixed(2)} s  TBT ${Math.round(f.tbt)} ms  transferred ${Math.round(f.bytes / 1024)} KiB`;

const cli = join(repo, 'node_modules', 'lighthouse', 'cli', 'index.js');
for (const [path, missing] of [[join(dist, 'index.html'), `no build in ${dist} (build first, or set DIST_DIR)`],
  [chromium, `no Chromium at ${chromium} (set CHROMIUM)`], [cli, 'Lighthouse is not installed (npm ci)']]) {
  if (!existsSync(path)) {
    console.error(`lighthouse: ${missing}`);
    process.exit(1);
  }
}

const out = mkdtempSync(join(tmpdir(), 'asl-lighthouse-'));
let server;
try {
  server = await serveDist(dist);
  const { url } = server;
  console.log(`Lighthouse ${JSON.parse(readFileSync(join(repo, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version}, mobile profile, ${url} (${dist})`);
  const runs = [];
  // The plain page both ways, then a share link (the order workflow) the default way: a link
  // has no first view, the app draws its graph.
  const link = new URL(exampleLink('order-workflow', 'happy-path'), url).href;
  for (const [label, method, page] of [['plain page, throttling: simulate', 'simulate', url],
    ['plain page, throttling: devtools', 'devtools', url], ['share link, throttling: simulate', 'simulate', link]]) {
    console.log(label);
    const these = [];
    for (let i = 1; i <= RUNS; i++) {
      const file = join(out, `${method}-${i}.json`);
      const code = await run('node', [
        cli, page, '--output=json', `--output-path=${file}`, '--quiet',
        '--only-categories=performance,accessibility', `--throttling-method=${method}`,
        // Root (as in CI) needs --no-sandbox.
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
      ], { CHROME_PATH: chromium });
      if (code !== 0 || !existsSync(file)) fail(`${method} run ${i}: Lighthouse exited with ${code}`);
      const report = JSON.parse(readFileSync(file, 'utf8'));
      if (report.runtimeError) fail(`${method} run ${i}: ${report.runtimeError.code} ${report.runtimeError.message}`);
      const f = figures(report);
      these.push(f);
      console.log(line(`run ${i}`, f));
    }
    const m = Object.fromEntries(['performance', 'accessibility', 'lcp', 'fcp', 'tbt', 'bytes'].map((k) => [k, median(these.map((r) => r[k]))]));
    console.log(line('median', m));
    runs.push(...these);
  }

  const failed = new Map(runs.flatMap((r) => r.failed).map((a) => [a.id, a]));
  console.log(`accessibility audits failed: ${failed.size ? [...failed.keys()].join(', ') : 'none'}`);
  for (const a of failed.values()) {
    console.log(`  ${a.id}: ${a.title}`);
    for (const where of a.where.slice(0, 6)) console.log(`    ${where}`);
    if (a.where.length > 6) console.log(`    ... and ${a.where.length - 6} more`);
  }

  // The wasm: the main module and those loaded later, on disk and compressed; what the browser
  // received of the main one in the last run.
  const app = appWasm(dist);
  if (app) {
    const got = runs.at(-1).wasm;
    console.log(describeAppWasm(app) + (got ? `; the browser received ${got.transferSize} bytes of the main one` : ''));
  }
} catch (e) {
  console.error(`lighthouse: ${e.message}`);
  process.exitCode = 1;
} finally {
  server?.stop();
  rmSync(out, { recursive: true, force: true });
}
