import { beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS, type Activation } from '../../src/core/activations';
import { defaultConfig } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { fitNormalization, type FeatureName } from '../../src/core/features';
import { buildModelSpec, hiddenLayers } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import type { Task } from '../../src/core/task';
import type { GridSpec, Observation, ObserveRequest, PlaneLines, TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import type { GpuDevice } from '../../src/gpu/device';
import { BatchedGpuTrainer } from '../../src/gpu/batchedTrainer';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { relativeError } from './harness';
import { testGpu } from './setup';

/**
 * The fused forward kernel (shaders/fused_forward.wgsl) against the Float64 CPU oracle: the
 * decision boundary, metrics, thumbnails and layer view of small MLPs on awkward sizes (rows not a
 * multiple of the workgroup, widths 3, 7 and 64), every activation, every task, with and without
 * extra features and normalisation; and a batched group's evaluation of each run against the same
 * run evaluated alone.
 */

/** 13 × 11 cells: 143 rows, no multiple of a workgroup's rows (64 threads, 1 or 16 rows each). */
const GRID: GridSpec = { width: 13, height: 11, x1: [-6, 6], x2: [-5, 6] };
const NEURONS: GridSpec = { width: 5, height: 7, x1: [-6, 6], x2: [-6, 6] };
const LINES: PlaneLines = { lines: 6, samples: 11, x1: [-6, 6], x2: [-5, 6] };

/** `n` seeded points in `classes` angular sectors (or a sine for regression), a fifth of them held out. */
function dataset(task: Task, n: number, seed: number): Dataset {
  const rng = createRng(seed);
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-6, 6));
  const labels = Float64Array.from({ length: n }, (_, i) =>
    task.kind === 'regression' ? Math.sin(points[2 * i]) : Math.floor(((Math.atan2(points[2 * i + 1], points[2 * i]) + Math.PI) / (2 * Math.PI)) * task.classes) % task.classes,
  );
  return { task, points, labels, isTest: Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0)) };
}

interface Case {
  hidden: number[];
  activation: Activation;
  task: Task;
  features: FeatureName[];
  normalised: boolean;
  points: number;
  seed?: number;
}

function setupFor(c: Case): TrainerSetup {
  const data = dataset(c.task, c.points, 5);
  const model = { ...defaultConfig().model, arch: 'mlp' as const, hidden: c.hidden, activation: c.activation, features: c.features };
  const spec = buildModelSpec(model, c.task, c.normalised ? fitNormalization(data.points, c.features) : undefined);
  return { spec, dataset: data, init: 'xavier', initScale: 2, training: { ...defaultConfig().training, batchSize: 9, seed: c.seed ?? 3 } };
}

const BINARY: Task = { kind: 'classification', classes: 2 };
const FOUR: Task = { kind: 'classification', classes: 4 };
const REGRESSION: Task = { kind: 'regression' };
const ALL_FEATURES: FeatureName[] = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)', 'r', 'theta'];

/** Everything the fused forward kernel evaluates, with the layer view on the last hidden layer. */
function everything(setup: TrainerSetup): ObserveRequest {
  const cpu = new CpuTrainer(setup, Float64Array);
  const hidden = hiddenLayers(cpu.plan);
  return { metrics: true, grid: GRID, neurons: NEURONS, layerView: { slot: hidden[hidden.length - 1].output, lines: LINES, points: true } };
}

function expectClose(actual: Observation, expected: Observation, tolerance: number): void {
  expect(relativeError(actual.grid!, expected.grid!)).toBeLessThan(tolerance);
  for (const split of ['train', 'test'] as const) {
    const [a, e] = [actual.metrics![split]!, expected.metrics![split]!];
    expect(a.count).toBe(e.count);
    expect(Math.abs(a.loss - e.loss) / Math.max(1, e.loss)).toBeLessThan(tolerance);
    // Accuracy may differ only by a row whose logit sits on the boundary to float32 rounding.
    if (e.accuracy !== null) expect(Math.abs(a.accuracy! - e.accuracy)).toBeLessThanOrEqual(1 / e.count + 1e-12);
    else expect(a.accuracy).toBeNull();
  }
  expect(actual.neurons!.length).toBe(expected.neurons!.length);
  actual.neurons!.forEach((layer, i) => expect(relativeError(layer, expected.neurons![i])).toBeLessThan(tolerance));
  expect(actual.layerView!.slot).toBe(expected.layerView!.slot);
  expect(actual.layerView!.width).toBe(expected.layerView!.width);
  expect(relativeError(actual.layerView!.lines, expected.layerView!.lines)).toBeLessThan(tolerance);
  expect(relativeError(actual.layerView!.points!, expected.layerView!.points!)).toBeLessThan(tolerance);
}

