import { activationCode, type Activation } from '../core/activations';
import { ADAM, OPTIMIZERS } from '../core/config';
import { featureCode } from '../core/features';
import type { DensePlan, ModelSpec, NetworkPlan } from '../core/network';
import { outputWidth, type Task } from '../core/task';
import type { GridSpec, LiveSettings } from '../core/trainer';
import { taskCode } from './engineCodes';
import { FUSED_MAX_LAYERS } from './fusedLimits';
import { packStruct, structLayout, writeStruct, type StructDef } from './wgslStruct';

/**
 * Every uniform struct of the shaders, described once (field names as the WGSL spells them) and
 * packed from here; offsets and sizes follow from the descriptions (src/gpu/wgslStruct.ts).
 * `test/unit/gpu-contract.test.ts` compares each description with the shader's struct.
 */

const u32 = 'u32';
const f32 = 'f32';

/** `Pass` (shaders/common.wgsl): one training step or evaluation chunk, at a dynamic offset. */
export const PASS_STRUCT: StructDef = {
  name: 'Pass',
  fields: [
    ['rows', u32],
    ['index_offset', u32],
    ['step_seed', u32],
    ['result_slot', u32],
    ['step_size', f32],
    ['inv_sqrt_bc2', f32],
    ['dropout_rate', f32],
    ['first_row', u32],
    ['batch_rows', u32],
    ['_pad0', u32],
    ['_pad1', u32],
    ['_pad2', u32],
  ],
};

/** `Dense` (shaders/common.wgsl): one layer's parameter offsets and arena slots. */
export const DENSE_STRUCT: StructDef = {
  name: 'Dense',
  fields: [
    ['in_width', u32],
    ['out_width', u32],
    ['weight_offset', u32],
    ['bias_offset', u32],
    ['activation', u32],
    ['layer_index', u32],
    ['input', u32],
    ['output', u32],
    ['skip', u32],
    ['sum', u32],
    ['has_skip', u32],
    ['dz', u32],
    ['extra_grad', u32],
    ['has_extra_grad', u32],
    ['raw_grad', u32],
    ['store_raw_grad', u32],
    ['producer_output', u32],
    ['producer_activation', u32],
    ['producer_index', u32],
    ['producer_dz', u32],
    ['has_producer', u32],
    ['hidden', u32],
    ['_pad0', u32],
    ['_pad1', u32],
  ],
};

/** `Gather` (shaders/gather.wgsl). */
export const GATHER_STRUCT: StructDef = {
  name: 'Gather',
  fields: [
    ['feature_width', u32],
    ['features_out', u32],
    ['labels_out', u32],
    ['_pad', u32],
  ],
};

/** `Loss` (shaders/loss.wgsl). */
export const LOSS_STRUCT: StructDef = {
  name: 'Loss',
  fields: [
    ['task', u32],
    ['outputs', u32],
    ['logits', u32],
    ['labels', u32],
    ['dz', u32],
    ['_pad0', u32],
    ['_pad1', u32],
    ['_pad2', u32],
  ],
};

/** `Settings` (shaders/optimizer.wgsl). */
export const SETTINGS_STRUCT: StructDef = {
  name: 'Settings',
  fields: [
    ['optimizer', u32],
    ['parameter_count', u32],
    ['weight_count', u32],
    ['_pad', u32],
    ['momentum', f32],
    ['l1', f32],
    ['l2', f32],
    ['beta1', f32],
    ['beta2', f32],
    ['epsilon', f32],
    ['_pad1', f32],
    ['_pad2', f32],
  ],
};

/** Features the grid kernels compute at most (three vec4s of codes). */
export const GRID_MAX_FEATURES = 12;

/** `GridFeatures` (shaders/grid_features.wgsl). */
export const GRID_FEATURES_STRUCT: StructDef = {
  name: 'GridFeatures',
  fields: [
    ['width', u32],
    ['height', u32],
    ['feature_count', u32],
    ['output', u32],
    ['x1_range', 'vec2f'],
    ['x2_range', 'vec2f'],
    ['codes', { array: 'vec4u', length: GRID_MAX_FEATURES / 4 }],
    ['mean', { array: 'vec4f', length: GRID_MAX_FEATURES / 4 }],
    ['deviation', { array: 'vec4f', length: GRID_MAX_FEATURES / 4 }],
  ],
};

