import type { DataConfig } from '../core/config';
import { roundCoordinate } from '../core/coordinates';
import type { Dataset } from '../core/dataset';
import { MAX_CLASSES } from '../core/task';
import { addPoints, emptyDataset, erasePoints } from '../data/draw';
import { generateDataset } from '../data/presets';
import { assignSplit } from '../data/split';

/** Data drawn by hand or imported, and the split settings its train/test flags were made with. */
export interface CustomData {
  dataset: Dataset;
  trainFraction: number;
  seed: number;
}

/** k = (largest label + 1) classes, at least 2: the task of drawn data. */
function classesOf(labels: Float64Array): number {
  return Math.max(2, labels.reduce((max, label) => Math.max(max, label + 1), 0));
}

/** Whether the n-th drawn point (counting from 0) goes to the test split, so that a share 1 − trainFraction of drawn points does. */
export function drawnPointIsTest(n: number, trainFraction: number): boolean {
  const testShare = 1 - trainFraction;
  return Math.floor((n + 1) * testShare + 1e-9) > Math.floor(n * testShare + 1e-9);
}

/**
 * The dataset with `points` of class `label` (0-based) added, on the thousandths grid of all
 * points; regression data is replaced, and the class count grows as needed.
 */
export function withDrawnPoints(dataset: Dataset, points: [number, number][], label: number, trainFraction: number): Dataset {
  if (!Number.isInteger(label) || label < 0 || label >= MAX_CLASSES) throw new RangeError(`class index must be 0…${MAX_CLASSES - 1}, got ${label}`);
  let result: Dataset =
    dataset.task.kind === 'classification'
      ? { ...dataset, task: { kind: 'classification', classes: Math.max(dataset.task.classes, label + 1) } }
      : emptyDataset({ kind: 'classification', classes: Math.max(2, label + 1) });
  for (const [x1, x2] of points) result = addPoints(result, [[roundCoordinate(x1), roundCoordinate(x2)]], label, drawnPointIsTest(result.labels.length, trainFraction));
  return result;
}

/** The dataset without the points within `radius` of `center`; drawn data then has as many classes as its labels need. */
export function withErasedPoints(dataset: Dataset, center: [number, number], radius: number): Dataset {
  const result = erasePoints(dataset, center, radius);
  return result.task.kind === 'classification' ? { ...result, task: { kind: 'classification', classes: classesOf(result.labels) } } : result;
}

/** The data config that describes custom data: preset `custom`, its size and class count. */
export function customDataConfig(data: DataConfig, dataset: Dataset): DataConfig {
  const classes = dataset.task.kind === 'classification' ? dataset.task.classes : data.classes;
  return { ...data, preset: 'custom', points: dataset.labels.length, classes };
}

/** The dataset a data config asks for: the preset's points, or the custom data re-split when the split settings changed. */
export function resolveDataset(data: DataConfig, custom: CustomData | null): { dataset: Dataset; custom: CustomData | null } {
  if (data.preset !== 'custom') return { dataset: generateDataset(data), custom };
  if (!custom) {
    const dataset = emptyDataset({ kind: 'classification', classes: data.classes });
    return { dataset, custom: { dataset, trainFraction: data.trainFraction, seed: data.seed } };
  }
  if (custom.trainFraction === data.trainFraction && custom.seed === data.seed) return { dataset: custom.dataset, custom };
  const dataset = { ...custom.dataset, isTest: assignSplit(custom.dataset.labels.length, data.trainFraction, data.seed) };
  return { dataset, custom: { dataset, trainFraction: data.trainFraction, seed: data.seed } };
}
