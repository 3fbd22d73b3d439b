import type { Dataset } from '../core/dataset';
import { PLANE_EXTENT } from '../core/grid';
import { outputWidth } from '../core/task';
import type { GridValues } from '../train/run';
import { classBorders, levelContour, type Segments } from './contours';
import { paintClassRegions, paintClasses, paintRegression, paintRegressionBands, labelRange } from './heatmap';

/** Painting the plane: the model's output as a heatmap (the points are drawn over it by `pointsLayer.ts`). */

const [LO, HI] = PLANE_EXTENT;

/** Pixel position of a plane point on a canvas of width × height pixels. */
export function toPixels(x1: number, x2: number, width: number, height: number): [number, number] {
  return [((x1 - LO) / (HI - LO)) * width, ((HI - x2) / (HI - LO)) * height];
}

/** The plane point under a pixel position. */
export function toPlane(x: number, y: number, width: number, height: number): [number, number] {
  return [LO + (x / width) * (HI - LO), HI - (y / height) * (HI - LO)];
}

/** The largest side (px) discretized regions are worked out at; larger canvases stretch them smoothly. */
const MAX_REGION_PIXELS = 480;
/** The border line's colour: the page's ink, slightly see-through so that points under it show. */
const BORDER_COLOR = 'rgba(17, 20, 24, 0.8)';
/**
 * A regression's isolines, fainter than a border: where the prediction is ± a quarter and ± half
 * of the colour scale's range. Not at 0, which wanders wherever the model is flat near 0.
 */
const ISOLINE_COLOR = 'rgba(17, 20, 24, 0.45)';
export const ISOLINE_LEVELS = [-0.5, -0.25, 0.25, 0.5];

/** Draws the model's output (white before there is any) on `canvas`, sized like the plane. */
export function drawBoundary(canvas: HTMLCanvasElement, grid: GridValues<Float32Array> | null, dataset: Dataset, discretize: boolean): void {
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  if (grid) drawHeatmap(context, scratchCanvas(), grid, dataset, discretize);
}

let scratch: HTMLCanvasElement | null = null;
/** The canvas the heatmap is painted on at the grid's resolution before it is stretched. */
function scratchCanvas(): HTMLCanvasElement {
  scratch ??= document.createElement('canvas');
  return scratch;
}

/**
 * Paints the model's output over the whole canvas: the grid stretched smoothly, or (discretized)
 * class regions worked out at about the canvas's resolution; then, for a classifier, the lines
 * between its classes, and for a regression, its isolines.
 */
function drawHeatmap(context: CanvasRenderingContext2D, scratch: HTMLCanvasElement, grid: GridValues<Float32Array>, dataset: Dataset, discretize: boolean): void {
  const { width, height } = grid.spec;
  const task = dataset.task;
  const classified = task.kind === 'classification' && grid.values.length === width * height * outputWidth(task);
  if (task.kind === 'classification' && !classified) return;
  const canvas = context.canvas;
  const [outWidth, outHeight] = discretize ? [Math.min(canvas.width, MAX_REGION_PIXELS), Math.min(canvas.height, MAX_REGION_PIXELS)] : [width, height];
  if (scratch.width !== outWidth || scratch.height !== outHeight) {
    scratch.width = outWidth;
    scratch.height = outHeight;
  }
  const scratchContext = scratch.getContext('2d')!;
  const image = scratchContext.createImageData(outWidth, outHeight);
  if (task.kind === 'regression') {
    const range = labelRange(dataset);
    if (discretize) paintRegressionBands(grid.values, range, grid.spec, outWidth, outHeight, image.data);
    else paintRegression(grid.values, width * height, range, false, image.data);
  } else if (discretize) {
    paintClassRegions(grid.values, task.classes, grid.spec, outWidth, outHeight, image.data);
  } else {
    paintClasses(grid.values, task.classes, width * height, false, image.data);
  }
  scratchContext.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.drawImage(scratch, 0, 0, canvas.width, canvas.height);
  const lineWidth = Math.min(4, Math.max(1.5, canvas.width / 350));
  if (task.kind === 'classification') {
    drawLines(context, classBorders(grid.values, task.classes, width, height), width, height, BORDER_COLOR, lineWidth);
  } else {
    const range = labelRange(dataset);
    const isolines: Segments = [];
    for (const level of ISOLINE_LEVELS) levelContour(grid.values, level * range, width, height, isolines);
    drawLines(context, isolines, width, height, ISOLINE_COLOR, lineWidth / 1.5);
  }
}

/** Strokes segments given in grid samples (sample i at the centre of grid cell i) onto the canvas. */
function drawLines(context: CanvasRenderingContext2D, segments: Segments, gridWidth: number, gridHeight: number, color: string, lineWidth: number): void {
  const { width, height } = context.canvas;
  const [sx, sy] = [width / gridWidth, height / gridHeight];
  const path = new Path2D();
  for (let k = 0; k < segments.length; k += 4) {
    path.moveTo((segments[k] + 0.5) * sx, (segments[k + 1] + 0.5) * sy);
    path.lineTo((segments[k + 2] + 0.5) * sx, (segments[k + 3] + 0.5) * sy);
  }
  context.lineWidth = lineWidth;
  context.lineCap = 'round';
  context.strokeStyle = color;
  context.stroke(path);
}
