import type { DataConfig, ExperimentConfig, ModelConfig, TrainingConfig } from '../core/config';

/** What differs between the experiment a trainer was built for and the one now wanted. */
export interface ConfigChanges {
  /** The data must be generated (or re-split) again. */
  data: boolean;
  /** The model's shape, activations, features or initialisation: fresh weights. */
  layout: boolean;
  /** The training seed: fresh weights, and a new order of minibatches. */
  seed: boolean;
  /** The batch size: a new minibatch schedule, same weights. */
  batch: boolean;
  /** Optimizer, learning rate and its schedule, momentum, L1, L2 or dropout: a uniform write, no rebuild. */
  settings: boolean;
}

const DATA_FIELDS: (keyof DataConfig)[] = ['preset', 'points', 'noise', 'classes', 'seed', 'trainFraction'];
const SETTINGS_FIELDS: (keyof TrainingConfig)[] = ['optimizer', 'learningRate', 'momentum', 'l1', 'l2', 'dropout', 'lrSchedule', 'lrStep', 'lrGamma', 'warmupSteps'];

/** The activation of every hidden dense layer of a model config (stem and block layers for a ResNet). */
export function hiddenActivations(model: ModelConfig): string[] {
  const count = model.arch === 'mlp' ? model.hidden.length : 1 + 2 * model.blocks;
  return Array.from({ length: count }, (_, i) => model.layerActivations[i] ?? model.activation);
}

/** A text that is equal for two model configs exactly when they build the same layout and initial weights. */
export function layoutKey(model: ModelConfig): string {
  const shape = model.arch === 'mlp' ? { hidden: model.hidden } : { width: model.width, blocks: model.blocks };
  return JSON.stringify({ arch: model.arch, ...shape, activations: hiddenActivations(model), features: model.features, init: model.init, initScale: model.init === 'normal' ? model.initScale : null, normalize: model.normalize });
}

/** Compares two configs section by section. */
export function diffConfigs(before: ExperimentConfig, after: ExperimentConfig): ConfigChanges {
  return {
    data: DATA_FIELDS.some((field) => before.data[field] !== after.data[field]),
    layout: layoutKey(before.model) !== layoutKey(after.model),
    seed: before.training.seed !== after.training.seed,
    batch: before.training.batchSize !== after.training.batchSize,
    settings: SETTINGS_FIELDS.some((field) => before.training[field] !== after.training[field]),
  };
}
