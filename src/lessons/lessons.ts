import { defaultConfig, type ExperimentConfig } from '../core/config';

/**
 * The lessons: each follows a point of the lecture notes, opens a prepared experiment (one link
 * per variant to compare), and says what to ask the class and what to look for. Every claim a
 * lesson makes is checked by test/unit/lessons.test.ts with these exact configs.
 */

export interface LessonSetup {
  /** What this variant is, in a few words ("XOR", "Linear activations"). */
  label: string;
  config: ExperimentConfig;
}

export interface Lesson {
  id: string;
  title: string;
  /** Two or three sentences to read out. */
  text: string;
  question: string;
  lookFor: string;
  /** The first opens with the lesson; the others are one click away. */
  setups: LessonSetup[];
}

/** An experiment: the defaults with some fields replaced, section by section. */
function experiment(changes: { data?: Partial<ExperimentConfig['data']>; model?: Partial<ExperimentConfig['model']>; training?: Partial<ExperimentConfig['training']> }): ExperimentConfig {
  const base = defaultConfig();
  return { data: { ...base.data, ...changes.data }, model: { ...base.model, ...changes.model }, training: { ...base.training, ...changes.training } };
}

const LINEAR_GAUSS = experiment({ data: { preset: 'gauss' }, model: { hidden: [] }, training: { learningRate: 0.03 } });
const LINEAR_XOR = experiment({ data: { preset: 'xor' }, model: { hidden: [] }, training: { learningRate: 0.03 } });
const HIDDEN_XOR = experiment({ data: { preset: 'xor' }, model: { hidden: [4], activation: 'tanh' }, training: { learningRate: 0.03 } });
const SPIRAL = experiment({ data: { preset: 'spiral', noise: 0.05 }, model: { hidden: [16, 16] }, training: { learningRate: 0.01 } });
const SYMMETRY = experiment({ data: { preset: 'circle' }, model: { hidden: [4, 4], activation: 'sigmoid', init: 'zeros' }, training: { learningRate: 0.03 } });
const STEP_SIZE = experiment({ data: { preset: 'reg-plane', noise: 0.2 }, model: { hidden: [8], activation: 'tanh' }, training: { optimizer: 'sgd', learningRate: 0.03, batchSize: 10 } });
const OVERFIT = experiment({
  data: { preset: 'moons', points: 120, noise: 0.6, trainFraction: 0.3 },
  model: { hidden: [64, 64, 64], activation: 'relu' },
  training: { learningRate: 0.01, batchSize: 'all' },
});
const DEEP = experiment({ data: { preset: 'circle' }, model: { activation: 'sigmoid' }, training: { optimizer: 'sgd', learningRate: 0.1 } });

