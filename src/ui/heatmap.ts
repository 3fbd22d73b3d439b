import type { Dataset } from '../core/dataset';
import { logProbability } from './contours';
import { BACKGROUND, CLASS_COLORS, divergingColor, mix, type Rgb } from './palette';

/** The decision-boundary colours of grid values, written into RGBA pixels (one pixel per grid cell). */

/** Opacity of a fully confident cell; below 1 so the points on top stay readable. */
export const MAX_STRENGTH = 0.8;
/** Opacity of every cell in the discretized view. */
export const DISCRETE_STRENGTH = 0.55;
/** Levels of the discretized regression scale on each side of 0. */
const REGRESSION_LEVELS = 4;

function put(out: Uint8ClampedArray, cell: number, [r, g, b]: Rgb): void {
  out[4 * cell] = r;
  out[4 * cell + 1] = g;
  out[4 * cell + 2] = b;
  out[4 * cell + 3] = 255;
}

/**
 * Classification: `values` holds one probability per cell for 2 classes (of class 1), or k per
 * cell. The class colours are blended by probability and laid over white with a strength that
 * grows with confidence (0 where all classes are equally likely). Discretized: the likeliest class, flat.
 */
export function paintClasses(values: Float32Array, classes: number, cells: number, discretize: boolean, out: Uint8ClampedArray): void {
  const probabilities = new Float64Array(classes);
  for (let cell = 0; cell < cells; cell++) {
    if (classes === 2) {
      probabilities[1] = values[cell];
      probabilities[0] = 1 - values[cell];
    } else {
      for (let c = 0; c < classes; c++) probabilities[c] = values[cell * classes + c];
    }
    let best = 0;
    const blend: [number, number, number] = [0, 0, 0];
    for (let c = 0; c < classes; c++) {
      if (probabilities[c] > probabilities[best]) best = c;
      for (let channel = 0; channel < 3; channel++) blend[channel] += probabilities[c] * CLASS_COLORS[c][channel];
    }
    if (discretize) {
      put(out, cell, mix(BACKGROUND, CLASS_COLORS[best], DISCRETE_STRENGTH));
      continue;
    }
    const confidence = Math.max(0, (probabilities[best] - 1 / classes) / (1 - 1 / classes));
    put(out, cell, mix(BACKGROUND, blend, MAX_STRENGTH * (Number.isFinite(confidence) ? confidence : 0)));
  }
}

/**
 * Visits every pixel of an outWidth × outHeight image over the grid's square with the grid's values
 * (`stride` per sample) interpolated bilinearly there: `pick(row, left, right, t)` reads value c as
 * row[left + c] + t · (row[right + c] − row[left + c]) and returns the pixel's colour. Sample (i, j)
 * sits at the centre of grid cell (i, j); rows are blended once per image row, so each pixel costs
 * one blend per value.
 */
function paintInterpolated(
  values: ArrayLike<number>,
  stride: number,
  grid: { width: number; height: number },
  outWidth: number,
  outHeight: number,
  out: Uint8ClampedArray,
  pick: (row: Float64Array, left: number, right: number, t: number) => Rgb,
): void {
  const { width, height } = grid;
  const span = (position: number, samples: number): [number, number] => {
    const first = Math.min(Math.max(Math.floor(position), 0), Math.max(samples - 2, 0));
    return [first, Math.min(Math.max(position - first, 0), 1)];
  };
  const columns = Array.from({ length: outWidth }, (_, px) => span(((px + 0.5) * width) / outWidth - 0.5, width));
  const row = new Float64Array(width * stride);
  const rowLength = width * stride;
  for (let py = 0; py < outHeight; py++) {
    const [j, ty] = span(((py + 0.5) * height) / outHeight - 0.5, height);
    const below = Math.min(j + 1, height - 1) * rowLength;
    for (let n = 0; n < rowLength; n++) row[n] = (1 - ty) * values[j * rowLength + n] + ty * values[below + n];
    for (let px = 0; px < outWidth; px++) {
      const [i, tx] = columns[px];
      put(out, py * outWidth + px, pick(row, i * stride, Math.min(i + 1, width - 1) * stride, tx));
    }
  }
}

