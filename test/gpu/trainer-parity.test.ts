import { beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS, type Activation } from '../../src/core/activations';
import { defaultConfig, OPTIMIZERS, type Architecture, type OptimizerName, type TrainingConfig } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { fitNormalization, type FeatureName } from '../../src/core/features';
import { planeGrid } from '../../src/core/grid';
import { initializeParameters } from '../../src/core/init';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import type { Task } from '../../src/core/task';
import type { TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import type { GpuDevice } from '../../src/gpu/device';
import { DENSE_TILINGS, tilingFor, type DenseTiling } from '../../src/gpu/kernels/denseKernels';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { relativeError } from './harness';
import { testGpu } from './setup';

const TASKS: [string, Task][] = [
  ['binary', { kind: 'classification', classes: 2 }],
  ['4-class', { kind: 'classification', classes: 4 }],
  ['regression', { kind: 'regression' }],
];

/** 37 seeded points (an awkward count), a quarter of them held out. */
function dataset(task: Task, seed: number): Dataset {
  const rng = createRng(seed);
  const n = 37;
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-6, 6));
  const labels = Float64Array.from({ length: n }, (_, i) =>
    task.kind === 'regression' ? Math.sin(points[2 * i]) * 0.5 + 0.1 * points[2 * i + 1] : Math.floor(((Math.atan2(points[2 * i + 1], points[2 * i]) + Math.PI) / (2 * Math.PI)) * task.classes) % task.classes,
  );
  return { task, points, labels, isTest: Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0)) };
}

function setupFor(arch: Architecture, activation: Activation, task: Task, optimizer: OptimizerName, training: Partial<TrainingConfig> = {}): TrainerSetup {
  const features: FeatureName[] = ['x1', 'x2', 'x1*x2', 'r'];
  const data = dataset(task, 7);
  const model = { ...defaultConfig().model, arch, activation, hidden: [6, 5], width: 5, blocks: 2, features };
  const spec = buildModelSpec(model, task, fitNormalization(data.points, features));
  const parameters = initializeParameters(planNetwork(spec), 'xavier', 3, new Float32Array(planNetwork(spec).parameterCount));
  return {
    spec,
    dataset: data,
    init: 'xavier',
    parameters,
    training: { ...defaultConfig().training, optimizer, learningRate: optimizer === 'sgd' ? 0.02 : 0.01, batchSize: 'all', ...training },
  };
}

/** Max |Δw| over max |w|, after the same steps on the Float64 CPU oracle and on WebGPU. */
async function trainBoth(gpu: GpuDevice, setup: TrainerSetup, steps: number, tiling: DenseTiling) {
  const cpu = new CpuTrainer(setup, Float64Array);
  const webgpu = await GpuTrainer.create(gpu, setup, tiling);
  try {
    const grid = planeGrid(13);
    const expected = cpu.stepSync(steps, { grid, metrics: true });
    const actual = await webgpu.step(steps, { grid, metrics: true });
    const reference = Float64Array.from(cpu.network.params);
    const weights = await webgpu.getParameters();
    let worst = 0;
    let scale = 0;
    reference.forEach((w, i) => {
      worst = Math.max(worst, Math.abs(w - weights[i]));
      scale = Math.max(scale, Math.abs(w));
    });
    return { weightError: worst / scale, expected, actual };
  } finally {
    webgpu.dispose();
  }
}

describe('whole-trainer parity: 10 full-batch steps on the CPU oracle and on WebGPU', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  let caseCount = 0;
  for (const optimizer of OPTIMIZERS) {
    for (const arch of ['mlp', 'resnet'] as const) {
      for (const activation of HIDDEN_ACTIVATIONS) {
        for (const [taskName, task] of TASKS) {
          // Tilings alternate case by case, so each meets every optimizer, layout, activation and task.
          const tiling = DENSE_TILINGS[caseCount++ % DENSE_TILINGS.length];
          it(`${optimizer} · ${arch} · ${activation} · ${taskName} · ${tiling} tiling`, async () => {
            const { weightError, expected, actual } = await trainBoth(gpu, setupFor(arch, activation, task, optimizer), 10, tiling);
            expect(expected.diverged).toBe(false);
            expect(weightError).toBeLessThan(1e-4);
            expect(actual.step).toBe(10);
            expect(Math.abs(actual.loss - expected.loss) / Math.max(1, expected.loss)).toBeLessThan(1e-4);
            expect(relativeError(actual.grid!, expected.grid!)).toBeLessThan(1e-4);
            expect(Math.abs(actual.metrics!.train.loss - expected.metrics!.train.loss)).toBeLessThan(1e-4);
            expect(actual.metrics!.test!.count).toBe(expected.metrics!.test!.count);
          });
        }
      }
    }
  }

  it('a diverging call is undone alike: parameters from before it, step count unchanged', async () => {
    const setup = setupFor('mlp', 'linear', { kind: 'regression' }, 'sgd', { learningRate: 50 });
    const { weightError, expected, actual } = await trainBoth(gpu, setup, 40, tilingFor(gpu));
    expect(expected.diverged).toBe(true);
    expect(actual.diverged).toBe(true);
    expect(actual.step).toBe(0);
    expect(expected.step).toBe(0);
    expect(weightError).toBe(0);
  });

  it('both engines draw the same fresh weights from the Normal initialisation and its σ', async () => {
    const setup: TrainerSetup = { ...setupFor('mlp', 'tanh', { kind: 'classification', classes: 2 }, 'adam'), parameters: undefined, init: 'normal', initScale: 3 };
    const cpu = new CpuTrainer(setup);
    const webgpu = await GpuTrainer.create(gpu, setup, tilingFor(gpu));
    try {
      const expected = initializeParameters(cpu.plan, 'normal', setup.training.seed, new Float32Array(cpu.plan.parameterCount), 3);
      expect(Array.from(cpu.network.params)).toEqual(Array.from(expected));
      expect(Array.from(await webgpu.getParameters())).toEqual(Array.from(expected));
    } finally {
      webgpu.dispose();
    }
  });

  it.each(DENSE_TILINGS)('minibatches with a partial last batch, L1, L2 and dropout agree too (%s tiling)', async (tiling) => {
    const setup = setupFor('resnet', 'tanh', { kind: 'classification', classes: 3 }, 'adam', { batchSize: 8, l1: 0.001, l2: 0.01, dropout: 0.2 });
    const { weightError, expected, actual } = await trainBoth(gpu, setup, 25, tiling);
    expect(weightError).toBeLessThan(1e-4);
    expect(actual.epoch).toBeCloseTo(expected.epoch, 12);
    expect(Math.abs(actual.loss - expected.loss)).toBeLessThan(1e-4);
  });
});
