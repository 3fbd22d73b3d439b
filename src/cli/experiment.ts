import { defaultConfig, LIMITS, type ExperimentConfig } from '../core/config';
import { splitDataset, type Dataset } from '../core/dataset';
import { inputError } from '../core/errors';
import { fitNormalization } from '../core/features';
import { buildModelSpec, type ModelSpec } from '../core/network';
import { describeTask, type Task } from '../core/task';
import { datasetFromTable } from '../data/csv';
import { generateDataset } from '../data/presets';
import { parseExperimentConfig } from '../io/experimentConfig';
import { parseJsonText } from '../io/jsonText';
import { parseWeights, type ImportedWeights } from '../io/weights';
import { UsageError } from './errors';
import { readCsvFile, readTextFile } from './files';
import { choiceFlag, wholeNumberFlag } from './flags';
import { applySettingFlags } from './settingFlags';

/**
 * The flags of `descent train` that describe the experiment, as strings straight from the command
 * line: one per setting (src/core/settings.ts, by its flag name), and these.
 */
export interface ExperimentFlags {
  data?: string;
  task?: string;
  /** Seeds both the data and the training (--data-seed and --training-seed set one each). */
  seed?: string;
  config?: string;
  init?: string;
  [settingFlag: string]: string | boolean | undefined;
}

/** Flags that are not settings of the config. */
export const EXPERIMENT_FLAGS = ['data', 'task', 'seed', 'config', 'init'] as const;

/** Everything a training run starts from. */
export interface Experiment {
  config: ExperimentConfig;
  dataset: Dataset;
  spec: ModelSpec;
  /** Set when training continues from a weights file. */
  initial?: ImportedWeights;
  /** Which task a data file's labels were read as, and why, when it was decided from them. */
  labelsReadAs?: string;
}

const LAYOUT_FLAGS = ['arch', 'hidden', 'width', 'blocks', 'activation', 'layer-activations', 'features'] as const;

/** Applies --seed, then the flags of every setting, to the config. */
function applyFlags(config: ExperimentConfig, flags: ExperimentFlags): void {
  if (flags.seed !== undefined) {
    config.data.seed = wholeNumberFlag('seed', flags.seed, LIMITS.seed);
    config.training.seed = config.data.seed;
  }
  applySettingFlags(config, flags);
}

/** Makes a dataset's task the model's task, or explains why the two do not fit. */
export function fitDataToModel(dataset: Dataset, task: Task, source: string): Dataset {
  if (task.kind === 'regression') {
    if (dataset.task.kind !== 'regression') return { ...dataset, task };
    return dataset;
  }
  const largest = dataset.labels.reduce((max, label) => Math.max(max, label), 0);
  const wholeLabels = dataset.labels.every((label) => Number.isInteger(label) && label >= 0);
  if (!wholeLabels || largest >= task.classes) {
    const has = dataset.task.kind === 'regression' ? 'real-valued labels' : `labels up to ${largest}`;
    throw inputError(source, `the data has ${has}, but the model does ${describeTask(task)}`);
  }
  return { ...dataset, task };
}

/** Reads a weights file; its layout, features, normalisation and task then define the model. */
export function loadWeights(path: string): ImportedWeights {
  return parseWeights(readTextFile(path, 'weights'), path);
}

/** Only the layout flags of the chosen architecture apply; another's would silently do nothing. */
function checkLayoutFlags(config: ExperimentConfig, flags: ExperimentFlags): void {
  const other = config.model.arch === 'mlp' ? (['width', 'blocks'] as const) : (['hidden'] as const);
  const given = other.find((name) => flags[name] !== undefined);
  if (given) {
    const owner = config.model.arch === 'mlp' ? 'resnet' : 'mlp';
    throw new UsageError(`--${given} only applies to --arch ${owner}, and this run's architecture is ${config.model.arch}`);
  }
}

/** A run needs at least one training point: a split that leaves none is refused, not trained. */
function checkTrainingPoints(dataset: Dataset, config: ExperimentConfig, flags: ExperimentFlags, splitColumn: boolean): void {
  if (dataset.isTest.some((isTest) => !isTest)) return;
  const count = dataset.labels.length;
  if (splitColumn && flags.data !== undefined) {
    throw inputError(flags.data, `no row has split "train" (all ${count} are "test"); training needs at least one training point`);
  }
  throw new UsageError(`--train-fraction ${config.data.trainFraction} leaves none of the ${count} points for training; training needs at least one`);
}

/** The dataset a run uses: a CSV file, or the configured preset; and whether it came with a split column. */
function loadDataset(config: ExperimentConfig, flags: ExperimentFlags, task?: Task): { dataset: Dataset; splitColumn: boolean; labelsReadAs?: string } {
  if (flags.data === undefined) {
    if (flags.task !== undefined) throw new UsageError('--task only applies to --data files: a preset fixes its own task');
    if (config.data.preset === 'custom') {
      const from = flags.config ?? flags.init;
      throw new UsageError(`${from ? `${from}: ` : ''}data.preset "custom" means drawn or imported points, which are not in the file; give them with --data FILE.csv`);
    }
    return { dataset: generateDataset(config.data), splitColumn: false };
  }
  if (flags.preset !== undefined) throw new UsageError('--preset and --data cannot be combined: choose generated or file data');
  config.data.preset = 'custom';
  const requested = flags.task === undefined ? undefined : choiceFlag('task', flags.task, ['classification', 'regression'] as const);
  const table = readCsvFile(flags.data);
  let labelsReadAs: string | undefined;
  const dataset = datasetFromTable(table, { source: flags.data, task: task?.kind ?? requested, trainFraction: config.data.trainFraction, seed: config.data.seed, onTaskDecided: (text) => (labelsReadAs = text) });
  return { dataset, splitColumn: table.columns.includes('split'), labelsReadAs };
}

/** Resolves defaults, then --config, then --init, then the flags, into the experiment to run. */
export function resolveExperiment(flags: ExperimentFlags): Experiment {
  let config = defaultConfig();
  if (flags.config !== undefined) config = parseExperimentConfig(parseJsonText(readTextFile(flags.config, 'config'), flags.config), flags.config);
  const initial = flags.init !== undefined ? loadWeights(flags.init) : undefined;
  if (initial) {
    const clash = LAYOUT_FLAGS.find((name) => flags[name] !== undefined);
    if (clash) throw new UsageError(`--${clash} cannot be combined with --init: the layout comes from the weights file`);
    if (initial.config) config = structuredClone(initial.config);
  }
  applyFlags(config, flags);
  if (!initial) checkLayoutFlags(config, flags);
  const loaded = loadDataset(config, flags, initial?.spec.task);
  let dataset = loaded.dataset;
  checkTrainingPoints(dataset, config, flags, loaded.splitColumn);
  if (initial) {
    dataset = fitDataToModel(dataset, initial.spec.task, flags.data ?? `preset ${config.data.preset}`);
    return { config, dataset, spec: initial.spec, initial };
  }
  const trainPoints = splitDataset(dataset, 'train').points;
  const normalization = config.model.normalize && trainPoints.length > 0 ? fitNormalization(trainPoints, config.model.features) : undefined;
  return { config, dataset, spec: buildModelSpec(config.model, dataset.task, normalization), labelsReadAs: loaded.labelsReadAs };
}
