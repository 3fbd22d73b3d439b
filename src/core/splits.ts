import { splitDataset, type Dataset } from './dataset';
import { computeFeatures } from './features';
import type { ModelSpec } from './network';

/** One split as the engines consume it: normalised features and labels, row by row. */
export interface SplitData {
  count: number;
  /** count × features.length, row-major, normalised with spec.normalization. */
  features: Float64Array;
  labels: Float64Array;
}

export function featuresOf(spec: ModelSpec, points: ArrayLike<number>): Float64Array {
  return computeFeatures(points, spec.features, new Float64Array((points.length / 2) * spec.features.length), spec.normalization);
}

/** The train and test splits of a dataset turned into the model's feature space. */
export function prepareSplits(spec: ModelSpec, dataset: Dataset): { train: SplitData; test: SplitData } {
  // A flag other than 0 or 1 would put its row in neither split, silently.
  const stray = dataset.isTest.findIndex((flag) => flag !== 0 && flag !== 1);
  if (stray >= 0) throw new RangeError(`dataset row ${stray + 1}: the split flag must be 0 (train) or 1 (test), got ${dataset.isTest[stray]}`);
  const prepare = (split: 'train' | 'test'): SplitData => {
    const part = splitDataset(dataset, split);
    return { count: part.labels.length, features: featuresOf(spec, part.points), labels: part.labels };
  };
  return { train: prepare('train'), test: prepare('test') };
}
