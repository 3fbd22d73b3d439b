import { beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS, type Activation } from '../../src/core/activations';
import { defaultConfig, OPTIMIZERS, type OptimizerName, type TrainingConfig } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { FEATURE_NAMES, fitNormalization } from '../../src/core/features';
import { initializeParameters } from '../../src/core/init';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import type { Task } from '../../src/core/task';
import { liveSettingsOf, type TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import type { GpuDevice } from '../../src/gpu/device';
import { FUSED_THREAD_CHOICES, fusedIneligibility, fusedThreadsFor, type FusedThreads } from '../../src/gpu/fusedMlp';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { buffersCreatedDuring } from './harness';
import { testGpu } from './setup';

const TASKS: [string, Task][] = [
  ['binary', { kind: 'classification', classes: 2 }],
  ['5-class', { kind: 'classification', classes: 5 }],
  ['regression', { kind: 'regression' }],
];

/** Awkward layouts: widths 1, 3, 7 and 64, from no hidden layer to three. */
const LAYOUTS = [[7], [3, 1], [64], [1, 7, 3], [], [7, 64]];
const BATCHES: (number | 'all')[] = [1, 7, 16, 'all'];
const REGULARISERS: Partial<TrainingConfig>[] = [{}, { l1: 0.003 }, { l2: 0.02 }, { dropout: 0.25 }, { l1: 0.001, l2: 0.01, dropout: 0.1 }];

/** 41 seeded points (an awkward count), a quarter of them held out: 30 training rows. */
function dataset(task: Task, seed: number): Dataset {
  const rng = createRng(seed);
  const n = 41;
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-6, 6));
  const labels = Float64Array.from({ length: n }, (_, i) =>
    task.kind === 'regression' ? Math.sin(points[2 * i]) * 0.5 + 0.1 * points[2 * i + 1] : Math.floor(((Math.atan2(points[2 * i + 1], points[2 * i]) + Math.PI) / (2 * Math.PI)) * task.classes) % task.classes,
  );
  return { task, points, labels, isTest: Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0)) };
}

interface Case {
  activation: Activation;
  task: Task;
  optimizer: OptimizerName;
  hidden: number[];
  featureCount: number;
  training: Partial<TrainingConfig>;
}

function setupFor({ activation, task, optimizer, hidden, featureCount, training }: Case): TrainerSetup {
  const features = FEATURE_NAMES.slice(0, featureCount);
  const data = dataset(task, 11);
  const model = { ...defaultConfig().model, arch: 'mlp' as const, activation, hidden, features };
  const spec = buildModelSpec(model, task, fitNormalization(data.points, features));
  const plan = planNetwork(spec);
  const parameters = initializeParameters(plan, 'xavier', 3, new Float32Array(plan.parameterCount));
  return {
    spec,
    dataset: data,
    init: 'xavier',
    parameters,
    training: { ...defaultConfig().training, optimizer, learningRate: optimizer === 'sgd' ? 0.02 : 0.01, seed: 5, ...training },
  };
}

/** A GpuTrainer that takes its steps through the fused kernel (the test fails if it would not). */
async function fusedTrainer(gpu: GpuDevice, setup: TrainerSetup, threads?: FusedThreads): Promise<GpuTrainer> {
  const trainer = await GpuTrainer.create(gpu, setup, { steps: threads });
  expect(trainer.stepKernels).toEqual({ kind: 'fused', threads: threads ?? fusedThreadsFor(gpu) });
  return trainer;
}

