import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import type { PresetName } from '../../src/data/presets/registry';
import { buildModelSpec } from '../../src/core/network';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';

/** Test accuracy of a small tanh MLP (x1, x2 features, Adam, lr 0.03, batch 16) trained in Float64 on a 500-point preset. */
function testAccuracy(preset: PresetName, noise: number, seed: number, hidden: number[], epochs: number): number {
  const config = defaultConfig();
  const dataset = generateDataset({ preset, points: 500, noise, classes: 2, seed, trainFraction: 0.7 });
  const spec = buildModelSpec({ ...config.model, hidden, features: ['x1', 'x2'] }, dataset.task);
  const training = { ...config.training, optimizer: 'adam' as const, learningRate: 0.03, batchSize: 16 };
  const trainer = new CpuTrainer({ spec, dataset, training, init: 'xavier' }, Float64Array);
  return trainer.stepSync(epochs * trainer.stepsPerEpoch, { metrics: true }).metrics!.test!.accuracy!;
}

describe('the classic presets stay learnable at noise 0.1–0.2', () => {
  const cases: [number, number][] = [
    [0.1, 1],
    [0.2, 1],
    [0.2, 2],
  ];
  for (const [noise, seed] of cases) {
    it(`circle, noise ${noise}, seed ${seed}: ≥ 97% test accuracy with an 8-8 MLP`, () => {
      expect(testAccuracy('circle', noise, seed, [8, 8], 100)).toBeGreaterThanOrEqual(0.97);
    });
    it(`xor, noise ${noise}, seed ${seed}: ≥ 97% test accuracy with an 8-8 MLP`, () => {
      expect(testAccuracy('xor', noise, seed, [8, 8], 100)).toBeGreaterThanOrEqual(0.97);
    });
    it(`2-arm spiral, noise ${noise}, seed ${seed}: ≥ 95% test accuracy with a 16-16 MLP`, () => {
      expect(testAccuracy('spiral', noise, seed, [16, 16], 300)).toBeGreaterThanOrEqual(0.95);
    });
  }
});
