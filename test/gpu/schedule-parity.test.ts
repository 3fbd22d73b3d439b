import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type TrainingConfig } from '../../src/core/config';
import { splitDataset } from '../../src/core/dataset';
import { fitNormalization } from '../../src/core/features';
import { LR_SCHEDULES, type LrScheduleName } from '../../src/core/lrSchedule';
import { buildModelSpec } from '../../src/core/network';
import type { TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import type { GpuDevice } from '../../src/gpu/device';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { testGpu } from './setup';

/** The default experiment (minibatches of 16, 22 steps an epoch) with a schedule that changes the rate within its 300 steps. */
function scheduledExperiment(training: Partial<TrainingConfig>): TrainerSetup {
  const config = defaultConfig();
  const dataset = generateDataset(config.data);
  const normalization = fitNormalization(splitDataset(dataset, 'train').points, config.model.features);
  return { spec: buildModelSpec(config.model, dataset.task, normalization), dataset, training: { ...config.training, ...training }, init: config.model.init };
}

const SCHEDULES: Record<LrScheduleName, Partial<TrainingConfig>> = {
  constant: {},
  step: { lrSchedule: 'step', lrStep: 50, lrGamma: 0.5 },
  exponential: { lrSchedule: 'exponential', lrGamma: 0.99 },
  // Down to 0 at step 200: the last 100 steps must leave every weight as it is.
  cosine: { lrSchedule: 'cosine', lrStep: 200 },
  warmup: { lrSchedule: 'warmup', warmupSteps: 100 },
};

const STEPS = 300;
/** Calls of 37 steps on WebGPU, 60 on the CPU: the schedule must follow the step, not the call. */
const GPU_CALL = 37;
const CPU_CALL = 60;
/** As in trajectory-parity.test.ts: float32 rounding of ~1e-7 a step, carried forward by 300 steps. */
const TOLERANCE = 5e-5;

const largestDifference = (a: Float32Array, b: Float32Array): number => Math.max(...a.map((w, i) => Math.abs(w - b[i]))) / Math.max(...a.map(Math.abs));

describe('WebGPU follows the learning-rate schedule as the CPU engine does', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  for (const kernels of ['fused', 'layered'] as const) {
    for (const kind of LR_SCHEDULES) {
      it(`${kind} schedule, Adam, ${kernels} kernels: ${STEPS} steps, weights and losses within float32 rounding`, async () => {
        const setup = scheduledExperiment(SCHEDULES[kind]);
        const cpu = new CpuTrainer(setup);
        const webgpu = await GpuTrainer.create(gpu, setup, kernels === 'layered' ? { steps: 'layered' } : {});
        try {
          expect(webgpu.stepKernels.kind).toBe(kernels);
          let cpuLosses = 0;
          for (let done = 0; done < STEPS; done += CPU_CALL) cpuLosses += cpu.stepSync(Math.min(CPU_CALL, STEPS - done)).loss * Math.min(CPU_CALL, STEPS - done);
          let gpuLosses = 0;
          let last = null;
          for (let done = 0; done < STEPS; done += GPU_CALL) {
            const k = Math.min(GPU_CALL, STEPS - done);
            last = await webgpu.step(k);
            gpuLosses += last.loss * k;
          }
          expect(last!.step).toBe(STEPS);
          const [onCpu, onGpu] = [await cpu.getParameters(), await webgpu.getParameters()];
          const weights = largestDifference(onCpu, onGpu);
          const losses = Math.abs(gpuLosses - cpuLosses) / cpuLosses;
          expect(weights).toBeLessThan(TOLERANCE);
          expect(losses).toBeLessThan(TOLERANCE);
          if (kind !== 'constant') {
            // The schedule is felt: without it the weights end far further apart than the engines do.
            const constant = new CpuTrainer(scheduledExperiment({}));
            constant.stepSync(STEPS);
            expect(largestDifference(await constant.getParameters(), onGpu)).toBeGreaterThan(100 * TOLERANCE);
          }
        } finally {
          webgpu.dispose();
        }
      });
    }
  }

  it('cosine at its end: steps at rate 0 leave the weights as they are on both engines', async () => {
    const setup = scheduledExperiment({ lrSchedule: 'cosine', lrStep: 40 });
    const cpu = new CpuTrainer(setup);
    const webgpu = await GpuTrainer.create(gpu, setup);
    try {
      cpu.stepSync(40);
      await webgpu.step(40);
      const [cpuAt40, gpuAt40] = [await cpu.getParameters(), await webgpu.getParameters()];
      cpu.stepSync(30);
      await webgpu.step(30);
      expect(await cpu.getParameters()).toEqual(cpuAt40);
      expect(await webgpu.getParameters()).toEqual(gpuAt40);
    } finally {
      webgpu.dispose();
    }
  });
});
