// A static server for the built playground (dist/), for the browser tests. It remembers every
// path it was asked for, so a test can prove that a mock made no network request.
//
//   node e2e/serve.mjs [PORT]        (default: $PORT or 8080; DIST_DIR serves another build)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.DIST_DIR || join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');
const port = Number(process.argv[2] || process.env.PORT || 8080);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf', '.png': 'image/png',
};
const requested = [];
// For the benchmark only: the peer interpreter's browser bundle, under /peer/.
const peerDir = process.env.PEER_DIR;

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  requested.push(path);
  if (path === '/__requests') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(requested));
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
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