/** `FusedLayer` (shaders/fused_mlp.wgsl). */
export const FUSED_LAYER_STRUCT: StructDef = {
  name: 'FusedLayer',
  fields: [
    ['in_width', u32],
    ['out_width', u32],
    ['weight_offset', u32],
    ['bias_offset', u32],
    ['activation', u32],
    ['output', u32],
    ['dz', u32],
    ['_pad', u32],
  ],
};

/** `Fused` (shaders/fused_mlp.wgsl): the layout every run of a group shares. */
export const FUSED_STRUCT: StructDef = {
  name: 'Fused',
  fields: [
    ['layer_count', u32],
    ['feature_width', u32],
    ['task', u32],
    ['outputs', u32],
    ['parameter_count', u32],
    ['weight_count', u32],
    ['steps', u32],
    ['beta1', f32],
    ['beta2', f32],
    ['epsilon', f32],
    ['partials', u32],
    ['backup', u32],
    ['features', u32],
    ['labels', u32],
    ['arena_stride', u32],
    ['_pad0', u32],
    ['layers', { array: FUSED_LAYER_STRUCT, length: FUSED_MAX_LAYERS }],
  ],
};

/** `RunSettings` (shaders/fused_mlp.wgsl, a storage array): what one run of a group may change. */
export const RUN_SETTINGS_STRUCT: StructDef = {
  name: 'RunSettings',
  fields: [
    ['optimizer', u32],
    ['momentum', f32],
    ['l1', f32],
    ['l2', f32],
    ['dropout_rate', f32],
    ['schedule_offset', u32],
    ['_pad0', u32],
    ['_pad1', u32],
  ],
};

/** `ForwardCall` (shaders/fused_forward.wgsl): what one call evaluates, and the model's features for grid jobs. */
export const FORWARD_CALL_STRUCT: StructDef = {
  name: 'ForwardCall',
  fields: [
    ['job_count', u32],
    ['run_stride', u32],
    ['_pad0', u32],
    ['_pad1', u32],
    ['codes', { array: 'vec4u', length: GRID_MAX_FEATURES / 4 }],
    ['mean', { array: 'vec4f', length: GRID_MAX_FEATURES / 4 }],
    ['deviation', { array: 'vec4f', length: GRID_MAX_FEATURES / 4 }],
  ],
};

/** `ForwardJob` (shaders/fused_forward.wgsl, a storage array): one set of rows of a fused forward call. */
export const FORWARD_JOB_STRUCT: StructDef = {
  name: 'ForwardJob',
  fields: [
    ['first_group', u32],
    ['rows', u32],
    ['source', u32],
    ['grid_width', u32],
    ['grid_height', u32],
    ['outputs', u32],
    ['partials', u32],
    ['view', u32],
    ['view_first', u32],
    ['view_last', u32],
    ['x1_min', f32],
    ['x1_max', f32],
    ['x2_min', f32],
    ['x2_max', f32],
    ['_pad0', u32],
    ['_pad1', u32],
  ],
};

/** `Probe` (shaders/linear_probe.wgsl). */
export const PROBE_STRUCT: StructDef = {
  name: 'Probe',
  fields: [
    ['width', u32],
    ['outputs', u32],
    ['iterations', u32],
    ['learning_rate', f32],
    ['beta1', f32],
    ['beta2', f32],
    ['epsilon', f32],
    ['min_deviation', f32],
    ['standard', u32],
    ['residuals', u32],
    ['weights', u32],
    ['moments', u32],
  ],
};

/** Every struct described here, for the contract test. */
export const UNIFORM_STRUCTS: readonly StructDef[] = [
  PASS_STRUCT,
  DENSE_STRUCT,
  GATHER_STRUCT,
  LOSS_STRUCT,
  SETTINGS_STRUCT,
  GRID_FEATURES_STRUCT,
  FUSED_LAYER_STRUCT,
  FUSED_STRUCT,
  RUN_SETTINGS_STRUCT,
  FORWARD_CALL_STRUCT,
  FORWARD_JOB_STRUCT,
  PROBE_STRUCT,
];

