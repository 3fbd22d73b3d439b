import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { buildModelSpec } from '../../src/core/network';
import { prepareSplits } from '../../src/core/splits';

describe('prepareSplits', () => {
  const task = { kind: 'classification' as const, classes: 2 };
  const spec = buildModelSpec(defaultConfig().model, task);
  const points = Float64Array.from({ length: 10 }, (_, i) => i);
  const labels = Float64Array.from([0, 1, 0, 1, 0]);

  it('puts every row in exactly one split', () => {
    const splits = prepareSplits(spec, { task, points, labels, isTest: Uint8Array.from([0, 1, 0, 0, 1]) });
    expect([splits.train.count, splits.test.count]).toEqual([3, 2]);
  });

  it('refuses a split flag other than 0 or 1 instead of dropping its row', () => {
    expect(() => prepareSplits(spec, { task, points, labels, isTest: Uint8Array.from([0, 1, 2, 3, 4]) })).toThrow(
      'dataset row 3: the split flag must be 0 (train) or 1 (test), got 2',
    );
  });
});
