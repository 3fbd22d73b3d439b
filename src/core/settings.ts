import { HIDDEN_ACTIVATIONS } from './activations';
import { ARCHITECTURES, INIT_SCHEMES, LIMITS, OPTIMIZERS, type ExperimentConfig } from './config';
import { FEATURE_NAMES } from './features';
import { LR_SCHEDULES, type LrScheduleName } from './lrSchedule';
import type { NumberRange } from './range';

/**
 * Every setting of the experiment, once: where it sits in the config, its key in a link, its
 * flag on the command line, what the page calls it, a line about it, what values it takes and
 * which values the page suggests. The config-file and link readers (src/io/settingRead.ts), the
 * CLI's flags and --help (src/cli/settingFlags.ts), the settings bar (src/ui/SettingField.tsx),
 * the share panel's control list and the docs' tables (checked by test/unit/settings-table.test.ts)
 * all come from this table, in its order.
 */

/** What values a setting takes; one reader per kind checks them (src/io/settingRead.ts). */
export type SettingValue =
  | { kind: 'number'; range: NumberRange }
  | { kind: 'whole'; range: NumberRange }
  /** A whole number, or `all` (the batch size). */
  | { kind: 'wholeOrAll'; range: NumberRange }
  | { kind: 'choice'; options: readonly string[] }
  /** A preset's name or `custom`: the names belong to src/data/presets. */
  | { kind: 'dataset' }
  | { kind: 'boolean' }
  /** At most `count` whole numbers in `range` (hidden layer widths). */
  | { kind: 'wholes'; count: number; range: NumberRange }
  /** At most `count` options, each or `null` for the default (per-layer activations). */
  | { kind: 'optionalChoices'; count: number; options: readonly string[] }
  /** One to all of `options`, each at most once (input features). */
  | { kind: 'distinctChoices'; options: readonly string[] };

export type SettingSection = keyof ExperimentConfig;

export interface Setting {
  section: SettingSection;
  /** The field in its config section. */
  field: string;
  /** `descent train --flag` (without the dashes). */
  flag: string;
  /** The page's control that edits it (src/ui/controls.ts), which a link can hide. */
  control: string;
  /** What the page calls it: its control's label, and the name in every message about it. */
  label: string;
  /** One line on what it is, for --help and the docs. */
  hint: string;
  /** What --help calls the flag's value, when its range says too little (`PATIENCE`). */
  flagValue?: string;
  value: SettingValue;
  /** Values offered in the field's list (any other allowed value can be typed). */
  suggestions?: readonly (number | 'all')[];
  /** The settings bar group that shows it (`more`: behind the bar's More button); absent for the settings edited elsewhere (Data panel, network). */
  bar?: 'model' | 'training' | 'more';
  /** Whether it matters for this config; the settings bar shows it only then. */
  shownWhen?(config: ExperimentConfig): boolean;
  /** What else an edit of it changes in the config. */
  alsoChange?(config: ExperimentConfig): void;
}

const number = (range: NumberRange): SettingValue => ({ kind: 'number', range });
const whole = (range: NumberRange): SettingValue => ({ kind: 'whole', range });
const choice = (options: readonly string[]): SettingValue => ({ kind: 'choice', options });

/** The schedules that read each of their parameters (src/core/lrSchedule.ts). */
const scheduleUses = (...schedules: LrScheduleName[]) => (config: ExperimentConfig) => schedules.includes(config.training.lrSchedule);

/** Enough per-layer activations for the largest model: a stem and two layers per block, or 16 hidden layers. */
const MAX_LAYER_ACTIVATIONS = Math.max(LIMITS.hiddenLayers.max, 1 + 2 * LIMITS.blocks.max);

