import { describe, expect, it } from 'vitest';
import { classBorders, levelContour, zeroContour } from '../../src/ui/contours';
import { DISCRETE_STRENGTH, paintClassRegions } from '../../src/ui/heatmap';
import { BACKGROUND, CLASS_COLORS, mix } from '../../src/ui/palette';

/** The segments as [x1, y1, x2, y2] tuples. */
const split = (flat: number[]) => Array.from({ length: flat.length / 4 }, (_, k) => flat.slice(4 * k, 4 * k + 4));

/** A width × height grid of f(i, j), row-major. */
const grid = (width: number, height: number, f: (i: number, j: number) => number) => Float32Array.from({ length: width * height }, (_, k) => f(k % width, Math.floor(k / width)));

describe('regression isolines', () => {
  it('runs each level of a plane that rises left to right straight down, where it reaches the level', () => {
    // f = i − 2 on a 6 × 3 grid: level −0.5 at x = 1.5, level 0 at x = 2, level 1 at x = 3.
    const f = grid(6, 3, (i) => i - 2);
    for (const [level, x] of [
      [-0.5, 1.5],
      [0, 2],
      [1, 3],
    ]) {
      const segments = split(levelContour(f, level, 6, 3));
      expect(segments).toHaveLength(2);
      for (const [x1, y1, x2, y2] of segments) {
        expect(x1).toBeCloseTo(x, 3);
        expect(x2).toBeCloseTo(x, 3);
        expect(Math.abs(y2 - y1)).toBeCloseTo(1);
      }
    }
  });
});

describe('decision borders', () => {
  it('draws the p = 0.5 line of a linear model across the whole plane, even when it is unsure everywhere', () => {
    // p rises from 0.49 to 0.51 left to right: pale everywhere, and the line is at x = 2.5.
    const p = grid(6, 4, (i) => 0.49 + (0.02 * i) / 5);
    const segments = split(classBorders(p, 2, 6, 4));
    expect(segments).toHaveLength(3);
    for (const [x1, y1, x2, y2] of segments) {
      expect(x1).toBeCloseTo(2.5);
      expect(x2).toBeCloseTo(2.5);
      expect(Math.abs(y2 - y1)).toBeCloseTo(1);
    }
  });

  it("puts a confident model's border where its logits cross, not halfway between saturated probabilities", () => {
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    // Logits −2 and 6 on neighbouring samples cross a quarter of the way from the first.
    const p = grid(2, 2, (i) => sigmoid(i === 0 ? -2 : 6));
    for (const [x1, , x2] of split(classBorders(p, 2, 2, 2))) {
      expect(x1).toBeCloseTo(0.25, 4);
      expect(x2).toBeCloseTo(0.25, 4);
    }
  });

  it('finds a closed border around a circle of one class', () => {
    const p = grid(21, 21, (i, j) => (Math.hypot(i - 10, j - 10) < 5 ? 0.9 : 0.1));
    const segments = split(classBorders(p, 2, 21, 21));
    expect(segments.length).toBeGreaterThan(20);
    for (const [x1, y1] of segments) expect(Math.hypot(x1 - 10, y1 - 10)).toBeGreaterThan(4);
    for (const [x1, y1] of segments) expect(Math.hypot(x1 - 10, y1 - 10)).toBeLessThan(5.5);
  });

  it('joins a saddle by the centre value', () => {
    // a b / d c = + − / − + with a positive centre: a and c joined, b and d cut off.
    const segments = split(zeroContour([1, -1, -1, 2], 2, 2));
    expect(segments).toEqual([
      [0.5, 0, 1, 1 / 3],
      [1 / 3, 1, 0, 0.5],
    ]);
  });

  it('draws the borders between three classes and nothing inside a region', () => {
    // Three vertical bands: class 0 on the left, 1 in the middle, 2 on the right.
    const width = 9;
    const values = new Float32Array(width * 3 * 3);
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < width; i++) {
        const likeliest = i < 3 ? 0 : i < 6 ? 1 : 2;
        for (let c = 0; c < 3; c++) values[(j * width + i) * 3 + c] = c === likeliest ? 0.8 : 0.1;
      }
    }
    const xs = new Set(split(classBorders(values, 3, width, 3)).flatMap(([x1, , x2]) => [x1, x2]));
    expect([...xs].sort()).toEqual([2.5, 5.5]);
  });
});

describe('discretized regions', () => {
  it('are worked out at the canvas resolution, with the border between two samples, not at a grid cell edge', () => {
    // Two samples, p = 0.2 and 0.6: interpolated, p = 0.5 lies 3/4 of the way from the first sample to the second.
    const out = new Uint8ClampedArray(16 * 4);
    paintClassRegions(Float32Array.from([0.2, 0.6, 0.2, 0.6]), 2, { width: 2, height: 2 }, 16, 1, out);
    const [first, second] = [0, 1].map((c) => mix(BACKGROUND, CLASS_COLORS[c], DISCRETE_STRENGTH).map(Math.round));
    const pixels = Array.from({ length: 16 }, (_, x) => [out[4 * x], out[4 * x + 1], out[4 * x + 2]]);
    // Sample 0 is at pixel 4, sample 1 at pixel 12; the border at 4 + 0.75 · 8 = 10.
    expect(pixels.slice(0, 10)).toEqual(Array(10).fill(first));
    expect(pixels.slice(10)).toEqual(Array(6).fill(second));
  });
});
