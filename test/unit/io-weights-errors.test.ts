import { describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS } from '../../src/core/activations';
import { FEATURE_NAMES } from '../../src/core/features';
import { exportWeights, parseWeights, serializeWeights } from '../../src/io/weights';
import { inputErrorOf } from './expectations';
import { TWO_CLASSES, modelSpec, randomParameters } from './io-fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit raw JSON documents of any shape */

/** A valid file: features x1, x2 (normalised) → dense 2→3 → residual [3→3, 3→3] → dense 3→1 sigmoid. */
function baseFile(): any {
  const spec = modelSpec({ arch: 'resnet', width: 3, blocks: 1 }, TWO_CLASSES, { mean: [0, 1], std: [2, 3] });
  return JSON.parse(serializeWeights(exportWeights(spec, randomParameters(spec, 3))));
}

/** The error for the base file after `edit`, read as model.json. */
function errorAfter(edit: (file: any) => void): string {
  const file = baseFile();
  edit(file);
  return inputErrorOf(() => parseWeights(JSON.stringify(file), 'model.json'));
}

const HIDDEN_LIST = HIDDEN_ACTIVATIONS.join(', ');

describe('parseWeights accepts', () => {
  it('the base file', () => {
    expect(parseWeights(JSON.stringify(baseFile())).spec.layers).toHaveLength(3);
  });

  it('a regression file and ignores its classes field', () => {
    const spec = modelSpec({ hidden: [] }, { kind: 'regression' });
    const file = { ...exportWeights(spec, [1, 2, 3]), classes: 'whatever' };
    expect(parseWeights(JSON.stringify(file)).spec.task).toEqual({ kind: 'regression' });
  });

  it('a UTF-8 byte order mark and blocks of one or three layers', () => {
    const file = baseFile();
    const layer = file.layers[1].layers[0];
    file.layers.splice(1, 0, { kind: 'residual', layers: [layer] }, { kind: 'residual', layers: [layer, layer, layer] });
    const spec = parseWeights(`\uFEFF${JSON.stringify(file)}`).spec;
    expect(spec.layers.map((l) => (l.kind === 'residual' ? l.layers.length : 'dense'))).toEqual(['dense', 1, 3, 2, 'dense']);
  });
});

