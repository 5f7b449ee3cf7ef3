// Share links made the way the playground makes them (`#v1.` + deflated JSON, base64url), from an
// example's files: a test opens a workflow as someone following a link would.
import { readFileSync, readdirSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const read = (path) => readFileSync(new URL(`../examples/${path}`, import.meta.url), 'utf8');

/** The link of an example with one of its named inputs (or its default input). */
export function exampleLink(id, input) {
  const mocks = {};
  for (const file of readdirSync(new URL(`../examples/${id}/mocks/`, import.meta.url))) {
    mocks[file.replace(/\.js$/, '').replaceAll('.', ':')] = read(`${id}/mocks/${file}`);
  }
  const payload = {
    d: read(`${id}/definition.asl.json`),
    i: read(input ? `${id}/inputs/${input}.json` : `${id}/input.json`),
    m: mocks,
    e: id,
  };
  return '/#v1.' + deflateRawSync(Buffer.from(JSON.stringify(payload))).toString('base64url');
}

/** Elements that stick out past the right edge of the screen (and are not clipped by a scroller). */
export async function widerThanTheScreen(page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    const clipped = (el) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' && a.getBoundingClientRect().right <= limit) return true;
      }
      return false;
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > limit && getComputedStyle(el).visibility !== 'hidden' && !clipped(el)) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className.baseVal ?? el.className)} (right edge at ${Math.round(r.right)} px)`);
      }
    }
    if (document.documentElement.scrollWidth > limit) out.push(`the page scrolls to ${document.documentElement.scrollWidth} px`);
    return out;
  });
}
