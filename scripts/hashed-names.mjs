// Which built files carry a hash of their content in their name, so that a browser may keep them
// for good (e2e/serve.mjs sends them as immutable, the service worker takes them from the HTTP
// cache without asking the server again). Apart from the app's folder, only the file's own name
// counts: the folder of wasm-bindgen's snippets carries a hash of the crate, not of the snippets.
//
// - The app's wasm, its bindings, snippets and split-off modules: everything under
//   `app-<hash>/` (scripts/build-wasm.mjs names the folder after what it holds).
// - Trunk: `name-<hash>.js`, `name-<hash>_bg.wasm`, `name-<hash>.css`, the hash a 64-bit number
//   in hex without leading zeros (so 12 to 16 digits in practice; main-30ac01086ee26d3.css).
// - Monaco 0.57's chunks: `name-<8 characters of base64url>.js` (editor-BdtEMBbM.js,
//   abap-D-t0cyap.js). An ordinary name can end in an 8-letter word too, so at least one capital
//   or digit is asked for; a real hash without one is only revalidated, which is safe.
const TRUNK = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const MONACO = /-(?=[\w-]{0,7}[A-Z0-9])[\w-]{8}\.js$/;
const APP = /(^|\/)app-[0-9a-f]{16}\//;

/** True when the file at `path` (any folder, `/` separated) is named after its content. */
export function isHashed(path) {
  if (APP.test(path)) return true;
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.(br|gz)$/, '');
  return TRUNK.test(name) || MONACO.test(name);
}