const RATES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/** Keyed by the link key, in the order links are written. */
export const SETTINGS = {
  dataset: { section: 'data', field: 'preset', flag: 'preset', control: 'dataset', label: 'Dataset', hint: 'a generated dataset (custom: drawn or imported points)', value: { kind: 'dataset' } },
  points: { section: 'data', field: 'points', flag: 'points', control: 'points', label: 'Points', hint: 'the number of points generated', value: whole(LIMITS.points), suggestions: [50, 100, 200, 500, 1000, 2000, 5000] },
  noise: { section: 'data', field: 'noise', flag: 'noise', control: 'noise', label: 'Noise', hint: 'spread of the points around the shape', value: number(LIMITS.noise) },
  classes: { section: 'data', field: 'classes', flag: 'classes', control: 'classes', label: 'Classes', hint: 'classes of spiral, rings and blobs', value: whole(LIMITS.classes) },
  dataSeed: { section: 'data', field: 'seed', flag: 'data-seed', control: 'regenerate', label: 'Data seed', hint: 'seeds the points and the train/test split', value: whole(LIMITS.seed) },
  trainFraction: { section: 'data', field: 'trainFraction', flag: 'train-fraction', control: 'trainFraction', label: 'Training data fraction', hint: 'the share of points used for training', value: number(LIMITS.trainFraction) },
  arch: { section: 'model', field: 'arch', flag: 'arch', control: 'arch', label: 'Architecture', hint: 'mlp: dense layers; resnet: residual blocks', value: choice(ARCHITECTURES), bar: 'model' },
  hidden: { section: 'model', field: 'hidden', flag: 'hidden', control: 'layers', label: 'Hidden layers', hint: 'mlp: the hidden layers\' widths ("none": no hidden layer)', value: { kind: 'wholes', count: LIMITS.hiddenLayers.max, range: LIMITS.width } },
  width: { section: 'model', field: 'width', flag: 'width', control: 'layerEditor', label: 'ResNet width', hint: 'resnet: width of the stem and of every block', value: whole(LIMITS.width) },
  blocks: { section: 'model', field: 'blocks', flag: 'blocks', control: 'layers', label: 'ResNet blocks', hint: 'resnet: number of residual blocks', value: whole(LIMITS.blocks) },
  activation: {
    section: 'model',
    field: 'activation',
    flag: 'activation',
    control: 'activation',
    label: 'Activation',
    hint: 'of every hidden layer',
    value: choice(HIDDEN_ACTIVATIONS),
    bar: 'model',
    alsoChange: (config) => (config.model.layerActivations = []),
  },
  layerActivations: {
    section: 'model',
    field: 'layerActivations',
    flag: 'layer-activations',
    control: 'layerEditor',
    label: 'Layer activations',
    hint: 'per hidden layer, an activation or "default"',
    value: { kind: 'optionalChoices', count: MAX_LAYER_ACTIVATIONS, options: HIDDEN_ACTIVATIONS },
  },
  features: { section: 'model', field: 'features', flag: 'features', control: 'features', label: 'Input features', hint: 'the inputs computed from (x1, x2)', value: { kind: 'distinctChoices', options: FEATURE_NAMES } },
  init: { section: 'model', field: 'init', flag: 'init-scheme', control: 'init', label: 'Initialisation', hint: 'how the initial weights are drawn', value: choice(INIT_SCHEMES), bar: 'model' },
  initScale: {
    section: 'model',
    field: 'initScale',
    flag: 'init-scale',
    control: 'initScale',
    label: 'Initial σ',
    hint: 'σ of --init-scheme normal, N(0, σ²)',
    value: number(LIMITS.initScale),
    suggestions: [0.01, 0.1, 1, 10, 1000],
    bar: 'model',
    shownWhen: (config) => config.model.init === 'normal',
  },
  normalize: { section: 'model', field: 'normalize', flag: 'normalize', control: 'normalize', label: 'Normalize features', hint: 'standardise the inputs with the training split\'s mean and std', value: { kind: 'boolean' }, bar: 'more' },
  optimizer: { section: 'training', field: 'optimizer', flag: 'optimizer', control: 'optimizer', label: 'Optimizer', hint: 'the update rule', value: choice(OPTIMIZERS), bar: 'training' },
  lr: { section: 'training', field: 'learningRate', flag: 'lr', control: 'lr', label: 'Learning rate', hint: 'α, the step size', value: number(LIMITS.learningRate), suggestions: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10], bar: 'training' },
  momentum: {
    section: 'training',
    field: 'momentum',
    flag: 'momentum',
    control: 'momentum',
    label: 'Momentum',
    hint: 'μ of the momentum optimizer',
    value: number(LIMITS.momentum),
    suggestions: [0.5, 0.9, 0.95, 0.99],
    bar: 'training',
    shownWhen: (config) => config.training.optimizer === 'momentum',
  },
  batch: { section: 'training', field: 'batchSize', flag: 'batch-size', control: 'batch', label: 'Batch size', hint: 'points per update, or "all"', value: { kind: 'wholeOrAll', range: LIMITS.batchSize }, suggestions: [1, 4, 8, 16, 32, 64, 128, 256, 'all'], bar: 'training' },
  l1: { section: 'training', field: 'l1', flag: 'l1', control: 'l1', label: 'L1', hint: 'L1 regularisation rate (weights only)', value: number(LIMITS.regularization), suggestions: RATES, bar: 'training' },
  l2: { section: 'training', field: 'l2', flag: 'l2', control: 'l2', label: 'L2', hint: 'L2 regularisation rate (weights only)', value: number(LIMITS.regularization), suggestions: RATES, bar: 'training' },
  dropout: { section: 'training', field: 'dropout', flag: 'dropout', control: 'dropout', label: 'Dropout', hint: 'dropout rate on hidden activations', value: number(LIMITS.dropout), suggestions: [0, 0.1, 0.2, 0.3, 0.5], bar: 'training' },
  seed: { section: 'training', field: 'seed', flag: 'training-seed', control: 'newWeights', label: 'Training seed', hint: 'seeds the initial weights, the batch order and dropout', value: whole(LIMITS.seed) },
  lrSchedule: { section: 'training', field: 'lrSchedule', flag: 'lr-schedule', control: 'lrSchedule', label: 'Learning-rate schedule', hint: 'how the rate changes with the step', value: choice(LR_SCHEDULES), bar: 'more' },
  lrStep: {
    section: 'training',
    field: 'lrStep',
    flag: 'lr-step',
    control: 'lrStep',
    label: 'Schedule steps',
    hint: 'step: steps between decays; cosine: steps down to 0',
    value: whole(LIMITS.lrStep),
    suggestions: [100, 500, 1000, 5000, 10000],
    bar: 'more',
    shownWhen: scheduleUses('step', 'cosine'),
  },
  lrGamma: {
    section: 'training',
    field: 'lrGamma',
    flag: 'lr-gamma',
    control: 'lrGamma',
    label: 'Decay factor',
    hint: 'step: factor of each decay; exponential: per step',
    value: number(LIMITS.lrGamma),
    suggestions: [0.1, 0.5, 0.9, 0.99, 0.999],
    bar: 'more',
    shownWhen: scheduleUses('step', 'exponential'),
  },
  warmupSteps: {
    section: 'training',
    field: 'warmupSteps',
    flag: 'warmup-steps',
    control: 'warmupSteps',
    label: 'Warm-up steps',
    hint: 'warmup: steps of the rise to the base rate',
    value: whole(LIMITS.warmupSteps),
    suggestions: [10, 100, 500, 1000],
    bar: 'more',
    shownWhen: scheduleUses('warmup'),
  },
  earlyStopping: {
    section: 'training',
    field: 'earlyStopping',
    flag: 'early-stopping',
    control: 'earlyStopping',
    label: 'Early stopping',
    hint: 'test-loss checks without a new best before stopping; 0 = off',
    flagValue: 'PATIENCE',
    value: whole(LIMITS.earlyStopping),
    suggestions: [0, 5, 10, 20, 50],
    bar: 'more',
  },
  stopAtLoss: {
    section: 'training',
    field: 'stopAtLoss',
    flag: 'stop-at-loss',
    control: 'stopAtLoss',
    label: 'Stop at test loss',
    hint: 'stop once the test loss is at most this; 0 = off',
    flagValue: 'LOSS',
    value: number(LIMITS.stopAtLoss),
    suggestions: [0, 0.01, 0.05, 0.1, 0.2],
    bar: 'more',
  },
} as const satisfies Record<string, Setting>;

export type SettingKey = keyof typeof SETTINGS;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** A setting by its key, with the table's general type. */
export function setting(key: SettingKey): Setting {
  return SETTINGS[key];
}

/** The setting's value in a config. */
export function settingValue(config: ExperimentConfig, entry: Setting): unknown {
  return (config[entry.section] as unknown as Record<string, unknown>)[entry.field];
}

/** Sets the setting's value in a (draft) config. */
export function putSetting(config: ExperimentConfig, entry: Setting, value: unknown): void {
  (config[entry.section] as unknown as Record<string, unknown>)[entry.field] = value;
}

/** A person's edit of the setting in a (draft) config: the value, and what else the edit changes. */
export function editSetting(config: ExperimentConfig, entry: Setting, value: unknown): void {
  putSetting(config, entry, value);
  entry.alsoChange?.(config);
}
