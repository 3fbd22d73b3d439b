import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { planNetwork } from '../../src/core/network';
import { exportWeights, parseWeights, serializeWeights } from '../../src/io/weights';
import { FOUR_CLASSES, TWO_CLASSES, modelSpec, randomParameters, sampleSpecs } from './io-fixtures';
import { bitsOf } from './expectations';


describe('weights JSON v1 round trips', () => {
  sampleSpecs().forEach(([name, spec], index) => {
    it(`${name}: parse(serialize(export(spec, p))) gives the spec and p back`, () => {
      const parameters = randomParameters(spec, 100 + index);
      const back = parseWeights(serializeWeights(exportWeights(spec, parameters)), 'model.json');
      expect(back.spec).toEqual(spec);
      expect(bitsOf(Float32Array.from(back.parameters))).toBe(bitsOf(parameters));
      expect(back.config).toBeUndefined();
      expect(back.metrics).toBeUndefined();
    });

    it(`${name}: export → serialize → parse → export → serialize gives identical text`, () => {
      const first = serializeWeights(exportWeights(spec, randomParameters(spec, 200 + index)));
      const back = parseWeights(first);
      expect(serializeWeights(exportWeights(back.spec, back.parameters))).toBe(first);
    });
  });

  it('keeps the config and the metrics', () => {
    const config = defaultConfig();
    config.training.batchSize = 'all';
    config.model.hidden = [3];
    config.model.layerActivations = ['relu', null];
    const spec = modelSpec({ hidden: [3] }, TWO_CLASSES);
    const metrics = { steps: 1200, trainLoss: 0.123456789012, testAccuracy: 0.95, history: [1, 0.5], note: 'ok' };
    const text = serializeWeights(exportWeights(spec, randomParameters(spec, 5), { config, metrics }));
    const back = parseWeights(text);
    expect(back.config).toEqual(config);
    expect(back.metrics).toEqual(metrics);
    expect(serializeWeights(exportWeights(back.spec, back.parameters, { config: back.config, metrics: back.metrics }))).toBe(text);
  });

  it('a Float64 parameter vector is written at float32 precision', () => {
    const spec = modelSpec({ hidden: [] }, TWO_CLASSES);
    const parameters = Float64Array.from([0.1, 1 / 3, -2.000000001]);
    const back = parseWeights(serializeWeights(exportWeights(spec, parameters)));
    expect(Array.from(back.parameters)).toEqual([0.1, 0.33333334, -2]);
  });
});

describe('exportWeights', () => {
  it('lays out each weight out × in, row r holding the weights into unit r, from planNetwork offsets', () => {
    const spec = modelSpec({ arch: 'resnet', width: 2, blocks: 1 }, FOUR_CLASSES);
    const plan = planNetwork(spec);
    const parameters = Float32Array.from({ length: plan.parameterCount }, (_, i) => i);
    const file = exportWeights(spec, parameters);
    const [stem, block, output] = file.layers;
    expect(stem).toEqual({ kind: 'dense', in: 2, out: 2, activation: 'tanh', weight: [[0, 1], [2, 3]], bias: [20, 21] });
    expect(block.kind === 'residual' && block.layers.map((layer) => layer.weight)).toEqual([[[4, 5], [6, 7]], [[8, 9], [10, 11]]]);
    expect(output).toEqual({
      kind: 'dense', in: 2, out: 4, activation: 'softmax',
      weight: [[12, 13], [14, 15], [16, 17], [18, 19]], bias: [26, 27, 28, 29],
    });
    expect(file).toMatchObject({ format: 'descent.weights', version: 1, task: 'classification', classes: 4, features: ['x1', 'x2'] });
  });

  it('writes no classes for regression and no normalize without normalisation', () => {
    const spec = modelSpec({ hidden: [] }, { kind: 'regression' });
    const text = serializeWeights(exportWeights(spec, [1, 2, 3]));
    expect(JSON.parse(text)).not.toHaveProperty('classes');
    expect(JSON.parse(text)).not.toHaveProperty('normalize');
  });

  it('refuses a parameter vector of the wrong length', () => {
    const spec = modelSpec({ hidden: [] }, TWO_CLASSES);
    expect(() => exportWeights(spec, [1, 2])).toThrow('cannot export weights: the model has 3 parameters, got 2');
  });

  it('refuses NaN, infinities and values beyond float32, naming where they are', () => {
    const spec = modelSpec({ hidden: [2] }, TWO_CLASSES);
    const parameters = new Float64Array(planNetwork(spec).parameterCount);
    parameters[5] = NaN;
    expect(() => exportWeights(spec, parameters)).toThrow('cannot export weights: layers[1].weight[0][1] is NaN, not a finite float32 number');
    parameters[5] = 0;
    parameters[7] = 1e39;
    expect(() => exportWeights(spec, parameters)).toThrow('cannot export weights: layers[0].bias[1] is 1e+39, not a finite float32 number');
  });

  it('checks the config it embeds', () => {
    const spec = modelSpec({ hidden: [] }, TWO_CLASSES);
    const config = { ...defaultConfig(), training: { ...defaultConfig().training, learningRate: -1 } };
    expect(() => exportWeights(spec, [1, 2, 3], { config })).toThrow('training.learningRate must be a number from 0 to 10; got -1');
  });
});

describe('serializeWeights', () => {
  it('writes one line per weight row, shortest float32 decimals and plain integers', () => {
    const spec = modelSpec({ hidden: [2] }, TWO_CLASSES, { mean: [0.1, -3], std: [1 / 3, 2] });
    const parameters = Float32Array.from([0.1, -0.5, 1e-7, 3, 123456.7, -0, 1, 2, 0.25]);
    expect(serializeWeights(exportWeights(spec, parameters))).toBe(
      [
        '{',
        '  "format": "descent.weights",',
        '  "version": 1,',
        '  "task": "classification",',
        '  "classes": 2,',
        '  "features": ["x1", "x2"],',
        '  "normalize": {',
        '    "mean": [0.1, -3],',
        '    "std": [0.3333333333333333, 2]',
        '  },',
        '  "layers": [',
        '    {',
        '      "kind": "dense",',
        '      "in": 2,',
        '      "out": 2,',
        '      "activation": "tanh",',
        '      "weight": [',
        '        [0.1, -0.5],',
        '        [1e-7, 3]',
        '      ],',
        '      "bias": [1, 2]',
        '    },',
        '    {',
        '      "kind": "dense",',
        '      "in": 2,',
        '      "out": 1,',
        '      "activation": "sigmoid",',
        '      "weight": [',
        '        [123456.7, -0]',
        '      ],',
        '      "bias": [0.25]',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });
});
