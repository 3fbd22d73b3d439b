import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset';
import { classReadings, predictedClasses } from '../../src/ui/classReadings';

function dataset(task: Dataset['task'], labels: number[], isTest: number[]): Dataset {
  return { task, points: new Float64Array(labels.length * 2), labels: Float64Array.from(labels), isTest: Uint8Array.from(isTest) };
}

describe('what a class reads off the predictions', () => {
  it('two classes: one probability per point, class 1 from ½ up', () => {
    expect([...predictedClasses([0.2, 0.5, 0.9, 0.49], 2, 4)]).toEqual([0, 1, 1, 0]);
  });

  it('three or more classes: the likeliest of each row', () => {
    expect([...predictedClasses([0.1, 0.7, 0.2, 0.5, 0.2, 0.3, 0.1, 0.1, 0.8], 3, 3)]).toEqual([1, 0, 2]);
  });

  it('a confusion matrix per split, whose counts add up to the split, with each class’s accuracy', () => {
    const data = dataset({ kind: 'classification', classes: 2 }, [0, 0, 1, 1, 0, 1, 1], [0, 0, 0, 0, 1, 1, 1]);
    const readings = classReadings(data, [0.1, 0.8, 0.9, 0.7, 0.2, 0.3, 0.6]);
    expect(readings.train).toEqual({ kind: 'classification', count: 4, matrix: { classes: 2, counts: [[1, 1], [0, 2]] }, perClass: [0.5, 1] });
    expect(readings.test).toEqual({ kind: 'classification', count: 3, matrix: { classes: 2, counts: [[1, 0], [1, 1]] }, perClass: [1, 0.5] });
  });

  it('regression: R² and RMSE of each split; no test split, no test reading', () => {
    const data = dataset({ kind: 'regression' }, [1, 2, 3, 4], [0, 0, 0, 0]);
    const readings = classReadings(data, [1, 2, 3, 5]);
    // Residuals 0, 0, 0, 1: SS_res = 1, SS_tot = 5 around the mean 2.5.
    expect(readings.train).toEqual({ kind: 'regression', count: 4, rSquared: 1 - 1 / 5, rmse: 0.5 });
    expect(readings.test).toBeNull();
  });

  it('reads 10,000 points of six classes in well under the 50 ms a main-thread task may take', () => {
    const n = 10_000;
    const labels = Array.from({ length: n }, (_, i) => i % 6);
    const data = dataset({ kind: 'classification', classes: 6 }, labels, Array.from({ length: n }, (_, i) => (i % 10 < 3 ? 1 : 0)));
    const outputs = Float32Array.from({ length: n * 6 }, (_, i) => ((i * 7919) % 101) / 101);
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const readings = classReadings(data, outputs);
      times.push(performance.now() - start);
      expect(readings.test!.count + readings.train.count).toBe(n);
    }
    expect(Math.min(...times)).toBeLessThan(10);
  });
});
