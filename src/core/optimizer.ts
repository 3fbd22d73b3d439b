import { ADAM, type OptimizerName } from './config';
import { learningRateAt, type LrSchedule } from './lrSchedule';

/** The optimizer's settings that can change between steps without rebuilding anything. */
export interface OptimizerSettings {
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number;
  l1: number;
  l2: number;
}

/** Per-step scalars, computed once in double precision (the WGSL optimizer receives them in a uniform). */
export interface StepScalars {
  /** sgd/momentum: lr; adam: lr / (1 − β₁ᵗ). */
  stepSize: number;
  /** adam: 1 / sqrt(1 − β₂ᵗ); 1 otherwise. */
  inverseSqrtCorrection2: number;
}

/** Scalars for the t-th update (t counts from 1), PyTorch's bias correction for Adam. */
export function stepScalars(settings: OptimizerSettings, t: number): StepScalars {
  if (settings.optimizer !== 'adam') return { stepSize: settings.learningRate, inverseSqrtCorrection2: 1 };
  return {
    stepSize: settings.learningRate / (1 - ADAM.beta1 ** t),
    inverseSqrtCorrection2: 1 / Math.sqrt(1 - ADAM.beta2 ** t),
  };
}

/** Scalars for optimizer step `step` (0-based) at the rate the schedule gives that step: what both engines use. */
export function scheduledStepScalars(settings: OptimizerSettings & { schedule: LrSchedule }, step: number): StepScalars {
  return stepScalars({ ...settings, learningRate: learningRateAt(settings.learningRate, settings.schedule, step) }, step + 1);
}

/** Optimizer state per parameter: momentum keeps v, Adam keeps m and v. */
/** Checks that `values` is an optimizer state of the size `optimizer` keeps for `parameterCount` parameters. */
export function checkOptimizerStateSize(optimizer: OptimizerName, parameterCount: number, values: ArrayLike<number>): void {
  const size = optimizerStateSize(optimizer, parameterCount);
  if (values.length !== size) throw new Error(`expected ${size} optimizer state values for ${optimizer}, got ${values.length}`);
}

export function optimizerStateSize(optimizer: OptimizerName, parameterCount: number): number {
  return optimizer === 'sgd' ? 0 : optimizer === 'momentum' ? parameterCount : 2 * parameterCount;
}

/**
 * One update of all parameters in place (CPU twin of shaders/optimizer.wgsl).
 * params, grads: P numbers; state: optimizerStateSize numbers (m then v for Adam);
 * weights occupy [0, weightCount) and get l1·sign(w) + l2·w added to their gradient; biases do not.
 */
export function optimizerStep<T extends Float32Array | Float64Array>(
  params: T,
  grads: T,
  state: T,
  weightCount: number,
  settings: OptimizerSettings,
  scalars: StepScalars,
): void {
  const count = params.length;
  const { l1, l2, momentum } = settings;
  const { stepSize, inverseSqrtCorrection2 } = scalars;
  for (let i = 0; i < count; i++) {
    let g = grads[i];
    if (i < weightCount) g += l1 * Math.sign(params[i]) + l2 * params[i];
    if (settings.optimizer === 'sgd') {
      params[i] -= stepSize * g;
    } else if (settings.optimizer === 'momentum') {
      state[i] = momentum * state[i] + g;
      params[i] -= stepSize * state[i];
    } else {
      state[i] = ADAM.beta1 * state[i] + (1 - ADAM.beta1) * g;
      state[count + i] = ADAM.beta2 * state[count + i] + (1 - ADAM.beta2) * g * g;
      params[i] -= (stepSize * state[i]) / (Math.sqrt(state[count + i]) * inverseSqrtCorrection2 + ADAM.epsilon);
    }
  }
}

/** The regularisation term of the objective: l1·Σ|w| + (l2/2)·Σw² over the weights (not biases). */
export function regularizationPenalty(params: ArrayLike<number>, weightCount: number, l1: number, l2: number): number {
  let abs = 0;
  let squares = 0;
  for (let i = 0; i < weightCount; i++) {
    abs += Math.abs(params[i]);
    squares += params[i] * params[i];
  }
  return l1 * abs + (l2 / 2) * squares;
}