export const LESSONS: readonly Lesson[] = [
  {
    id: 'linear-model',
    title: 'A linear model is logistic regression',
    text: 'With no hidden layer, the network computes σ(w·x + b): exactly logistic regression. Its decision boundary is a straight line, whatever the data.',
    question: 'Which of the two datasets can a straight line separate?',
    lookFor: 'The two Gaussians are separated almost perfectly; on XOR the line settles where it is wrong on about half the points.',
    setups: [
      { label: 'Two Gaussians', config: LINEAR_GAUSS },
      { label: 'XOR', config: LINEAR_XOR },
    ],
  },
  {
    id: 'hidden-layer',
    title: 'A hidden layer solves XOR',
    text: 'One hidden layer of a few tanh units bends the boundary, and XOR is separated. Make the activation linear and the layers compose into one affine map: the model is linear again, as the notes prove.',
    question: 'What does a stack of linear layers compute?',
    lookFor: 'With tanh the four quadrants get their colours; with linear activations the boundary stays a straight line.',
    setups: [
      { label: 'tanh', config: HIDDEN_XOR },
      { label: 'Linear activations', config: { ...HIDDEN_XOR, model: { ...HIDDEN_XOR.model, activation: 'linear' } } },
    ],
  },
  {
    id: 'features',
    title: 'Representation matters',
    text: 'A model is linear in its features, not in the plane. Give it the polar features r and θ and the circle becomes a threshold on r: no hidden layer needed.',
    question: 'Which feature alone tells the inside of the circle from the outside?',
    lookFor: 'With r and θ the boundary is a circle after a few epochs; with x1 and x2 the same model draws a useless line.',
    setups: [
      { label: 'r and θ', config: experiment({ data: { preset: 'circle' }, model: { hidden: [], features: ['r', 'theta'] }, training: { learningRate: 0.03 } }) },
      { label: 'x1 and x2', config: experiment({ data: { preset: 'circle' }, model: { hidden: [] }, training: { learningRate: 0.03 } }) },
    ],
  },
  {
    id: 'activations',
    title: 'Activation functions',
    text: 'Sigmoid and tanh flatten out for large inputs, so their gradients vanish there; ReLU and its variants keep a slope on one side. On the spiral the difference shows in the loss curve.',
    question: 'Which activation gets the spiral first, and why might sigmoid be slow?',
    lookFor: 'After the same number of epochs sigmoid lags far behind. ReLU and leaky ReLU never flatten for positive inputs; tanh, centred on zero, saturates less than sigmoid and does well here too.',
    setups: [
      { label: 'ReLU', config: { ...SPIRAL, model: { ...SPIRAL.model, activation: 'relu' } } },
      { label: 'Sigmoid', config: { ...SPIRAL, model: { ...SPIRAL.model, activation: 'sigmoid' } } },
      { label: 'tanh', config: { ...SPIRAL, model: { ...SPIRAL.model, activation: 'tanh' } } },
      { label: 'Leaky ReLU', config: { ...SPIRAL, model: { ...SPIRAL.model, activation: 'leaky_relu' } } },
    ],
  },
  {
    id: 'initialisation',
    title: 'Initialisation breaks the symmetry',
    text: 'If every weight starts at zero, all neurons of a layer compute the same thing and receive the same gradient, so they stay identical for ever. Random initialisation gives each its own start.',
    question: 'How many different neurons does a zero-initialised layer really have?',
    lookFor: 'With zeros, the neuron thumbnails of each layer are copies of one another; with Xavier they differ.',
    setups: [
      { label: 'Zeros', config: SYMMETRY },
      { label: 'Xavier', config: { ...SYMMETRY, model: { ...SYMMETRY.model, init: 'xavier' } } },
    ],
  },
  {
    id: 'learning-rate',
    title: 'Learning rate and batch size',
    text: 'Gradient descent steps against the gradient by the learning rate: too large and it overshoots until the loss blows up. Small batches give cheap but noisy gradients; the full batch is smooth but takes one step per epoch.',
    question: 'What happens to the loss when the step is too long? And with one point per step?',
    lookFor: 'At learning rate 3 the page stops and says training diverged. Batch 1 gives a jagged curve, the full batch a smooth and slow one.',
    setups: [
      { label: 'Learning rate 0.03', config: STEP_SIZE },
      { label: 'Learning rate 3', config: { ...STEP_SIZE, training: { ...STEP_SIZE.training, learningRate: 3 } } },
      { label: 'Batch 1', config: { ...STEP_SIZE, training: { ...STEP_SIZE.training, batchSize: 1 } } },
      { label: 'Full batch', config: { ...STEP_SIZE, training: { ...STEP_SIZE.training, batchSize: 'all' } } },
    ],
  },
  {
    id: 'overfitting',
    title: 'Overfitting and regularisation',
    text: 'A big network trained on a few noisy points learns the noise: training loss keeps falling while test loss turns up. L2 keeps the weights small, L1 drives many to zero (thin links in the diagram), dropout stops neurons relying on each other.',
    question: 'When should training stop, and what keeps the test loss down?',
    lookFor: 'Without regularisation the test curve rises after its minimum; with L2, L1 or dropout it stays lower.',
    setups: [
      { label: 'No regularisation', config: OVERFIT },
      { label: 'L2 0.01', config: { ...OVERFIT, training: { ...OVERFIT.training, l2: 0.01 } } },
      { label: 'L1 0.003', config: { ...OVERFIT, training: { ...OVERFIT.training, l1: 0.003 } } },
      { label: 'Dropout 0.3', config: { ...OVERFIT, training: { ...OVERFIT.training, dropout: 0.3 } } },
    ],
  },
  {
    id: 'residual',
    title: 'Depth and residual connections',
    text: 'Stacking many sigmoid layers makes the gradient shrink on its way back, and a deep plain network barely moves. A residual block adds its input to its output, z + σ(T(σ(T(z)))), so the gradient has a direct path.',
    question: 'Both networks have 13 hidden layers. Why does only one of them learn?',
    lookFor: 'The plain network sits at the loss of a coin toss; the ResNet of the same depth brings it down.',
    setups: [
      { label: 'Plain, 13 layers', config: { ...DEEP, model: { ...DEEP.model, arch: 'mlp', hidden: Array<number>(13).fill(8) } } },
      { label: 'ResNet, 6 blocks', config: { ...DEEP, model: { ...DEEP.model, arch: 'resnet', width: 8, blocks: 6 } } },
    ],
  },
  {
    id: 'multiclass',
    title: 'More than two classes',
    text: 'For k classes the output layer has k units and softmax turns them into probabilities; the loss is the cross-entropy of the true class. The plane is coloured by the blend of the class probabilities.',
    question: 'Where is the model unsure, and how does the picture show it?',
    lookFor: 'Each blob gets its own colour; between them the colours mix where the probabilities are close.',
    setups: [
      { label: 'Four blobs', config: experiment({ data: { preset: 'blobs', classes: 4 }, model: { hidden: [8] }, training: { learningRate: 0.03 } }) },
      { label: 'Three-arm spiral', config: experiment({ data: { preset: 'spiral', classes: 3, noise: 0.05 }, model: { hidden: [16, 16], activation: 'relu' }, training: { learningRate: 0.01 } }) },
    ],
  },
];

export const LESSON_IDS: readonly string[] = LESSONS.map((lesson) => lesson.id);
