import { defaultConfig, type ExperimentConfig } from '../core/config';
import type { SweepAxis } from '../core/sweepAxes';

/**
 * The lessons: each follows a point of the lecture notes, opens a prepared experiment (one link
 * per variant to compare), and says what to ask the class and what to look for. What a lesson
 * says training shows (accuracies, losses, which run does better) is checked by
 * test/unit/lessons.test.ts on these configs, on the lesson's data seed and the next four that
 * Regenerate draws, and on five weight seeds; a claim about one run names its seed.
 */

export interface LessonSetup {
  /** What this variant is, in a few words ("XOR", "Linear activations"). */
  label: string;
  config: ExperimentConfig;
  /** The sweep compare mode opens with, if the setup is a sweep: its link opens the Compare view. */
  sweep?: readonly SweepAxis[];
}

export interface Lesson {
  id: string;
  title: string;
  /** A few sentences to read out. */
  text: string;
  question: string;
  lookFor: string;
  /** The first opens with the lesson; the others are one click away. */
  setups: LessonSetup[];
  /** A side panel the lesson's links open beside the playground: `inside` is See inside. */
  panel?: 'inside';
  /** The See inside view the lesson's look-for speaks of: the panel opens scrolled to it. */
  view?: InsideView;
}

/** The views of the See inside panel. */
export type InsideView = 'layer-view' | 'separability' | 'gradient-flow';

/** An experiment: the defaults with some fields replaced, section by section. */
function experiment(changes: { data?: Partial<ExperimentConfig['data']>; model?: Partial<ExperimentConfig['model']>; training?: Partial<ExperimentConfig['training']> }): ExperimentConfig {
  const base = defaultConfig();
  return { data: { ...base.data, ...changes.data }, model: { ...base.model, ...changes.model }, training: { ...base.training, ...changes.training } };
}

/** A setup with some training settings replaced. */
function retrained(config: ExperimentConfig, training: Partial<ExperimentConfig['training']>): ExperimentConfig {
  return { ...config, training: { ...config.training, ...training } };
}

/** A setup with some model settings replaced. */
function remodelled(config: ExperimentConfig, model: Partial<ExperimentConfig['model']>): ExperimentConfig {
  return { ...config, model: { ...config.model, ...model } };
}

