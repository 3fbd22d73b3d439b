import type { InitScheme, TrainingConfig } from './config';
import type { Dataset } from './dataset';
import type { Metrics } from './metrics';
import type { ModelSpec, NetworkPlan } from './network';
import { lrScheduleOf, type LrSchedule } from './lrSchedule';
import type { OptimizerSettings } from './optimizer';

/** Steps one step() call may take: the WebGPU engine sizes its per-step losses buffer for it, and the pacing caps k at it. */
export const MAX_STEPS_PER_CALL = 4096;

/** The contract every training backend (CPU, CPU in a worker, WebGPU) fulfils. */

export interface BackendInfo {
  kind: 'cpu' | 'webgpu';
  /** The adapter's name for WebGPU; the CPU's description otherwise. */
  adapter: string;
  /** Why this backend runs, when it is a fallback (for example, why WebGPU is not available). */
  reason?: string;
}

/** A regular grid over the input plane; row 0 is the top (largest x2), column 0 the left (smallest x1). */
export interface GridSpec {
  width: number;
  height: number;
  x1: [number, number];
  x2: [number, number];
}

/**
 * Lines of the input plane for the layer view: `lines` horizontal and `lines` vertical lines
 * spanning x1 × x2, each sampled at `samples` points (src/core/layerView.ts, planeLineGrids).
 */
export interface PlaneLines {
  lines: number;
  samples: number;
  x1: [number, number];
  x2: [number, number];
}

/** One layer's activations over the plane's lines and, optionally, the training points. */
export interface LayerViewRequest {
  /** The input (0), a hidden layer's output or a residual block's sum: see viewableSlots. */
  slot: number;
  lines: PlaneLines;
  /** Also the activations of every training point, in the split's order. */
  points?: boolean;
}

export interface LayerView {
  slot: number;
  /** Units of the slot: numbers per row. */
  width: number;
  /** planeLineCount rows: the horizontal lines' samples, then the vertical ones' (planeLineGrids). */
  lines: Float32Array;
  /** One row per training point when asked for. */
  points?: Float32Array;
}

/**
 * The gradient of one dense layer's weights for the next step's minibatch (with its dropout), at
 * the current parameters, and the update the optimizer would make of them: Frobenius norms.
 */
export interface LayerGradient {
  layer: number;
  /** ‖∂L/∂W‖ of the data loss, before regularisation. */
  gradientNorm: number;
  weightNorm: number;
  /** ‖ΔW‖ of the next step: the update-to-weight ratio is updateNorm / weightNorm. */
  updateNorm: number;
}

/** How well a linear classifier separates the classes from one slot's activations. */
export interface LayerSeparability {
  slot: number;
  /** Training accuracy of a logistic (two classes) or softmax regression fitted to the slot. */
  accuracy: number;
}

/** What a step call should also report when its steps are done. */
export interface ObserveRequest {
  /** Loss and accuracy on the whole train and test splits. */
  metrics?: boolean;
  /** The model's output over a grid (the decision boundary). */
  grid?: GridSpec;
  /** Every hidden neuron's activation over a (smaller) grid (the neuron thumbnails). */
  neurons?: GridSpec;
  /** One layer's activations over lines of the plane (and the training points). */
  layerView?: LayerViewRequest;
  /** Every dense layer's gradient and update norms (not for a run without training points). */
  gradientFlow?: boolean;
}

export interface Observation {
  /** Optimizer steps taken since the trainer was built. */
  step: number;
  /** Epochs completed, with the fraction of the current one. */
  epoch: number;
  /** Mean minibatch loss over the steps of this call; NaN when it took none. */
  loss: number;
  /** A step produced a non-finite loss: training stops, and the last finite weights are kept. */
  diverged: boolean;
  metrics?: Metrics;
  /** width·height rows of outputWidth numbers (probabilities, or the regression value). */
  grid?: Float32Array;
  /** One array per hidden dense layer: width·height rows of that layer's `out` activations. */
  neurons?: Float32Array[];
  layerView?: LayerView;
  /** One entry per dense layer, in forward order. */
  gradientFlow?: LayerGradient[];
}

/**
 * The optimizer's memory after the steps taken so far: what the next step continues from
 * (the slow-motion step starts from it, so that its update is a real step's).
 */
export interface OptimizerState {
  /** Optimizer steps taken: Adam's bias correction and the schedule's rate depend on it. */
  step: number;
  /** Momentum's v, or Adam's m then v: optimizerStateSize numbers of the current optimizer (none for SGD), in the engine's precision. */
  values: Float32Array | Float64Array;
}

/** Everything a trainer is built from. */
export interface TrainerSetup {
  /** The model's layers, features and normalisation. */
  spec: ModelSpec;
  dataset: Dataset;
  training: TrainingConfig;
  /** Initial parameters (plan order); drawn with `init` and training.seed when absent. */
  parameters?: ArrayLike<number>;
  init: InitScheme;
  /** σ of the `normal` scheme (ModelConfig.initScale); the default config's when absent. */
  initScale?: number;
}

/** Settings that change with a uniform write, never a rebuild; `schedule` turns the learning rate into each step's. */
export type LiveSettings = OptimizerSettings & { dropout: number; schedule: LrSchedule };

/** The live settings of a training config. */
export function liveSettingsOf(training: TrainingConfig): LiveSettings {
  const { optimizer, learningRate, momentum, l1, l2, dropout } = training;
  return { optimizer, learningRate, momentum, l1, l2, dropout, schedule: lrScheduleOf(training) };
}

export interface Trainer {
  readonly backend: BackendInfo;
  readonly plan: NetworkPlan;
  readonly stepsPerEpoch: number;
  /** Takes k optimizer steps (k may be 0), then reports what `observe` asks for. */
  step(k: number, observe?: ObserveRequest): Promise<Observation>;
  /** Model outputs for n raw points (n × 2): probabilities or regression values, n × outputWidth. */
  predict(points: ArrayLike<number>): Promise<Float32Array>;
  /** Loss and accuracy on the dataset's splits with the current parameters. */
  evaluate(): Promise<Metrics>;
  /**
   * For the input and every hidden layer and block output (viewableSlots), the accuracy of a
   * linear classifier fitted to its activations over the training points; null for regression
   * or a run without training points.
   */
  separability(): Promise<LayerSeparability[] | null>;
  /** The flat parameter vector (all weights, then all biases, plan order). */
  getParameters(): Promise<Float32Array>;
  /**
   * Replaces the parameters (an edit, an undo, the slow-motion step's update). The optimizer keeps
   * its memory, as it would after a step: nudging one weight does not restart Adam. After a
   * divergence the memory is cleared with the divergence, since it may hold non-finite numbers.
   */
  setParameters(parameters: ArrayLike<number>): void;
  getOptimizerState(): Promise<OptimizerState>;
  /**
   * Puts the optimizer's memory and step count where `state` says (the slow-motion step's update
   * hands over its own, so that training continues as after a real step): `values` must be the
   * current optimizer's optimizerStateSize numbers.
   */
  setOptimizerState(state: OptimizerState): void;
  updateSettings(settings: LiveSettings): void;
  dispose(): void;
}
