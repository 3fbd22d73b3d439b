import type { Task } from './task';

/** A 2-D dataset: n points, a label each, and which of them are held out for testing. */
export interface Dataset {
  task: Task;
  /** n × 2, row-major (x1, x2). */
  points: Float64Array;
  /** n labels: class indices 0…k−1, or real targets for regression. */
  labels: Float64Array;
  /** n flags: 1 where the point belongs to the test split. */
  isTest: Uint8Array;
}

export function datasetSize(dataset: Dataset): number {
  return dataset.labels.length;
}

/** Row indices of one split, in dataset order. */
export function splitIndices(dataset: Dataset, split: 'train' | 'test'): Uint32Array {
  const wanted = split === 'test' ? 1 : 0;
  const rows: number[] = [];
  for (let i = 0; i < dataset.isTest.length; i++) if (dataset.isTest[i] === wanted) rows.push(i);
  return Uint32Array.from(rows);
}

/** The rows of one split as a dataset of their own (all marked as that split). */
export function splitDataset(dataset: Dataset, split: 'train' | 'test'): Dataset {
  const rows = splitIndices(dataset, split);
  const points = new Float64Array(rows.length * 2);
  const labels = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    points[2 * i] = dataset.points[2 * row];
    points[2 * i + 1] = dataset.points[2 * row + 1];
    labels[i] = dataset.labels[row];
  });
  return { task: dataset.task, points, labels, isTest: new Uint8Array(rows.length).fill(split === 'test' ? 1 : 0) };
}
