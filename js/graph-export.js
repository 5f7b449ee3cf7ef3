// The graph on the page as a file: a standalone SVG (each element's computed look written onto
// it, so it renders the same outside the page, without the stylesheet, in the theme it was drawn
// in) and a PNG drawn from it.

// What the stylesheet decides about the graph's look.
const PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linejoin',
  'stroke-linecap', 'paint-order', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
];
const MARGIN = 20;

/** The graph `svg` as standalone SVG text, showing all of it (not the zoomed view). */
export function standaloneSvg(svg) {
  // A graph hidden behind the timeline has no size: show it for the moment it is measured.
  const hidden = [];
  for (let el = svg; el; el = el.parentElement) {
    if (getComputedStyle(el).display === 'none') {
      hidden.push([el, el.style.display]);
      el.style.display = 'block';
    }
  }
  try {
    return draw(svg);
  } finally {
    for (const [el, display] of hidden) el.style.display = display;
  }
}

function draw(svg) {
  const box = svg.getBBox();
  if (box.width === 0 || box.height === 0) throw new Error('there is no graph to export');
  const clone = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const computed = getComputedStyle(el);
    const style = PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', style + ';animation:none');
  });
  const [x, y, w, h] = [box.x - MARGIN, box.y - MARGIN, box.width + 2 * MARGIN, box.height + 2 * MARGIN];
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
  clone.setAttribute('width', String(Math.ceil(w)));
  clone.setAttribute('height', String(Math.ceil(h)));
  clone.removeAttribute('class');
  // The graph's own background, so the file keeps the theme it was drawn in (light or dark).
  const host = svg.closest('.graph') || svg;
  const fill = getComputedStyle(host).backgroundColor || '#ffffff';
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of [['x', x], ['y', y], ['width', w], ['height', h], ['fill', fill]]) background.setAttribute(k, String(v));
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** Draws SVG text into a PNG at `scale` times its size. Resolves with the PNG blob. */
export async function svgToPng(text, scale) {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
