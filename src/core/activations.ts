/**
 * Activation functions, each with its derivative written in terms of the activation's OUTPUT
 * a = σ(z). Storing only outputs is enough for backpropagation, on the CPU and in WGSL alike
 * (shaders/common.wgsl, `activate` and `activation_slope`).
 */

export const HIDDEN_ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'elu', 'tanh', 'sigmoid', 'softplus'] as const;
export type Activation = (typeof HIDDEN_ACTIVATIONS)[number];

/** Output units: sigmoid (2 classes), softmax (k ≥ 3 classes) or linear (regression). */
export type OutputActivation = 'sigmoid' | 'softmax' | 'linear';
export type LayerActivation = Activation | 'softmax';

export const LEAKY_RELU_SLOPE = 0.01;

export function isActivation(name: string): name is Activation {
  return (HIDDEN_ACTIVATIONS as readonly string[]).includes(name);
}

/** Index of an activation in HIDDEN_ACTIVATIONS; the WGSL kernels switch on it. */
export function activationCode(name: Activation): number {
  return HIDDEN_ACTIVATIONS.indexOf(name);
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ(z) for one pre-activation value z. */
export function activate(name: Activation, z: number): number {
  switch (name) {
    case 'linear':
      return z;
    case 'relu':
      return z > 0 ? z : 0;
    case 'leaky_relu':
      return z > 0 ? z : LEAKY_RELU_SLOPE * z;
    case 'elu':
      return z > 0 ? z : Math.expm1(z);
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return sigmoid(z);
    case 'softplus':
      // log(1 + e^z) without overflow for large z.
      return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }
}

/** σ'(z) expressed through the output a = σ(z). At a kink (relu at 0) the slope is the left one, as in PyTorch. */
export function slopeFromOutput(name: Activation, a: number): number {
  switch (name) {
    case 'linear':
      return 1;
    case 'relu':
      return a > 0 ? 1 : 0;
    case 'leaky_relu':
      return a > 0 ? 1 : LEAKY_RELU_SLOPE;
    case 'elu':
      // For z ≤ 0, a = e^z − 1, so σ'(z) = e^z = a + 1.
      return a > 0 ? 1 : a + 1;
    case 'tanh':
      return 1 - a * a;
    case 'sigmoid':
      return a * (1 - a);
    case 'softplus':
      // σ'(z) = sigmoid(z) = 1 − e^(−a).
      return -Math.expm1(-a);
  }
}
