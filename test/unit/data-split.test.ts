import { describe, expect, it } from 'vitest';
import { assignSplit } from '../../src/data/split';
import { inputErrorOf } from './expectations';

const testCount = (flags: Uint8Array): number => flags.reduce((sum, flag) => sum + flag, 0);

describe('assignSplit', () => {
  for (const [n, trainFraction, expected] of [
    [500, 0.7, 150],
    [10, 0.7, 3],
    [7, 0.5, 4],
    [3, 0.9, 0],
    [1, 0.1, 1],
    [1000, 0.25, 750],
    [0, 0.7, 0],
  ]) {
    it(`${n} points, trainFraction ${trainFraction}: exactly ${expected} test points`, () => {
      const flags = assignSplit(n, trainFraction, 5);
      expect(flags.length).toBe(n);
      expect(flags.every((flag) => flag === 0 || flag === 1)).toBe(true);
      expect(testCount(flags)).toBe(expected);
      expect(expected).toBe(Math.round(n * (1 - trainFraction)));
    });
  }

  it('trainFraction 1 leaves no test split', () => {
    expect(testCount(assignSplit(999, 1, 3))).toBe(0);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(assignSplit(200, 0.7, 9)).toEqual(assignSplit(200, 0.7, 9));
    expect(assignSplit(200, 0.7, 9)).not.toEqual(assignSplit(200, 0.7, 10));
  });

  it('spreads the test points over the whole index range', () => {
    const flags = assignSplit(1000, 0.5, 1);
    expect(testCount(flags.subarray(0, 500))).toBeGreaterThan(200);
    expect(testCount(flags.subarray(500))).toBeGreaterThan(200);
  });

  it('rejects bad arguments with the field named', () => {
    expect(inputErrorOf(() => assignSplit(10, 0, 1))).toBe('Training data fraction must be a number greater than 0 and at most 1; got 0');
    expect(inputErrorOf(() => assignSplit(10, NaN, 1))).toBe('Training data fraction must be a number greater than 0 and at most 1; got NaN');
    expect(inputErrorOf(() => assignSplit(-1, 0.5, 1))).toBe('Points must be a whole number from 0 to 100000; got -1');
    expect(inputErrorOf(() => assignSplit(10, 0.5, 2 ** 32))).toBe('Data seed must be a whole number from 0 to 4294967295; got 4294967296');
  });
});
