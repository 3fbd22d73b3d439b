import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS } from '../../src/core/activations';
import { ARCHITECTURES, INIT_SCHEMES, OPTIMIZERS, defaultConfig, type ExperimentConfig } from '../../src/core/config';
import { PRESET_NAMES } from '../../src/data/presets/registry';
import { parseExperimentConfig, serializeExperimentConfig } from '../../src/io/experimentConfig';
import { parseJsonText } from '../../src/io/jsonText';
import { inputErrorOf } from './expectations';

const errorOf = (value: unknown): string => inputErrorOf(() => parseExperimentConfig(value, 'config.json'));

/** defaultConfig() with some fields of each section replaced. */
function withChanges(changes: { [S in keyof ExperimentConfig]?: Partial<ExperimentConfig[S]> }): ExperimentConfig {
  const base = defaultConfig();
  return {
    data: { ...base.data, ...changes.data },
    model: { ...base.model, ...changes.model },
    training: { ...base.training, ...changes.training },
  };
}

describe('parseExperimentConfig accepts', () => {
  it('an empty object as the defaults', () => {
    expect(parseExperimentConfig({})).toEqual(defaultConfig());
  });

  it('partial sections, filling the rest from the defaults', () => {
    const value = { data: { preset: 'spiral', classes: 3 }, model: { arch: 'resnet', blocks: 0 }, training: { batchSize: 'all' } };
    expect(parseExperimentConfig(value)).toEqual(
      withChanges({ data: { preset: 'spiral', classes: 3 }, model: { arch: 'resnet', blocks: 0 }, training: { batchSize: 'all' } }),
    );
  });

  it('every field at the ends of its range', () => {
    const low = {
      data: { preset: 'custom', points: 1, noise: 0, classes: 2, seed: 0, trainFraction: 1e-9 },
      model: { arch: 'mlp', hidden: [], width: 1, blocks: 0, activation: 'linear', layerActivations: [], features: ['theta'], init: 'zeros', initScale: 0, normalize: false },
      training: { optimizer: 'sgd', learningRate: 0, momentum: 0, batchSize: 1, l1: 0, l2: 0, dropout: 0, seed: 0, lrSchedule: 'constant', lrStep: 1, lrGamma: 1e-9, warmupSteps: 1, earlyStopping: 0, stopAtLoss: 0 },
    } as const;
    const high = {
      data: { preset: 'reg-sine', points: 100_000, noise: 1, classes: 6, seed: 4_294_967_295, trainFraction: 1 },
      model: {
        arch: 'resnet', hidden: Array(16).fill(1024), width: 1024, blocks: 16, activation: 'softplus',
        layerActivations: Array(33).fill(null), features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)', 'r', 'theta'],
        init: 'normal', initScale: 1000, normalize: true,
      },
      training: { optimizer: 'momentum', learningRate: 10, momentum: 0.999, batchSize: 100_000, l1: 10, l2: 10, dropout: 0.99, seed: 4_294_967_295, lrSchedule: 'warmup', lrStep: 1_000_000, lrGamma: 1, warmupSteps: 1_000_000, earlyStopping: 10_000, stopAtLoss: 100 },
    };
    expect(parseExperimentConfig(low)).toEqual(low);
    expect(parseExperimentConfig(high)).toEqual(high);
  });

  it('every preset and activation name', () => {
    for (const preset of [...PRESET_NAMES, 'custom']) expect(parseExperimentConfig({ data: { preset } }).data.preset).toBe(preset);
    for (const activation of HIDDEN_ACTIVATIONS) {
      expect(parseExperimentConfig({ model: { activation, layerActivations: [activation, null] } }).model.activation).toBe(activation);
    }
  });

  it('fields set to undefined as absent (objects built in code, such as URL state)', () => {
    expect(parseExperimentConfig({ data: undefined, training: { seed: undefined } })).toEqual(defaultConfig());
  });

  it('without aliasing the input arrays', () => {
    const hidden = [4, 4];
    const config = parseExperimentConfig({ model: { hidden } });
    hidden.push(4);
    expect(config.model.hidden).toEqual([4, 4]);
  });
});

