import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset';
import { addPoints, clearPoints, emptyDataset, erasePoints } from '../../src/data/draw';
import { generateDataset } from '../../src/data/presets';
import { inputErrorOf } from './expectations';

const THREE_CLASSES = { kind: 'classification', classes: 3 } as const;

/** A deep copy, to check that an edit left its input as it was. */
const snapshot = (dataset: Dataset) => structuredClone(dataset);

describe('emptyDataset and clearPoints', () => {
  it('give a dataset of the task with no points', () => {
    for (const make of [emptyDataset, clearPoints]) {
      const dataset = make(THREE_CLASSES);
      expect(dataset.task).toEqual(THREE_CLASSES);
      expect(dataset.points.length + dataset.labels.length + dataset.isTest.length).toBe(0);
    }
    expect(clearPoints({ kind: 'regression' }).task).toEqual({ kind: 'regression' });
  });

  it('reject a class count outside 2…6', () => {
    expect(inputErrorOf(() => emptyDataset({ kind: 'classification', classes: 7 }))).toBe('Classes must be a whole number from 2 to 6; got 7');
  });
});

describe('addPoints', () => {
  it('appends the points with the label and split, leaving the input untouched', () => {
    const start = addPoints(emptyDataset(THREE_CLASSES), [[1, 2]], 0);
    const before = snapshot(start);
    const next = addPoints(start, [[-3, 4.5], [0.25, -6]], 2, true);
    expect(start).toEqual(before);
    expect(next.task).toEqual(THREE_CLASSES);
    expect(Array.from(next.points)).toEqual([1, 2, -3, 4.5, 0.25, -6]);
    expect(Array.from(next.labels)).toEqual([0, 2, 2]);
    expect(Array.from(next.isTest)).toEqual([0, 1, 1]);
  });

  it('takes any finite regression target', () => {
    const next = addPoints(emptyDataset({ kind: 'regression' }), [[0, 0]], -0.75);
    expect(Array.from(next.labels)).toEqual([-0.75]);
  });

  it('rejects labels the task does not have and points that are not finite', () => {
    const classes = emptyDataset(THREE_CLASSES);
    expect(inputErrorOf(() => addPoints(classes, [[0, 0]], 3))).toBe('label: 3 is not a class of this 3-class classification (0…2)');
    expect(inputErrorOf(() => addPoints(classes, [[0, 0]], 0.5))).toBe('label: 0.5 is not a class of this 3-class classification (0…2)');
    expect(inputErrorOf(() => addPoints(emptyDataset({ kind: 'regression' }), [[0, 0]], NaN))).toBe('label: NaN is not a finite number');
    expect(inputErrorOf(() => addPoints(classes, [[0, 0], [Infinity, 1]], 1))).toBe('points[1]: (Infinity, 1) is not a finite point');
  });

  it('refuses to grow the dataset past 100000 points', () => {
    const full = generateDataset({ preset: 'circle', points: 100_000, noise: 0, classes: 2, seed: 1, trainFraction: 1 });
    expect(inputErrorOf(() => addPoints(full, [[0, 0]], 1))).toBe('points: the dataset would hold 100001 points; at most 100000 are allowed');
  });
});

describe('erasePoints', () => {
  const dataset = addPoints(addPoints(emptyDataset(THREE_CLASSES), [[0, 0], [1, 0], [3, 3]], 1), [[-1, 0]], 2, true);

  it('removes the points within the radius (inclusive) and keeps the rest in order', () => {
    const before = snapshot(dataset);
    const next = erasePoints(dataset, [0.5, 0], 0.5);
    expect(dataset).toEqual(before);
    expect(Array.from(next.points)).toEqual([3, 3, -1, 0]);
    expect(Array.from(next.labels)).toEqual([1, 2]);
    expect(Array.from(next.isTest)).toEqual([0, 1]);
    expect(next.task).toEqual(THREE_CLASSES);
  });

  it('returns an equal copy when nothing lies in the circle', () => {
    const next = erasePoints(dataset, [5, -5], 0.5);
    expect(next).not.toBe(dataset);
    expect(next).toEqual(dataset);
  });

  it('rejects a bad radius or centre', () => {
    expect(inputErrorOf(() => erasePoints(dataset, [0, 0], -1))).toBe('radius must be a finite number of at least 0; got -1');
    expect(inputErrorOf(() => erasePoints(dataset, [NaN, 0], 1))).toBe('center: (NaN, 0) is not a finite point');
  });
});
