import type { RegionGrid } from '../core/classRegions';
import { project, type Projection } from '../core/projection';
import type { LayerView, PlaneLines } from '../core/trainer';
import { MAX_STRENGTH } from './heatmap';
import { classColor, cssColor, divergingColor, mix, type Rgb } from './palette';
import { ISOLINE_LEVELS } from './planeDraw';

/** The layer view's 2-D picture: the plane's lines and the training points mapped into a layer's space, projected to 2-D, over the output's class regions or a regression's prediction. */

export interface LayerPicture {
  /** Each line of the plane as a polyline of 2-D points (x, y, x, y…). */
  lines: Float64Array[];
  /** The training points, rows × 2. */
  points: Float64Array;
  /** The picture's extent: [xMin, xMax, yMin, yMax]. */
  bounds: [number, number, number, number];
}

/** Opacity of the class regions' shading and of the boundary between them (0–255). */
const REGION_ALPHA = 46;
const BOUNDARY_ALPHA = 220;
/** A regression's isolines: the main plane's ink, as see-through as there. */
const ISOLINE_INK: Rgb = [17, 20, 24];
const ISOLINE_OPACITY = 0.45;
/** The points' rim: the main plane's, see-through at this size. */
export const POINT_RIM = 'rgba(26, 26, 26, 0.7)';

/**
 * The plane's lines as polylines of `dimensions` values a sample, from the layer view's rows
 * (`values`: the horizontal lines' grid, then the vertical lines'): horizontal lines, then vertical ones.
 */
export function planePolylines(values: ArrayLike<number>, dimensions: number, lines: PlaneLines): Float64Array[] {
  const { lines: count, samples } = lines;
  const polylines: Float64Array[] = [];
  // Horizontal line i: row i of the first grid (samples from the left).
  for (let i = 0; i < count; i++) polylines.push(Float64Array.from({ length: dimensions * samples }, (_, k) => values[dimensions * i * samples + k]));
  // Vertical line j: column j of the second grid (sample s at row s).
  const second = count * samples;
  for (let j = 0; j < count; j++) {
    const line = new Float64Array(dimensions * samples);
    for (let s = 0; s < samples; s++) for (let d = 0; d < dimensions; d++) line[dimensions * s + d] = values[dimensions * (second + s * count + j) + d];
    polylines.push(line);
  }
  return polylines;
}

/** The picture of `view` under `projection`: horizontal lines, then vertical ones, and the points; bounds from the points (or the lines without points), with a margin. */
export function layerPicture(view: LayerView, lines: PlaneLines, projection: Projection): LayerPicture {
  const flat = project(view.lines, view.lines.length / view.width, projection);
  const points = view.points ? project(view.points, view.points.length / view.width, projection) : new Float64Array(0);
  const source = points.length > 0 ? points : flat;
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < source.length; i += 2) {
    xMin = Math.min(xMin, source[i]);
    xMax = Math.max(xMax, source[i]);
    yMin = Math.min(yMin, source[i + 1]);
    yMax = Math.max(yMax, source[i + 1]);
  }
  const margin = (low: number, high: number): [number, number] => {
    const spread = Math.max(high - low, 1e-6);
    return [low - 0.1 * spread, high + 0.1 * spread];
  };
  const [x0, x1] = margin(xMin, xMax);
  const [y0, y1] = margin(yMin, yMax);
  return { lines: planePolylines(flat, 2, lines), points, bounds: [x0, x1, y0, y1] };
}

/** The class regions (src/core/classRegions.ts) as RGBA pixels: each class's colour, light, and the boundary between regions dark. */
export function regionPixels(classes: Uint8Array, { columns, rows }: RegionGrid): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(4 * columns * rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      const label = classes[index];
      // A pixel whose right or lower neighbour is of another class lies on the boundary.
      const boundary = (column + 1 < columns && classes[index + 1] !== label) || (row + 1 < rows && classes[index + columns] !== label);
      const [r, g, b] = boundary ? [34, 34, 34] : classColor(label);
      pixels.set([r, g, b, boundary ? BOUNDARY_ALPHA : REGION_ALPHA], 4 * index);
    }
  }
  return pixels;
}

/**
 * A regression's prediction over the picture (`outputField`) as RGBA pixels, as the main plane
 * shades it: the diverging scale over [−range, range] at the plane's strength, opaque, and its
 * isolines (at the plane's levels, ± a quarter and ± half of the range) dark where a pixel's right
 * or lower neighbour lies across one.
 */
export function valuePixels(values: Float64Array, { columns, rows }: RegionGrid, range: number): Uint8ClampedArray<ArrayBuffer> {
  const levels = ISOLINE_LEVELS.map((level) => level * range);
  const band = (value: number): number => levels.filter((level) => value >= level).length;
  const bands = Uint8Array.from(values, band);
  const pixels = new Uint8ClampedArray(4 * columns * rows);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      const isoline = (column + 1 < columns && bands[index + 1] !== bands[index]) || (row + 1 < rows && bands[index + columns] !== bands[index]);
      const shade = divergingColor(values[index] / range, MAX_STRENGTH);
      pixels.set([...(isoline ? mix(shade, ISOLINE_INK, ISOLINE_OPACITY) : shade), 255], 4 * index);
    }
  }
  return pixels;
}

/** RGBA pixels of a grid as a canvas, to be stretched over the picture. */
export function pixelsImage(pixels: Uint8ClampedArray<ArrayBuffer>, { columns, rows }: RegionGrid): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = columns;
  canvas.height = rows;
  canvas.getContext('2d')!.putImageData(new ImageData(pixels, columns, rows), 0, 0);
  return canvas;
}

/** Draws `picture` on `context` (size × size pixels): the output's shading if given, lines grey, points coloured by `pointColour` of their labels, with a dark rim as on the main plane, so that they show on any shade. */
export function drawLayerPicture(context: CanvasRenderingContext2D, size: number, picture: LayerPicture, labels: ArrayLike<number>, pointColour: (label: number) => Rgb, shading: HTMLCanvasElement | null): void {
  const [x0, x1, y0, y1] = picture.bounds;
  const px = (x: number) => ((x - x0) / (x1 - x0)) * size;
  const py = (y: number) => size - ((y - y0) / (y1 - y0)) * size;
  context.clearRect(0, 0, size, size);
  if (shading) {
    context.imageSmoothingEnabled = false;
    context.drawImage(shading, 0, 0, size, size);
  }
  context.lineWidth = 1;
  context.strokeStyle = 'rgba(90, 90, 90, 0.45)';
  for (const line of picture.lines) {
    context.beginPath();
    for (let s = 0; s < line.length; s += 2) {
      if (s === 0) context.moveTo(px(line[s]), py(line[s + 1]));
      else context.lineTo(px(line[s]), py(line[s + 1]));
    }
    context.stroke();
  }
  const points = picture.points;
  context.lineWidth = 0.75;
  context.strokeStyle = POINT_RIM;
  for (let r = 0; r < points.length / 2; r++) {
    context.fillStyle = cssColor(pointColour(labels[r]));
    context.beginPath();
    context.arc(px(points[2 * r]), py(points[2 * r + 1]), 2.5, 0, 2 * Math.PI);
    context.fill();
    context.stroke();
  }
}
