import type { ExperimentConfig } from './config';

/**
 * What the page calls each setting of the experiment. Every message about a setting that reaches
 * the page (a bad link, data that cannot be generated) names it by these words, never by its
 * config path; config files, whose authors see the JSON, are the exception (src/io/jsonPath.ts).
 */
export const SETTING_LABELS = {
  data: {
    preset: 'Dataset',
    points: 'Points',
    noise: 'Noise',
    classes: 'Classes',
    seed: 'Data seed',
    trainFraction: 'Training data fraction',
  },
  model: {
    arch: 'Architecture',
    hidden: 'Hidden layers',
    width: 'ResNet width',
    blocks: 'ResNet blocks',
    activation: 'Activation',
    layerActivations: 'Layer activations',
    features: 'Input features',
    init: 'Initialisation',
    initScale: 'Initial σ',
    normalize: 'Normalize features',
  },
  training: {
    optimizer: 'Optimizer',
    learningRate: 'Learning rate',
    momentum: 'Momentum',
    batchSize: 'Batch size',
    l1: 'L1',
    l2: 'L2',
    dropout: 'Dropout',
    seed: 'Training seed',
    lrSchedule: 'Learning-rate schedule',
    lrStep: 'Schedule steps',
    lrGamma: 'Decay factor',
    warmupSteps: 'Warm-up steps',
    earlyStopping: 'Early stopping',
  },
} as const satisfies { [S in keyof ExperimentConfig]: Record<keyof ExperimentConfig[S], string> };

/** The names of one item of the list settings, as the layer editor and the feature toggles show them. */
export const SETTING_ITEM_LABELS: { [field: string]: (index: number) => string } = {
  hidden: (index) => `Neurons in layer ${index + 1}`,
  layerActivations: (index) => `Activation of layer ${index + 1}`,
  features: (index) => `Input feature ${index + 1}`,
};

/** The view toggles a link carries, as the page labels them. */
export const VIEW_LABELS = { showTestData: 'Show test data', discretize: 'Discretize', logScale: 'Log scale' } as const;