describe('parseExperimentConfig rejects, naming the field', () => {
  it('a value that is not an object, or a section that is not one', () => {
    expect(errorOf([])).toBe('config.json must be an object; got an empty array');
    expect(errorOf({ training: 5 })).toBe('config.json: training must be an object; got 5');
  });

  it('unknown top-level and section fields', () => {
    expect(errorOf({ optimizer: 'adam' })).toBe('config.json: optimizer: unknown field (known fields: data, model, training)');
    expect(errorOf({ training: { learningrate: 0.1 } })).toBe(
      'config.json: training.learningrate: unknown field (known fields: optimizer, learningRate, momentum, batchSize, l1, l2, dropout, seed, lrSchedule, lrStep, lrGamma, warmupSteps, earlyStopping, stopAtLoss)',
    );
    expect(errorOf({ model: { 'hidden layers': [] } })).toMatch(/^config\.json: model\["hidden layers"\]: unknown field \(known fields: arch, /);
  });

  const cases: [string, unknown, string][] = [
    ['data.preset', 'spirals', `must be one of ${[...PRESET_NAMES, 'custom'].join(', ')}; got "spirals"`],
    ['data.points', 0, 'must be a whole number from 1 to 100000; got 0'],
    ['data.points', 12.5, 'must be a whole number from 1 to 100000; got 12.5'],
    ['data.noise', 1.5, 'must be a number from 0 to 1; got 1.5'],
    ['data.classes', 7, 'must be a whole number from 2 to 6; got 7'],
    ['data.seed', -1, 'must be a whole number from 0 to 4294967295; got -1'],
    ['data.trainFraction', 0, 'must be a number greater than 0 and at most 1; got 0'],
    ['model.arch', 'cnn', `must be one of ${ARCHITECTURES.join(', ')}; got "cnn"`],
    ['model.hidden', 8, 'must be an array of layer widths; got 8'],
    ['model.hidden', Array(17).fill(2), 'must be a list of at most 16 layer widths; got 17'],
    ['model.width', 1025, 'must be a whole number from 1 to 1024; got 1025'],
    ['model.blocks', 17, 'must be a whole number from 0 to 16; got 17'],
    ['model.activation', 'swish', `must be one of ${HIDDEN_ACTIVATIONS.join(', ')}; got "swish"`],
    ['model.activation', 'softmax', `must be one of ${HIDDEN_ACTIVATIONS.join(', ')}; got "softmax"`],
    ['model.layerActivations', Array(34).fill(null), 'must be a list of at most 33 activations; got 34'],
    ['model.features', [], 'must be a non-empty list of feature names; got an empty array'],
    ['model.init', 'glorot', `must be one of ${INIT_SCHEMES.join(', ')}; got "glorot"`],
    ['model.initScale', 1001, 'must be a number from 0 to 1000; got 1001'],
    ['model.initScale', -0.01, 'must be a number from 0 to 1000; got -0.01'],
    ['model.normalize', 'yes', 'must be true or false; got "yes"'],
    ['training.optimizer', 'rmsprop', `must be one of ${OPTIMIZERS.join(', ')}; got "rmsprop"`],
    ['training.learningRate', 'fast', 'must be a number from 0 to 10; got "fast"'],
    ['training.learningRate', null, 'must be a number from 0 to 10; got null'],
    ['training.momentum', 1, 'must be a number from 0 up to (not including) 1; got 1'],
    ['training.batchSize', 0, 'must be a whole number from 1 to 100000 or "all"; got 0'],
    ['training.batchSize', 'full', 'must be a whole number from 1 to 100000 or "all"; got "full"'],
    ['training.l1', -0.1, 'must be a number from 0 to 10; got -0.1'],
    ['training.l2', 11, 'must be a number from 0 to 10; got 11'],
    ['training.dropout', 1, 'must be a number from 0 up to (not including) 1; got 1'],
    ['training.seed', 2 ** 32, 'must be a whole number from 0 to 4294967295; got 4294967296'],
  ];
  for (const [path, value, problem] of cases) {
    it(`${path} = ${JSON.stringify(value).slice(0, 30)}`, () => {
      const [section, field] = path.split('.');
      expect(errorOf({ [section]: { [field]: value } })).toBe(`config.json: ${path} ${problem}`);
    });
  }

  it('bad items of lists, with their index', () => {
    expect(errorOf({ model: { hidden: [8, 8, 0] } })).toBe('config.json: model.hidden[2] must be a whole number from 1 to 1024; got 0');
    expect(errorOf({ model: { layerActivations: [null, 'gelu'] } })).toBe(`config.json: model.layerActivations[1] must be one of ${HIDDEN_ACTIVATIONS.join(', ')}; got "gelu"`);
    expect(errorOf({ model: { features: ['x1', 'x1^3'] } })).toMatch(/^config\.json: model\.features\[1\] must be one of x1, x2, .*; got "x1\^3"$/);
    expect(errorOf({ model: { features: ['r', 'theta', 'r'] } })).toBe('config.json: model.features[2]: "r" appears twice');
  });

  it('without a source, the message starts at the path', () => {
    expect(inputErrorOf(() => parseExperimentConfig({ data: { noise: -1 } }))).toBe('data.noise must be a number from 0 to 1; got -1');
  });
});

describe('serializeExperimentConfig', () => {
  it('writes indented JSON with short lists on one line, and parses back to the same config', () => {
    const config = withChanges({ model: { hidden: [16, 8], layerActivations: [null, 'relu'] }, training: { batchSize: 'all' } });
    const text = serializeExperimentConfig(config);
    expect(text).toContain('\n    "hidden": [16, 8],\n');
    expect(text).toContain('\n    "layerActivations": [null, "relu"],\n');
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseExperimentConfig(parseJsonText(text))).toEqual(config);
  });

  it('writes the fields in the order of defaultConfig(), whatever the input order', () => {
    const shuffled = { training: { ...defaultConfig().training }, model: { ...defaultConfig().model }, data: { ...defaultConfig().data } };
    expect(serializeExperimentConfig(shuffled as ExperimentConfig)).toBe(serializeExperimentConfig(defaultConfig()));
    expect(serializeExperimentConfig(defaultConfig()).indexOf('"data"')).toBeLessThan(serializeExperimentConfig(defaultConfig()).indexOf('"training"'));
  });
});

describe('docs/FORMAT.md', () => {
  it('lists every config field with its default', () => {
    const doc = readFileSync(new URL('../../docs/FORMAT.md', import.meta.url), 'utf8');
    const config = defaultConfig();
    for (const section of Object.keys(config) as (keyof ExperimentConfig)[]) {
      for (const [field, value] of Object.entries(config[section])) {
        expect(doc).toContain(`| \`${section}.${field}\` | \`${JSON.stringify(value).replace(/,/g, ', ')}\` |`);
      }
    }
  });
});
