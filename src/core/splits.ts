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
  const prepare = (split: 'train' | 'test'): SplitData => {
    const part = splitDataset(dataset, split);
    return { count: part.labels.length, features: featuresOf(spec, part.points), labels: part.labels };
  };
  return { train: prepare('train'), test: prepare('test') };
}