/**
 * Discretized classification at a finer resolution than the grid (`outWidth` × `outHeight` pixels
 * over the same square): each pixel takes the likeliest class of the log probabilities (the
 * logits, up to a shared term) interpolated between the samples around it, so the regions have
 * smooth edges instead of the grid's blocks.
 */
export function paintClassRegions(values: Float32Array, classes: number, grid: { width: number; height: number }, outWidth: number, outHeight: number, out: Uint8ClampedArray): void {
  const colors = CLASS_COLORS.map((color) => mix(BACKGROUND, color, DISCRETE_STRENGTH));
  if (classes === 2) {
    // The log-odds of class 1.
    const odds = Float64Array.from(values, (p) => logProbability(p) - logProbability(1 - p));
    paintInterpolated(odds, 1, grid, outWidth, outHeight, out, (row, left, right, t) => colors[row[left] + t * (row[right] - row[left]) > 0 ? 1 : 0]);
    return;
  }
  const logs = Float64Array.from(values, logProbability);
  paintInterpolated(logs, classes, grid, outWidth, outHeight, out, (row, left, right, t) => {
    let best = 0;
    let most = -Infinity;
    for (let c = 0; c < classes; c++) {
      const logP = row[left + c] + t * (row[right + c] - row[left + c]);
      if (logP > most) [most, best] = [logP, c];
    }
    return colors[best];
  });
}

/** Discretized regression at a finer resolution than the grid: the interpolated value in a few bands. */
export function paintRegressionBands(values: Float32Array, range: number, grid: { width: number; height: number }, outWidth: number, outHeight: number, out: Uint8ClampedArray): void {
  const bands = Array.from({ length: 2 * REGRESSION_LEVELS + 1 }, (_, k) => divergingColor(k / REGRESSION_LEVELS - 1, MAX_STRENGTH));
  paintInterpolated(values, 1, grid, outWidth, outHeight, out, (row, left, right, t) => {
    const value = (row[left] + t * (row[right] - row[left])) / range;
    return bands[Math.round((Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0)) + 1) * REGRESSION_LEVELS)];
  });
}

/** Regression: each cell's value on the diverging scale over [−range, range]; discretized into a few bands. */
export function paintRegression(values: Float32Array, cells: number, range: number, discretize: boolean, out: Uint8ClampedArray): void {
  for (let cell = 0; cell < cells; cell++) {
    let t = values[cell] / range;
    if (discretize) t = Math.round(Math.max(-1, Math.min(1, t)) * REGRESSION_LEVELS) / REGRESSION_LEVELS;
    put(out, cell, divergingColor(t, MAX_STRENGTH));
  }
}

/** One neuron's activations over a thumbnail grid: `values` is cells × `stride`, the neuron at column `column`; scaled by its largest |value|. */
export function paintNeuron(values: Float32Array, stride: number, column: number, cells: number, out: Uint8ClampedArray): void {
  let largest = 1e-6;
  for (let cell = 0; cell < cells; cell++) largest = Math.max(largest, Math.abs(values[cell * stride + column]));
  for (let cell = 0; cell < cells; cell++) put(out, cell, divergingColor(values[cell * stride + column] / largest));
}

/** The symmetric range of a regression scale: the largest |label|, at least 1e-6. */
export function regressionRange(labels: ArrayLike<number>): number {
  let largest = 1e-6;
  for (let i = 0; i < labels.length; i++) if (Number.isFinite(labels[i])) largest = Math.max(largest, Math.abs(labels[i]));
  return largest;
}

const labelRanges = new WeakMap<Dataset, number>();
/** `regressionRange` of a dataset's labels, worked out once per dataset (views ask at every refresh). */
export function labelRange(dataset: Dataset): number {
  let range = labelRanges.get(dataset);
  if (range === undefined) labelRanges.set(dataset, (range = regressionRange(dataset.labels)));
  return range;
}

/** The probability of class `label` over a grid of k-class outputs (cells × classes), as that class's colour over white. */
export function paintClassProbability(values: Float32Array, classes: number, label: number, cells: number, out: Uint8ClampedArray): void {
  for (let cell = 0; cell < cells; cell++) put(out, cell, mix(BACKGROUND, CLASS_COLORS[label], MAX_STRENGTH * values[cell * classes + label]));
}
