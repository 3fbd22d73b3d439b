import type { Activation } from '../core/activations';
import type { Architecture, InitScheme, OptimizerName } from '../core/config';
import type { FeatureName } from '../core/features';
import type { LrScheduleName } from '../core/lrSchedule';
import type { SettingKey } from '../core/settings';
import { DATA_SOURCE_LABELS } from '../data/presets/registry';

/** What the page calls each option. */

/** Each preset's own label (src/data/presets), and Custom. */
export const DATASET_NAMES = DATA_SOURCE_LABELS;

export const ARCHITECTURE_NAMES: Record<Architecture, string> = { mlp: 'MLP', resnet: 'ResNet' };

export const ACTIVATION_NAMES: Record<Activation, string> = {
  linear: 'Linear (no activation)',
  relu: 'ReLU',
  leaky_relu: 'Leaky ReLU',
  elu: 'ELU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  softplus: 'Softplus',
};

export const OPTIMIZER_NAMES: Record<OptimizerName, string> = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam' };

export const INIT_NAMES: Record<InitScheme, string> = { zeros: 'Zeros', uniform: 'Uniform ±0.5', xavier: 'Xavier (Glorot)', he: 'He (Kaiming)', normal: 'Normal N(0, σ²)' };

export const LR_SCHEDULE_NAMES: Record<LrScheduleName, string> = { constant: 'Constant', step: 'Step decay', exponential: 'Exponential decay', cosine: 'Cosine', warmup: 'Warm-up' };

/** The option names of each drop-down setting of the settings bar. */
export const OPTION_NAMES: Partial<Record<SettingKey, Record<string, string>>> = { arch: ARCHITECTURE_NAMES, activation: ACTIVATION_NAMES, init: INIT_NAMES, optimizer: OPTIMIZER_NAMES, lrSchedule: LR_SCHEDULE_NAMES };

/** How a feature is written on the page, and read out by assistive technology. */
export const FEATURE_LABELS: Record<FeatureName, { text: string; spoken: string }> = {
  x1: { text: 'x₁', spoken: 'x1' },
  x2: { text: 'x₂', spoken: 'x2' },
  'x1^2': { text: 'x₁²', spoken: 'x1 squared' },
  'x2^2': { text: 'x₂²', spoken: 'x2 squared' },
  'x1*x2': { text: 'x₁x₂', spoken: 'x1 times x2' },
  'sin(x1)': { text: 'sin x₁', spoken: 'sine of x1' },
  'sin(x2)': { text: 'sin x₂', spoken: 'sine of x2' },
  r: { text: 'r', spoken: 'radius r' },
  theta: { text: 'θ', spoken: 'angle theta' },
};
