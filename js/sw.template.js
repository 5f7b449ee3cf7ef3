// The playground's service worker: it keeps the app shell so the playground opens, and runs
// workflows, with no network. scripts/service-worker.mjs writes it into the build as sw.js,
// filling in BUILD below; js/offline.js registers it.
//
// - install: the shell (BUILD's files) goes into this version's cache. Files named after their
//   content may come from the HTTP cache; the others are asked of the server again, so a stale
//   copy never gets into the shell.
// - fetch: same-origin GETs only. A page (a navigation) comes from the network when it answers
//   within NAVIGATION_TIMEOUT_MS, else from the cache, so a share link (`./#v1....`: the
//   fragment never reaches the server) opens offline. Everything else comes from the cache
//   first, then from the network, and what the network gives is kept in the run-time cache
//   (the TypeScript worker, kept out of the shell for its 7 MB, lands there when first fetched).
// - activate: other versions' caches are deleted, and open pages are taken over.
// - update: a new version waits until the page says SKIP_WAITING (js/offline.js does, when the
//   page goes away), so nobody's work changes version under them.
'use strict';

const BUILD = { version: 'dev', immutable: [], revalidate: [] };

const PREFIX = 'asl-playground-';
const SHELL = `${PREFIX}shell-${BUILD.version}`;
const RUNTIME = `${PREFIX}runtime-${BUILD.version}`;
const NAVIGATION_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  const requests = [
    ...BUILD.immutable.map((url) => new Request(url)),
    ...BUILD.revalidate.map((url) => new Request(url, { cache: 'no-cache' })),
  ];
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const ours = [SHELL, RUNTIME];
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && !ours.includes(n)).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The test server's log of requests: always the server's own answer.
  if (url.pathname.endsWith('/__requests')) return;
  event.respondWith(request.mode === 'navigate' ? navigate(request) : cacheFirst(event));
});

/** This version's cached answer to `request`, from the shell or the run-time cache. */
async function cached(request, options) {
  for (const name of [SHELL, RUNTIME]) {
    const cache = await caches.open(name);
    const response = await cache.match(request, { ignoreVary: true, ...options });
    if (response) return response;
  }
  return undefined;
}

/** A cached page: the one asked for (query ignored), else the app shell's `./`. */
async function cachedPage(request) {
  return (await cached(request, { ignoreSearch: true })) || (await cached(new Request('./')));
}

async function navigate(request) {
  const network = fetch(request);
  network.catch(() => {}); // failing after the cache has answered is no error
  const late = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, 'late'));
  try {
    const first = await Promise.race([network, late]);
    if (first !== 'late') return first;
    return (await cachedPage(request)) || (await network);
  } catch {
    return (await cachedPage(request)) || Response.error();
  }
}

async function cacheFirst(event) {
  const request = event.request;
  const hit = await cached(request);
  if (hit) return hit;
  const response = await fetch(request);
  // Only whole, successful answers from this origin are kept (not a range, not an error page).
  if (response.status === 200 && response.type === 'basic') {
    const copy = response.clone();
    event.waitUntil(caches.open(RUNTIME).then((cache) => cache.put(request, copy)).catch(() => {}));
  }
  return response;
}