/** The same steps on the Float64 CPU oracle and in one fused GpuTrainer call. */
async function trainBoth(gpu: GpuDevice, setup: TrainerSetup, steps: number, threads?: FusedThreads) {
  const cpu = new CpuTrainer(setup, Float64Array);
  const fused = await fusedTrainer(gpu, setup, threads);
  try {
    const expected = cpu.stepSync(steps);
    const actual = await fused.step(steps);
    const dispatches = fused.lastCost.dispatches;
    const reference = Float64Array.from(cpu.network.params);
    const weights = await fused.getParameters();
    let worst = 0;
    let scale = 0;
    let moved = 0;
    reference.forEach((w, i) => {
      worst = Math.max(worst, Math.abs(w - weights[i]));
      scale = Math.max(scale, Math.abs(w));
      moved = Math.max(moved, Math.abs(w - setup.parameters![i]));
    });
    const lossError = Math.abs(actual.loss - expected.loss) / Math.max(1, Math.abs(expected.loss));
    return { weightError: worst / scale, moved, lossError, expected, actual, dispatches };
  } finally {
    fused.dispose();
  }
}

const cases: Case[] = [];
for (const optimizer of OPTIMIZERS) {
  for (const activation of HIDDEN_ACTIVATIONS) {
    for (const [, task] of TASKS) {
      const n = cases.length;
      cases.push({
        activation,
        task,
        optimizer,
        hidden: LAYOUTS[n % LAYOUTS.length],
        featureCount: 1 + (n % FEATURE_NAMES.length),
        training: { batchSize: BATCHES[n % BATCHES.length], ...REGULARISERS[n % REGULARISERS.length] },
      });
    }
  }
}

function describeCase(c: Case): string {
  const task = c.task.kind === 'regression' ? 'regression' : `${c.task.classes} classes`;
  const extras = Object.entries(c.training)
    .filter(([key]) => key !== 'batchSize')
    .map(([key, value]) => `${key} ${value}`);
  return [c.optimizer, c.activation, task, `${c.featureCount}-[${c.hidden.join(',')}]`, `batch ${c.training.batchSize}`, ...extras].join(' · ');
}

