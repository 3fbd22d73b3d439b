import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descent, descentJson, scratch } from './run';

describe('descent train with the defaults a user would pick', () => {
  it.each([
    ['circle', 0.97],
    ['xor', 0.97],
  ])('%s reaches %f test accuracy with --hidden 8,8 --activation tanh', (preset, target) => {
    const summary = descentJson('train', '--preset', preset, '--hidden', '8,8', '--activation', 'tanh', '--backend', 'cpu');
    expect(summary.test.accuracy).toBeGreaterThanOrEqual(target);
    expect(summary.seconds as number).toBeLessThan(10);
  });

  it('a 2-arm spiral reaches 95% test accuracy within seconds', () => {
    const summary = descentJson('train', '--preset', 'spiral', '--classes', '2', '--hidden', '8,8', '--activation', 'tanh', '--backend', 'cpu');
    expect(summary.test.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(summary.seconds as number).toBeLessThan(10);
  });

  it('a model with no hidden layer (logistic regression) cannot separate XOR', () => {
    const summary = descentJson('train', '--preset', 'xor', '--hidden', 'none', '--backend', 'cpu');
    expect(summary.test.accuracy).toBeLessThan(0.75);
  });

  it('the JSON summary says what ran and how it went', () => {
    const summary = descentJson('train', '--preset', 'blobs', '--classes', '4', '--hidden', '6', '--epochs', '3', '--backend', 'cpu');
    expect(summary).toMatchObject({ backend: 'cpu', task: '4-class classification', epochs: 3 });
    expect(summary.adapter).toMatch(/^JavaScript · /);
    expect(summary.steps).toBeGreaterThan(0);
    expect(summary.train.loss).toBeGreaterThan(0);
  });

  it('prints a progress line on stderr while it trains and a summary on stdout', () => {
    const result = descent('train', '--preset', 'moons', '--epochs', '50', '--backend', 'cpu');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/epoch [\d.]+ · step \d+\/\d+ · loss [\d.e-]+ · \d+ steps\/s/);
    expect(result.stdout).toMatch(/^Trained 2-class classification for 50\.0 epochs/);
    expect(result.stdout).toMatch(/test\s+loss [\d.e-]+\s+accuracy [\d.]+%/);
  });

  it('regression reports MSE', () => {
    const result = descent('train', '--preset', 'reg-sine', '--epochs', '20', '--backend', 'cpu');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/train\s+MSE [\d.e-]+\s+\(\d+ points\)/);
  });

  it('stops with exit 1 and says so when training diverges', () => {
    const result = descent('train', '--preset', 'xor', '--optimizer', 'sgd', '--lr', '10', '--activation', 'linear', '--epochs', '50', '--backend', 'cpu');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/training diverged (?:at step \d+|between steps \d+ and \d+): the loss became NaN or infinite\. Try a lower learning rate \(--lr\)\./);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('--config sets the experiment and flags override it', () => {
    const dir = scratch({ 'config.json': JSON.stringify({ data: { preset: 'gauss', points: 120 }, model: { hidden: [3] }, training: { batchSize: 'all' } }) });
    const summary = descentJson('train', '--config', join(dir, 'config.json'), '--points', '200', '--epochs', '2', '--out', join(dir, 'w.json'), '--backend', 'cpu');
    expect(summary.steps).toBe(2);
    const weights = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    expect(weights.config.data).toMatchObject({ preset: 'gauss', points: 200 });
    expect(weights.layers[0]).toMatchObject({ kind: 'dense', in: 2, out: 3 });
  });

  it('--init-scheme normal --init-scale draws the weights from N(0, σ²) and the weights file keeps σ', () => {
    const dir = scratch({});
    const out = join(dir, 'w.json');
    descentJson('train', '--preset', 'circle', '--hidden', '64,64', '--init-scheme', 'normal', '--init-scale', '0.01', '--lr', '0', '--epochs', '1', '--out', out, '--backend', 'cpu');
    const weights = JSON.parse(readFileSync(out, 'utf8'));
    expect(weights.config.model).toMatchObject({ init: 'normal', initScale: 0.01 });
    const drawn = (weights.layers[1].weight as number[][]).flat();
    const std = Math.sqrt(drawn.reduce((sum, w) => sum + w * w, 0) / drawn.length);
    expect(std).toBeGreaterThan(0.009);
    expect(std).toBeLessThan(0.011);
    const refused = descent('train', '--init-scheme', 'normal', '--init-scale', '2000', '--backend', 'cpu');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--init-scale/);
  });
});

describe('descent train --data with whole-number labels', () => {
  it('reads labels 0 and 6 as two classes, says so on stderr, and trains a classifier', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${(i % 2 ? 2 : -2) + (i % 5) / 10},${(i % 3) / 10},${i % 2 ? 6 : 0}`);
    const dir = scratch({ 'labels.csv': `x1,x2,label\n${rows.join('\n')}\n` });
    const result = descent('train', '--data', join(dir, 'labels.csv'), '--epochs', '20', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('labels.csv: labels read as 2-class classification, because the labels are whole numbers; renumbered 0 → class 0, 6 → class 1 (--task chooses otherwise)');
    expect(JSON.parse(result.stdout).task).toBe('2-class classification');
  });
});

describe('descent train on WebGPU', () => {
  it('--backend webgpu trains through Dawn and names the backend and the adapter', () => {
    const summary = descentJson('train', '--preset', 'xor', '--hidden', '8', '--epochs', '20', '--backend', 'webgpu');
    expect(summary.backend).toBe('webgpu');
    expect(summary.adapter).toMatch(/\S/);
    expect(summary.train.accuracy).toBeGreaterThan(0.8);
  });

  it('CPU and WebGPU give the same model from the same seed', () => {
    const args = ['train', '--preset', 'circle', '--hidden', '5', '--epochs', '5', '--batch-size', 'all'];
    const cpu = descentJson(...args, '--backend', 'cpu');
    const gpu = descentJson(...args, '--backend', 'webgpu');
    expect(gpu.train.loss).toBeCloseTo(cpu.train.loss, 4);
  });

  it('at --lr 10 with SGD both engines follow the same steps; only float32 rounding, amplified by the chaotic steps, parts them later', () => {
    // Measured: relative gaps of 3e-8 after 1 step, 4e-6 after 4, 1e-5 after 12, then about 2.5x per step until the runs are unrelated (about 20 steps).
    for (const steps of ['1', '4']) {
      const args = ['train', '--preset', 'circle', '--optimizer', 'sgd', '--lr', '10', '--steps', steps];
      const cpu = descentJson(...args, '--backend', 'cpu');
      const gpu = descentJson(...args, '--backend', 'webgpu');
      expect(Math.abs(gpu.train.loss - cpu.train.loss) / cpu.train.loss, `after ${steps} steps`).toBeLessThan(1e-4);
    }
  });
});
