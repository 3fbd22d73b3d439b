import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type TrainingConfig } from '../../src/core/config';
import { splitDataset } from '../../src/core/dataset';
import { fitNormalization } from '../../src/core/features';
import { buildModelSpec } from '../../src/core/network';
import type { TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import type { GpuDevice } from '../../src/gpu/device';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { testGpu } from './setup';

/** The default experiment as the page and the CLI build it (features standardised on the training split). */
function defaultExperiment(training: Partial<TrainingConfig>): TrainerSetup {
  const config = defaultConfig();
  const dataset = generateDataset(config.data);
  const normalization = fitNormalization(splitDataset(dataset, 'train').points, config.model.features);
  return { spec: buildModelSpec(config.model, dataset.task, normalization), dataset, training: { ...config.training, ...training }, init: config.model.init };
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

/**
 * Float32 tolerance for a trajectory of 440 steps. Both engines store every number in float32
 * (ε = 1.2e-7) but round differently: WGSL accumulates dot products in float32 in tile order,
 * the CPU engine in double before storing. That puts ~1e-7 of relative difference into each step,
 * which the training carries forward (measured on SwiftShader: at most 5.5e-6 over 20 epochs).
 * 5e-5 leaves headroom for other adapters; a different minibatch, dropout mask or Adam step index
 * changes a step's loss by 1e-3 or more.
 */
const TRAJECTORY_TOLERANCE = 5e-5;

describe('the CPU engine and WebGPU follow the same trajectory', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  it('default experiment, minibatches of 16 with dropout 0.2, 20 epochs, in calls that cut epochs differently', async () => {
    const setup = defaultExperiment({ dropout: 0.2 });
    const cpu = new CpuTrainer(setup);
    const webgpu = await GpuTrainer.create(gpu, setup);
    try {
      const perEpoch = cpu.stepsPerEpoch;
      expect(perEpoch).toBe(22);
      // The page's pacing picks k per frame: WebGPU gets calls of 5 and 17 steps, the CPU one call per epoch.
      for (let epoch = 1; epoch <= 20; epoch++) {
        const onCpu = cpu.stepSync(perEpoch, { metrics: true });
        const first = await webgpu.step(5);
        const rest = await webgpu.step(perEpoch - 5, { metrics: true });
        const webgpuLoss = (5 * first.loss + (perEpoch - 5) * rest.loss) / perEpoch;
        expect(rest.step).toBe(onCpu.step);
        expect(relative(webgpuLoss, onCpu.loss), `epoch ${epoch}: mean minibatch loss`).toBeLessThan(TRAJECTORY_TOLERANCE);
        expect(relative(rest.metrics!.train.loss, onCpu.metrics!.train.loss), `epoch ${epoch}: train loss`).toBeLessThan(TRAJECTORY_TOLERANCE);
        expect(relative(rest.metrics!.test!.loss, onCpu.metrics!.test!.loss), `epoch ${epoch}: test loss`).toBeLessThan(TRAJECTORY_TOLERANCE);
        expect(rest.metrics!.train.accuracy).toBeCloseTo(onCpu.metrics!.train.accuracy!, 2);
      }
      const [a, b] = [await cpu.getParameters(), await webgpu.getParameters()];
      const scale = Math.max(...a.map(Math.abs));
      expect(Math.max(...a.map((w, i) => Math.abs(w - b[i]))) / scale).toBeLessThan(TRAJECTORY_TOLERANCE);
    } finally {
      webgpu.dispose();
    }
  });

  it('SGD at learning rate 10: the engines agree until rounding is amplified, then fail the same way', async () => {
    // At lr 10 the dynamics are chaotic: each step multiplies a difference in the weights many
    // times over. The float32 CPU engine and its own float64 oracle part as far as the CPU and
    // WebGPU do, so no two implementations of float arithmetic can end at the same loss; what
    // must match is every step before the amplification, and the outcome.
    const setup = defaultExperiment({ optimizer: 'sgd', learningRate: 10 });
    const cpu = new CpuTrainer(setup);
    const oracle = new CpuTrainer(setup, Float64Array);
    const webgpu = await GpuTrainer.create(gpu, setup);
    try {
      for (let step = 1; step <= 10; step++) {
        const [onCpu, onGpu] = [cpu.stepSync(1), await webgpu.step(1)];
        oracle.stepSync(1);
        expect(relative(onGpu.loss, onCpu.loss), `step ${step}`).toBeLessThan(1e-4);
      }
      const total = 20 * cpu.stepsPerEpoch;
      const [endCpu, endGpu, endOracle] = [cpu.stepSync(total - 10, { metrics: true }), await webgpu.step(total - 10, { metrics: true }), oracle.stepSync(total - 10, { metrics: true })];
      // The float64 oracle ends far from the float32 CPU engine: the amplification, not a backend, parts them.
      expect(relative(endOracle.metrics!.train.loss, endCpu.metrics!.train.loss)).toBeGreaterThan(0.01);
      for (const end of [endCpu, endGpu]) {
        expect(end.step).toBe(total);
        expect(end.diverged).toBe(false);
        expect(end.metrics!.train.loss).toBeGreaterThan(1);
        expect(end.metrics!.train.accuracy).toBeGreaterThan(0.3);
        expect(end.metrics!.train.accuracy).toBeLessThan(0.7);
      }
    } finally {
      webgpu.dispose();
    }
  });
});
