// The app's wasm modules in a build (scripts/build-wasm.mjs writes them to app-<hash>/): the
// main one the page starts with, and those split off to load on demand. For the benchmarks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

const MAIN = '_bg.wasm';

/** Size on disk, gzip -9 and brotli 11 (the build's .gz and .br copies, or as they would be). */
function sizes(path) {
  const bytes = readFileSync(path);
  const copy = (suffix, compress) => (existsSync(path + suffix) ? readFileSync(path + suffix).length : compress(bytes).length);
  return {
    bytes: bytes.length,
    gzip: copy('.gz', (b) => gzipSync(b, { level: 9 })),
    brotli: copy('.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } })),
  };
}

/** `{ folder, main: {name, bytes, gzip, brotli}, later: [...] }`, or null when `dist` has none. */
export function appWasm(dist) {
  const folder = readdirSync(dist).find((f) => /^app-[0-9a-f]{16}$/.test(f));
  if (!folder) return null;
  const files = readdirSync(join(dist, folder)).filter((f) => f.endsWith('.wasm')).sort();
  const of = (name) => ({ name, ...sizes(join(dist, folder, name)) });
  const main = files.find((f) => f.endsWith(MAIN));
  if (!main) return null;
  return { folder, main: of(main), later: files.filter((f) => f !== main).map(of) };
}

/** One line: the main module's sizes, then each split-off one's. */
export function describeAppWasm(app) {
  const one = (m) => `${m.name} ${m.bytes} bytes, gzip ${m.gzip}, brotli ${m.brotli}`;
  return `wasm ${app.folder}/: ${one(app.main)}` + (app.later.length ? `; loaded later: ${app.later.map(one).join('; ')}` : '');
}
