import type { Activation } from './activations';
import type { FeatureName } from './features';
import type { LrScheduleName } from './lrSchedule';
import type { NumberRange } from './range';

/** Everything that defines one experiment: the data, the model and how it is trained. */

export const ARCHITECTURES = ['mlp', 'resnet'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const INIT_SCHEMES = ['zeros', 'uniform', 'xavier', 'he', 'normal'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface DataConfig {
  /** A preset's name (src/data/presets/registry.ts), or `custom`: points drawn by hand or imported. */
  preset: string;
  /** Number of points generated. */
  points: number;
  /** Spread of the points around the preset's shape, 0 (clean) … 1 (very noisy). */
  noise: number;
  /** Classes, for presets that take a class count (spiral, rings, blobs). */
  classes: number;
  seed: number;
  /** Share of the points used for training; the rest is the test split. */
  trainFraction: number;
}

export interface ModelConfig {
  arch: Architecture;
  /** mlp: widths of the hidden layers (may be empty: then the model is logistic/linear regression). */
  hidden: number[];
  /** resnet: width d of the stem and of every residual block. */
  width: number;
  /** resnet: number of residual blocks B. */
  blocks: number;
  /** Activation of every hidden layer unless overridden per layer. */
  activation: Activation;
  /** Per hidden dense layer (mlp: one per hidden layer; resnet: stem, then two per block); null keeps the default. */
  layerActivations: (Activation | null)[];
  features: FeatureName[];
  init: InitScheme;
  /** σ of the `normal` scheme, N(0, σ²): the notes' "small random" weights, random × 0.01. Other schemes ignore it. */
  initScale: number;
  /** Standardise each feature with the training split's mean and standard deviation. */
  normalize: boolean;
}

export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  /** μ for the momentum optimizer. */
  momentum: number;
  batchSize: number | 'all';
  l1: number;
  l2: number;
  /** Dropout rate p on hidden activations. */
  dropout: number;
  /** Seeds the initial weights, the epoch permutations and the dropout masks. */
  seed: number;
  /** How the learning rate changes with the optimizer step (src/core/lrSchedule.ts). */
  lrSchedule: LrScheduleName;
  /** step: optimizer steps between two decays; cosine: steps from the base rate down to 0. */
  lrStep: number;
  /** step: the factor of each decay; exponential: the factor per step. */
  lrGamma: number;
  /** warmup: optimizer steps of the linear rise to the base rate. */
  warmupSteps: number;
  /** Evaluations of the test loss without a new best before training stops; 0 never stops. */
  earlyStopping: number;
  /** Training stops once the test loss is at most this; 0 never stops. */
  stopAtLoss: number;
}

export interface ExperimentConfig {
  data: DataConfig;
  model: ModelConfig;
  training: TrainingConfig;
}

/** The allowed range of every numeric setting, shared by the CLI, config files, the URL and the UI. */
export const LIMITS = {
  points: { min: 1, max: 100_000 },
  classes: { min: 2, max: 6 },
  /** Seeds are 32-bit unsigned integers. */
  seed: { min: 0, max: 0xffffffff },
  noise: { min: 0, max: 1 },
  trainFraction: { min: 0, max: 1, minOpen: true },
  hiddenLayers: { min: 0, max: 16 },
  width: { min: 1, max: 1024 },
  blocks: { min: 0, max: 16 },
  learningRate: { min: 0, max: 10 },
  momentum: { min: 0, max: 1, maxOpen: true },
  batchSize: { min: 1, max: 100_000 },
  regularization: { min: 0, max: 10 },
  dropout: { min: 0, max: 1, maxOpen: true },
  initScale: { min: 0, max: 1000 },
  lrStep: { min: 1, max: 1_000_000 },
  lrGamma: { min: 0, max: 1, minOpen: true },
  warmupSteps: { min: 1, max: 1_000_000 },
  earlyStopping: { min: 0, max: 10_000 },
  stopAtLoss: { min: 0, max: 100 },
} as const satisfies Record<string, NumberRange>;

export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

export function defaultConfig(): ExperimentConfig {
  return {
    data: { preset: 'circle', points: 500, noise: 0.1, classes: 2, seed: 1, trainFraction: 0.7 },
    model: {
      arch: 'mlp',
      hidden: [8, 8],
      width: 16,
      blocks: 2,
      activation: 'tanh',
      layerActivations: [],
      features: ['x1', 'x2'],
      init: 'xavier',
      initScale: 0.01,
      normalize: true,
    },
    training: {
      optimizer: 'adam',
      learningRate: 0.01,
      momentum: 0.9,
      batchSize: 16,
      l1: 0,
      l2: 0,
      dropout: 0,
      seed: 1,
      lrSchedule: 'constant',
      lrStep: 1000,
      lrGamma: 0.5,
      warmupSteps: 100,
      earlyStopping: 0,
      stopAtLoss: 0,
    },
  };
}