describe('parseWeights rejects, saying where', () => {
  it('text that is not JSON, with line and column', () => {
    const text = '{\n  "format": "descent.weights",\n  "version" 1\n}';
    expect(inputErrorOf(() => parseWeights(text, 'model.json'))).toBe('model.json line 3 column 13: invalid JSON: expected ":" after the field name, found "1"');
    expect(inputErrorOf(() => parseWeights('[1, 2', 'model.json'))).toBe('model.json line 1 column 6: invalid JSON: expected "," or "]", found the end of the text');
  });

  it('an empty file', () => {
    expect(inputErrorOf(() => parseWeights(' \n', 'model.json'))).toBe('model.json: the file is empty');
  });

  it('a document that is not an object', () => {
    expect(inputErrorOf(() => parseWeights('[1]', 'model.json'))).toBe('model.json must be an object; got an array');
  });

  it('a wrong or missing format', () => {
    expect(errorAfter((f) => (f.format = 'descent.weight'))).toBe('model.json: format must be "descent.weights"; got "descent.weight"');
    expect(errorAfter((f) => delete f.format)).toBe('model.json: format must be "descent.weights"; got nothing');
  });

  it('a newer version, before anything else it might have changed', () => {
    expect(errorAfter((f) => Object.assign(f, { version: 2, layers: 'new' }))).toBe('model.json: version 2 is newer than this Descent understands (1)');
    expect(errorAfter((f) => (f.version = '1'))).toBe('model.json: version must be 1; got "1"');
    expect(errorAfter((f) => (f.version = 0.5))).toBe('model.json: version must be 1; got 0.5');
  });

  it('unknown fields, at the top and in layers', () => {
    expect(errorAfter((f) => (f.normalise = f.normalize))).toBe(
      'model.json: normalise: unknown field (known fields: format, version, task, classes, features, normalize, layers, config, metrics)',
    );
    expect(errorAfter((f) => (f.layers[0].weights = []))).toBe(
      'model.json: layers[0].weights: unknown field (known fields: kind, in, out, activation, weight, bias)',
    );
    expect(errorAfter((f) => (f.layers[1].skip = true))).toBe('model.json: layers[1].skip: unknown field (known fields: kind, layers)');
    expect(errorAfter((f) => (f.normalize.scale = 1))).toBe('model.json: normalize.scale: unknown field (known fields: mean, std)');
  });

  it('a bad task or class count', () => {
    expect(errorAfter((f) => (f.task = 'clasification'))).toBe('model.json: task must be one of classification, regression; got "clasification"');
    expect(errorAfter((f) => delete f.classes)).toBe('model.json: classes must be a whole number from 2 to 6; got nothing');
    expect(errorAfter((f) => (f.classes = 7))).toBe('model.json: classes must be a whole number from 2 to 6; got 7');
    expect(errorAfter((f) => (f.classes = 1))).toBe('model.json: classes must be a whole number from 2 to 6; got 1');
  });

  it('unknown, duplicate or missing features', () => {
    expect(errorAfter((f) => (f.features = ['x1', 'x3']))).toBe(`model.json: features[1] must be one of ${FEATURE_NAMES.join(', ')}; got "x3"`);
    expect(errorAfter((f) => (f.features = ['x1', 'x1']))).toBe('model.json: features[1]: "x1" appears twice');
    expect(errorAfter((f) => (f.features = []))).toBe('model.json: features must be a non-empty array of feature names; got an empty array');
    expect(errorAfter((f) => (f.features = 'x1,x2'))).toBe('model.json: features must be an array of feature names; got "x1,x2"');
  });

  it('a normalisation of the wrong shape, non-finite means or non-positive deviations', () => {
    expect(errorAfter((f) => (f.normalize.mean = [0, 1, 2]))).toBe('model.json: normalize.mean must be an array of 2 numbers (one per feature); got 3 numbers');
    expect(errorAfter((f) => (f.normalize.std = 2))).toBe('model.json: normalize.std must be an array of 2 numbers (one per feature); got 2');
    expect(errorAfter((f) => (f.normalize.mean[0] = null))).toBe('model.json: normalize.mean[0] must be a finite number; got null');
    expect(errorAfter((f) => (f.normalize.std[1] = 0))).toBe('model.json: normalize.std[1] must be a number from 1e-12 to about 3.4e38; got 0');
    expect(errorAfter((f) => (f.normalize.std[0] = -1))).toBe('model.json: normalize.std[0] must be a number from 1e-12 to about 3.4e38; got -1');
    expect(errorAfter((f) => (f.normalize = [0, 1]))).toBe('model.json: normalize must be an object; got an array');
  });

  it('no layers, or layers that are not objects of a known kind', () => {
    expect(errorAfter((f) => (f.layers = []))).toBe('model.json: layers must be a non-empty array of layers; got an empty array');
    expect(errorAfter((f) => delete f.layers)).toBe('model.json: layers must be an array of layers; got nothing');
    expect(errorAfter((f) => (f.layers[1] = 5))).toBe('model.json: layers[1] must be an object; got 5');
    expect(errorAfter((f) => (f.layers[1].kind = 'conv'))).toBe('model.json: layers[1].kind must be one of dense, residual; got "conv"');
    expect(errorAfter((f) => (f.layers[1].layers[0].kind = 'residual'))).toBe('model.json: layers[1].layers[0].kind must be one of dense; got "residual"');
    expect(errorAfter((f) => (f.layers[1].layers = []))).toBe('model.json: layers[1].layers must be a non-empty array of layers; got an empty array');
  });

  it('unknown activations, and softmax on a hidden layer', () => {
    expect(errorAfter((f) => (f.layers[0].activation = 'swish'))).toBe(`model.json: layers[0].activation must be one of ${HIDDEN_LIST}; got "swish"`);
    expect(errorAfter((f) => (f.layers[1].layers[1].activation = 3))).toBe(`model.json: layers[1].layers[1].activation must be one of ${HIDDEN_LIST}; got 3`);
    expect(errorAfter((f) => (f.layers[0].activation = 'softmax'))).toBe('model.json: layers[0].activation: "softmax" is only allowed on the output layer');
  });

  it('widths that do not chain from the features through every layer', () => {
    expect(errorAfter((f) => (f.layers[0].in = 3))).toBe('model.json: layers[0].in must be 2 (the number of features); got 3');
    expect(errorAfter((f) => (f.layers[0].in = 0))).toBe('model.json: layers[0].in must be a whole number of at least 1; got 0');
    expect(errorAfter((f) => (f.layers[0].out = 2.5))).toBe('model.json: layers[0].out must be a whole number of at least 1; got 2.5');
    expect(errorAfter((f) => (f.layers[2].in = 4))).toBe('model.json: layers[2].in must be 3 (the width of layers[1]); got 4');
    expect(errorAfter((f) => (f.layers[1].layers[0].in = 4))).toBe('model.json: layers[1].layers[0].in must be 3 (the width of layers[0]); got 4');
    expect(errorAfter((f) => (f.layers[1].layers[1].in = 2))).toBe('model.json: layers[1].layers[1].in must be 3 (the width of layers[1].layers[0]); got 2');
    expect(errorAfter((f) => (f.layers[1].layers[0].out = 4))).toBe('model.json: layers[1].layers[0].out must be 3 (a residual block keeps its width); got 4');
  });

  it('weights and biases of the wrong shape', () => {
    expect(errorAfter((f) => f.layers[0].weight.pop())).toBe('model.json: layers[0].weight must be an array of 3 rows; got 2 rows');
    expect(errorAfter((f) => f.layers[0].weight[1].push(0))).toBe('model.json: layers[0].weight[1] must be an array of 2 numbers; got 3 numbers');
    expect(errorAfter((f) => (f.layers[0].weight[2] = 0))).toBe('model.json: layers[0].weight[2] must be an array of 2 numbers; got 0');
    expect(errorAfter((f) => (f.layers[0].weight = {}))).toBe('model.json: layers[0].weight must be an array of 3 rows; got an object');
    expect(errorAfter((f) => f.layers[1].layers[1].bias.push(1))).toBe('model.json: layers[1].layers[1].bias must be an array of 3 numbers; got 4 numbers');
    expect(errorAfter((f) => delete f.layers[2].bias)).toBe('model.json: layers[2].bias must be an array of 1 numbers; got nothing');
  });

  it('numbers that are not finite (JSON has no NaN: they arrive as null, strings or overflowing literals)', () => {
    expect(errorAfter((f) => (f.layers[0].weight[1][0] = null))).toBe('model.json: layers[0].weight[1][0] must be a finite number; got null');
    expect(errorAfter((f) => (f.layers[1].layers[1].bias[2] = 'NaN'))).toBe('model.json: layers[1].layers[1].bias[2] must be a finite number; got "NaN"');
    expect(errorAfter((f) => (f.layers[2].weight[0][1] = true))).toBe('model.json: layers[2].weight[0][1] must be a finite number; got true');
    const text = JSON.stringify(baseFile()).replace(/"bias":\[[^,\]]+/, '"bias":[-1e999');
    expect(inputErrorOf(() => parseWeights(text, 'model.json'))).toBe('model.json: layers[0].bias[0] must be a finite number; got -Infinity');
    expect(errorAfter((f) => (f.layers[0].bias[1] = 1e300))).toBe(
      'model.json: layers[0].bias[1] must be a number within float32 range (about ±3.4e38); got 1e+300',
    );
  });

  it('an output layer that does not match the task', () => {
    expect(errorAfter((f) => f.layers.push(f.layers[1]))).toBe('model.json: layers[3] must be a dense layer (the output layer); got a residual block');
    expect(errorAfter((f) => (f.layers[2].activation = 'softmax'))).toBe('model.json: layers[2].activation must be "sigmoid" for 2-class classification; got "softmax"');
    expect(errorAfter((f) => Object.assign(f, { classes: 3 }))).toBe('model.json: layers[2].out must be 3 (one unit per class); got 1');
    expect(errorAfter((f) => Object.assign(f, { task: 'regression' }))).toBe('model.json: layers[2].activation must be "linear" for regression; got "sigmoid"');
    expect(errorAfter((f) => (f.layers = [f.layers[0]]))).toBe('model.json: layers[0].out must be 1 (2-class classification has one sigmoid unit); got 3');
  });

  it('an invalid config or metrics', () => {
    expect(errorAfter((f) => (f.config = { training: { learningRate: 'fast' } }))).toBe(
      'model.json: config.training.learningRate must be a number from 0 to 10; got "fast"',
    );
    expect(errorAfter((f) => (f.metrics = [0.5]))).toBe('model.json: metrics must be an object; got an array');
  });

  it('without a source, the message starts at the path', () => {
    const file = baseFile();
    file.layers[0].bias[0] = null;
    expect(inputErrorOf(() => parseWeights(JSON.stringify(file)))).toBe('layers[0].bias[0] must be a finite number; got null');
  });
});

