import { describe, expect, it } from 'vitest';
import type { DataConfig } from '../../src/core/config';
import { CLASSIFICATION_PRESETS, PRESET_NAMES, REGRESSION_PRESETS, type PresetName } from '../../src/data/presets/registry';
import { generateDataset, presetTask, presetUsesClasses } from '../../src/data/presets';
import { bitsOf, inputErrorOf } from './expectations';

const config = (preset: PresetName, overrides: Partial<DataConfig> = {}): DataConfig => ({
  preset,
  points: 300,
  noise: 0.2,
  classes: 3,
  seed: 7,
  trainFraction: 0.7,
  ...overrides,
});


describe('generateDataset: every preset', () => {
  for (const preset of PRESET_NAMES) {
    it(`${preset}: the same config gives bit-identical data`, () => {
      const a = generateDataset(config(preset));
      const b = generateDataset(config(preset));
      expect(bitsOf(a.points)).toBe(bitsOf(b.points));
      expect(bitsOf(a.labels)).toBe(bitsOf(b.labels));
      expect(a.isTest).toEqual(b.isTest);
      expect(a.task).toEqual(b.task);
    });

    it(`${preset}: different seeds give different points and splits`, () => {
      const a = generateDataset(config(preset, { seed: 1 }));
      const b = generateDataset(config(preset, { seed: 2 }));
      expect(bitsOf(a.points)).not.toBe(bitsOf(b.points));
      expect(a.isTest).not.toEqual(b.isTest);
    });

    it(`${preset}: n points, all finite and inside [−6, 6]², even at noise 1`, () => {
      for (const noise of [0, 0.2, 1]) {
        const dataset = generateDataset(config(preset, { noise, points: 1000, classes: 6 }));
        expect(dataset.points.length).toBe(2000);
        expect(dataset.labels.length).toBe(1000);
        expect(dataset.isTest.length).toBe(1000);
        expect(dataset.points.every((v) => Number.isFinite(v) && Math.abs(v) <= 6)).toBe(true);
      }
    });

    it(`${preset}: the dataset's task is presetTask's`, () => {
      expect(generateDataset(config(preset, { classes: 4 })).task).toEqual(presetTask(preset, 4));
    });
  }

  it('generates a single point', () => {
    const dataset = generateDataset(config('spiral', { points: 1 }));
    expect(dataset.labels).toEqual(new Float64Array([0]));
  });
});

describe('classification presets: balanced class indices', () => {
  for (const preset of CLASSIFICATION_PRESETS) {
    for (const [points, classes] of [
      [300, 2],
      [301, 3],
      [7, 3],
      [1000, 6],
      [499, 5],
    ]) {
      it(`${preset}: ${points} points, classes=${classes}`, () => {
        const dataset = generateDataset(config(preset, { points, classes }));
        const k = presetUsesClasses(preset) ? classes : 2;
        expect(dataset.task).toEqual({ kind: 'classification', classes: k });
        const counts = new Array(k).fill(0);
        for (const label of dataset.labels) counts[label]++;
        expect(dataset.labels.every((label) => Number.isInteger(label) && label >= 0 && label < k)).toBe(true);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(counts.reduce((a, b) => a + b)).toBe(points);
      });
    }
  }
});

describe('regression presets', () => {
  for (const preset of REGRESSION_PRESETS) {
    it(`${preset}: targets within [−1, 1] at noise 0, and roughly so at noise 0.2`, () => {
      const clean = generateDataset(config(preset, { noise: 0, points: 2000 }));
      expect(clean.task).toEqual({ kind: 'regression' });
      expect(Math.max(...clean.labels.map(Math.abs))).toBeLessThanOrEqual(1);
      const noisy = generateDataset(config(preset, { noise: 0.2, points: 2000 }));
      expect(Math.max(...noisy.labels.map(Math.abs))).toBeLessThan(1.5);
    });
  }
});

describe('presetTask and presetUsesClasses', () => {
  it('spiral, rings and blobs take the class count; the other classifiers are 2-class', () => {
    for (const preset of ['spiral', 'rings', 'blobs'] as const) expect(presetUsesClasses(preset), preset).toBe(true);
    for (const preset of ['circle', 'xor', 'gauss', 'moons', 'checkerboard', ...REGRESSION_PRESETS] as const) expect(presetUsesClasses(preset), preset).toBe(false);
    expect(presetTask('rings', 5)).toEqual({ kind: 'classification', classes: 5 });
    expect(presetTask('xor', 5)).toEqual({ kind: 'classification', classes: 2 });
    expect(presetTask('reg-sine', 5)).toEqual({ kind: 'regression' });
  });
});

describe('generateDataset: bad configs', () => {
  const cases: [string, Partial<DataConfig> & { preset?: DataConfig['preset'] }, string][] = [
    ['custom preset', { preset: 'custom' }, 'Custom data is drawn or imported; it cannot be generated'],
    ['unknown preset', { preset: 'donut' as PresetName }, `Dataset must be one of ${PRESET_NAMES.join(', ')}; got "donut"`],
    ['no points', { points: 0 }, 'Points must be a whole number from 1 to 100000; got 0'],
    ['fractional points', { points: 2.5 }, 'Points must be a whole number from 1 to 100000; got 2.5'],
    ['too many points', { points: 100_001 }, 'Points must be a whole number from 1 to 100000; got 100001'],
    ['negative noise', { noise: -0.1 }, 'Noise must be a number from 0 to 1; got -0.1'],
    ['NaN noise', { noise: NaN }, 'Noise must be a number from 0 to 1; got NaN'],
    ['one class', { preset: 'spiral', classes: 1 }, 'Classes must be a whole number from 2 to 6; got 1'],
    ['seven classes', { preset: 'blobs', classes: 7 }, 'Classes must be a whole number from 2 to 6; got 7'],
    ['negative seed', { seed: -1 }, 'Data seed must be a whole number from 0 to 4294967295; got -1'],
    ['fractional seed', { seed: 1.5 }, 'Data seed must be a whole number from 0 to 4294967295; got 1.5'],
    ['no training points', { trainFraction: 0 }, 'Training data fraction must be a number greater than 0 and at most 1; got 0'],
    ['train fraction above 1', { trainFraction: 1.2 }, 'Training data fraction must be a number greater than 0 and at most 1; got 1.2'],
  ];
  for (const [name, overrides, message] of cases) {
    it(`rejects ${name}`, () => {
      const bad = { ...config('circle'), ...overrides } as DataConfig;
      expect(inputErrorOf(() => generateDataset(bad))).toBe(message);
    });
  }

  it('ignores the class count of presets that do not use it', () => {
    expect(generateDataset(config('circle', { classes: 99 })).task).toEqual({ kind: 'classification', classes: 2 });
  });
});
