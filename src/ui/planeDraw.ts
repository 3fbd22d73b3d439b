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

/** Draws the points: training points filled, test points (when shown) as rings; `scale` is device pixels per CSS pixel. */
export function drawPoints(context: CanvasRenderingContext2D, dataset: Dataset, showTest: boolean, scale: number): void {
  const { width, height } = context.canvas;
  const radius = 3.6 * scale;
  const range = dataset.task.kind === 'regression' ? regressionRange(dataset.labels) : 1;
  const colorOf = (label: number) => cssColor(dataset.task.kind === 'regression' ? divergingColor(label / range) : classColor(label));
  context.lineWidth = 1.2 * scale;
  for (let i = 0; i < dataset.labels.length; i++) {
    const test = dataset.isTest[i] === 1;
    if (test && !showTest) continue;
    const [x, y] = toPixels(dataset.points[2 * i], dataset.points[2 * i + 1], width, height);
    context.beginPath();
    context.arc(x, y, radius, 0, 2 * Math.PI);
    if (test) {
      context.lineWidth = 3.2 * scale;
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.stroke();
      context.lineWidth = 2 * scale;
      context.strokeStyle = colorOf(dataset.labels[i]);
      context.stroke();
      context.lineWidth = 1.2 * scale;
    } else {
      context.fillStyle = colorOf(dataset.labels[i]);
      context.fill();
      context.strokeStyle = '#1a1a1a';
      context.stroke();
    }
  }
}
