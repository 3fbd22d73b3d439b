import { HIDDEN_ACTIVATIONS, type LayerActivation } from '../core/activations';
import type { DenseSpec, LayerSpec } from '../core/network';
import { describeTask, outputActivation, outputWidth, type Task } from '../core/task';
import type { JsonPath } from './jsonPath';
import { phrase, readArray, readObject, readOneOf, readWholeNumber, rejectUnknownFields } from './jsonRead';
import { FLOAT32_NUMBER, isFiniteFloat32 } from './float32Text';

/** Reading and checking the `layers` of a weights file: kinds, widths chained layer to layer, activations and numbers. */

/** A dense layer's shape with its numbers: weight out × in row-major, bias out. */
export interface DenseNumbers {
  spec: DenseSpec;
  weight: number[];
  bias: number[];
}

/** The checked layers: their specs, and every dense layer's numbers in forward order. */
export interface ReadLayers {
  layers: LayerSpec[];
  dense: DenseNumbers[];
}

const DENSE_FIELDS = ['kind', 'in', 'out', 'activation', 'weight', 'bias'];
const RESIDUAL_FIELDS = ['kind', 'layers'];
const LAYER_KINDS = ['dense', 'residual'] as const;

/** The width a layer must take as input, and what it comes from (`the number of features`, `the width of layers[1]`). */
interface Incoming {
  width: number;
  from: string;
}

/** Element `index` of the array at `at`: a number the engine can hold (finite, and finite after rounding to float32). */
function readParameter(value: unknown, at: JsonPath, index: number): number {
  if (typeof value === 'number' && isFiniteFloat32(value)) return value;
  const finite = typeof value === 'number' && Number.isFinite(value);
  throw at.item(index).expected(finite ? FLOAT32_NUMBER : phrase('a finite number'), value);
}

/** `count` parameters. */
function readVector(value: unknown, at: JsonPath, count: number): number[] {
  const expectation = phrase(`an array of ${count} numbers`);
  const items = readArray(value, at, expectation.words);
  if (items.length !== count) throw at.mustBe(expectation, `${items.length} numbers`);
  return items.map((item, i) => readParameter(item, at, i));
}

/** rows × columns parameters as rows of numbers, flattened row-major. */
function readMatrix(value: unknown, at: JsonPath, rows: number, columns: number): number[] {
  const expectation = phrase(`an array of ${rows} rows`);
  const items = readArray(value, at, expectation.words);
  if (items.length !== rows) throw at.mustBe(expectation, `${items.length} rows`);
  return items.flatMap((row, r) => readVector(row, at.item(r), columns));
}

/** The activation of a hidden layer, or exactly the output activation the task fixes. */
function readActivation(value: unknown, at: JsonPath, output: Task | null): LayerActivation {
  if (output) {
    const expected = outputActivation(output);
    if (value !== expected) throw at.expected(phrase(`"${expected}" for ${describeTask(output)}`), value);
    return expected;
  }
  if (value === 'softmax') throw at.error('"softmax" is only allowed on the output layer');
  return readOneOf(value, HIDDEN_ACTIVATIONS, at);
}

/** The output width a task fixes, with the reason shown when a file has another. */
function outputRule(task: Task): string {
  if (task.kind === 'regression') return 'regression has one output';
  return task.classes === 2 ? '2-class classification has one sigmoid unit' : 'one unit per class';
}

/**
 * One dense layer. `output` is the task when this is the model's output layer (its width and activation are fixed),
 * `square` is set inside residual blocks (out must equal in).
 */
function readDense(value: unknown, at: JsonPath, incoming: Incoming, output: Task | null, square: boolean): DenseNumbers {
  const layer = readObject(value, at);
  rejectUnknownFields(layer, DENSE_FIELDS, at);
  readOneOf(layer.kind, ['dense'], at.field('kind'));
  const inputs = readWholeNumber(layer.in, at.field('in'), 1, Infinity);
  if (inputs !== incoming.width) throw at.field('in').expected(phrase(`${incoming.width} (${incoming.from})`), inputs);
  const outputs = readWholeNumber(layer.out, at.field('out'), 1, Infinity);
  if (output && outputs !== outputWidth(output)) throw at.field('out').expected(phrase(`${outputWidth(output)} (${outputRule(output)})`), outputs);
  if (square && outputs !== inputs) throw at.field('out').expected(phrase(`${inputs} (a residual block keeps its width)`), outputs);
  const activation = readActivation(layer.activation, at.field('activation'), output);
  const weight = readMatrix(layer.weight, at.field('weight'), outputs, inputs);
  const bias = readVector(layer.bias, at.field('bias'), outputs);
  return { spec: { in: inputs, out: outputs, activation }, weight, bias };
}

/** A non-empty array of layers. */
function readLayerList(value: unknown, at: JsonPath): unknown[] {
  const items = readArray(value, at, 'an array of layers');
  if (items.length === 0) throw at.expected(phrase('a non-empty array of layers'), items);
  return items;
}

/** A residual block: its d → d dense layers, d being the incoming width. */
function readResidual(layer: Record<string, unknown>, at: JsonPath, incoming: Incoming): DenseNumbers[] {
  rejectUnknownFields(layer, RESIDUAL_FIELDS, at);
  const inner: DenseNumbers[] = [];
  readLayerList(layer.layers, at.field('layers')).forEach((item, j) => {
    const from = j === 0 ? incoming : { width: incoming.width, from: `the width of ${at.field('layers').item(j - 1).path}` };
    inner.push(readDense(item, at.field('layers').item(j), from, null, true));
  });
  return inner;
}

/** The `layers` of a model that takes `featureCount` features and predicts `task`; throws InputError at the first problem. */
export function readLayers(value: unknown, at: JsonPath, featureCount: number, task: Task): ReadLayers {
  const items = readLayerList(value, at);
  const layers: LayerSpec[] = [];
  const dense: DenseNumbers[] = [];
  let incoming: Incoming = { width: featureCount, from: 'the number of features' };
  items.forEach((item, i) => {
    const layerAt = at.item(i);
    const isOutput = i === items.length - 1;
    const layer = readObject(item, layerAt);
    if (readOneOf(layer.kind, LAYER_KINDS, layerAt.field('kind')) === 'residual') {
      if (isOutput) throw layerAt.mustBe(phrase('a dense layer (the output layer)'), 'a residual block');
      const inner = readResidual(layer, layerAt, incoming);
      layers.push({ kind: 'residual', layers: inner.map((d) => d.spec) });
      dense.push(...inner);
    } else {
      const numbers = readDense(layer, layerAt, incoming, isOutput ? task : null, false);
      layers.push({ kind: 'dense', ...numbers.spec });
      dense.push(numbers);
    }
    incoming = { width: dense[dense.length - 1].spec.out, from: `the width of ${layerAt.path}` };
  });
  return { layers, dense };
}
