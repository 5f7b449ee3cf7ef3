// A static server for the built playground (dist/), for the browser tests. It remembers every
// path it was asked for, so a test can prove that a mock made no network request.
//
// It serves as a static host would: the .br or .gz copy that scripts/precompress.mjs wrote
// beside a file when the browser takes that encoding (brotli first); files named after their
// content (scripts/hashed-names.mjs) cached for good, the others (sw.js among them) revalidated
// on each use with an ETag.
//
//   node e2e/serve.mjs [PORT]        (default: $PORT or 8080; DIST_DIR serves another build)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isHashed } from '../scripts/hashed-names.mjs';

const root = process.env.DIST_DIR || join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');
const port = Number(process.argv[2] || process.env.PORT || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf', '.png': 'image/png', '.md': 'text/markdown; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.jsonl': 'application/jsonl',
};
const requested = [];
// How many new versions a test has pretended to deploy (see /__deploy).
let deployments = 0;
// For the benchmark only: the peer interpreter's browser bundle, under /peer/.
const peerDir = process.env.PEER_DIR;

/** The encodings the request's Accept-Encoding allows (q=0 refuses one). */
function accepted(header = '') {
  const ok = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  return ok;
}

/** The file to send for `file`: its .br or .gz copy when there is one the browser takes. */
async function representation(file, acceptEncoding) {
  const ok = accepted(acceptEncoding);
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!ok.has(encoding) && !ok.has('*')) continue;
    const info = await stat(file + suffix).catch(() => null);
    if (info && info.isFile()) return { path: file + suffix, info, encoding };
  }
  return null;
}

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  requested.push(path);
  if (path === '/__requests') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(requested));
    return;
  }
  // For the update test: from now on sw.js differs by a byte, as after a new deployment.
  if (path === '/__deploy') {
    deployments += 1;
    res.writeHead(204).end();
    return;
  }
  if (path === '/sw.js' && deployments > 0 && !peerDir) {
    const text = (await readFile(join(root, 'sw.js'), 'utf8')) + `\n// deployment ${deployments}\n`;
    res.writeHead(200, { 'content-type': types['.js'], 'cache-control': 'no-cache' });
    res.end(text);
    return;
  }
  const base = peerDir && path.startsWith('/peer/') ? peerDir : root;
  const rel = base === root ? path : path.slice('/peer'.length);
  const file = normalize(join(base, rel === '/' ? 'index.html' : rel));
  if (!file.startsWith(base)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const original = await stat(file);
    if (!original.isFile()) throw new Error('not a file');
    const compressed = await representation(file, req.headers['accept-encoding']);
    const { path: send, encoding } = compressed || { path: file };
    const headers = { 'content-type': types[extname(file)] || 'application/octet-stream' };
    if (encoding) headers['content-encoding'] = encoding;
    // A file with a compressed copy is sent differently to different browsers.
    if (compressed || (await representation(file, 'br, gzip'))) headers.vary = 'Accept-Encoding';
    if (isHashed(file)) {
      headers['cache-control'] = 'public, max-age=31536000, immutable';
    } else {
      headers['cache-control'] = 'no-cache';
      // One tag per representation: the original's size and time, and the encoding sent.
      headers.etag = `"${original.size.toString(16)}-${Math.floor(original.mtimeMs).toString(16)}${encoding ? '-' + encoding : ''}"`;
      const tags = (req.headers['if-none-match'] || '').split(',').map((t) => t.trim().replace(/^W\//, ''));
      if (tags.includes(headers.etag)) {
        res.writeHead(304, headers).end();
        return;
      }
    }
    const body = await readFile(send);
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
