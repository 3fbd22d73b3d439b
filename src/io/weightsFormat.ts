import type { LayerActivation } from '../core/activations';
import type { ExperimentConfig } from '../core/config';
import type { FeatureName, Normalization } from '../core/features';
import type { ModelSpec } from '../core/network';

/** Weights JSON v1, the file a trained model is exported to (docs/FORMAT.md describes every field). */

export const WEIGHTS_FORMAT = 'descent.weights';
export const WEIGHTS_VERSION = 1;

/** One dense layer: outputs act(W·a + b), with `weight` out × in (row r holds the weights into unit r). */
export interface DenseLayerV1 {
  kind: 'dense';
  in: number;
  out: number;
  activation: LayerActivation;
  weight: number[][];
  bias: number[];
}

/** A residual block of d → d dense layers: output = input + the layers applied in order. */
export interface ResidualLayerV1 {
  kind: 'residual';
  layers: DenseLayerV1[];
}

export type LayerV1 = DenseLayerV1 | ResidualLayerV1;

export interface WeightsFileV1 {
  format: typeof WEIGHTS_FORMAT;
  version: typeof WEIGHTS_VERSION;
  task: 'classification' | 'regression';
  /** Number of classes k ≥ 2; classification only. */
  classes?: number;
  features: FeatureName[];
  /** Applied to the feature vector before the first layer: (f − mean) / std. */
  normalize?: Normalization;
  layers: LayerV1[];
  config?: ExperimentConfig;
  metrics?: Record<string, unknown>;
}

/** A weights file read back: the model's shape and its parameters in planNetwork(spec) order. */
export interface ImportedWeights {
  spec: ModelSpec;
  parameters: Float64Array;
  config?: ExperimentConfig;
  metrics?: Record<string, unknown>;
}
