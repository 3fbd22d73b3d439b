import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { gemm, type Operand } from '../../src/cpu/gemm';

/** The three ways the engine reads its operands: A·Wᵀ (forward), dZ·W (input gradient), dZᵀ·A (weight gradient). */
const LAYOUTS = {
  'X·Yᵀ': (m: number, n: number, k: number) => ({ x: [k, 1], y: [k, 1], xLength: m * k, yLength: n * k }),
  'X·Y': (m: number, n: number, k: number) => ({ x: [k, 1], y: [1, n], xLength: m * k, yLength: k * n }),
  'Xᵀ·Y': (m: number, n: number, k: number) => ({ x: [1, m], y: [1, n], xLength: k * m, yLength: k * n }),
};

const SIZES: [number, number, number][] = [
  [1, 1, 1],
  [3, 7, 2],
  [4, 4, 4],
  [7, 65, 3],
  [63, 5, 17],
  [65, 63, 1],
  [9, 257, 8],
];

describe('gemm, the CPU engine’s matrix product, against one dot product per output (Float64)', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    for (const [m, n, k] of SIZES) {
      it(`${name} · m=${m} n=${n} k=${k}, at offsets`, () => {
        const { x, y, xLength, yLength } = layout(m, n, k);
        const rng = createRng(m * 1000 + n * 10 + k);
        const xData = Float64Array.from({ length: xLength + 3 }, () => rng.uniform(-1, 1));
        const yData = Float64Array.from({ length: yLength + 5 }, () => rng.uniform(-1, 1));
        const xs: Operand = { data: xData, offset: 3, rowStride: x[0], innerStride: x[1] };
        const ys: Operand = { data: yData, offset: 5, rowStride: y[0], innerStride: y[1] };
        const c = new Float64Array(2 + m * n + 2).fill(NaN);
        gemm(xs, ys, c, 2, m, n, k);
        expect(Number.isNaN(c[0]) && Number.isNaN(c[1]) && Number.isNaN(c[c.length - 1])).toBe(true);
        let worst = 0;
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let expected = 0;
            for (let p = 0; p < k; p++) expected += xData[3 + i * x[0] + p * x[1]] * yData[5 + j * y[0] + p * y[1]];
            worst = Math.max(worst, Math.abs(c[2 + i * n + j] - expected));
          }
        }
        expect(worst).toBeLessThan(1e-12);
      });
    }
  }
});
