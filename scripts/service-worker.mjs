// Writes DIR/sw.js, the playground's service worker, from js/sw.template.js: the list of files
// to keep for offline use (the app shell) and a version that changes whenever one of them does.
// scripts/precompress.mjs runs it after each Trunk build, before compressing, so sw.js is
// compressed too.
//
//   node scripts/service-worker.mjs DIR
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isHashed } from './hashed-names.mjs';

const TEMPLATE = fileURLToPath(new URL('../js/sw.template.js', import.meta.url));
// The line of the template that the build replaces (the template runs as is, with nothing kept).
const PLACEHOLDER = "const BUILD = { version: 'dev', immutable: [], revalidate: [] };";

/** Every file under `dir`, as `/`-separated paths relative to it (hidden ones left out: Trunk
 * builds in dist/.stage). */
export function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = prefix + entry.name;
    return entry.isDirectory() ? listFiles(dir, path + '/') : [path];
  });
}

// Monaco 0.57's AMD build, as the page loads it before any mock tab is opened (listed from the
// page's requests in Chromium): editor.main and its static dependencies, the modes loaded on
// demand for the JSON editor, a YAML definition and the mocks' models (javascript pulls
// typescript), its CSS,
// and the editor's and JSON language's workers. The TypeScript worker (7 MB) is left to the
// service worker's run-time cache. Modes and workers are named here without their hash.
const MONACO_ROOTS = ['vs/editor/editor.main', 'jsonMode', 'tsMode', 'javascript', 'yaml'];
const MONACO_FILES = ['vs/loader.js', 'vs/editor/editor.main.css'];
const MONACO_WORKERS = ['editor.worker', 'json.worker'];

/** The Monaco files to precache: the modules reachable from MONACO_ROOTS, and their workers. */
export function monacoFiles(dir, files) {
  const byName = (name) => {
    if (name.startsWith('vs/')) return name + '.js';
    const found = files.filter((f) => new RegExp(`^vs/${name.replace('.', '\\.')}-[\\w-]{8}\\.js$`).test(f));
    if (found.length !== 1) throw new Error(`Monaco's ${name} module: expected one file in vs/, found ${found.length}`);
    return found[0];
  };
  const take = new Set(MONACO_FILES);
  const workers = new Set();
  const pending = MONACO_ROOTS.map(byName);
  while (pending.length) {
    const file = pending.pop();
    if (take.has(file)) continue;
    take.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    // define("vs/name", ["exports", "./dep", "../dep", "vs/dep!"], ...): paths relative to the module.
    const deps = /define\("[^"]+",\s*\[([^\]]*)\]/.exec(text);
    for (const [, dep] of (deps ? deps[1] : '').matchAll(/"([^"]+)"/g)) {
      if (dep === 'require' || dep === 'exports') continue;
      const path = dep.startsWith('vs/') ? dep.replace(/!$/, '') : new URL(dep, 'x:/' + file).pathname.slice(1);
      pending.push(path + '.js');
    }
    // Workers are started from URLs: require.toUrl("./assets/json.worker-Csf_TLih.js").
    for (const [, url] of text.matchAll(/toUrl\("(\.{1,2}\/assets\/[^"]+)"\)/g)) {
      workers.add(new URL(url, 'x:/' + file).pathname.slice(1));
    }
  }
  for (const name of MONACO_WORKERS) {
    const found = [...workers].filter((f) => f.startsWith(`vs/assets/${name}-`));
    if (found.length !== 1) throw new Error(`Monaco's ${name}: expected one worker, found ${found.length}`);
    take.add(found[0]);
  }
  for (const file of take) {
    if (!existsSync(join(dir, file))) throw new Error(`Monaco file ${file} is not in ${dir}`);
  }
  return [...take].sort();
}

/** The app shell: what the page needs to open and run an example with no network. */
export function precacheList(dir) {
  const files = listFiles(dir).filter((f) => !/\.(gz|br)$/.test(f) && f !== 'sw.js');
  const top = files.filter((f) => !f.includes('/') && f !== 'index.html');
  // The app's folder (its wasm in parts, bindings and snippets: scripts/build-wasm.mjs).
  const folders = files.filter((f) => /^app-[0-9a-f]{16}\//.test(f) || f.startsWith('examples/') || f.startsWith('lessons/'));
  return ['index.html', ...top, ...folders, ...monacoFiles(dir, files)];
}

/** Writes DIR/sw.js; returns its version and how many files it keeps. */
export function writeServiceWorker(dir) {
  const files = precacheList(dir);
  // The version: a hash of every precached file's path and content.
  const hash = createHash('sha256');
  for (const file of files) hash.update(file + '\0').update(readFileSync(join(dir, file)));
  const version = hash.digest('hex').slice(0, 16);
  // index.html is kept as './', the address navigations fall back to.
  const urls = files.map((f) => (f === 'index.html' ? './' : f));
  const build = {
    version,
    immutable: urls.filter(isHashed),
    revalidate: urls.filter((u) => !isHashed(u)),
  };
  const template = readFileSync(TEMPLATE, 'utf8');
  if (!template.includes(PLACEHOLDER)) throw new Error(`${TEMPLATE} lost its line: ${PLACEHOLDER}`);
  const line = `const BUILD = ${JSON.stringify(build, null, 2)};`;
  writeFileSync(join(dir, 'sw.js'), template.replace(PLACEHOLDER, () => line));
  return { version, files: files.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node scripts/service-worker.mjs DIR');
    process.exit(2);
  }
  const { version, files } = writeServiceWorker(dir);
  console.log(`sw.js: version ${version}, ${files} files precached`);
}
