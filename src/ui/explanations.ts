import type { Activation } from '../core/activations';
import type { InitScheme, OptimizerName } from '../core/config';
import type { LrScheduleName } from '../core/lrSchedule';
import type { SettingKey } from '../core/settings';
import type { ControlId } from './controls';

/**
 * What each setting means, in the lecture notes' notation: a one-line hint (shown on hover and
 * focus) and a few lines with its formula (behind "What is this?"). Checked against src/core.
 */

export interface Explanation {
  hint: string;
  /** Paragraphs; formulas inline in plain Unicode. */
  more: readonly string[];
}

export const SETTING_EXPLANATIONS = {
  arch: {
    hint: 'MLP: layers one after another. ResNet: blocks that add their input to their output.',
    more: [
      'An MLP computes h⁽ˡ⁾ = σ(W⁽ˡ⁾h⁽ˡ⁻¹⁾ + b⁽ˡ⁾) layer after layer.',
      'A ResNet block computes h + F(h), where F is two dense layers: the skip lets the gradient reach early layers undiminished, so deep stacks still train.',
    ],
  },
  activation: {
    hint: 'The non-linear function σ each hidden neuron applies to its weighted sum.',
    more: ['Each hidden neuron outputs σ(Σᵢ wᵢxᵢ + b). Without a non-linear σ, layers compose into one linear map and the model can only draw a straight line.', 'The output unit is fixed by the task: sigmoid for two classes, softmax for more, linear for regression.'],
  },
  init: {
    hint: 'How the weights are drawn before training starts; biases start at 0.',
    more: ['Xavier (Glorot): wᵢⱼ ~ U(−√(6/(n_in + n_out)), +√(6/(n_in + n_out))). He (Kaiming): wᵢⱼ ~ N(0, 2/n_in). Uniform: U(−0.5, 0.5). Normal: N(0, σ²) with the σ you choose; σ = 0.01 is the notes’ “random × 0.01”. Zeros: every weight 0, so the neurons of a layer stay identical.', 'The weights come from the training seed: Reset repeats the same start; New weights draws a new seed, a random restart.'],
  },
  initScale: {
    hint: 'σ: the spread of the Normal initialisation’s weights, N(0, σ²).',
    more: ['Each weight is σ times a standard normal draw, as the notes’ np.random.randn(…) × 0.01. Small σ: every neuron starts almost linear and the outputs near 0. Large σ: tanh and sigmoid units start saturated, their slopes near 0, and the gradient vanishes.', 'Only the Normal initialisation uses σ.'],
  },
  optimizer: {
    hint: 'The rule that turns the gradient into a step of the weights.',
    more: ['SGD: θ ← θ − α∇L(θ). Momentum and Adam remember past gradients (see each option).', 'L1 and L2 are added to the gradient before the optimizer sees it (Adam, not AdamW).'],
  },
  lr: {
    hint: 'α: how far each update moves the weights along the negative gradient.',
    more: ['θₙ₊₁ = θₙ − α∇L(θₙ). Too small and training crawls; too large and the loss jumps around or becomes NaN.', 'With Adam, α is roughly the largest step any one weight takes per update.'],
  },
  momentum: {
    hint: 'μ: how much of the previous update carries into the next.',
    more: ['v ← μv + g, then θ ← θ − αv. On a steady slope the step grows to α/(1 − μ): μ = 0.9 moves about ten times as far as plain SGD.'],
  },
  batch: {
    hint: 'How many training points each update averages its gradient over.',
    more: ['Updates per epoch = N / batch size (rounded up), where N is the number of training points.', 'Batch size 1 is stochastic gradient descent: many noisy updates. "all" is batch gradient descent: one smooth update per epoch.'],
  },
  l1: {
    hint: 'λ₁: a penalty λ₁Σ|w| that pulls weights towards zero by a constant amount.',
    more: ['The gradient gets λ₁·sign(w) added, for weights only (not biases). Many weights end close to zero: thin links in the diagram.', 'The loss shown on the page leaves the penalty out.'],
  },
  l2: {
    hint: 'λ₂: a penalty (λ₂/2)Σw² that shrinks every weight in proportion to its size.',
    more: [
      'The gradient gets λ₂·w added, for weights only (not biases). The notes write the penalty as λ‖θ‖² over all parameters: the page’s 0.01 is the notes’ 0.005.',
      'The loss shown on the page leaves the penalty out.',
    ],
  },
  dropout: {
    hint: 'p: the chance that each hidden neuron is switched off for one training update.',
    more: ['Inverted dropout: a kept activation is divided by 1 − p, so nothing changes at test time. Only hidden layers drop, and only while training.'],
  },
  normalize: {
    hint: 'Standardise each input to mean 0 and standard deviation 1 over the training split.',
    more: ['Each input x becomes (x − m)/s, with m and s its mean and standard deviation over the training points. Inputs on one scale let one learning rate suit every weight.'],
  },
  lrSchedule: {
    hint: 'How the learning rate changes as training goes on.',
    more: [
      'Constant: αₛ = α at every step s. Step decay: αₛ = α·γ^⌊s/k⌋, the rate multiplied by γ every k steps. Exponential: αₛ = α·γˢ. Cosine: αₛ = α·½(1 + cos(πs/k)) down to 0 at step k. Warm-up: αₛ = α·(s + 1)/w, rising over w steps, then α.',
      'A large rate early moves fast; a small one late settles into the minimum instead of bouncing around it.',
    ],
  },
  lrStep: {
    hint: 'k: step decay multiplies the rate by γ every k steps; cosine reaches 0 at step k.',
    more: ['Counted in optimizer steps (updates), not epochs: an epoch is N / batch size steps.'],
  },
  lrGamma: {
    hint: 'γ: the factor of each decay (step decay), or of every step (exponential).',
    more: ['γ = 0.5 halves the rate at each decay. For exponential decay γ is per step, so it is close to 1: 0.999 halves the rate in about 693 steps.'],
  },
  warmupSteps: {
    hint: 'w: the learning rate rises from near 0 to α over the first w steps.',
    more: ['αₛ = α·(s + 1)/w for s < w, then α. A gentle start keeps the first large gradients from throwing the weights far off.'],
  },
  earlyStopping: {
    hint: 'Stop when the test loss has not improved for this many checks; 0 never stops.',
    more: ['Patience: training stops once this many evaluations of the test loss in a row bring no new lowest value. It guards against overfitting: the test loss rising while the training loss still falls.'],
  },
  stopAtLoss: {
    hint: 'Stop as soon as the test loss is at most this; 0 never stops.',
    more: ['A target: after each whole epoch the test loss is checked, and the first epoch at or below the target stops training. With Early stopping set too, whichever holds first stops.'],
  },
  speed: {
    hint: 'How many optimizer steps a second the page trains: from slow motion to as fast as the machine goes.',
    more: [
      'Slow motion shows each update of the weights: the plane and the loss change step by step. Max trains as fast as the engine can, which on a fast machine reaches the minimum in a blink.',
      'The default, 300 steps a second, lets the default experiment settle over a few seconds. Speed changes only how fast the page trains, never the numbers: a step is the same step at any speed.',
    ],
  },
  features: {
    hint: 'The inputs the network sees, computed from the point (x₁, x₂).',
    more: ['Hand-made features can make a problem linear: x₁x₂ separates XOR with no hidden layer, x₁² and x₂² the circle.', 'By default each input is standardised to mean 0 and standard deviation 1 over the training split.'],
  },
  discretize: {
    hint: 'Colour each point of the plane by its class only, without the confidence.',
    more: ['Off, the colour’s strength shows how sure the model is (p near 0.5 is pale). On, every point of the plane takes the colour of the class the model predicts there.'],
  },
} as const satisfies Partial<Record<ControlId, Explanation>>;

