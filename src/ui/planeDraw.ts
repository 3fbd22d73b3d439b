import type { Dataset } from '../core/dataset';
import { PLANE_EXTENT } from '../core/grid';
import { outputWidth } from '../core/task';
import type { GridValues } from '../train/run';
import { paintClasses, paintRegression, regressionRange } from './heatmap';
import { classColor, cssColor, divergingColor } from './palette';

/** Painting the plane: the model's output as a heatmap, with the data points on top. */

const [LO, HI] = PLANE_EXTENT;

/** Pixel position of a plane point on a canvas of width × height pixels. */
export function toPixels(x1: number, x2: number, width: number, height: number): [number, number] {
  return [((x1 - LO) / (HI - LO)) * width, ((HI - x2) / (HI - LO)) * height];
}

/** The plane point under a pixel position. */
export function toPlane(x: number, y: number, width: number, height: number): [number, number] {
  return [LO + (x / width) * (HI - LO), HI - (y / height) * (HI - LO)];
}

/** Paints the grid into `scratch` (resized to the grid) and stretches it over the whole canvas. */
export function drawHeatmap(context: CanvasRenderingContext2D, scratch: HTMLCanvasElement, grid: GridValues<Float32Array>, dataset: Dataset, discretize: boolean): void {
  const { width, height } = grid.spec;
  if (scratch.width !== width || scratch.height !== height) {
    scratch.width = width;
    scratch.height = height;
  }
  const scratchContext = scratch.getContext('2d')!;
  const image = scratchContext.createImageData(width, height);
  const task = dataset.task;
  if (task.kind === 'regression') paintRegression(grid.values, width * height, regressionRange(dataset.labels), discretize, image.data);
  else if (grid.values.length === width * height * outputWidth(task)) paintClasses(grid.values, task.classes, width * height, discretize, image.data);
  scratchContext.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = !discretize;
  context.drawImage(scratch, 0, 0, context.canvas.width, context.canvas.height);
}

/** Draws the points, one path per colour and split: training points filled, test points (when shown) as rings; `scale` is device pixels per CSS pixel. */
export function drawPoints(context: CanvasRenderingContext2D, dataset: Dataset, showTest: boolean, scale: number): void {
  const { width, height } = context.canvas;
  const radius = 3.6 * scale;
  const regression = dataset.task.kind === 'regression';
  const range = regression ? regressionRange(dataset.labels) : 1;
  const paths = new Map<string, { color: string; test: boolean; path: Path2D }>();
  for (let i = 0; i < dataset.labels.length; i++) {
    const test = dataset.isTest[i] === 1;
    if (test && !showTest) continue;
    // Regression targets are drawn in 9 shades, so that points of a shade share a path.
    const color = cssColor(regression ? divergingColor(Math.round((dataset.labels[i] / range) * 4) / 4) : classColor(dataset.labels[i]));
    const key = `${color} ${test}`;
    let group = paths.get(key);
    if (!group) paths.set(key, (group = { color, test, path: new Path2D() }));
    const [x, y] = toPixels(dataset.points[2 * i], dataset.points[2 * i + 1], width, height);
    group.path.moveTo(x + radius, y);
    group.path.arc(x, y, radius, 0, 2 * Math.PI);
  }
  for (const { color, test, path } of paths.values()) {
    if (test) {
      context.lineWidth = 3.2 * scale;
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.stroke(path);
      context.lineWidth = 2 * scale;
      context.strokeStyle = color;
      context.stroke(path);
    } else {
      context.fillStyle = color;
      context.fill(path);
      context.lineWidth = 1.2 * scale;
      context.strokeStyle = '#1a1a1a';
      context.stroke(path);
    }
  }
}