/** Bytes between the per-pass uniforms: WebGPU's minimum dynamic-offset alignment. */
export const PASS_STRIDE = 256;
/** Bytes of one `Pass` struct. */
export const PASS_BYTES = structLayout(PASS_STRUCT).size;
export const SETTINGS_BYTES = structLayout(SETTINGS_STRUCT).size;
export const GRID_FEATURES_BYTES = structLayout(GRID_FEATURES_STRUCT).size;
export const FUSED_BYTES = structLayout(FUSED_STRUCT).size;
/** Byte offset of `Fused.steps`, rewritten by every call. */
export const FUSED_STEPS_OFFSET = structLayout(FUSED_STRUCT).offsets.steps;
/** Bytes of one `RunSettings` in the runs buffer. */
export const RUN_SETTINGS_BYTES = structLayout(RUN_SETTINGS_STRUCT).size;
export const FORWARD_CALL_BYTES = structLayout(FORWARD_CALL_STRUCT).size;
/** Bytes of one `ForwardJob` in the jobs buffer. */
export const FORWARD_JOB_BYTES = structLayout(FORWARD_JOB_STRUCT).size;

export interface PassUniform {
  rows: number;
  indexOffset?: number;
  stepSeed?: number;
  resultSlot?: number;
  stepSize?: number;
  inverseSqrtCorrection2?: number;
  dropoutRate?: number;
  firstRow?: number;
  /** Rows of the whole minibatch when a step is cut into chunks; `rows` otherwise. */
  batchRows?: number;
}

/** `Pass` into `view` at byte `offset`. */
export function writePass(view: DataView, offset: number, pass: PassUniform): void {
  writeStruct(view, offset, PASS_STRUCT, {
    rows: pass.rows,
    index_offset: pass.indexOffset ?? 0,
    step_seed: pass.stepSeed ?? 0,
    result_slot: pass.resultSlot ?? 0,
    step_size: pass.stepSize ?? 0,
    inv_sqrt_bc2: pass.inverseSqrtCorrection2 ?? 1,
    dropout_rate: pass.dropoutRate ?? 0,
    first_row: pass.firstRow ?? 0,
    batch_rows: pass.batchRows ?? pass.rows,
  });
}

/** `Gather`: the feature width, and where the rows and labels go in the arena (in floats). */
export function packGather(featureWidth: number, featuresOut: number, labelsOut: number): ArrayBuffer {
  return packStruct(GATHER_STRUCT, { feature_width: featureWidth, features_out: featuresOut, labels_out: labelsOut });
}

/** What `Dense` holds, with null for the slots a layer does not have. */
export interface DenseUniform {
  inWidth: number;
  outWidth: number;
  weightOffset: number;
  biasOffset: number;
  activation: number;
  layerIndex: number;
  input: number;
  output: number;
  skip: number | null;
  sum: number | null;
  dz: number;
  extraGrad: number | null;
  rawGrad: number | null;
  producerOutput: number | null;
  producerActivation: number;
  producerIndex: number;
  producerDz: number | null;
  hidden: boolean;
}

export function packDense(d: DenseUniform): ArrayBuffer {
  return packStruct(DENSE_STRUCT, {
    in_width: d.inWidth,
    out_width: d.outWidth,
    weight_offset: d.weightOffset,
    bias_offset: d.biasOffset,
    activation: d.activation,
    layer_index: d.layerIndex,
    input: d.input,
    output: d.output,
    skip: d.skip ?? 0,
    sum: d.sum ?? 0,
    has_skip: d.skip === null ? 0 : 1,
    dz: d.dz,
    extra_grad: d.extraGrad ?? 0,
    has_extra_grad: d.extraGrad === null ? 0 : 1,
    raw_grad: d.rawGrad ?? 0,
    store_raw_grad: d.rawGrad === null ? 0 : 1,
    producer_output: d.producerOutput ?? 0,
    producer_activation: d.producerActivation,
    producer_index: d.producerIndex,
    producer_dz: d.producerDz ?? 0,
    has_producer: d.producerDz === null ? 0 : 1,
    hidden: d.hidden ? 1 : 0,
  });
}

