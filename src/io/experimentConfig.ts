import { HIDDEN_ACTIVATIONS, type Activation } from '../core/activations';
import {
  ARCHITECTURES,
  INIT_SCHEMES,
  LIMITS,
  OPTIMIZERS,
  PRESET_NAMES,
  defaultConfig,
  type DataConfig,
  type DataSource,
  type ExperimentConfig,
  type ModelConfig,
  type TrainingConfig,
} from '../core/config';
import { FEATURE_NAMES, type FeatureName } from '../core/features';
import { LR_SCHEDULES } from '../core/lrSchedule';
import { JsonPath } from './jsonPath';
import { readArray, readBoolean, readNumberIn, readObject, readOneOf, readWholeNumber, rejectUnknownFields, wholeNumber, type ValuePlace } from './jsonRead';
import { prettyJson } from './prettyJson';

/**
 * The experiment config as JSON: any subset of the fields of ExperimentConfig, the rest taken
 * from defaultConfig(). Used by the CLI's --config file, the weights file's `config` and the URL state.
 */

/** Enough per-layer activations for the largest model: a stem and two layers per block, or 16 hidden layers. */
export const MAX_LAYER_ACTIVATIONS = Math.max(LIMITS.hiddenLayers.max, 1 + 2 * LIMITS.blocks.max);

const DATA_SOURCES: readonly DataSource[] = [...PRESET_NAMES, 'custom'];

type FieldReaders<T> = { [K in keyof T]: (value: unknown, at: ValuePlace) => T[K] };

const width = (value: unknown, at: ValuePlace): number => readWholeNumber(value, at, LIMITS.width.min, LIMITS.width.max);
const seed = (value: unknown, at: ValuePlace): number => readWholeNumber(value, at, LIMITS.seed.min, LIMITS.seed.max);

/** A list of at most `max` items read one by one. */
function readList<T>(value: unknown, at: ValuePlace, max: number, what: string, readItem: (item: unknown, at: ValuePlace) => T): T[] {
  const items = readArray(value, at, `an array of ${what}`);
  if (items.length > max) throw at.expected({ words: `a list of at most ${max} ${what}`, notation: `at most ${max} ${what}` }, items.length);
  return items.map((item, i) => readItem(item, at.item(i)));
}

/** One to FEATURE_NAMES.length distinct feature names. */
function readFeatures(value: unknown, at: ValuePlace): FeatureName[] {
  const names = readList(value, at, FEATURE_NAMES.length, 'feature names', (item, itemAt) => readOneOf(item, FEATURE_NAMES, itemAt));
  if (names.length === 0) throw at.error('expected at least one feature, got an empty array');
  names.forEach((name, i) => {
    if (names.indexOf(name) < i) throw at.item(i).error(`"${name}" appears twice`);
  });
  return names;
}

function readBatchSize(value: unknown, at: ValuePlace): number | 'all' {
  if (value === 'all') return value;
  const { min, max } = LIMITS.batchSize;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  const whole = wholeNumber(min, max);
  throw at.expected({ words: `${whole.words} or "all"`, notation: `${whole.notation} or "all"` }, value);
}

const DATA_FIELDS: FieldReaders<DataConfig> = {
  preset: (value, at) => readOneOf(value, DATA_SOURCES, at),
  points: (value, at) => readWholeNumber(value, at, LIMITS.points.min, LIMITS.points.max),
  noise: (value, at) => readNumberIn(value, at, LIMITS.noise),
  classes: (value, at) => readWholeNumber(value, at, LIMITS.classes.min, LIMITS.classes.max),
  seed,
  trainFraction: (value, at) => readNumberIn(value, at, LIMITS.trainFraction),
};

