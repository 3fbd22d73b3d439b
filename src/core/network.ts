import type { Activation, LayerActivation } from './activations';
import type { ModelConfig } from './config';
import type { FeatureName, Normalization } from './features';
import { outputActivation, outputWidth, type Task } from './task';

/** The shape of a model, without its numbers: what weights JSON v1 describes next to the weights. */

export interface DenseSpec {
  in: number;
  out: number;
  activation: LayerActivation;
}

export type LayerSpec = ({ kind: 'dense' } & DenseSpec) | { kind: 'residual'; layers: DenseSpec[] };

export interface ModelSpec {
  task: Task;
  features: FeatureName[];
  normalization?: Normalization;
  layers: LayerSpec[];
}

/** One dense layer as the engines run it: where its numbers live and which activation slots it links. */
export interface DensePlan {
  /** Position among all dense layers; also keys this layer's dropout mask. */
  index: number;
  in: number;
  out: number;
  activation: LayerActivation;
  /** Offset of W (out × in, row-major) in the flat parameter vector. */
  weightOffset: number;
  /** Offset of b (out) in the flat parameter vector. */
  biasOffset: number;
  /** Activation slot read (slot 0 holds the features). */
  input: number;
  /** Activation slot written with σ(W·a + b) (after dropout while training). */
  output: number;
  /** Residual skip: this slot is added to the output, and the sum written to `sum`. */
  skip: number | null;
  sum: number | null;
  /** Slot whose gradient also flows into this layer's input gradient (the block's skip). */
  inputGradFrom: number | null;
  /** Hidden layers get dropout; the output layer does not. */
  hidden: boolean;
}

export interface NetworkPlan {
  spec: ModelSpec;
  dense: DensePlan[];
  /** Width of every activation slot; slot 0 is the feature vector. */
  slotWidths: number[];
  /** All weights come first in the parameter vector, then all biases: regularisation covers [0, weightCount). */
  weightCount: number;
  parameterCount: number;
  outputSlot: number;
}

/** The layer list for a model config and a task (features → hidden → output). */
export function buildModelSpec(model: ModelConfig, task: Task, normalization?: Normalization): ModelSpec {
  const featureCount = model.features.length;
  const activationOf = (i: number): Activation => model.layerActivations[i] ?? model.activation;
  const layers: LayerSpec[] = [];
  let width = featureCount;
  if (model.arch === 'mlp') {
    model.hidden.forEach((out, i) => {
      layers.push({ kind: 'dense', in: width, out, activation: activationOf(i) });
      width = out;
    });
  } else {
    const d = model.width;
    layers.push({ kind: 'dense', in: width, out: d, activation: activationOf(0) });
    for (let b = 0; b < model.blocks; b++) {
      layers.push({
        kind: 'residual',
        layers: [
          { in: d, out: d, activation: activationOf(1 + 2 * b) },
          { in: d, out: d, activation: activationOf(2 + 2 * b) },
        ],
      });
    }
    width = d;
  }
  layers.push({ kind: 'dense', in: width, out: outputWidth(task), activation: outputActivation(task) });
  return { task, features: [...model.features], normalization, layers };
}

/** Dense layers in forward order, each with the slot it reads and writes and its parameter offsets. */
export function planNetwork(spec: ModelSpec): NetworkPlan {
  const flat: { spec: DenseSpec; blockStart: boolean; blockEnd: boolean }[] = [];
  for (const layer of spec.layers) {
    if (layer.kind === 'dense') flat.push({ spec: layer, blockStart: false, blockEnd: false });
    else layer.layers.forEach((d, i) => flat.push({ spec: d, blockStart: i === 0, blockEnd: i === layer.layers.length - 1 }));
  }
  const weightCount = flat.reduce((sum, f) => sum + f.spec.in * f.spec.out, 0);
  const slotWidths = [spec.features.length];
  const dense: DensePlan[] = [];
  let current = 0;
  let blockInput = 0;
  let weightOffset = 0;
  let biasOffset = weightCount;
  flat.forEach(({ spec: d, blockStart, blockEnd }, index) => {
    if (blockStart) blockInput = current;
    const output = slotWidths.push(d.out) - 1;
    const sum = blockEnd ? slotWidths.push(d.out) - 1 : null;
    dense.push({
      index,
      in: d.in,
      out: d.out,
      activation: d.activation,
      weightOffset,
      biasOffset,
      input: current,
      output,
      skip: blockEnd ? blockInput : null,
      sum,
      inputGradFrom: null,
      hidden: index < flat.length - 1,
    });
    weightOffset += d.in * d.out;
    biasOffset += d.out;
    current = sum ?? output;
  });
  // The block's input slot also receives the gradient of the block's sum through the skip.
  for (const layer of dense) {
    if (layer.skip === null) continue;
    const first = dense.find((d) => d.input === layer.skip);
    if (first) first.inputGradFrom = layer.sum;
  }
  return { spec, dense, slotWidths, weightCount, parameterCount: biasOffset, outputSlot: current };
}

/** The slot a dense layer's consumers read: the residual sum when it has one, else its own output. */
export function effectiveOutput(layer: DensePlan): number {
  return layer.sum ?? layer.output;
}

/** The dense layer whose effective output is `slot`, or undefined for the feature slot. */
export function producerOf(plan: NetworkPlan, slot: number): DensePlan | undefined {
  return plan.dense.find((d) => effectiveOutput(d) === slot);
}

/** Hidden dense layers (all but the output layer): the neurons the network diagram shows. */
export function hiddenLayers(plan: NetworkPlan): DensePlan[] {
  return plan.dense.filter((d) => d.hidden);
}