describe('the fused small-network kernel against the CPU oracle: 50 minibatch steps in one dispatch', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  for (const c of cases) {
    it(describeCase(c), async () => {
      const { weightError, moved, lossError, expected, actual, dispatches } = await trainBoth(gpu, setupFor(c), 50);
      // Training moved the weights, so agreeing on them means something.
      expect(moved).toBeGreaterThan(1e-3);
      expect(expected.diverged).toBe(false);
      expect(actual.diverged).toBe(false);
      expect(actual.step).toBe(50);
      expect(dispatches).toBe(1);
      expect(weightError).toBeLessThan(1e-4);
      expect(lossError).toBeLessThan(1e-4);
    });
  }

  it.each(FUSED_THREAD_CHOICES)('every workgroup size agrees: %i threads, rows and units that do not divide by it', async (threads) => {
    const c: Case = { activation: 'elu', task: { kind: 'classification', classes: 3 }, optimizer: 'adam', hidden: [7, 64, 3], featureCount: 5, training: { batchSize: 'all', l1: 0.001, l2: 0.01, dropout: 0.2 } };
    const { weightError, lossError, actual } = await trainBoth(gpu, setupFor(c), 50, threads);
    expect(actual.step).toBe(50);
    expect(weightError).toBeLessThan(1e-4);
    expect(lossError).toBeLessThan(1e-4);
  });

  it('a diverging call (learning rate 10) is undone alike: parameters from before it, step count unchanged, later calls refused', async () => {
    const setup = setupFor({ activation: 'linear', task: { kind: 'regression' }, optimizer: 'sgd', hidden: [7, 3], featureCount: 9, training: { learningRate: 10, batchSize: 7 } });
    const fused = await fusedTrainer(gpu, setup);
    const cpu = new CpuTrainer(setup, Float64Array);
    try {
      const expected = cpu.stepSync(40);
      const actual = await fused.step(40);
      expect(expected.diverged).toBe(true);
      expect(actual.diverged).toBe(true);
      expect(actual.step).toBe(expected.step);
      expect(actual.step).toBe(0);
      expect(await fused.getParameters()).toEqual(Float32Array.from(setup.parameters!));
      const later = await fused.step(5);
      expect(later.step).toBe(0);
      expect(later.diverged).toBe(true);
      expect(fused.lastCost.dispatches).toBe(0);
    } finally {
      fused.dispose();
    }
  });

  it('a call of k steps is one dispatch, however large k; calls continue where the last stopped', async () => {
    const setup = setupFor({ activation: 'tanh', task: { kind: 'classification', classes: 2 }, optimizer: 'adam', hidden: [8, 8], featureCount: 2, training: { batchSize: 7 } });
    const fused = await fusedTrainer(gpu, setup);
    const cpu = new CpuTrainer(setup, Float64Array);
    try {
      for (const k of [1, 13, 300, 2]) {
        const actual = await fused.step(k);
        const expected = cpu.stepSync(k);
        expect(fused.lastCost.dispatches).toBe(1);
        expect(actual.step).toBe(expected.step);
        expect(Math.abs(actual.loss - expected.loss)).toBeLessThan(1e-4);
      }
    } finally {
      fused.dispose();
    }
  });

  it('live settings (optimizer, learning rate, L2, dropout) change between calls as on the CPU', async () => {
    const setup = setupFor({ activation: 'relu', task: { kind: 'classification', classes: 4 }, optimizer: 'sgd', hidden: [7, 7], featureCount: 4, training: { batchSize: 16 } });
    const fused = await fusedTrainer(gpu, setup);
    const cpu = new CpuTrainer(setup, Float64Array);
    try {
      await fused.step(10);
      cpu.stepSync(10);
      const settings = liveSettingsOf({ ...setup.training, optimizer: 'momentum', learningRate: 0.03, l2: 0.05, dropout: 0.3 });
      fused.updateSettings(settings);
      cpu.updateSettings(settings);
      const actual = await fused.step(20);
      const expected = cpu.stepSync(20);
      expect(Math.abs(actual.loss - expected.loss)).toBeLessThan(1e-4);
      const weights = await fused.getParameters();
      const reference = cpu.network.params;
      const scale = reference.reduce((max, w) => Math.max(max, Math.abs(w)), 0);
      expect(reference.reduce((worst, w, i) => Math.max(worst, Math.abs(w - weights[i])), 0) / scale).toBeLessThan(1e-4);
    } finally {
      fused.dispose();
    }
  });

  it('calls allocate no GPU buffers once the first has run', async () => {
    const setup = setupFor({ activation: 'tanh', task: { kind: 'regression' }, optimizer: 'adam', hidden: [8, 8], featureCount: 2, training: { batchSize: 10 } });
    const fused = await fusedTrainer(gpu, setup);
    await fused.step(200);
    try {
      const created = await buffersCreatedDuring(gpu.device, async () => {
        for (let call = 0; call < 5; call++) await fused.step(20 + 40 * call);
      });
      expect(created).toBe(0);
    } finally {
      fused.dispose();
    }
  });

  it('takes MLPs up to 64 wide and tells why it refuses the rest', () => {
    const task: Task = { kind: 'classification', classes: 2 };
    const plan = (arch: 'mlp' | 'resnet', hidden: number[]) => planNetwork(buildModelSpec({ ...defaultConfig().model, arch, hidden, width: 8 }, task));
    expect(fusedIneligibility(plan('mlp', [8, 8]), 16)).toBeNull();
    expect(fusedIneligibility(plan('mlp', [8, 8]), 350)).toBeNull();
    expect(fusedIneligibility(plan('mlp', [64, 64, 64]), 7)).toBeNull();
    expect(fusedIneligibility(plan('mlp', [64, 65]), 16)).toMatch(/65 wide/);
    expect(fusedIneligibility(plan('resnet', []), 16)).toMatch(/residual/);
    expect(fusedIneligibility(plan('mlp', []), 1025)).toMatch(/1025 rows/);
    expect(fusedIneligibility(plan('mlp', [64, 64]), 64)).toMatch(/274432 multiply-adds per step/);
    expect(fusedIneligibility(plan('mlp', Array(17).fill(4)), 16)).toMatch(/more than 16 hidden layers/);
  });
});
