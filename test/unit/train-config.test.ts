import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { InputError } from '../../src/core/errors';
import { buildModelSpec } from '../../src/core/network';
import { generateDataset } from '../../src/data/presets';
import { diffConfigs, layoutKey } from '../../src/train/configChanges';
import { datasetOf, resplit, withDrawnPoints, withErasedPoints } from '../../src/train/dataEdits';
import { checkModelFitsData, modelConfigFromSpec } from '../../src/train/modelFit';

function edited(edit: (config: ExperimentConfig) => void): ExperimentConfig {
  const config = defaultConfig();
  edit(config);
  return config;
}

describe('diffConfigs', () => {
  it('sorts every change into what it rebuilds', () => {
    const base = defaultConfig();
    expect(diffConfigs(base, defaultConfig())).toEqual({ data: false, layout: false, seed: false, batch: false, settings: false });
    expect(diffConfigs(base, edited((c) => (c.training.learningRate = 0.3)))).toMatchObject({ settings: true, layout: false, batch: false });
    expect(diffConfigs(base, edited((c) => (c.training.dropout = 0.2))).settings).toBe(true);
    expect(diffConfigs(base, edited((c) => (c.training.batchSize = 'all'))).batch).toBe(true);
    expect(diffConfigs(base, edited((c) => (c.data.noise = 0.3))).data).toBe(true);
    expect(diffConfigs(base, edited((c) => c.model.hidden.push(4))).layout).toBe(true);
    expect(diffConfigs(base, edited((c) => (c.model.init = 'he'))).layout).toBe(true);
    const normal = edited((c) => (c.model.init = 'normal'));
    expect(diffConfigs(normal, { ...normal, model: { ...normal.model, initScale: 1000 } }).layout).toBe(true);
    expect(diffConfigs(base, edited((c) => (c.model.initScale = 1000))).layout).toBe(false);
    expect(diffConfigs(base, edited((c) => (c.training.seed = 9))).seed).toBe(true);
  });

  it('ignores the settings of the architecture not in use, and activation overrides equal to the default', () => {
    const base = defaultConfig();
    expect(layoutKey(base.model)).toBe(layoutKey(edited((c) => (c.model.width = 99)).model));
    expect(layoutKey(base.model)).toBe(layoutKey(edited((c) => (c.model.layerActivations = ['tanh', null])).model));
    expect(layoutKey(base.model)).not.toBe(layoutKey(edited((c) => (c.model.layerActivations = [null, 'relu'])).model));
  });
});

describe('drawing edits', () => {
  const empty: Dataset = { task: { kind: 'classification', classes: 2 }, points: new Float64Array(0), labels: new Float64Array(0), isTest: new Uint8Array(0) };

  it('puts drawn points in the training split, so each shows where it was drawn', () => {
    const drawn = withDrawnPoints(empty, Array.from({ length: 11 }, (_, i): [number, number] => [i / 2, 0]), 0);
    expect(Array.from(drawn.isTest)).toEqual(new Array(11).fill(0));
  });

  it('adds points of a class and grows the class count to fit the label', () => {
    const drawn = withDrawnPoints(empty, [[1, 2], [3, 4]], 3);
    expect(drawn.task).toEqual({ kind: 'classification', classes: 4 });
    expect(Array.from(drawn.points)).toEqual([1, 2, 3, 4]);
    expect(Array.from(drawn.labels)).toEqual([3, 3]);
  });

  it('adds a point with the drawn value to regression data, keeping its points and its task', () => {
    const regression = generateDataset({ ...defaultConfig().data, preset: 'reg-plane', points: 20 });
    const drawn = withDrawnPoints(regression, [[0, 0]], 0.75);
    expect(drawn.task).toEqual({ kind: 'regression' });
    expect(drawn.labels).toHaveLength(21);
    expect(drawn.labels[20]).toBe(0.75);
    expect(Array.from(drawn.labels.slice(0, 20))).toEqual(Array.from(regression.labels));
  });

  it('erases near the pointer and shrinks the class count to the labels left', () => {
    const drawn = withDrawnPoints(withDrawnPoints(empty, [[0, 0]], 0), [[5, 5]], 2);
    const erased = withErasedPoints(drawn, [5, 5], 0.5);
    expect(erased.labels).toHaveLength(1);
    expect(erased.task).toEqual({ kind: 'classification', classes: 2 });
  });

  it('splits custom data anew only when asked, and gives custom data as it is', () => {
    const dataset = withDrawnPoints(empty, Array.from({ length: 10 }, (_, i): [number, number] => [i, 0]), 0);
    const data = { ...defaultConfig().data, preset: 'custom' as const };
    expect(datasetOf(data, dataset)).toBe(dataset);
    expect(datasetOf(data, null)).toBe(datasetOf(data, null));
    expect(resplit(dataset, 0.5, 1).isTest.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('model fit', () => {
  const circle = generateDataset({ ...defaultConfig().data, points: 50 });

  it('says why a model of another task does not fit the data', () => {
    const threeClass = buildModelSpec(defaultConfig().model, { kind: 'classification', classes: 3 });
    expect(() => checkModelFitsData(threeClass, circle, 'w.json')).toThrow(InputError);
    expect(() => checkModelFitsData(threeClass, circle, 'w.json')).toThrow('w.json: This model predicts 3 classes but the data has 2.');
    const regression = buildModelSpec(defaultConfig().model, { kind: 'regression' });
    expect(() => checkModelFitsData(regression, circle, 'w.json')).toThrow('This model does regression but the data has 2 classes.');
    expect(() => checkModelFitsData(buildModelSpec(defaultConfig().model, circle.task), circle, 'w.json')).not.toThrow();
  });

  it('turns MLP and ResNet specs back into model configs', () => {
    const model = { ...defaultConfig().model, hidden: [5, 3], layerActivations: [null, 'relu' as const], features: ['x1' as const, 'r' as const] };
    const back = modelConfigFromSpec(buildModelSpec(model, circle.task), defaultConfig().model, 'w.json');
    expect(back).toMatchObject({ arch: 'mlp', hidden: [5, 3], activation: 'tanh', layerActivations: ['tanh', 'relu'], features: ['x1', 'r'], normalize: false });
    const resnet = { ...defaultConfig().model, arch: 'resnet' as const, width: 6, blocks: 3, activation: 'relu' as const };
    expect(modelConfigFromSpec(buildModelSpec(resnet, circle.task), defaultConfig().model, 'w.json')).toMatchObject({ arch: 'resnet', width: 6, blocks: 3, activation: 'relu', layerActivations: [] });
  });
});
