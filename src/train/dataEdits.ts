import type { DataConfig } from '../core/config';
import { roundCoordinate } from '../core/coordinates';
import type { Dataset } from '../core/dataset';
import { MAX_CLASSES } from '../core/task';
import { addPoints, clearPoints, erasePoints } from '../data/draw';
import { generateDataset } from '../data/presets';
import { assignSplit } from '../data/split';

/** k = (largest label + 1) classes, at least 2: the task of drawn data. */
function classesOf(labels: Float64Array): number {
  return Math.max(2, labels.reduce((max, label) => Math.max(max, label + 1), 0));
}

/**
 * The dataset with `points` added, on the thousandths grid of all points. `label` is a class
 * index (0-based; the class count grows as needed) on classification data and the target value
 * on regression data. Drawn points train, so they show where they are drawn.
 */
export function withDrawnPoints(dataset: Dataset, points: [number, number][], label: number): Dataset {
  let result = dataset;
  if (dataset.task.kind === 'classification') {
    if (!Number.isInteger(label) || label < 0 || label >= MAX_CLASSES) throw new RangeError(`class index must be 0…${MAX_CLASSES - 1}, got ${label}`);
    result = { ...dataset, task: { kind: 'classification', classes: Math.max(dataset.task.classes, label + 1) } };
  }
  return addPoints(result, points.map(([x1, x2]) => [roundCoordinate(x1), roundCoordinate(x2)]), label, false);
}

/** The dataset without the points within `radius` of `center`; drawn data then has as many classes as its labels need. */
export function withErasedPoints(dataset: Dataset, center: [number, number], radius: number): Dataset {
  const result = erasePoints(dataset, center, radius);
  return result.task.kind === 'classification' ? { ...result, task: { kind: 'classification', classes: classesOf(result.labels) } } : result;
}

/** Custom data with a new random train/test split (Regenerate, or a new training share, on drawn or imported points). */
export function resplit(custom: Dataset, trainFraction: number, seed: number): Dataset {
  return { ...custom, isTest: assignSplit(custom.labels.length, trainFraction, seed) };
}

/** Custom data before anything is drawn: one object, so that asking twice is seen as no change. */
const NO_POINTS = clearPoints({ kind: 'classification', classes: 2 });

/** The dataset a data config asks for: the preset's points, or the custom data (none yet: an empty two-class plane). */
export function datasetOf(data: DataConfig, custom: Dataset | null): Dataset {
  if (data.preset !== 'custom') return generateDataset(data);
  return custom ?? NO_POINTS;
}