/** Run on is a choice of the page's, not of the experiment, so it is not one of the controls a link can hide. */
export const RUN_ON_EXPLANATION: Explanation = {
  hint: 'Where training runs: Auto picks the faster of the GPU (WebGPU) and the CPU; the Backend readout says which and why.',
  more: [
    'WebGPU trains in compute shaders on the graphics card; CPU trains in JavaScript in a worker. Both compute the same numbers, to float32 rounding.',
    'Auto uses a hardware GPU and falls back to the CPU where the GPU is a software emulation (which is slower than the CPU for these small networks).',
  ],
};

export const ACTIVATION_EXPLANATIONS: Record<Activation, string> = {
  linear: 'σ(z) = z: no bend at all. Layers of linear units add up to one linear map.',
  relu: 'σ(z) = max(z, 0): slope 1 where active, 0 elsewhere. Cuts the plane into flat pieces.',
  leaky_relu: 'σ(z) = z for z > 0, 0.01z otherwise: like ReLU, but a neuron never goes completely silent.',
  elu: 'σ(z) = z for z > 0, eᶻ − 1 otherwise: smooth below 0, slope 1 above.',
  tanh: 'σ(z) = tanh(z), from −1 to 1 and centred on 0; its slope is at most 1.',
  sigmoid: 'σ(z) = 1/(1 + e⁻ᶻ), from 0 to 1; its slope is at most ¼, and its outputs are all positive.',
  softplus: 'σ(z) = log(1 + eᶻ): a smooth ReLU.',
};

export const INIT_EXPLANATIONS: Record<InitScheme, string> = {
  zeros: 'Every weight 0: the neurons of a layer compute the same thing and get the same update, so they stay identical.',
  uniform: 'Each weight from U(−0.5, 0.5), whatever the layer’s size.',
  xavier: 'Each weight from U(−√(6/(n_in + n_out)), +√(6/(n_in + n_out))): keeps the signal’s spread through tanh and sigmoid layers.',
  he: 'Each weight from N(0, 2/n_in): keeps the signal’s spread through ReLU layers.',
  normal: 'Each weight from N(0, σ²), σ set beside it: 0.01 is the notes’ small random start; a large σ saturates tanh and sigmoid.',
};

export const OPTIMIZER_EXPLANATIONS: Record<OptimizerName, string> = {
  sgd: 'θ ← θ − α·g, with g the minibatch gradient.',
  momentum: 'v ← μv + g; θ ← θ − α·v: steps build up along a steady slope.',
  adam: 'Running means of g and g² (β₁ = 0.9, β₂ = 0.999), bias-corrected: each weight gets a step of about α whatever the size of its gradient.',
};

export const LR_SCHEDULE_EXPLANATIONS: Record<LrScheduleName, string> = {
  constant: 'αₛ = α: the same rate at every step.',
  step: 'αₛ = α·γ^⌊s/k⌋: the rate drops by the factor γ every k steps.',
  exponential: 'αₛ = α·γˢ: the rate shrinks a little at every step.',
  cosine: 'αₛ = α·½(1 + cos(πs/k)): a smooth fall from α to 0 at step k.',
  warmup: 'αₛ = α·(s + 1)/w for the first w steps, then α.',
};

/** One line per option of each drop-down setting of the settings bar. */
export const OPTION_EXPLANATIONS: Partial<Record<SettingKey, Record<string, string>>> = { activation: ACTIVATION_EXPLANATIONS, init: INIT_EXPLANATIONS, optimizer: OPTIMIZER_EXPLANATIONS, lrSchedule: LR_SCHEDULE_EXPLANATIONS };