const LINEAR_GAUSS = experiment({ data: { preset: 'gauss' }, model: { hidden: [] }, training: { learningRate: 0.03 } });
const LINEAR_XOR = experiment({ data: { preset: 'xor' }, model: { hidden: [] }, training: { learningRate: 0.03 } });
const HIDDEN_XOR = experiment({ data: { preset: 'xor' }, model: { hidden: [4], activation: 'tanh' }, training: { learningRate: 0.03 } });
const OVERLAPPING_GAUSS = experiment({ data: { preset: 'gauss', noise: 0.8 }, model: { hidden: [] }, training: { learningRate: 0.03 } });
const CIRCLE_UNITS = experiment({ data: { preset: 'circle' }, model: { hidden: [3], activation: 'tanh' }, training: { learningRate: 0.03 } });
const WIDE_SPIRAL = experiment({ data: { preset: 'spiral', noise: 0.05 }, model: { hidden: [32], activation: 'relu' }, training: { learningRate: 0.01 } });
const SINE = experiment({ data: { preset: 'reg-sine' }, model: { hidden: [16], activation: 'tanh' }, training: { learningRate: 0.03 } });
const SPIRAL = experiment({ data: { preset: 'spiral', noise: 0.05 }, model: { hidden: [16, 16] }, training: { learningRate: 0.01 } });
const SYMMETRY = experiment({ data: { preset: 'circle' }, model: { hidden: [4, 4], activation: 'sigmoid', init: 'zeros' }, training: { learningRate: 0.03 } });
const SMALL_START = experiment({ data: { preset: 'circle' }, model: { hidden: [8], activation: 'tanh', init: 'normal', initScale: 0.01 }, training: { learningRate: 0.03 } });
const DEEP_SMALL_START = remodelled(SMALL_START, { hidden: [8, 8, 8, 8] });
const STEP_SIZE = experiment({ data: { preset: 'reg-plane', noise: 0.2 }, model: { hidden: [8], activation: 'tanh' }, training: { optimizer: 'sgd', learningRate: 0.03, batchSize: 10 } });
const SLOW_CIRCLE = experiment({ data: { preset: 'circle' }, model: { hidden: [8], activation: 'tanh' }, training: { optimizer: 'sgd', learningRate: 0.1, batchSize: 10 } });
const OVERFIT = experiment({
  data: { preset: 'moons', points: 120, noise: 0.6, trainFraction: 0.3 },
  model: { hidden: [64, 64, 64], activation: 'relu' },
  training: { learningRate: 0.01, batchSize: 'all' },
});
const LAYERED_SPIRAL = experiment({ data: { preset: 'spiral', points: 400, noise: 0.05 }, model: { hidden: [16, 16, 16], activation: 'tanh' }, training: { learningRate: 0.02, batchSize: 32 } });
// Plain SGD, so that each layer's update is its gradient scaled: Adam would rescale the first layers' updates and hide the fade.
const DEEP_SIGMOID = experiment({ data: { preset: 'spiral', points: 400, noise: 0.05 }, model: { hidden: Array<number>(9).fill(8), activation: 'sigmoid' }, training: { optimizer: 'sgd', learningRate: 0.1 } });
const INIT_LUCK = experiment({ data: { preset: 'spiral', noise: 0.05 }, model: { hidden: [5, 5, 5], activation: 'relu' }, training: { learningRate: 0.03 } });
const INIT_LUCK_SEEDS = Array.from({ length: 16 }, (_, i) => i + 1);
const LEARNING_RATE_SWEEP: SweepAxis[] = [
  { key: 'seed', values: [1, 2, 3, 4] },
  { key: 'lr', values: [0.01, 0.1, 1, 10] },
];
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
    text: 'One hidden layer of a few tanh units bends the boundary, and XOR is separated. Make the activation linear and the layers compose into one affine map: the model is linear again, as the notes prove. The loss of a network is not convex: from some starting weights training settles in a local minimum and stays there.',
    question: 'What does a stack of linear layers compute?',
    lookFor:
      'With tanh the four quadrants get their colours, from nearly every starting weight; with linear activations the boundary stays a straight line. Weight seed 2 on this data is one of the unlucky starts: it stays near 75% even after 10,000 updates, a local minimum.',
    setups: [
      { label: 'tanh', config: HIDDEN_XOR },
      { label: 'Linear activations', config: remodelled(HIDDEN_XOR, { activation: 'linear' }) },
      { label: 'tanh, weight seed 2', config: retrained(HIDDEN_XOR, { seed: 2 }) },
    ],
  },
  {
    id: 'perceptron',
    title: 'From the perceptron’s step to the sigmoid',
    text: 'The perceptron outputs 1 where w·x + b ≥ 0 and 0 elsewhere: a step. The step’s slope is 0 everywhere but at the jump, so gradient descent gets no signal from it, and a point just across the line counts as fully wrong. Logistic regression smooths the step into σ(w·x + b) and learns a probability instead. Tick Discretize to see the step’s answer; untick it to see the probability.',
    question: 'Where is the model unsure, and is it right there?',
    lookFor:
      'With Discretize the plane has two flat colours split by a line: what a perceptron would answer. Without it the colour fades across the line where the two clouds overlap. Points given a probability between 0.2 and 0.8 are right only about two times in three; points given under 0.05 or over 0.95 are right about 98% of the time.',
    setups: [
      { label: 'Overlapping Gaussians', config: OVERLAPPING_GAUSS },
      { label: 'Separate Gaussians', config: LINEAR_GAUSS },
    ],
  },
  {
    id: 'neurons',
    title: 'A neuron is a logistic-regression unit',
    text: 'Each hidden unit computes tanh(w·x + b), one line across the plane like lesson 1’s logistic regression: its thumbnail is negative (orange) on one side of the line and positive (blue) on the other. A hidden layer runs several such units at once, and the output unit combines their lines into one boundary.',
    question: 'How many straight lines does it take to fence in a circle?',
    lookFor:
      'One hidden unit cuts the plane once and stays under 75% test accuracy; two cut out a band and reach about 80%; with three the thumbnails show three lines at different angles, and the boundary closes around the inner class (over 95%).',
    setups: [
      { label: '3 hidden units', config: CIRCLE_UNITS },
      { label: '2 hidden units', config: remodelled(CIRCLE_UNITS, { hidden: [2] }) },
      { label: '1 hidden unit', config: remodelled(CIRCLE_UNITS, { hidden: [1] }) },
    ],
  },
  {
    id: 'features',
    title: 'Representation matters',
    text: 'A model is linear in its features, not in the plane. Give it the polar features r and θ and the circle becomes a threshold on r: no hidden layer needed.',
    question: 'Which feature alone tells the inside of the circle from the outside?',
    lookFor: 'With r and θ the boundary is a circle within 50 epochs; with x1 and x2 the same model can only draw a line, and stays under 75% test accuracy.',
    setups: [
      { label: 'r and θ', config: experiment({ data: { preset: 'circle' }, model: { hidden: [], features: ['r', 'theta'] }, training: { learningRate: 0.03 } }) },
      { label: 'x1 and x2', config: experiment({ data: { preset: 'circle' }, model: { hidden: [] }, training: { learningRate: 0.03 } }) },
    ],
  },
  {
    id: 'hand-made-features',
    title: 'Features made by hand',
    text: 'Before networks learned their features, people designed them. XOR is the sign of x1·x2, so a linear model on that one feature separates it; the circle is x1² + x2² < r², a straight line in the features x1² and x2². Kernel methods do the same on a larger scale: map the data to a space where a plane separates it.',
    question: 'Which products or squares of x1 and x2 turn each dataset into one a line can split?',
    lookFor: 'No hidden layer, and still over 95% test accuracy within about 25 epochs: XOR with x1·x2 alone, the circle with x1² and x2². The same model on x1 and x2 stays near a coin toss (lesson 1).',
    setups: [
      { label: 'XOR, x1·x2', config: remodelled(LINEAR_XOR, { features: ['x1*x2'] }) },
      { label: 'Circle, x1² and x2²', config: experiment({ data: { preset: 'circle' }, model: { hidden: [], features: ['x1^2', 'x2^2'] }, training: { learningRate: 0.03 } }) },
      { label: 'XOR, x1 and x2', config: LINEAR_XOR },
    ],
  },
  {
    id: 'capacity',
    title: 'How many hidden units?',
    text: 'One hidden layer can approximate any continuous function if it may be wide enough: networks are universal approximators. How wide is enough depends on the data: each ReLU unit adds one line along which the output can bend, and the spiral’s arms need many bends.',
    question: 'How many hidden units does the spiral need?',
    lookFor: 'With 4 units the boundary cannot follow the arms: under 75% of the training points right. 8 units do better; 32 fit the spiral (over 90%), all after the same 3000 updates.',
    setups: [
      { label: '32 units', config: WIDE_SPIRAL },
      { label: '8 units', config: remodelled(WIDE_SPIRAL, { hidden: [8] }) },
      { label: '4 units', config: remodelled(WIDE_SPIRAL, { hidden: [4] }) },
    ],
  },
  {
    id: 'regression',
    title: 'Regression: a curved surface',
    text: 'For a real-valued target the output unit has no activation, ŷ = W·a + b, and the loss is the mean squared error. With no hidden layer that is linear regression: a tilted plane. A hidden layer of tanh units bends it into the hills and pits of (sin x1 + sin x2)/2.',
    question: 'What can a plane do against hills and pits, and what does a hidden layer add?',
    lookFor:
      'The linear model’s test loss stays above 0.18: a tilted plane can follow none of the hills. 16 tanh units bring it under a fifth of that within 3000 updates. With the hand-made features sin(x1) and sin(x2) even the linear model is exact, down to the noise (under 0.005).',
    setups: [
      { label: '16 tanh units', config: SINE },
      { label: 'No hidden layer', config: remodelled(SINE, { hidden: [] }) },
      { label: 'sin(x1), sin(x2)', config: remodelled(SINE, { hidden: [], features: ['sin(x1)', 'sin(x2)'] }) },
    ],
  },
  {
    id: 'activations',
    title: 'Activation functions',
    text: 'tanh is sigmoid stretched to (−1, 1): tanh(z) = 2σ(2z) − 1, the same S-curve, but centred on zero and with a slope of up to 1, where sigmoid’s slope is at most ¼ and its outputs are all positive, so the next layer’s inputs all share one sign. ReLU and leaky ReLU have slope 1 wherever they are active.',
    question: 'Which activation gets the spiral first, and why might sigmoid be slow?',
    lookFor:
      'After the same number of epochs sigmoid lags far behind: ReLU, leaky ReLU and tanh all reach under half its loss. It lags from the start, before any unit is saturated: small slopes and one-signed outputs, not flat ends (those matter in deep networks, the depth lesson).',
    setups: [
      { label: 'ReLU', config: remodelled(SPIRAL, { activation: 'relu' }) },
      { label: 'Sigmoid', config: remodelled(SPIRAL, { activation: 'sigmoid' }) },
      { label: 'tanh', config: remodelled(SPIRAL, { activation: 'tanh' }) },
      { label: 'Leaky ReLU', config: remodelled(SPIRAL, { activation: 'leaky_relu' }) },
    ],
  },
  {
    id: 'initialisation',
    title: 'Initialisation breaks the symmetry',
    text: 'If every weight starts at zero, all neurons of a layer compute the same thing and receive the same gradient, so they stay identical for ever. With sigmoid the zero network still learns a little, only because σ(0) = ½: the copies pass a signal on. With tanh or ReLU, which are 0 at 0, every weight gets a zero gradient and stays 0. Random initialisation gives each neuron its own start.',
    question: 'How many different neurons does a zero-initialised layer really have?',
    lookFor:
      'Zeros with sigmoid: the neuron thumbnails of each layer are copies of one another, and the accuracy stays at about two thirds however long it trains. Zeros with tanh: every weight stays 0 and the accuracy stays at 50%. Xavier: the thumbnails differ and the circle is separated.',
    setups: [
      { label: 'Zeros, sigmoid', config: SYMMETRY },
      { label: 'Zeros, tanh', config: remodelled(SYMMETRY, { activation: 'tanh' }) },
      { label: 'Xavier', config: remodelled(SYMMETRY, { init: 'xavier' }) },
    ],
  },
  {
    id: 'init-scale',
    title: 'Initialisation scale: random × 0.01, why not 1000?',
    text: 'The notes start the weights small: random × 0.01, that is N(0, 0.01²) (Initialisation “Normal”, Initial σ 0.01). Small weights keep every tanh unit in its middle, where its slope is nearly 1, and the output near 0: the first loss is ln 2 ≈ 0.69, a fair coin. At σ = 1000 every weighted sum is huge: each tanh unit sits on a flat end at ±1, where its slope is almost 0, so almost no gradient gets back, and the output is sure of itself from the start, often wrongly. Too small hurts a deep network: each layer shrinks the signal, so four layers at σ = 0.01 pass little forward and little gradient back. Xavier picks the scale from each layer’s size.',
    question: 'Why do the notes multiply the random weights by 0.01 and not by 1000?',
    lookFor:
      'σ = 0.01: the loss starts at 0.69 and the circle is separated within 20 epochs. σ = 1000: nearly every hidden unit starts at ±1, the loss starts in the hundreds and is still there after 20 epochs, and the accuracy stays near 50%. Four layers at σ = 0.01 also start at 0.69, but after 20 epochs their loss is still far above that of the same four layers with Xavier.',
    setups: [
      { label: 'σ = 0.01', config: SMALL_START },
      { label: 'σ = 1000', config: remodelled(SMALL_START, { initScale: 1000 }) },
      { label: 'Four layers, σ = 0.01', config: DEEP_SMALL_START },
      { label: 'Four layers, Xavier', config: remodelled(DEEP_SMALL_START, { init: 'xavier' }) },
    ],
  },
  {
    id: 'learning-rate',
    title: 'Learning rate and batch size',
    text: 'Gradient descent steps against the gradient by the learning rate: too large and it overshoots, and further still the loss blows up. Small batches give cheap but noisy gradients; the full batch is smooth but takes one step per epoch. With batch 10 this loss falls to the level of the noise in the data within one epoch: tick Log scale to see what happens after.',
    question: 'What happens to the loss when the step is too long? And with one point per step?',
    lookFor:
      'On the log scale: at learning rate 0.03 the training loss settles smoothly; at 0.5 it jumps up and down from epoch to epoch; at 3 the first epoch blows up and the page stops and says training diverged. Batch 1 jitters too; the full batch falls every single epoch, smooth and slow: after 5 epochs it is still far above batch 1.',
    setups: [
      { label: 'Learning rate 0.03', config: STEP_SIZE },
      { label: 'Learning rate 0.5', config: retrained(STEP_SIZE, { learningRate: 0.5 }) },
      { label: 'Learning rate 3', config: retrained(STEP_SIZE, { learningRate: 3 }) },
      { label: 'Batch 1', config: retrained(STEP_SIZE, { batchSize: 1 }) },
      { label: 'Full batch', config: retrained(STEP_SIZE, { batchSize: 'all' }) },
    ],
  },
  {
    id: 'updates-per-epoch',
    title: 'Updates per epoch, and too small a step',
    text: 'An epoch is one pass over the training set: with N training points and batch size B it makes N / B updates (rounded up). Here N = 350: batch 10 makes 35 updates per epoch, batch 50 only 7. Too small a learning rate wastes the updates: each barely moves the weights.',
    question: 'How many times are the weights updated in one epoch, and what if each update is tiny?',
    lookFor: 'After 20 epochs at learning rate 0.1 and batch 10 the circle is separated; at learning rate 0.001 the loss is still near where it started and the accuracy under 70%. With batch 50 the same 20 epochs are only 140 updates, and the loss is higher than with batch 10.',
    setups: [
      { label: 'Learning rate 0.1', config: SLOW_CIRCLE },
      { label: 'Learning rate 0.001', config: retrained(SLOW_CIRCLE, { learningRate: 0.001 }) },
      { label: 'Batch 50', config: retrained(SLOW_CIRCLE, { batchSize: 50 }) },
    ],
  },
  {
    id: 'overfitting',
    title: 'Overfitting and regularisation',
    text: 'A big network trained on 36 noisy points learns the noise: training loss falls to zero while test loss turns up. The rising test loss is confident mistakes: test points on the wrong side of the boundary, given almost no probability for their true class. L2 keeps the weights small; L1 drives many of them close to zero (hairline links in the diagram); dropout switches random hidden units off at each step.',
    question: 'When should training stop, and what keeps the test loss down?',
    lookFor:
      'After 1000 epochs without regularisation the test loss is at least 5 times its minimum, while the test accuracy has fallen much less. L2 keeps the weights and the test loss small: within about twice the best the unregularised network reached. L1 ends under half the unregularised loss, most of its links hairlines. Dropout is no sure cure on so few points: press Regenerate and on some datasets its test loss ends lower, on others higher.',
    setups: [
      { label: 'No regularisation', config: OVERFIT },
      { label: 'L2 0.01', config: retrained(OVERFIT, { l2: 0.01 }) },
      { label: 'L1 0.003', config: retrained(OVERFIT, { l1: 0.003 }) },
      { label: 'Dropout 0.3', config: retrained(OVERFIT, { dropout: 0.3 }) },
    ],
  },
  {
    id: 'residual',
    title: 'Depth and residual connections',
    text: 'Stacking many sigmoid layers makes the gradient shrink on its way back, and a deep plain network barely moves. A residual block adds its input to its output, z + σ(T(σ(T(z)))), so the gradient has a direct path.',
    question: 'Both networks have 13 hidden layers. Why does only one of them learn?',
    lookFor: 'After 5000 updates the plain network still sits at the loss of a coin toss; the ResNet of the same depth has brought it down.',
    setups: [
      { label: 'Plain, 13 layers', config: remodelled(DEEP, { arch: 'mlp', hidden: Array<number>(13).fill(8) }) },
      { label: 'ResNet, 6 blocks', config: remodelled(DEEP, { arch: 'resnet', width: 8, blocks: 6 }) },
    ],
  },
  {
    id: 'last-layer-line',
    title: 'The last layer only draws a line',
    text: 'The output unit computes σ(w·h + b) of the last hidden layer h: logistic regression, whose boundary is a straight line (a hyperplane) in the space of h. So the hidden layers must bend the plane until a line separates the classes there. See inside shows each layer’s view of the plane and the data, and how well a line separates the classes at each layer.',
    question: 'Where in the network do the spiral’s arms become separable by a straight line?',
    lookFor:
      'After 2000 updates of three tanh layers, the Linear separability bars rise from under 75% at the input to 100% at the last hidden layer, and the Layer view of that layer shows the two arms pulled apart with the output’s line between them. One layer of 16 tanh units is not enough: after the same updates a line through its layer still gets under 90% right.',
    setups: [
      { label: 'Three tanh layers', config: LAYERED_SPIRAL },
      { label: 'One tanh layer', config: remodelled(LAYERED_SPIRAL, { hidden: [16] }) },
    ],
    panel: 'inside',
    view: 'separability',
  },
  {
    id: 'vanishing-gradients',
    title: 'Vanishing gradients and the residual connection',
    text: 'Backpropagation multiplies the gradient by each layer’s weights and by the slope of its activation on the way down, and sigmoid’s slope is at most ¼. Through nine sigmoid layers the gradient that reaches the first layer is tiny, so the first layers barely learn. A residual block adds its input to its output: the gradient has a path around every block and arrives nearly whole.',
    question: 'How much of the output layer’s gradient reaches the first layer?',
    lookFor:
      'In Gradient flow, from the first training step: the plain network’s first layer gets a gradient at least 10,000 times smaller than its output layer, and with plain SGD its update-to-weight ratio is as tiny; the ResNet of the same depth loses less than a factor of 1000 on the way down.',
    setups: [
      { label: 'Plain, 9 sigmoid layers', config: DEEP_SIGMOID },
      { label: 'ResNet, 4 blocks', config: remodelled(DEEP_SIGMOID, { arch: 'resnet', width: 8, blocks: 4 }) },
    ],
    panel: 'inside',
    view: 'gradient-flow',
  },
  {
    id: 'multiclass',
    title: 'More than two classes',
    text: 'For k ≥ 3 classes the output layer has k units and softmax turns them into probabilities; the loss is −log of the probability given to the true class. For two classes the page uses one sigmoid unit: softmax of (0, z) is σ(z), as in the notes’ two-state example. The plane is coloured by the blend of the class probabilities.',
    question: 'Where is the model unsure, and how does the picture show it?',
    lookFor: 'Each blob gets its own colour; between them the colours mix where the probabilities are close.',
    setups: [
      { label: 'Four blobs', config: experiment({ data: { preset: 'blobs', classes: 4 }, model: { hidden: [8] }, training: { learningRate: 0.03 } }) },
      { label: 'Three-arm spiral', config: experiment({ data: { preset: 'spiral', classes: 3, noise: 0.05 }, model: { hidden: [16, 16], activation: 'relu' }, training: { learningRate: 0.01 } }) },
    ],
  },
  {
    id: 'initialisation-luck',
    title: 'Initialisation luck',
    text: 'The loss of a network is not convex, and where training ends up depends on where it starts. Compare mode trains the same small network on the same spiral from 16 different random starting weights (training seeds 1 to 16), side by side.',
    question: 'Same network, same data, same settings: why do some runs fail?',
    lookFor: 'By epoch 400 some runs have fitted the spiral (over 95% of the training points right) while others are stuck under 75%, their boundary cutting across the arms. Only the starting weights differ.',
    setups: [{ label: '16 seeds', config: INIT_LUCK, sweep: [{ key: 'seed', values: INIT_LUCK_SEEDS }] }],
  },
  {
    id: 'learning-rates-side-by-side',
    title: 'Learning rates side by side',
    text: 'The learning rate lesson, as one sweep: compare mode trains the circle at four learning rates, 0.01, 0.1, 1 and 10, each from four random starts, and draws all sixteen loss curves on one chart. Its table ranks the runs by their final loss.',
    question: 'Which learning rate is best here, and what goes wrong on either side of it?',
    lookFor: 'At epoch 20, on every seed, the loss falls as the learning rate grows from 0.01 to 1: at 0.01 it has barely left the 0.69 of a coin toss, at 1 it is under 0.05. At 10 it jumps from epoch to epoch and ends higher than at 0.1.',
    setups: [{ label: 'Seeds × learning rates', config: SLOW_CIRCLE, sweep: LEARNING_RATE_SWEEP }],
  },
];

export const LESSON_IDS: readonly string[] = LESSONS.map((lesson) => lesson.id);
