// The compression of share links, done by the browser itself (CompressionStream): the
// workspace's JSON raw-deflated and written in base64url, and back, with a cap on how large a
// link may expand. The link format is described in src/share/mod.rs.

/** `text` raw-deflated, in base64url without padding. */
export async function packLink(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The text a link's data holds. Rejects with an Error whose `kind` says why: `base64` (not
 * base64url), `inflate` (not deflate data, or cut short), `text` (not UTF-8), `too-large` (it
 * expands beyond `limit` bytes: it is not expanded further).
 */
export async function unpackLink(data, limit) {
  let binary;
  try {
    if (/[^A-Za-z0-9_-]/.test(data)) throw new Error('invalid character');
    binary = atob(data.replaceAll('-', '+').replaceAll('_', '/'));
  } catch (e) {
    throw failure('base64', 'it is not base64url');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch (e) {
      throw failure('inflate', 'its data does not decompress');
    }
    if (step.done) break;
    total += step.value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw failure('too-large', 'it expands too far');
    }
    chunks.push(step.value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
  } catch (e) {
    throw failure('text', 'its data is not text');
  }
}

function failure(kind, message) {
  const e = new Error(message);
  e.kind = kind;
  return e;
}