/** The activation code a dense layer runs with: hidden layers their own, the output layer none (logits). */
export function engineActivationCode(layer: DensePlan): number {
  return layer.hidden ? activationCode(layer.activation as Activation) : activationCode('linear');
}

/** `Loss` for a task: where the logits, labels and (training) dZ of the output layer sit in an arena. */
export function packLoss(task: Task, offsets: { logits: number; labels: number; dz: number }): ArrayBuffer {
  return packStruct(LOSS_STRUCT, { task: taskCode(task), outputs: outputWidth(task), logits: offsets.logits, labels: offsets.labels, dz: offsets.dz });
}

/** `Settings`: the optimizer and its live settings for every parameter of `plan`. */
export function packSettings(s: {
  optimizer: number;
  parameterCount: number;
  weightCount: number;
  momentum: number;
  l1: number;
  l2: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}): ArrayBuffer {
  return packStruct(SETTINGS_STRUCT, {
    optimizer: s.optimizer,
    parameter_count: s.parameterCount,
    weight_count: s.weightCount,
    momentum: s.momentum,
    l1: s.l1,
    l2: s.l2,
    beta1: s.beta1,
    beta2: s.beta2,
    epsilon: s.epsilon,
  });
}

/** `Settings` from a plan and the live settings. */
export function settingsOf(plan: NetworkPlan, settings: LiveSettings): ArrayBuffer {
  const { momentum, l1, l2 } = settings;
  return packSettings({ optimizer: OPTIMIZERS.indexOf(settings.optimizer), parameterCount: plan.parameterCount, weightCount: plan.weightCount, momentum, l1, l2, ...ADAM });
}

/** `GridFeatures`: a grid's cells, the model's feature codes and their normalisation. */
export function packGridFeatures(g: {
  width: number;
  height: number;
  output: number;
  x1: [number, number];
  x2: [number, number];
  codes: number[];
  mean: number[];
  std: number[];
}): ArrayBuffer {
  if (g.codes.length > GRID_MAX_FEATURES) throw new RangeError(`the grid kernels take at most ${GRID_MAX_FEATURES} features, got ${g.codes.length}`);
  return packStruct(GRID_FEATURES_STRUCT, {
    width: g.width,
    height: g.height,
    feature_count: g.codes.length,
    output: g.output,
    x1_range: g.x1,
    x2_range: g.x2,
    codes: g.codes,
    mean: g.mean,
    deviation: g.std,
  });
}

/** A model's feature codes and their normalisation, as the grid kernels take them. */
function featureColumns(spec: ModelSpec): { codes: number[]; mean: number[]; std: number[] } {
  const normalization = spec.normalization;
  return {
    codes: spec.features.map(featureCode),
    mean: spec.features.map((_, j) => normalization?.mean[j] ?? 0),
    std: spec.features.map((_, j) => normalization?.std[j] ?? 1),
  };
}

/** `GridFeatures` of a model's features over `grid`, written to arena offset `output`. */
export function gridFeaturesOf(spec: ModelSpec, grid: GridSpec, output: number): ArrayBuffer {
  return packGridFeatures({ width: grid.width, height: grid.height, output, x1: grid.x1, x2: grid.x2, ...featureColumns(spec) });
}

/** `ForwardCall` of a call with `jobCount` jobs whose results take `runStride` floats per run. */
export function packForwardCall(spec: ModelSpec, jobCount: number, runStride: number): ArrayBuffer {
  const { codes, mean, std } = featureColumns(spec);
  if (codes.length > GRID_MAX_FEATURES) throw new RangeError(`the grid kernels take at most ${GRID_MAX_FEATURES} features, got ${codes.length}`);
  return packStruct(FORWARD_CALL_STRUCT, { job_count: jobCount, run_stride: runStride, codes, mean, deviation: std });
}

