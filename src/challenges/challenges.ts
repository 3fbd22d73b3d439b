import { defaultConfig, type DataConfig, type ExperimentConfig } from '../core/config';
import type { Challenge } from './challenge';

/** The built-in challenges, in the order of the lecture notes. Each is solvable within its limits (test/unit/challenges.test.ts). */

/** A challenge's data: the defaults with a few fields replaced. */
function data(changes: Partial<DataConfig>): DataConfig {
  return { ...defaultConfig().data, ...changes };
}

/** The experiment a challenge opens with: its data and the default model. */
function startOn(dataConfig: DataConfig, model: Partial<ExperimentConfig['model']> = {}): ExperimentConfig {
  const base = defaultConfig();
  return { ...base, data: dataConfig, model: { ...base.model, ...model } };
}

const XOR = data({ preset: 'xor' });
const CIRCLE = data({ preset: 'circle' });
const SPIRAL = data({ preset: 'spiral', noise: 0.05 });
const SINE = data({ preset: 'reg-sine', noise: 0.1 });
const BLOBS = data({ preset: 'rings', classes: 3 });
const GAUSS = data({ preset: 'gauss', noise: 1 });
const CHECKERBOARD = data({ preset: 'checkerboard' });

export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'xor-three-units',
    title: 'XOR with three hidden units',
    task: 'Separate XOR with one hidden layer of at most three neurons, from x₁ and x₂ alone.',
    data: XOR,
    constraints: { maxHiddenLayers: 1, maxUnits: 3, features: ['x1', 'x2'] },
    goal: { metric: 'testAccuracy', target: 0.95 },
    hints: [
      'Each hidden neuron draws one straight line, and the output adds them up. Why are two lines not enough for four quadrants?',
      'A linear activation cannot bend anything: choose a curved one.',
      'If it gets stuck near 75%, press Reset with another seed: three neurons have little room for a bad start.',
    ],
    start: startOn(XOR),
  },
  {
    id: 'circle-no-hidden',
    title: 'A circle with no hidden layer',
    task: 'Separate the circle with a model that has no hidden layer at all: choose the features instead.',
    data: CIRCLE,
    constraints: { maxHiddenLayers: 0 },
    goal: { metric: 'testAccuracy', target: 0.95 },
    hints: ['With no hidden layer the boundary is a line in the space of the features.', 'A circle is x₁² + x₂² = r².', 'Try the features x₁² and x₂².'],
    start: startOn(CIRCLE),
  },
  {
    id: 'spiral-small',
    title: 'The spiral under 80 parameters',
    task: 'Separate the two-arm spiral with a network of at most 80 parameters.',
    data: SPIRAL,
    constraints: { maxParameters: 80 },
    goal: { metric: 'testAccuracy', target: 0.9 },
    hints: ['Depth buys more bends per parameter than width.', 'Features such as sin x₁ and sin x₂ or r and θ help a small network.', 'Train longer, with a smaller learning rate at the end.'],
    start: startOn(SPIRAL),
  },
  {
    id: 'deep-sigmoid',
    title: 'Make ten sigmoid layers learn',
    task: 'Train a network of at least ten hidden sigmoid layers to 90% on the circle.',
    data: CIRCLE,
    constraints: { minHiddenLayers: 10, activations: ['sigmoid'] },
    goal: { metric: 'testAccuracy', target: 0.9 },
    hints: [
      "Sigmoid's slope is at most ¼, so the gradient shrinks at every layer on its way down.",
      'An optimizer that rescales each weight’s step (Adam) helps; so do residual connections.',
      'Try the ResNet architecture with sigmoid activations.',
    ],
    start: { ...startOn(CIRCLE, { hidden: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], activation: 'sigmoid' }), training: { ...defaultConfig().training, optimizer: 'sgd', learningRate: 0.1 } },
  },
  {
    id: 'sine-regression',
    title: 'Fit the sine',
    task: 'Fit the sine surface to a test MSE of at most 0.01 from x₁ and x₂ alone.',
    data: SINE,
    constraints: { features: ['x1', 'x2'] },
    goal: { metric: 'testMse', target: 0.01 },
    hints: [
      'Regression uses a linear output unit: the network outputs a number, not a probability.',
      'With no hidden layer the output is a plane. Each tanh unit adds one smooth step.',
      'Two hidden layers of 16 tanh units bend the surface enough; give them a few hundred epochs.',
    ],
    start: startOn(SINE, { hidden: [] }),
  },
  {
    id: 'three-rings',
    title: 'Three classes at 95%',
    task: 'Classify the three rings with at least 95% test accuracy and at most 60 parameters.',
    data: BLOBS,
    constraints: { maxParameters: 60 },
    goal: { metric: 'testAccuracy', target: 0.95 },
    hints: ['Three classes get three output units and a softmax.', 'The classes differ by their distance from the centre.', 'The feature r is that distance.'],
    start: startOn(BLOBS),
  },
  {
    id: 'gauss-linear',
    title: 'The smallest model for two clouds',
    task: 'Reach a test loss of at most 0.36 on two overlapping Gaussians with at most 3 parameters.',
    data: GAUSS,
    constraints: { maxParameters: 3 },
    goal: { metric: 'testLoss', target: 0.36 },
    hints: ['Three parameters are two weights and a bias.', 'That is logistic regression: no hidden layer.', 'Some points overlap: no model gets every one right.'],
    start: startOn(GAUSS),
  },
  {
    id: 'checkerboard-budget',
    title: 'A checkerboard in 300 epochs',
    task: 'Reach 90% test accuracy on the checkerboard within 300 epochs, with at most two hidden layers.',
    data: CHECKERBOARD,
    constraints: { maxHiddenLayers: 2, maxEpochs: 300 },
    goal: { metric: 'testAccuracy', target: 0.9 },
    hints: ['Sixteen squares need many bends: widen the layers.', 'ReLU networks cut the plane into flat pieces, a good fit for squares.', 'A larger learning rate gets there in fewer epochs, up to a point.'],
    start: startOn(CHECKERBOARD),
  },
];

export const CHALLENGE_IDS = CHALLENGES.map((challenge) => challenge.id);
