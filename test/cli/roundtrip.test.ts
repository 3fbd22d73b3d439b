import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { computeFeatures } from '../../src/core/features';
import { logitsToOutputs } from '../../src/core/loss';
import { planNetwork } from '../../src/core/network';
import { CpuNetwork } from '../../src/cpu/cpuNetwork';
import { datasetToCsv, parseDatasetCsv } from '../../src/data/csv';
import { generateDataset } from '../../src/data/presets';
import { parseWeights } from '../../src/io/weights';
import { descent, descentJson, scratch } from './run';

describe('round trips through the engine', () => {
  it('weights → engine → weights is exact', () => {
    const dir = scratch();
    descentJson('train', '--preset', 'spiral', '--classes', '3', '--arch', 'resnet', '--width', '6', '--blocks', '2', '--epochs', '3', '--out', join(dir, 'a.json'), '--backend', 'cpu');
    descentJson('train', '--init', join(dir, 'a.json'), '--steps', '0', '--out', join(dir, 'b.json'), '--backend', 'cpu');
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(b.layers).toEqual(a.layers);
    expect(b.normalize).toEqual(a.normalize);
    expect(b.features).toEqual(a.features);
  });

  it('training continues from --init: the loss keeps falling', () => {
    const dir = scratch();
    const first = descentJson('train', '--preset', 'moons', '--epochs', '5', '--out', join(dir, 'w.json'), '--backend', 'cpu');
    const second = descentJson('train', '--preset', 'moons', '--init', join(dir, 'w.json'), '--epochs', '20', '--backend', 'cpu');
    expect(second.train.loss).toBeLessThan(first.train.loss);
  });

  it('CSV → engine → CSV is exact, and training on a CSV file matches training on the preset it came from', () => {
    const config = { ...defaultConfig().data, preset: 'moons' as const, points: 300, seed: 9 };
    const text = datasetToCsv(generateDataset(config));
    const dir = scratch({ 'moons.csv': text });
    expect(datasetToCsv(parseDatasetCsv(readFileSync(join(dir, 'moons.csv'), 'utf8')))).toBe(text);
    const fromFile = descentJson('train', '--data', join(dir, 'moons.csv'), '--epochs', '10', '--seed', '9', '--backend', 'cpu');
    const fromPreset = descentJson('train', '--preset', 'moons', '--points', '300', '--epochs', '10', '--seed', '9', '--backend', 'cpu');
    expect(fromFile.test).toEqual(fromPreset.test);
  });

  it('predict agrees with the model within float32 rounding, and eval reports each split', () => {
    const dir = scratch();
    descentJson('train', '--preset', 'blobs', '--classes', '3', '--hidden', '7,5', '--activation', 'elu', '--features', 'x1,x2,r,theta', '--epochs', '10', '--out', join(dir, 'w.json'), '--backend', 'cpu');
    const data = generateDataset({ ...defaultConfig().data, preset: 'blobs', classes: 3, points: 90, seed: 4 });
    writeFileSync(join(dir, 'd.csv'), datasetToCsv(data));
    const result = descent('predict', '--weights', join(dir, 'w.json'), '--data', join(dir, 'd.csv'), '--backend', 'cpu');
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trim().split('\n');
    expect(header).toBe('x1,x2,label,split,prob_0,prob_1,prob_2,predicted');
    expect(rows).toHaveLength(90);

    const imported = parseWeights(readFileSync(join(dir, 'w.json'), 'utf8'));
    const plan = planNetwork(imported.spec);
    const network = new CpuNetwork(plan, Float64Array, 90);
    network.params.set(imported.parameters);
    computeFeatures(data.points, imported.spec.features, network.slot(0), imported.spec.normalization);
    const expected = logitsToOutputs(imported.spec.task, network.forward(90, null).slice(), 90);
    rows.forEach((row, i) => {
      const cells = row.split(',');
      for (let c = 0; c < 3; c++) expect(Math.abs(Number(cells[4 + c]) - expected[3 * i + c])).toBeLessThan(1e-6);
      expect(Number(cells[7])).toBe([0, 1, 2].reduce((best, c) => (expected[3 * i + c] > expected[3 * i + best] ? c : best), 0));
    });

    const evaluation = descent('eval', '--weights', join(dir, 'w.json'), '--data', join(dir, 'd.csv'), '--json', '--backend', 'cpu');
    expect(evaluation.code).toBe(0);
    const metrics = JSON.parse(evaluation.stdout);
    expect(metrics.train.points + metrics.test.points).toBe(90);
    expect(metrics.test.accuracy).toBeGreaterThan(0.5);
  });

  it('eval treats a file without a split column as one set', () => {
    const dir = scratch({ 'points.csv': 'x1,x2,label\n1,1,1\n-1,1,0\n2,2,1\n' });
    descentJson('train', '--preset', 'xor', '--epochs', '5', '--out', join(dir, 'w.json'), '--backend', 'cpu');
    const result = descent('eval', '--weights', join(dir, 'w.json'), '--data', join(dir, 'points.csv'), '--backend', 'cpu');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s*all\s+loss [\d.e-]+\s+accuracy [\d.]+%\s+\(3 points\)/);
  });

  it('predict on WebGPU matches predict on the CPU', () => {
    const dir = scratch({ 'grid.csv': 'x1,x2\n0,0\n1.5,-2\n-5,5\n3,3\n' });
    descentJson('train', '--preset', 'circle', '--hidden', '6', '--epochs', '5', '--out', join(dir, 'w.json'), '--backend', 'cpu');
    const cpu = descent('predict', '--weights', join(dir, 'w.json'), '--data', join(dir, 'grid.csv'), '--backend', 'cpu');
    const gpu = descent('predict', '--weights', join(dir, 'w.json'), '--data', join(dir, 'grid.csv'), '--backend', 'webgpu');
    expect(gpu.code).toBe(0);
    const numbers = (text: string) => text.trim().split('\n').slice(1).flatMap((row) => row.split(',').map(Number));
    numbers(gpu.stdout).forEach((value, i) => expect(value).toBeCloseTo(numbers(cpu.stdout)[i], 5));
  });
});