const MODEL_FIELDS: FieldReaders<ModelConfig> = {
  arch: (value, at) => readOneOf(value, ARCHITECTURES, at),
  hidden: (value, at) => readList(value, at, LIMITS.hiddenLayers.max, 'layer widths', width),
  width,
  blocks: (value, at) => readWholeNumber(value, at, LIMITS.blocks.min, LIMITS.blocks.max),
  activation: (value, at) => readOneOf(value, HIDDEN_ACTIVATIONS, at),
  layerActivations: (value, at) =>
    readList(value, at, MAX_LAYER_ACTIVATIONS, 'activations', (item, itemAt): Activation | null =>
      item === null ? null : readOneOf(item, HIDDEN_ACTIVATIONS, itemAt),
    ),
  features: readFeatures,
  init: (value, at) => readOneOf(value, INIT_SCHEMES, at),
  initScale: (value, at) => readNumberIn(value, at, LIMITS.initScale),
  normalize: readBoolean,
};

const TRAINING_FIELDS: FieldReaders<TrainingConfig> = {
  optimizer: (value, at) => readOneOf(value, OPTIMIZERS, at),
  learningRate: (value, at) => readNumberIn(value, at, LIMITS.learningRate),
  momentum: (value, at) => readNumberIn(value, at, LIMITS.momentum),
  batchSize: readBatchSize,
  l1: (value, at) => readNumberIn(value, at, LIMITS.regularization),
  l2: (value, at) => readNumberIn(value, at, LIMITS.regularization),
  dropout: (value, at) => readNumberIn(value, at, LIMITS.dropout),
  seed,
  lrSchedule: (value, at) => readOneOf(value, LR_SCHEDULES, at),
  lrStep: (value, at) => readWholeNumber(value, at, LIMITS.lrStep.min, LIMITS.lrStep.max),
  lrGamma: (value, at) => readNumberIn(value, at, LIMITS.lrGamma),
  warmupSteps: (value, at) => readWholeNumber(value, at, LIMITS.warmupSteps.min, LIMITS.warmupSteps.max),
  earlyStopping: (value, at) => readWholeNumber(value, at, LIMITS.earlyStopping.min, LIMITS.earlyStopping.max),
};

const SECTION_FIELDS: { [S in keyof ExperimentConfig]: FieldReaders<ExperimentConfig[S]> } = { data: DATA_FIELDS, model: MODEL_FIELDS, training: TRAINING_FIELDS };

/** One field of the config, read and checked like the same field of a config file. */
export function readConfigField<S extends keyof ExperimentConfig, F extends keyof ExperimentConfig[S]>(section: S, field: F, value: unknown, at: ValuePlace): ExperimentConfig[S][F] {
  const readers: FieldReaders<ExperimentConfig[S]> = SECTION_FIELDS[section];
  return readers[field](value, at) as ExperimentConfig[S][F];
}

/** A section: the defaults, with each field present in `value` read and checked (undefined counts as absent). */
function readSection<T extends object>(value: unknown, at: JsonPath, defaults: T, fields: FieldReaders<T>): T {
  if (value === undefined) return defaults;
  const object = readObject(value, at);
  rejectUnknownFields(object, Object.keys(fields), at);
  const section = { ...defaults };
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    if (object[key] !== undefined) section[key] = fields[key](object[key], at.field(key));
  }
  return section;
}

/** readExperimentConfig at a path inside a larger document (the weights file's `config`). */
export function readExperimentConfig(value: unknown, at: JsonPath): ExperimentConfig {
  const object = readObject(value, at);
  const defaults = defaultConfig();
  rejectUnknownFields(object, Object.keys(defaults), at);
  return {
    data: readSection(object.data, at.field('data'), defaults.data, DATA_FIELDS),
    model: readSection(object.model, at.field('model'), defaults.model, MODEL_FIELDS),
    training: readSection(object.training, at.field('training'), defaults.training, TRAINING_FIELDS),
  };
}

/** A complete, checked ExperimentConfig from a parsed JSON value with any subset of its fields; throws InputError naming the field. */
export function parseExperimentConfig(value: unknown, source?: string): ExperimentConfig {
  return readExperimentConfig(value, new JsonPath(source));
}

/** The config as indented JSON text (fields in the order of defaultConfig(), newline at the end). */
export function serializeExperimentConfig(config: ExperimentConfig): string {
  return prettyJson(parseExperimentConfig(config));
}
