import { project, type PictureLine, type Projection } from '../core/projection';
import type { LayerView, PlaneLines } from '../core/trainer';
import { classColor, cssColor, divergingColor } from './palette';

/** The layer view's picture: the plane's lines and the training points mapped into a layer's space, projected to 2-D. */

export interface LayerPicture {
  /** Each line of the plane as a polyline of 2-D points (x, y, x, y…). */
  lines: Float64Array[];
  /** The training points, rows × 2. */
  points: Float64Array;
  /** The picture's extent: [xMin, xMax, yMin, yMax]. */
  bounds: [number, number, number, number];
}

/** The picture of `view` under `projection`: horizontal lines, then vertical ones, and the points; bounds from the points (or the lines without points), with a margin. */
export function layerPicture(view: LayerView, lines: PlaneLines, projection: Projection): LayerPicture {
  const rows = view.lines.length / view.width;
  const flat = project(view.lines, rows, projection);
  const { lines: count, samples } = lines;
  const polylines: Float64Array[] = [];
  // Horizontal line i: row i of the first grid (samples from the left).
  for (let i = 0; i < count; i++) polylines.push(flat.slice(2 * i * samples, 2 * (i + 1) * samples));
  // Vertical line j: column j of the second grid (sample s at row s).
  const second = count * samples;
  for (let j = 0; j < count; j++) {
    const line = new Float64Array(2 * samples);
    for (let s = 0; s < samples; s++) {
      line[2 * s] = flat[2 * (second + s * count + j)];
      line[2 * s + 1] = flat[2 * (second + s * count + j) + 1];
    }
    polylines.push(line);
  }
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
  return { lines: polylines, points, bounds: [x0, x1, y0, y1] };
}

/** Draws `picture` on `context` (size × size pixels): lines grey, points in their class colours (or a regression target's colour), the boundary dashed. */
export function drawLayerPicture(context: CanvasRenderingContext2D, size: number, picture: LayerPicture, labels: ArrayLike<number>, classification: boolean, boundary: PictureLine | null): void {
  const [x0, x1, y0, y1] = picture.bounds;
  const px = (x: number) => ((x - x0) / (x1 - x0)) * size;
  const py = (y: number) => size - ((y - y0) / (y1 - y0)) * size;
  context.clearRect(0, 0, size, size);
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
  if (boundary && (boundary.a !== 0 || boundary.b !== 0)) {
    // a·x + b·y + c = 0 across the picture.
    context.save();
    context.setLineDash([6, 4]);
    context.lineWidth = 2;
    context.strokeStyle = '#222';
    context.beginPath();
    if (Math.abs(boundary.b) > Math.abs(boundary.a)) {
      const y = (x: number) => -(boundary.a * x + boundary.c) / boundary.b;
      context.moveTo(0, py(y(x0)));
      context.lineTo(size, py(y(x1)));
    } else {
      const x = (y: number) => -(boundary.b * y + boundary.c) / boundary.a;
      context.moveTo(px(x(y0)), size);
      context.lineTo(px(x(y1)), 0);
    }
    context.stroke();
    context.restore();
  }
  const points = picture.points;
  for (let r = 0; r < points.length / 2; r++) {
    context.fillStyle = cssColor(classification ? classColor(labels[r]) : divergingColor(labels[r]));
    context.beginPath();
    context.arc(px(points[2 * r]), py(points[2 * r + 1]), 2.5, 0, 2 * Math.PI);
    context.fill();
  }
}
