/** The page's pictures as files: the plane as PNG, the loss chart as standalone SVG. */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Styles the page's stylesheet gives SVG elements, copied inline so that the picture looks the same on its own. */
const INLINE_STYLES = ['fill', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight'] as const;

/** The decision boundary's canvas. */
export function planeCanvas(): HTMLCanvasElement {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas[aria-label="Decision boundary"]');
  if (!canvas) throw new Error('the decision boundary is not on the page');
  return canvas;
}

/** Copies the computed look of every element of `source` onto the same element of `copy`. */
function inlineStyles(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  const inline = INLINE_STYLES.map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
  copy.setAttribute('style', inline);
  const sources = source.children;
  const copies = copy.children;
  for (let i = 0; i < sources.length; i++) inlineStyles(sources[i], copies[i]);
}

/** `svg` as markup that stands alone: its namespace, its size and its computed styles inline. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  copy.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  copy.removeAttribute('aria-hidden');
  return new XMLSerializer().serializeToString(copy);
}

/** The loss chart as standalone SVG. */
export function lossChartSvg(): string {
  const svg = document.querySelector<SVGSVGElement>('svg[aria-label="Loss chart"]');
  if (!svg) throw new Error('the loss chart is not on the page');
  return standaloneSvg(svg);
}

/** The plane as a PNG file. */
export function planePng(): Promise<Blob> {
  return new Promise((resolve, reject) => planeCanvas().toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the plane could not be made into a PNG'))), 'image/png'));
}
