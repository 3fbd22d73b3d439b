import { SETTING_LABELS, VIEW_LABELS } from '../core/settingLabels';

const { data, model, training } = SETTING_LABELS;

/**
 * The controls a shared link can leave out (`hide=lr,activation`), with the names the share panel
 * lists them by. Play, +1 epoch, Reset and Share link are not among them: a link can never hide what
 * a class needs to get the page going again and to set it up anew.
 */
export const CONTROLS = {
  lessons: 'Lessons',
  dataset: data.preset,
  regenerate: 'Regenerate',
  newWeights: 'New weights',
  classes: data.classes,
  noise: data.noise,
  trainFraction: 'Training data %',
  points: data.points,
  drawing: 'Drawing tools',
  dataFiles: 'Data import and export',
  layers: 'Add and remove layers',
  layerEditor: 'Layer settings',
  features: model.features,
  arch: model.arch,
  activation: model.activation,
  init: model.init,
  initScale: model.initScale,
  optimizer: training.optimizer,
  lr: training.learningRate,
  momentum: training.momentum,
  batch: training.batchSize,
  l1: training.l1,
  l2: training.l2,
  dropout: training.dropout,
  weightsFiles: 'Weights import and export',
  showTestData: VIEW_LABELS.showTestData,
  discretize: VIEW_LABELS.discretize,
  logScale: VIEW_LABELS.logScale,
  pinRun: 'Pin run',
} as const;

export type ControlId = keyof typeof CONTROLS;

export const CONTROL_IDS = Object.keys(CONTROLS) as ControlId[];

/** The controls of the Data panel: when a link hides them all, the panel gives its column to the others. */
export const DATA_CONTROLS: readonly ControlId[] = ['dataset', 'regenerate', 'classes', 'noise', 'trainFraction', 'points', 'drawing', 'dataFiles'];
