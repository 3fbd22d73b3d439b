import { describe, expect, it } from 'vitest';
import { boundaryInPicture, project, projectionOf } from '../../src/core/projection';
import { createRng } from '../../src/core/rng';

/** Rows of `width` activations spread `spreads[k]` along orthonormal direction k (a rotation of the unit axes), plus an offset. */
function cloud(rows: number, width: number, spreads: number[], seed: number, turn = 0.4): { values: Float64Array; directions: Float64Array[] } {
  const rng = createRng(seed);
  const directions = spreads.map((_, k) => {
    const d = new Float64Array(width);
    d[k] = Math.cos(turn);
    d[(k + 1) % width] = k % 2 === 0 ? Math.sin(turn) : -Math.sin(turn);
    return d;
  });
  // Make the directions orthonormal (Gram–Schmidt), whatever the turn.
  directions.forEach((d, k) => {
    for (let j = 0; j < k; j++) {
      const along = d.reduce((sum, x, i) => sum + x * directions[j][i], 0);
      d.forEach((_, i) => (d[i] -= along * directions[j][i]));
    }
    const norm = Math.hypot(...d);
    d.forEach((_, i) => (d[i] /= norm));
  });
  const values = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < width; j++) values[r * width + j] = 0.5 + 0.1 * j;
    spreads.forEach((spread, k) => {
      const t = rng.normal() * spread;
      for (let j = 0; j < width; j++) values[r * width + j] += t * directions[k][j];
    });
  }
  return { values, directions };
}

const alignment = (a: Float64Array, b: Float64Array): number => Math.abs(a.reduce((sum, x, i) => sum + x * b[i], 0));

describe('the layer view’s projection', () => {
  it('is the activations themselves for one or two units', () => {
    const values = Float64Array.from([1, 2, -3, 4, 0.5, -0.5]);
    expect(Array.from(project(values, 3, projectionOf(values, 3, 2)))).toEqual([1, 2, -3, 4, 0.5, -0.5]);
    expect(Array.from(project(values, 6, projectionOf(values, 6, 1)))).toEqual([1, 0, 2, 0, -3, 0, 4, 0, 0.5, 0, -0.5, 0]);
  });

  it('finds the two principal directions of wider layers, centred on the mean', () => {
    const { values, directions } = cloud(400, 6, [3, 1.5, 0.2, 0.1], 1);
    const projection = projectionOf(values, 400, 6);
    expect(alignment(projection.axes[0], directions[0])).toBeGreaterThan(0.99);
    expect(alignment(projection.axes[1], directions[1])).toBeGreaterThan(0.99);
    expect(Math.abs(projection.axes[0].reduce((sum, x, i) => sum + x * projection.axes[1][i], 0))).toBeLessThan(1e-9);
    const points = project(values, 400, projection);
    const meanX = points.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0) / 400;
    expect(Math.abs(meanX)).toBeLessThan(1e-9);
  });

  it('neither flips nor spins between updates, even when the two spreads trade places', () => {
    let previous = projectionOf(cloud(300, 5, [2, 1.9, 0.1], 2).values, 300, 5);
    for (let update = 3; update < 12; update++) {
      // The two leading spreads swap back and forth; a projection left to itself would swap its axes and flip their signs.
      const spreads = update % 2 === 0 ? [2, 1.9, 0.1] : [1.9, 2, 0.1];
      const { values } = cloud(300, 5, spreads, update);
      const next = projectionOf(values, 300, 5, previous);
      for (const k of [0, 1]) expect(next.axes[k].reduce((sum, x, i) => sum + x * previous.axes[k][i], 0)).toBeGreaterThan(0.95);
      previous = next;
    }
  });

  it('draws the output’s boundary w·h + b = 0 where it meets the picture’s plane', () => {
    const { values } = cloud(200, 4, [2, 1, 0.3], 5);
    const projection = projectionOf(values, 200, 4);
    const weights = [0.7, -1.2, 0.4, 2];
    const bias = -0.3;
    const line = boundaryInPicture(weights, bias, projection);
    // Every point of the picture's plane on the line has a zero logit, and the sign of a·x + b·y + c is the logit's.
    for (const x of [-2, 0.5, 3]) {
      const y = -(line.a * x + line.c) / line.b;
      const h = projection.mean.map((m, j) => m + x * projection.axes[0][j] + y * projection.axes[1][j]);
      expect(h.reduce((sum, v, j) => sum + v * weights[j], bias)).toBeCloseTo(0, 10);
    }
    const exact = boundaryInPicture([1, -2], 0.5, projectionOf(values, 100, 2));
    expect(exact).toEqual({ a: 1, b: -2, c: 0.5 });
  });
});
