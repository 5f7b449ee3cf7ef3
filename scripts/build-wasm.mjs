// Builds the app's wasm in parts (a Trunk post_build hook, see Trunk.toml): the code that
// draws a workflow loads with the page, the rest (running it, for now) when it is first needed.
//
//   cargo build           the app for wasm32, with the linker's relocations kept
//                         (.cargo/config.toml), which the split needs
//   wasm-split-cli        cuts the module at the app's split points (`#[wasm_split]`): a main
//                         module, one module per split point, chunks they share, and
//                         __wasm_split.js, which fetches them on demand
//   wasm-bindgen          the JS bindings of the main module
//   wasm-opt              each module, in release builds
//
// Trunk cannot do this itself (it runs wasm-bindgen straight after cargo, and the split must
// come between), so index.html has no `rel="rust"` link: this script writes the parts into
// app-<hash>/ in Trunk's staging folder and the tags that start them into its index.html. The
// hash covers the compiled wasm, this script and the tools' versions, so the folder's name
// changes whenever its content can, and browsers may keep it for good.
//
// Environment: TRUNK_STAGING_DIR (required), TRUNK_PROFILE (release or debug), TRUNK_PUBLIC_URL
// (default /), APP_FEATURES (cargo features, comma separated: the benchmark's `bench`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = 'asl-playground';
const TARGET = 'wasm32-unknown-unknown';
// The same optimisation Trunk applied (data-wasm-opt="s"), with the features rustc's wasm32
// target enables by default stated, since the split-off modules carry no feature section.
const WASM_OPT = ['-Os', '--low-memory-unused', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
// index.html names the app with a Rust link that Trunk skips; the tags that start it go at the
// end of <head>, as Trunk puts its own, so that the stylesheets are asked for first.
const RUST_LINK = /\s*<link data-trunk rel="rust" data-trunk-skip[^>]*>/;
const HEAD_END = '</head>';

function run(command, args, options = {}) {
  return execFileSync(command, args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });
}

/** The tool's version line, so a different tool gives the parts a different name. */
function version(command) {
  try {
    return run(command, ['--version']).trim();
  } catch {
    throw new Error(`${command} is not installed (bash scripts/setup.sh installs it)`);
  }
}

/** A digest of the installed program (for a tool that cannot tell its version). */
function digestOf(command) {
  const path = (process.env.PATH || '').split(':').map((d) => join(d, command)).find((p) => existsSync(p));
  if (!path) throw new Error(`${command} is not installed (bash scripts/setup.sh installs it)`);
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('build-wasm: run by Trunk (TRUNK_STAGING_DIR is not set)');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE !== 'debug';
const profile = release ? 'wasm-release' : 'dev';
const publicUrl = (process.env.TRUNK_PUBLIC_URL || '/').replace(/\/?$/, '/');
const wasmOpt = join(repo, 'node_modules', '.bin', 'wasm-opt');

// The bindings must come from the wasm-bindgen the crate was compiled against.
const lock = readFileSync(join(repo, 'Cargo.lock'), 'utf8').match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
if (!lock) throw new Error('Cargo.lock names no wasm-bindgen');
if (!version('wasm-bindgen').endsWith(` ${lock[1]}`)) {
  throw new Error(`wasm-bindgen ${lock[1]} is needed (Cargo.lock), found ${version('wasm-bindgen')}: bash scripts/setup.sh installs it`);
}

const features = (process.env.APP_FEATURES || '').trim();
run('cargo', ['build', '--quiet', '--offline', '--target', TARGET, '--bin', BIN, '--profile', profile,
  ...(features ? ['--features', features] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
const compiled = join(repo, 'target', TARGET, release ? 'wasm-release' : 'debug', `${BIN}.wasm`);

const work = mkdtempSync(join(tmpdir(), 'asl-wasm-'));
try {
  const split = join(work, 'split');
  const out = join(work, 'app');
  run('wasm-split-cli', [compiled, split, '--target', 'web', '--out-name', BIN]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', out, '--out-name', BIN, join(split, `${BIN}.wasm`)]);
  // wasm-bindgen wrote the main module as NAME_bg.wasm; the split-off modules and their loader
  // sit beside it, where the loader (and the bindings' import of it) expect them.
  for (const file of readdirSync(split)) {
    if (file !== `${BIN}.wasm`) cpSync(join(split, file), join(out, file));
  }
  const modules = readdirSync(out).filter((f) => f.endsWith('.wasm'));
  if (release) {
    for (const file of modules) run(wasmOpt, [...WASM_OPT, join(out, file), '-o', join(out, file)]);
  }

  const hash = createHash('sha256')
    .update(readFileSync(compiled))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update([digestOf('wasm-split-cli'), version('wasm-bindgen'), release ? version(wasmOpt) : 'debug'].join('\n'))
    .digest('hex')
    .slice(0, 16);
  const folder = `app-${hash}`;
  for (const old of readdirSync(stage).filter((f) => /^app-[0-9a-f]{16}$/.test(f))) rmSync(join(stage, old), { recursive: true });
  cpSync(out, join(stage, folder), { recursive: true });

  // The page starts the app as Trunk's own loader did (window.wasmBindings for the benchmark's
  // hooks); the main module downloads beside its bindings. On a first visit the page already
  // shows the first view (scripts/first-view.mjs), so the app is asked for once that has been
  // painted (the paint timing entry comes when the frame is on screen): the paint shares the
  // connection with nothing. A page that is never painted (a tab opened in the background)
  // starts it after a second. Otherwise (saved work, a link) the app draws the first graph
  // itself, and is asked for at once.
  const base = `${publicUrl}${folder}/${BIN}`;
  const tags = [
    '<script>window.appMayStart = new Promise(function (go) {',
    '  var asked = false;',
    '  function ask() {',
    '    if (asked) return;',
    '    asked = true;',
    "    var bindings = document.createElement('link');",
    `    bindings.rel = 'modulepreload'; bindings.href = '${base}.js'; bindings.crossOrigin = 'anonymous';`,
    "    var wasm = document.createElement('link');",
    `    wasm.rel = 'preload'; wasm.as = 'fetch'; wasm.type = 'application/wasm'; wasm.href = '${base}_bg.wasm'; wasm.crossOrigin = 'anonymous';`,
    '    document.head.append(bindings, wasm);',
    '    go();',
    '  }',
    "  if (!document.documentElement.classList.contains('first-visit')) return ask();",
    '  try {',
    '    new PerformanceObserver(function (list) {',
    "      if (list.getEntriesByName('first-contentful-paint').length) ask();",
    "    }).observe({ type: 'paint', buffered: true });",
    '  } catch (e) {}',
    '  setTimeout(ask, 1000);',
    '});</script>',
    '<script type="module">',
    'await window.appMayStart;',
    `const bindings = await import('${base}.js');`,
    `const wasm = await bindings.default({ module_or_path: '${base}_bg.wasm' });`,
    'window.wasmBindings = bindings;',
    "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
    '</script>',
  ].join('\n');
  const index = join(stage, 'index.html');
  const html = readFileSync(index, 'utf8');
  if (!RUST_LINK.test(html) || !html.includes(HEAD_END)) throw new Error('index.html has no <link data-trunk rel="rust" data-trunk-skip> or no </head>');
  writeFileSync(index, html.replace(RUST_LINK, '').replace(HEAD_END, () => `${tags}\n${HEAD_END}`));

  const sizes = modules.map((f) => `${f} ${readFileSync(join(out, f)).length}`).join(', ');
  console.log(`build-wasm: ${folder}/ (${profile}): ${sizes}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

