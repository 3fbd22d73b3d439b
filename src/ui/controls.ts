/**
 * The controls a shared link can leave out (`hide=lr,activation`), with the names the share panel
 * lists them by. Share link is not among them: it always shows, so the page can be set up again.
 */
export const CONTROLS = {
  transport: 'Play, Step and Reset',
  lessons: 'Lessons',
  dataset: 'Dataset',
  regenerate: 'Regenerate',
  classes: 'Classes',
  noise: 'Noise',
  trainFraction: 'Training data %',
  points: 'Points',
  drawing: 'Drawing tools',
  dataFiles: 'Data import and export',
  layers: 'Add and remove layers',
  layerEditor: 'Layer settings',
  features: 'Input features',
  arch: 'Architecture',
  activation: 'Activation',
  init: 'Initialisation',
  optimizer: 'Optimizer',
  lr: 'Learning rate',
  momentum: 'Momentum',
  batch: 'Batch size',
  l1: 'L1',
  l2: 'L2',
  dropout: 'Dropout',
  weightsFiles: 'Weights import and export',
  showTestData: 'Show test data',
  discretize: 'Discretize',
  logScale: 'Log scale',
  pinRun: 'Pin run',
} as const;

export type ControlId = keyof typeof CONTROLS;

export const CONTROL_IDS = Object.keys(CONTROLS) as ControlId[];

/** The controls of the Data panel: when a link hides them all, the panel gives its column to the others. */
export const DATA_CONTROLS: readonly ControlId[] = ['dataset', 'regenerate', 'classes', 'noise', 'trainFraction', 'points', 'drawing', 'dataFiles'];