describe('the fused forward kernel', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  /** The CPU oracle's observation and the fused and layer-by-layer GPU ones, from the same parameters. */
  async function observeAll(setup: TrainerSetup, observe: ObserveRequest, forwardRowsPerThread?: number) {
    const cpu = new CpuTrainer(setup, Float64Array);
    const parameters = Float32Array.from(cpu.network.params);
    const fused = await GpuTrainer.create(gpu, { ...setup, parameters }, forwardRowsPerThread === undefined ? {} : { forwardRowsPerThread });
    const layered = await GpuTrainer.create(gpu, { ...setup, parameters }, { evaluation: 'layered' });
    try {
      return { fused, expected: cpu.stepSync(0, observe), actual: await fused.step(0, observe), layered: await layered.step(0, observe), cost: fused.lastCost };
    } finally {
      fused.dispose();
      layered.dispose();
    }
  }

  const cases: [string, Case][] = [
    ...HIDDEN_ACTIVATIONS.map((activation): [string, Case] => [`${activation}, 2 classes, 3-7 wide`, { hidden: [3, 7], activation, task: BINARY, features: ['x1', 'x2'], normalised: true, points: 131 }]),
    ['tanh, 4 classes, every feature, not normalised', { hidden: [7, 5], activation: 'tanh', task: FOUR, features: ALL_FEATURES, normalised: false, points: 97 }],
    ['relu, regression, every feature, normalised', { hidden: [7], activation: 'relu', task: REGRESSION, features: ALL_FEATURES, normalised: true, points: 70 }],
    ['sigmoid, 2 classes, 64 wide', { hidden: [64, 3], activation: 'sigmoid', task: BINARY, features: ['x1', 'x2', 'x1*x2'], normalised: true, points: 200 }],
    ['elu, 3 classes, one hidden layer of 1', { hidden: [1], activation: 'elu', task: { kind: 'classification', classes: 3 }, features: ['x1', 'x2'], normalised: false, points: 65 }],
  ];

  it.each(cases)('equals the Float64 oracle and the layer-by-layer path: %s', async (_, c) => {
    const setup = setupFor(c);
    const { fused, expected, actual, layered, cost } = await observeAll(setup, everything(setup));
    expect(fused.evaluationKernels.kind).toBe('fused');
    // Everything in one dispatch: the two splits, the grid, the thumbnails and the two sets of lines.
    expect(cost.dispatches).toBe(1);
    // Features left unnormalised reach 36 (x1², x2²): float32 rounding of them alone is a few 1e-6 of that, as layer by layer.
    expectClose(actual, expected, c.normalised ? 1e-4 : 5e-4);
    expectClose(actual, layered, 1e-5);
  });

  it.each([1, 3, 16])('takes %i rows a thread with the same numbers', async (rows) => {
    const setup = setupFor({ hidden: [7, 3], activation: 'tanh', task: FOUR, features: ['x1', 'x2', 'x1*x2'], normalised: true, points: 1031 });
    const { expected, actual, layered } = await observeAll(setup, everything(setup), rows);
    expectClose(actual, expected, 1e-4);
    expectClose(actual, layered, 1e-5);
  });

  it.each([
    ['a residual network', 'resnet', [], 'residual blocks need the layer-by-layer kernels'],
    ['2-[64,64]-3', 'mlp', [64, 64], '4416 multiply-adds per row are more than one thread per row does faster (512)'],
  ] as const)('leaves %s to the layer-by-layer kernels, and says why', async (_, arch, hidden, reason) => {
    const task: Task = { kind: 'classification', classes: 3 };
    const data = dataset(task, 40, 5);
    const model = { ...defaultConfig().model, arch, hidden: [...hidden], width: 5, blocks: 2, features: ['x1', 'x2'] as FeatureName[] };
    const setup: TrainerSetup = { spec: buildModelSpec(model, task, fitNormalization(data.points, model.features)), dataset: data, init: 'xavier', training: { ...defaultConfig().training, batchSize: 9 } };
    const trainer = await GpuTrainer.create(gpu, setup);
    try {
      expect(trainer.evaluationKernels).toEqual({ kind: 'layered', reason });
      const expected = new CpuTrainer({ ...setup, parameters: await trainer.getParameters() }, Float64Array).stepSync(0, { grid: GRID, metrics: true });
      const actual = await trainer.step(0, { grid: GRID, metrics: true });
      expect(relativeError(actual.grid!, expected.grid!)).toBeLessThan(1e-4);
    } finally {
      trainer.dispose();
    }
  });

  it('evaluates every run of a wide batched group in one dispatch too, each as the run evaluated alone', async () => {
    const task: Task = { kind: 'classification', classes: 3 };
    const setups = [1, 2, 3].map((seed) => setupFor({ hidden: [64, 64], activation: 'softplus', task, features: ['x1', 'x2'], normalised: true, points: 67, seed }));
    const group = await BatchedGpuTrainer.create(gpu, setups);
    try {
      const observe = { grid: GRID, metrics: true };
      const observations = await group.step(3, observe);
      expect(group.lastCost.observeDispatches).toBe(1);
      for (let run = 0; run < setups.length; run++) {
        const cpu = new CpuTrainer({ ...setups[run], parameters: await group.parameters(run) }, Float64Array);
        const expected = cpu.stepSync(0, observe);
        expect(relativeError(observations[run].grid!, expected.grid!)).toBeLessThan(1e-4);
        expect(Math.abs(observations[run].metrics!.train.loss - expected.metrics!.train.loss)).toBeLessThan(1e-4);
        expect(Math.abs(observations[run].metrics!.test!.loss - expected.metrics!.test!.loss)).toBeLessThan(1e-4);
      }
    } finally {
      group.dispose();
    }
  });

  it('evaluates a call of steps in the same submit as them, after the steps', async () => {
    const setup = setupFor({ hidden: [8, 8], activation: 'tanh', task: BINARY, features: ['x1', 'x2'], normalised: true, points: 150 });
    const cpu = new CpuTrainer(setup, Float64Array);
    const trainer = await GpuTrainer.create(gpu, { ...setup, parameters: Float32Array.from(cpu.network.params) });
    try {
      const observe = { grid: GRID, metrics: true };
      const actual = await trainer.step(20, observe);
      const expected = cpu.stepSync(20, observe);
      expect(trainer.lastCost.submits).toBe(1);
      // One dispatch for the 20 steps, one for the grid and both splits' metrics.
      expect(trainer.lastCost.dispatches).toBe(2);
      expect(relativeError(actual.grid!, expected.grid!)).toBeLessThan(1e-4);
      expect(Math.abs(actual.metrics!.train.loss - expected.metrics!.train.loss)).toBeLessThan(1e-4);
    } finally {
      trainer.dispose();
    }
  });

  it('evaluates a batched group run by run when its results would not fit one buffer, with the same numbers', async () => {
    const setups = [1, 2, 3].map((seed) => setupFor({ hidden: [7, 3], activation: 'tanh', task: BINARY, features: ['x1', 'x2'], normalised: true, points: 41, seed }));
    // 3 runs × 64² cells need 48 KiB of results; the group's own buffers fit in 16 KiB.
    const limits = { maxBufferSize: gpu.device.limits.maxBufferSize, maxStorageBufferBindingSize: 16 * 1024 } as GPUSupportedLimits;
    const group = await BatchedGpuTrainer.create(gpu, setups, { limits });
    try {
      const observe = { grid: { ...GRID, width: 64, height: 64 }, metrics: true };
      const observations = await group.step(2, observe);
      expect(group.lastCost.observeDispatches).toBe(0);
      for (let run = 0; run < setups.length; run++) {
        const expected = new CpuTrainer({ ...setups[run], parameters: await group.parameters(run) }, Float64Array).stepSync(0, observe);
        expect(relativeError(observations[run].grid!, expected.grid!)).toBeLessThan(1e-4);
        expect(Math.abs(observations[run].metrics!.train.loss - expected.metrics!.train.loss)).toBeLessThan(1e-4);
      }
    } finally {
      group.dispose();
    }
  });

  it('evaluates every run of a batched group in one dispatch, each as the run evaluated alone', async () => {
    const base: Case = { hidden: [7, 3], activation: 'tanh', task: FOUR, features: ['x1', 'x2', 'x1*x2'], normalised: true, points: 101 };
    const setups = [1, 2, 3, 4, 5].map((seed) => setupFor({ ...base, seed }));
    setups.forEach((setup, i) => (setup.training.learningRate = 0.01 * (i + 1)));
    const group = await BatchedGpuTrainer.create(gpu, setups);
    try {
      const observe = { grid: GRID, metrics: true };
      const observations = await group.step(13, observe);
      expect(group.lastCost.observeDispatches).toBe(1);
      for (let run = 0; run < setups.length; run++) {
        const alone = await GpuTrainer.create(gpu, { ...setups[run], parameters: await group.parameters(run) });
        try {
          const expected = await alone.step(0, observe);
          expect(Array.from(observations[run].grid!)).toEqual(Array.from(expected.grid!));
          expect(observations[run].metrics).toEqual(expected.metrics);
        } finally {
          alone.dispose();
        }
      }
    } finally {
      group.dispose();
    }
  });
});
