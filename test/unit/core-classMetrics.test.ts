import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { confusionMatrix, perClassAccuracy, rSquared, rmse } from '../../src/core/classMetrics';
import { createRng } from '../../src/core/rng';

/** The same quantities computed by NumPy from the same numbers, printed as JSON. */
const NUMPY = `
import json, sys
import numpy as np
d = json.load(sys.stdin)
t, p, k = np.array(d["t"]), np.array(d["p"]), d["k"]
m = np.zeros((k, k), dtype=int)
np.add.at(m, (t, p), 1)
y, yh = np.array(d["y"]), np.array(d["yh"])
print(json.dumps({
  "matrix": m.tolist(),
  "recall": [float(m[i, i] / m[i].sum()) for i in range(k)],
  "rmse": float(np.sqrt(np.mean((yh - y) ** 2))),
  "r2": float(1 - np.sum((y - yh) ** 2) / np.sum((y - y.mean()) ** 2)),
}))
`;

function numpy(input: object): { matrix: number[][]; recall: number[]; rmse: number; r2: number } {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      return JSON.parse(execFileSync(python, ['-c', NUMPY], { input: JSON.stringify(input), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }));
    } catch {
      // Not this Python (or no NumPy in it); try the next.
    }
  }
  throw new Error('this test needs python3 with NumPy (scripts/system-deps.sh installs python3-numpy)');
}

describe('the metrics a class reads', () => {
  it('agree with NumPy on a seeded example of 4 classes and a regression', () => {
    const rng = createRng(7);
    const k = 4;
    const t = Array.from({ length: 97 }, () => rng.int(k));
    // Mostly right, sometimes wrong, so every cell can fill.
    const p = t.map((label) => (rng.next() < 0.7 ? label : rng.int(k)));
    const y = Array.from({ length: 53 }, () => rng.uniform(-2, 2));
    const yh = y.map((value) => value + 0.3 * rng.normal());
    const expected = numpy({ t, p, k, y, yh });
    const matrix = confusionMatrix(t, p, k);
    expect(matrix.counts).toEqual(expected.matrix);
    perClassAccuracy(matrix).forEach((value, i) => expect(value).toBeCloseTo(expected.recall[i], 12));
    expect(rmse(y, yh)).toBeCloseTo(expected.rmse, 12);
    expect(rSquared(y, yh)).toBeCloseTo(expected.r2, 12);
  });

  it('reads a small matrix by hand: rows are the true class, columns the predicted one', () => {
    const matrix = confusionMatrix([0, 0, 0, 1, 1, 2], [0, 1, 0, 1, 1, 0], 3);
    expect(matrix.counts).toEqual([
      [2, 1, 0],
      [0, 2, 0],
      [1, 0, 0],
    ]);
    expect(perClassAccuracy(matrix)).toEqual([2 / 3, 1, 0]);
    expect(perClassAccuracy(confusionMatrix([0, 0], [0, 0], 2))[1]).toBeNaN();
  });

  it('gives R² = 1 for a perfect fit, 0 for predicting the mean, NaN for constant targets', () => {
    expect(rSquared([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(rSquared([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(rSquared([5, 5], [4, 6])).toBeNaN();
    expect(rmse([0, 0], [3, 4])).toBeCloseTo(Math.sqrt(12.5), 12);
  });
});
