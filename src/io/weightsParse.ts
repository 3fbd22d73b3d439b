import { FEATURE_NAMES, type FeatureName, type Normalization } from '../core/features';
import { planNetwork, type ModelSpec } from '../core/network';
import { MAX_CLASSES, type Task } from '../core/task';
import { readExperimentConfig } from './experimentConfig';
import { FLOAT32_NUMBER, isFiniteFloat32 } from './float32Text';
import { JsonPath } from './jsonPath';
import { phrase, readArray, readFiniteNumber, readObject, readOneOf, readWholeNumber, rejectUnknownFields } from './jsonRead';
import { parseJsonText } from './jsonText';
import { WEIGHTS_FORMAT, WEIGHTS_VERSION, type ImportedWeights } from './weightsFormat';
import { readLayers, type DenseNumbers } from './weightsLayers';

const FILE_FIELDS = ['format', 'version', 'task', 'classes', 'features', 'normalize', 'layers', 'config', 'metrics'];
const NORMALIZE_FIELDS = ['mean', 'std'];

/** format and version come first, so that a file from a newer Descent says so instead of failing on a field it added. */
function checkFormatAndVersion(file: Record<string, unknown>, at: JsonPath): void {
  if (file.format !== WEIGHTS_FORMAT) throw at.field('format').expected(phrase(`"${WEIGHTS_FORMAT}"`), file.format);
  const version = file.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > WEIGHTS_VERSION) {
    throw at.error(`version ${version} is newer than this Descent understands (${WEIGHTS_VERSION})`);
  }
  if (version !== WEIGHTS_VERSION) throw at.field('version').expected(phrase(String(WEIGHTS_VERSION)), version);
}

function readTask(file: Record<string, unknown>, at: JsonPath): Task {
  const kind = readOneOf(file.task, ['classification', 'regression'], at.field('task'));
  if (kind === 'regression') return { kind };
  return { kind, classes: readWholeNumber(file.classes, at.field('classes'), 2, MAX_CLASSES) };
}

/** A non-empty list of distinct feature names. */
function readFeatures(value: unknown, at: JsonPath): FeatureName[] {
  const items = readArray(value, at, 'an array of feature names');
  if (items.length === 0) throw at.expected(phrase('a non-empty array of feature names'), items);
  const names = items.map((item, i) => readOneOf(item, FEATURE_NAMES, at.item(i)));
  names.forEach((name, i) => {
    if (names.indexOf(name) < i) throw at.item(i).error(`"${name}" appears twice`);
  });
  return names;
}

/** One number per feature, each read by `read`. */
function readPerFeature(value: unknown, at: JsonPath, count: number, read: (item: unknown, at: JsonPath) => number): number[] {
  const expectation = phrase(`an array of ${count} numbers (one per feature)`);
  const items = readArray(value, at, expectation.words);
  if (items.length !== count) throw at.mustBe(expectation, `${items.length} numbers`);
  return items.map((item, i) => read(item, at.item(i)));
}

/** The smallest standard deviation Descent writes: a smaller one would blow the features up past float32. */
const MIN_STD = 1e-12;

function readMean(value: unknown, at: JsonPath): number {
  const mean = readFiniteNumber(value, at);
  if (!isFiniteFloat32(mean)) throw at.expected(FLOAT32_NUMBER, mean);
  return mean;
}

function readStd(value: unknown, at: JsonPath): number {
  if (typeof value !== 'number' || !isFiniteFloat32(value) || value < MIN_STD) {
    throw at.expected(phrase(`a number from ${MIN_STD} to about 3.4e38`), value);
  }
  return value;
}

function readNormalization(value: unknown, at: JsonPath, count: number): Normalization {
  const object = readObject(value, at);
  rejectUnknownFields(object, NORMALIZE_FIELDS, at);
  return {
    mean: readPerFeature(object.mean, at.field('mean'), count, readMean),
    std: readPerFeature(object.std, at.field('std'), count, readStd),
  };
}

/** The flat parameter vector of a spec, filled from each dense layer's numbers at its planned offsets. */
function flattenParameters(spec: ModelSpec, dense: DenseNumbers[]): Float64Array {
  const plan = planNetwork(spec);
  const parameters = new Float64Array(plan.parameterCount);
  plan.dense.forEach((layer, i) => {
    parameters.set(dense[i].weight, layer.weightOffset);
    parameters.set(dense[i].bias, layer.biasOffset);
  });
  return parameters;
}

/** Weights JSON v1 text → the model spec and its parameters; every field is checked, errors name `source` and the path. */
export function parseWeights(text: string, source?: string): ImportedWeights {
  const at = new JsonPath(source);
  const file = readObject(parseJsonText(text, source), at);
  checkFormatAndVersion(file, at);
  rejectUnknownFields(file, FILE_FIELDS, at);
  const task = readTask(file, at);
  const features = readFeatures(file.features, at.field('features'));
  const normalization = file.normalize === undefined ? undefined : readNormalization(file.normalize, at.field('normalize'), features.length);
  const { layers, dense } = readLayers(file.layers, at.field('layers'), features.length, task);
  const spec: ModelSpec = { task, features, ...(normalization ? { normalization } : {}), layers };
  const imported: ImportedWeights = { spec, parameters: flattenParameters(spec, dense) };
  if (file.config !== undefined) imported.config = readExperimentConfig(file.config, at.field('config'));
  if (file.metrics !== undefined) imported.metrics = readObject(file.metrics, at.field('metrics'));
  return imported;
}
