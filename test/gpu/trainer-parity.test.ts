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
import { DENSE_TILINGS, tilingFor } from '../../src/gpu/kernels/denseKernels';
import { GpuTrainer, type GpuTrainerOptions } from '../../src/gpu/gpuTrainer';
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
async function trainBoth(gpu: GpuDevice, setup: TrainerSetup, steps: number, options: GpuTrainerOptions) {
  const cpu = new CpuTrainer(setup, Float64Array);
  const webgpu = await GpuTrainer.create(gpu, setup, options);
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
    return { weightError: worst / scale, expected, actual, stepKernels: webgpu.stepKernels.kind };
  } finally {
    webgpu.dispose();
  }
}

/** The parity checks of one case: weights, step count, mean loss, grid and metrics. */
function expectParity({ weightError, expected, actual }: Awaited<ReturnType<typeof trainBoth>>, steps: number): void {
  expect(expected.diverged).toBe(false);
  expect(weightError).toBeLessThan(1e-4);
  expect(actual.step).toBe(steps);
  expect(Math.abs(actual.loss - expected.loss) / Math.max(1, expected.loss)).toBeLessThan(1e-4);
  expect(relativeError(actual.grid!, expected.grid!)).toBeLessThan(1e-4);
  expect(Math.abs(actual.metrics!.train.loss - expected.metrics!.train.loss)).toBeLessThan(1e-4);
  expect(actual.metrics!.test!.count).toBe(expected.metrics!.test!.count);
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
          // The small MLP trains through the fused kernel, the ResNet layer by layer.
          const kernels = arch === 'mlp' ? 'fused' : 'layered';
          it(`${optimizer} · ${arch} · ${activation} · ${taskName} · ${kernels} steps · ${tiling} tiling`, async () => {
            const result = await trainBoth(gpu, setupFor(arch, activation, task, optimizer), 10, { tiling });
            expect(result.stepKernels).toBe(kernels);
            expectParity(result, 10);
          });
        }
      }
    }
  }

  // The same MLP layer by layer, once per optimizer and task, the activation taking turns.
  let layeredCount = 0;
  for (const optimizer of OPTIMIZERS) {
    for (const [taskName, task] of TASKS) {
      const activation = HIDDEN_ACTIVATIONS[layeredCount % HIDDEN_ACTIVATIONS.length];
      const tiling = DENSE_TILINGS[layeredCount++ % DENSE_TILINGS.length];
      it(`${optimizer} · mlp · ${activation} · ${taskName} · layered steps · ${tiling} tiling`, async () => {
        const result = await trainBoth(gpu, setupFor('mlp', activation, task, optimizer), 10, { tiling, steps: 'layered' });
        expect(result.stepKernels).toBe('layered');
        expectParity(result, 10);
      });
    }
  }

  it.each(['fused', 'layered'] as const)('a diverging call is undone alike: parameters from before it, step count unchanged (%s steps)', async (kernels) => {
    const setup = setupFor('mlp', 'linear', { kind: 'regression' }, 'sgd', { learningRate: 50 });
    const { weightError, expected, actual, stepKernels } = await trainBoth(gpu, setup, 40, { tiling: tilingFor(gpu), steps: kernels === 'fused' ? undefined : 'layered' });
    expect(stepKernels).toBe(kernels);
    expect(expected.diverged).toBe(true);
    expect(actual.diverged).toBe(true);
    expect(actual.step).toBe(0);
    expect(expected.step).toBe(0);
    expect(weightError).toBe(0);
  });

  it('fused: the diverging call\'s metrics are those of the parameters put back, as on the CPU', async () => {
    const setup = setupFor('mlp', 'linear', { kind: 'regression' }, 'sgd', { learningRate: 50 });
    const { expected, actual } = await trainBoth(gpu, setup, 40, {});
    expect(actual.diverged).toBe(true);
    expect(Math.abs(actual.metrics!.train.loss - expected.metrics!.train.loss) / expected.metrics!.train.loss).toBeLessThan(1e-4);
  });

  it.each(DENSE_TILINGS)('mlp, fused: minibatches with a partial last batch, L1, L2 and dropout agree too (%s tiling)', async (tiling) => {
    const setup = setupFor('mlp', 'tanh', { kind: 'classification', classes: 3 }, 'adam', { batchSize: 8, l1: 0.001, l2: 0.01, dropout: 0.2 });
    const { weightError, expected, actual, stepKernels } = await trainBoth(gpu, setup, 25, { tiling });
    expect(stepKernels).toBe('fused');
    expect(weightError).toBeLessThan(1e-4);
    expect(actual.epoch).toBeCloseTo(expected.epoch, 12);
    expect(Math.abs(actual.loss - expected.loss)).toBeLessThan(1e-4);
  });

  it('both engines draw the same fresh weights from the Normal initialisation and its σ', async () => {
    const setup: TrainerSetup = { ...setupFor('mlp', 'tanh', { kind: 'classification', classes: 2 }, 'adam'), parameters: undefined, init: 'normal', initScale: 3 };
    const cpu = new CpuTrainer(setup);
    const webgpu = await GpuTrainer.create(gpu, setup, { tiling: tilingFor(gpu) });
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
    const { weightError, expected, actual } = await trainBoth(gpu, setup, 25, { tiling });
    expect(weightError).toBeLessThan(1e-4);
    expect(actual.epoch).toBeCloseTo(expected.epoch, 12);
    expect(Math.abs(actual.loss - expected.loss)).toBeLessThan(1e-4);
  });
});