describe('the error messages of the format description', () => {
  it('name rows, columns and nested biases as docs/FORMAT.md shows', () => {
    const mlp = modelSpec({ hidden: [6, 4, 8], features: ['x1', 'x2', 'r', 'theta'] }, TWO_CLASSES);
    const file: any = exportWeights(mlp, randomParameters(mlp, 1));
    file.layers[2].weight.pop();
    expect(inputErrorOf(() => parseWeights(JSON.stringify(file), 'model.json'))).toBe('model.json: layers[2].weight must be an array of 8 rows; got 7 rows');
    file.layers[2].weight.push([1, 2, 3, 4]);
    file.layers[2].weight[3].push(5);
    expect(inputErrorOf(() => parseWeights(JSON.stringify(file), 'model.json'))).toBe('model.json: layers[2].weight[3] must be an array of 4 numbers; got 5 numbers');

    const resnet = modelSpec({ arch: 'resnet', width: 3, blocks: 4 }, TWO_CLASSES);
    const deep: any = exportWeights(resnet, randomParameters(resnet, 2));
    deep.layers[4].layers[1].bias[0] = null;
    expect(inputErrorOf(() => parseWeights(JSON.stringify(deep), 'model.json'))).toBe('model.json: layers[4].layers[1].bias[0] must be a finite number; got null');
  });
});
