// After each build (a Trunk post_build hook, see Trunk.toml): writes the service worker
// (scripts/service-worker.mjs), then FILE.gz and FILE.br beside every compressible file over
// 1 KB, so a static host sends them as they are instead of compressing on each request (and
// e2e/serve.mjs does the same). A compressed copy is kept only when it is smaller.
//
//   node scripts/precompress.mjs [DIR]    (default: $TRUNK_STAGING_DIR, the build before it
//                                          becomes dist/)
//
// Running it again gives the same files: .gz and .br inputs are skipped, and each copy is
// written again from its original.
import { statSync } from 'node:fs';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { constants, gzip, brotliCompress } from 'node:zlib';
import { listFiles, writeServiceWorker } from './service-worker.mjs';
import { preloadFirstExample } from './first-example.mjs';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Text and wasm; md for the examples' explanations, csv and jsonl for their S3 objects.
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|txt|md|csv|jsonl|ttf|map)$/;
const MIN_BYTES = 1024;
// Brotli at its best quality (11) everywhere: on this project's 2-core machine the whole build
// (27 MB, 161 files) takes 46 to 49 s of CPU, 39 s of wall time when nothing else runs (up to
// 71 s beside another build). Quality 9 for the files over 1 MB (Monaco's editor and workers,
// the TypeScript worker alone 7 MB) would take 10 s, for 0.34 MB (7%) more brotli bytes, most of
// them ones every first visit loads: the build is rare, visits are not.
const QUALITY = constants.BROTLI_MAX_QUALITY;

async function compressOne(dir, path) {
  const file = join(dir, path);
  const data = await readFile(file);
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ]);
  // Keep a copy only if it saves bytes; remove one left by an earlier run if it no longer does.
  const keep = async (suffix, body) => {
    if (body.length < data.length) await writeFile(file + suffix, body);
    else await rm(file + suffix, { force: true });
    return Math.min(body.length, data.length);
  };
  return { bytes: data.length, gzip: await keep('.gz', gz), brotli: await keep('.br', br) };
}

/** Compresses DIR's files, a few at a time (zlib works on node's thread pool). */
export async function precompress(dir) {
  const queue = listFiles(dir)
    .filter((path) => COMPRESSIBLE.test(path))
    .map((path) => ({ path, size: statSync(join(dir, path)).size }))
    .filter((f) => f.size > MIN_BYTES)
    // Largest first, so the slowest file does not start last.
    .sort((a, b) => b.size - a.size)
    .map((f) => f.path);
  const total = { files: 0, bytes: 0, gzip: 0, brotli: 0 };
  const workers = Array.from({ length: availableParallelism() }, async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      const r = await compressOne(dir, path);
      total.files += 1;
      total.bytes += r.bytes;
      total.gzip += r.gzip;
      total.brotli += r.brotli;
    }
  });
  await Promise.all(workers);
  return total;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs DIR (or run by Trunk, which sets TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const start = Date.now();
  // index.html first: the service worker keeps it, with a version hashed from it.
  const preloaded = preloadFirstExample(dir);
  console.log(`index.html: a first visit preloads the first example's ${preloaded.length} files`);
  const sw = writeServiceWorker(dir);
  console.log(`sw.js: version ${sw.version}, ${sw.files} files precached`);
  // `trunk serve` rebuilds on every save, in debug, and serves nothing precompressed: skip it.
  if (process.env.TRUNK_PROFILE === 'debug') {
    console.log('precompression skipped: debug build');
    process.exit(0);
  }
  const t = await precompress(dir);
  const mb = (n) => (n / 1e6).toFixed(2) + ' MB';
  console.log(`precompressed ${t.files} files: ${mb(t.bytes)}, gzip ${mb(t.gzip)}, brotli ${mb(t.brotli)} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
}
