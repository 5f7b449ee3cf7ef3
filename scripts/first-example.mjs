// A first visit opens the first example (examples/index.json): its files are fetched by the app
// once the wasm has started, one more round trip before the page shows anything of it. This
// step, run after each build (by precompress.mjs), writes into index.html a small script that,
// on a first visit only (no saved work, no link), asks the browser to preload those files while
// the wasm downloads; the app's own requests then find them ready.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as paths relative to `root` with forward slashes. */
function filesUnder(root, dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path).split('\\').join('/')];
  });
}

/** The files the app fetches for an example (see build.rs and src/examples.rs). */
export function exampleFiles(dist, id) {
  const base = join(dist, 'examples', id);
  const nested = ['inputs', 'mocks', 's3']
    .flatMap((d) => filesUnder(base, join(base, d)))
    .filter((f) => !/\.(br|gz)$/.test(f));
  // input.json is fetched only when no named input holds the same text.
  const text = (f) => readFileSync(join(base, f), 'utf8');
  const namedInputs = nested.filter((f) => f.startsWith('inputs/'));
  const defaultInput = existsSync(join(base, 'input.json')) && !namedInputs.some((f) => text(f) === text('input.json'));
  const named = ['about.md', 'definition.asl.json', ...(defaultInput ? ['input.json'] : [])];
  return [...named, ...nested].map((f) => `examples/${id}/${f}`);
}

/** Adds the first-visit preload to `dist/index.html` (once); returns the files it names. */
export function preloadFirstExample(dist) {
  const index = join(dist, 'index.html');
  const [first] = JSON.parse(readFileSync(join(dist, 'examples', 'index.json'), 'utf8'));
  const files = exampleFiles(dist, first);
  let html = readFileSync(index, 'utf8');
  const marker = '<!-- first-example-preload -->';
  if (html.includes(marker)) return files;
  // On a first visit only, as index.html marks it.
  const script = `${marker}<script>(function(){if(!document.documentElement.classList.contains('first-visit'))return;` +
    `${JSON.stringify(files)}.forEach(function(f){var l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href=f;document.head.appendChild(l)})})()</script>`;
  html = html.replace('</head>', `${script}\n</head>`);
  writeFileSync(index, html);
  return files;
}
