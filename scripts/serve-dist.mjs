// A build served as a static host would (e2e/serve.mjs) on a free local port, for the scripts
// that open it in a browser: the Lighthouse benchmark and the first view's capture.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serveScript = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e', 'serve.mjs');

/** A port nobody listens on. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `dir`; resolves once the server answers, with its URL and a way to stop it. */
export async function serveDist(dir) {
  const port = await freePort();
  const server = spawn('node', [serveScript, String(port)], { env: { ...process.env, DIST_DIR: dir }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (await fetch(url).then(() => true, () => false)) break;
    if (i === 50) {
      server.kill();
      throw new Error(`the server of ${dir} did not start`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => server.kill() };
}