/** What a `ForwardJob` holds; the offsets (floats within a run's results) are FORWARD_NONE for what it does not write. */
export interface ForwardJobUniform {
  firstGroup: number;
  rows: number;
  source: number;
  grid?: GridSpec;
  outputs: number;
  partials: number;
  view: number;
  viewFirst: number;
  viewLast: number;
}

/** `ForwardJob` number `index` into `view`. */
export function writeForwardJob(view: DataView, index: number, job: ForwardJobUniform): void {
  writeStruct(view, index * FORWARD_JOB_BYTES, FORWARD_JOB_STRUCT, {
    first_group: job.firstGroup,
    rows: job.rows,
    source: job.source,
    grid_width: job.grid?.width ?? 0,
    grid_height: job.grid?.height ?? 0,
    outputs: job.outputs,
    partials: job.partials,
    view: job.view,
    view_first: job.viewFirst,
    view_last: job.viewLast,
    x1_min: job.grid?.x1[0] ?? 0,
    x1_max: job.grid?.x1[1] ?? 0,
    x2_min: job.grid?.x2[0] ?? 0,
    x2_max: job.grid?.x2[1] ?? 0,
  });
}

/** Where the fused kernel's numbers live in its arena, in floats (see fusedArena). */
export interface FusedArenaOffsets {
  /** Per dense layer: its stored output (hidden layers; 0 for the output layer) and its dZ. */
  outputs: number[];
  dz: number[];
  partials: number;
  backup: number;
  /** The training split's copy: count × feature width features, then count labels. */
  features: number;
  labels: number;
}

/** `Fused` for a plan and its arena, run r's regions at r · `arenaStride` floats; `steps` is 0 until a call sets it. */
export function packFused(plan: NetworkPlan, arena: FusedArenaOffsets, arenaStride: number): ArrayBuffer {
  const task = plan.spec.task;
  return packStruct(FUSED_STRUCT, {
    layer_count: plan.dense.length,
    feature_width: plan.slotWidths[0],
    task: taskCode(task),
    outputs: outputWidth(task),
    parameter_count: plan.parameterCount,
    weight_count: plan.weightCount,
    steps: 0,
    beta1: ADAM.beta1,
    beta2: ADAM.beta2,
    epsilon: ADAM.epsilon,
    partials: arena.partials,
    backup: arena.backup,
    features: arena.features,
    labels: arena.labels,
    arena_stride: arenaStride,
    layers: plan.dense.map((layer, l) => ({
      in_width: layer.in,
      out_width: layer.out,
      weight_offset: layer.weightOffset,
      bias_offset: layer.biasOffset,
      activation: engineActivationCode(layer),
      output: arena.outputs[l],
      dz: arena.dz[l],
    })),
  });
}

/** `RunSettings` of run `run` into `view`: its live settings, and where its schedule starts (in words). */
export function writeRunSettings(view: DataView, run: number, settings: LiveSettings, scheduleOffset: number): void {
  writeStruct(view, run * RUN_SETTINGS_BYTES, RUN_SETTINGS_STRUCT, {
    optimizer: OPTIMIZERS.indexOf(settings.optimizer),
    momentum: settings.momentum,
    l1: settings.l1,
    l2: settings.l2,
    dropout_rate: settings.dropout,
    schedule_offset: scheduleOffset,
  });
}

/** Where the probe's numbers live in its scratch buffer, in floats (see linearProbe.ts). */
export interface ProbeScratch {
  standard: number;
  residuals: number;
  weights: number;
  moments: number;
}

/** `Probe`: a linear classifier with `outputs` outputs fitted to `width` columns. */
export function packProbe(p: { width: number; outputs: number; iterations: number; learningRate: number; minDeviation: number; scratch: ProbeScratch }): ArrayBuffer {
  return packStruct(PROBE_STRUCT, {
    width: p.width,
    outputs: p.outputs,
    iterations: p.iterations,
    learning_rate: p.learningRate,
    beta1: ADAM.beta1,
    beta2: ADAM.beta2,
    epsilon: ADAM.epsilon,
    min_deviation: p.minDeviation,
    ...p.scratch,
  });
}
