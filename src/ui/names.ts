import type { Activation } from '../core/activations';
import type { Architecture, DataSource, InitScheme, OptimizerName } from '../core/config';
import type { FeatureName } from '../core/features';

/** What the page calls each option. */

export const DATASET_NAMES: Record<DataSource, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gauss: 'Two Gaussians',
  spiral: 'Spiral',
  moons: 'Moons',
  checkerboard: 'Checkerboard',
  rings: 'Rings',
  blobs: 'Blobs',
  'reg-plane': 'Regression: plane',
  'reg-gauss': 'Regression: Gaussian',
  'reg-sine': 'Regression: sine',
  custom: 'Custom',
};

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

/** Learning rates offered in the list (TensorFlow Playground's steps); any other value can be typed. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Scales σ offered for the normal initialisation: the notes' random × 0.01, and larger ones to compare. */
export const INIT_SCALES = [0.01, 0.1, 1, 10, 1000];
export const DROPOUT_RATES = [0, 0.1, 0.2, 0.3, 0.5];
export const MOMENTUM_VALUES = [0.5, 0.9, 0.95, 0.99];
export const BATCH_SIZES = [1, 4, 8, 16, 32, 64, 128, 256];
export const POINT_COUNTS = [50, 100, 200, 500, 1000, 2000, 5000];
