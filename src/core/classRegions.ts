import type { DensePlan } from './network';
import { boundaryInPicture, type PictureLine, type Projection } from './projection';

/**
 * The output's classes over the layer view's 2-D picture: each pixel's centre (x, y) is the
 * point h = mean + x·axis₀ + y·axis₁ of the layer's space, and its class is the argmax of the
 * output layer's logits W·h + b there (one logit: class 1 where it is at least 0). Exact for a
 * 2-unit layer; in the plane of the projection otherwise. Every logit is affine in (x, y), so a
 * pixel costs a few multiplications per class. A regression's single output is shaded by its value.
 */

export interface RegionGrid {
  columns: number;
  rows: number;
  /** The picture's extent: [xMin, xMax, yMin, yMax]. */
  bounds: [number, number, number, number];
}

/** The centre of pixel (column, row) in the picture's coordinates; row 0 is the top (largest y). */
export function regionPixelCentre({ columns, rows, bounds: [x0, x1, y0, y1] }: RegionGrid, column: number, row: number): [number, number] {
  return [x0 + ((column + 0.5) / columns) * (x1 - x0), y1 - ((row + 0.5) / rows) * (y1 - y0)];
}

/** Each output unit's pre-activation W·h + b as an affine function of the picture's (x, y). */
function outputsInPicture(parameters: ArrayLike<number>, output: DensePlan, projection: Projection): PictureLine[] {
  const logits: PictureLine[] = [];
  for (let o = 0; o < output.out; o++) {
    const start = output.weightOffset + o * output.in;
    const weights = Float64Array.from({ length: output.in }, (_, i) => parameters[start + i]);
    logits.push(boundaryInPicture(weights, parameters[output.biasOffset + o], projection));
  }
  return logits;
}

/** Each pixel's class (row by row from the top), the output layer `output` reading the projected slot, with `parameters` the model's. */
export function classRegions(parameters: ArrayLike<number>, output: DensePlan, projection: Projection, grid: RegionGrid): Uint8Array {
  const logits = outputsInPicture(parameters, output, projection);
  const classes = new Uint8Array(grid.columns * grid.rows);
  for (let row = 0; row < grid.rows; row++) {
    for (let column = 0; column < grid.columns; column++) {
      const [x, y] = regionPixelCentre(grid, column, row);
      let best = 0;
      let bestLogit = logits[0].a * x + logits[0].b * y + logits[0].c;
      if (logits.length === 1) {
        best = bestLogit >= 0 ? 1 : 0;
      } else {
        for (let o = 1; o < logits.length; o++) {
          const logit = logits[o].a * x + logits[o].b * y + logits[o].c;
          if (logit > bestLogit) {
            best = o;
            bestLogit = logit;
          }
        }
      }
      classes[row * grid.columns + column] = best;
    }
  }
  return classes;
}

/** A regression's prediction w·h + b (its output is linear) at each pixel's centre, row by row from the top. */
export function outputField(parameters: ArrayLike<number>, output: DensePlan, projection: Projection, grid: RegionGrid): Float64Array {
  const [{ a, b, c }] = outputsInPicture(parameters, output, projection);
  const values = new Float64Array(grid.columns * grid.rows);
  for (let row = 0; row < grid.rows; row++) {
    for (let column = 0; column < grid.columns; column++) {
      const [x, y] = regionPixelCentre(grid, column, row);
      values[row * grid.columns + column] = a * x + b * y + c;
    }
  }
  return values;
}
