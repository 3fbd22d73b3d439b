import { defaultConfig, type ModelConfig } from '../../src/core/config';
import type { Normalization } from '../../src/core/features';
import { buildModelSpec, planNetwork, type ModelSpec } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import type { Task } from '../../src/core/task';

/** Shared by the io-*.test.ts files: model specs of every kind and seeded parameters. */

export const TWO_CLASSES: Task = { kind: 'classification', classes: 2 };
export const FOUR_CLASSES: Task = { kind: 'classification', classes: 4 };
export const REGRESSION: Task = { kind: 'regression' };

/** A model spec from a partial model config (defaults from defaultConfig()). */
export function modelSpec(model: Partial<ModelConfig>, task: Task, normalization?: Normalization): ModelSpec {
  return buildModelSpec({ ...defaultConfig().model, ...model }, task, normalization);
}

/** Named specs covering mlp with and without hidden layers, resnet, every task and normalisation. */
export function sampleSpecs(): [string, ModelSpec][] {
  const features = ['x1', 'x2', 'r', 'theta'] as const;
  return [
    ['logistic regression (mlp, no hidden layer)', modelSpec({ hidden: [] }, TWO_CLASSES)],
    ['mlp 2-class', modelSpec({ hidden: [8, 5], activation: 'relu' }, TWO_CLASSES)],
    ['mlp 4-class, per-layer activations', modelSpec({ hidden: [6, 7, 3], layerActivations: ['elu', null, 'softplus'] }, FOUR_CLASSES)],
    ['mlp regression, no hidden layer', modelSpec({ hidden: [] }, REGRESSION)],
    ['mlp regression with normalisation', modelSpec({ hidden: [5], features: [...features] }, REGRESSION, { mean: [0.1, -2.5, 3, 1e-3], std: [1.5, 0.25, 2, 1 / 3] })],
    ['resnet 2-class', modelSpec({ arch: 'resnet', width: 6, blocks: 2, activation: 'leaky_relu' }, TWO_CLASSES)],
    ['resnet 3-class, normalised', modelSpec({ arch: 'resnet', width: 4, blocks: 1, features: ['x1^2', 'x2^2', 'x1*x2'] }, { kind: 'classification', classes: 3 }, { mean: [2, 2, 0], std: [1.7, 1.9, 0.9] })],
    ['resnet regression, no blocks', modelSpec({ arch: 'resnet', width: 3, blocks: 0, activation: 'sigmoid' }, REGRESSION)],
  ];
}

/**
 * Seeded float32 parameters for a spec, spanning magnitudes 1e-6 … 1e3 with both signs,
 * plus the awkward values 0, −0, whole numbers and float32's extremes.
 */
export function randomParameters(spec: ModelSpec, seed: number): Float32Array {
  const rng = createRng(seed);
  const count = planNetwork(spec).parameterCount;
  const values = Float32Array.from({ length: count }, () => rng.normal() * 10 ** rng.uniform(-6, 3));
  const awkward = [0, -0, 1, -7, 3.4028234663852886e38, 1.401298464324817e-45, -1.1754943508222875e-38, 0.1, 16777216];
  awkward.slice(0, count).forEach((value, i) => (values[(i * 7919) % count] = value));
  return values;
}

/** The same parameters, small enough to run through a network without overflow (for forward-pass comparisons). */
export function gentleParameters(spec: ModelSpec, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: planNetwork(spec).parameterCount }, () => rng.normal() * 0.8);
}
