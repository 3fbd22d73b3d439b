import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type TrainingConfig } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { FEATURE_NAMES, fitNormalization } from '../../src/core/features';
import { buildModelSpec } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import type { Task } from '../../src/core/task';
import { liveSettingsOf, type GridSpec, type TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import type { RunGroup } from '../../src/train/runGroup';
import { batchGroups, BatchedGpuTrainer } from '../../src/gpu/batchedTrainer';
import { GpuCapacityError } from '../../src/gpu/errors';
import type { GpuDevice } from '../../src/gpu/device';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { buffersCreatedDuring, relativeToLargest } from './harness';
import { testGpu } from './setup';

const BINARY: Task = { kind: 'classification', classes: 2 };

/** 41 seeded points (an awkward count), a quarter of them held out: 30 training rows. */
function dataset(task: Task, n = 41): Dataset {
  const rng = createRng(11);
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-6, 6));
  const labels = Float64Array.from({ length: n }, (_, i) =>
    task.kind === 'regression' ? Math.sin(points[2 * i]) * 0.5 + 0.1 * points[2 * i + 1] : Math.floor(((Math.atan2(points[2 * i + 1], points[2 * i]) + Math.PI) / (2 * Math.PI)) * task.classes) % task.classes,
  );
  return { task, points, labels, isTest: Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0)) };
}

/** A run of the shared layout: its own seed (initial weights drawn from it, minibatch order, dropout) and training settings. */
function runSetup(data: Dataset, hidden: number[], featureCount: number, training: Partial<TrainingConfig>, activation = defaultConfig().model.activation): TrainerSetup {
  const features = FEATURE_NAMES.slice(0, featureCount);
  const model = { ...defaultConfig().model, arch: 'mlp' as const, activation, hidden, features };
  const spec = buildModelSpec(model, data.task, fitNormalization(data.points, features));
  return { spec, dataset: data, init: 'xavier', training: { ...defaultConfig().training, ...training } };
}

/** 16 runs that differ in seed and learning rate (4 × 4), with batches of 7 that do not divide the 30 training rows. */
function seedByRate(data: Dataset, hidden: number[], featureCount: number, extra: Partial<TrainingConfig> = {}): TrainerSetup[] {
  const setups: TrainerSetup[] = [];
  for (const seed of [1, 2, 3, 4]) {
    for (const learningRate of [0.003, 0.01, 0.03, 0.1]) setups.push(runSetup(data, hidden, featureCount, { optimizer: 'adam', batchSize: 7, seed, learningRate, ...extra }));
  }
  return setups;
}

describe('a batched group of runs against each run trained alone', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  it('16 runs (seed × learning rate, 2-[7,3]-1, batches of 7 from 30 rows) equal the lone fused GpuTrainer bit for bit and the CPU oracle to float32 rounding, in one dispatch per call', async () => {
    const setups = seedByRate(dataset(BINARY), [7, 3], 2);
    const group = await BatchedGpuTrainer.create(gpu, setups);
    try {
      const calls = [1, 13, 36];
      const observations = [];
      for (const k of calls) {
        observations.push(await group.step(k));
        expect(group.lastCost).toMatchObject({ steps: k, runs: 16, dispatches: 1, submits: 1 });
      }
      const finals = [];
      for (let run = 0; run < setups.length; run++) {
        const alone = await GpuTrainer.create(gpu, setups[run]);
        const cpu = new CpuTrainer(setups[run], Float64Array);
        try {
          expect(alone.stepKernels.kind).toBe('fused');
          for (let call = 0; call < calls.length; call++) {
            const fromAlone = await alone.step(calls[call]);
            const fromCpu = cpu.stepSync(calls[call]);
            const batched = observations[call][run];
            expect(batched.step).toBe(fromAlone.step);
            expect(batched.diverged).toBe(false);
            expect(batched.loss).toBe(fromAlone.loss);
            expect(Math.abs(batched.loss - fromCpu.loss)).toBeLessThan(1e-4);
          }
          const weights = await group.exportParameters(run);
          // The same kernel code on the same numbers: bit for bit the lone trainer's weights.
          expect(weights).toEqual(await alone.getParameters());
          // Adam at learning rate 0.1 magnifies float32 rounding over 50 steps: the CPU engine in
          // Float32 lands as far (4.5e-4) from the Float64 oracle as both GPU trainers do.
          const tolerance = setups[run].training.learningRate >= 0.1 ? 1e-3 : 1e-4;
          expect(relativeToLargest(weights, cpu.network.params)).toBeLessThan(tolerance);
          finals.push(weights);
        } finally {
          alone.dispose();
        }
      }
      // The runs really differ: no two end with the same weights.
      expect(relativeToLargest(finals[0], finals[1])).toBeGreaterThan(1e-3);
      expect(relativeToLargest(finals[0], finals[4])).toBeGreaterThan(1e-3);
    } finally {
      group.dispose();
    }
  });

  it('runs may differ in optimizer, momentum, L1, L2 and dropout too (3 classes, 2-[8,5]-3, elu, 37 rows in one batch)', async () => {
    const data = dataset({ kind: 'classification', classes: 3 }, 50);
    const variants: Partial<TrainingConfig>[] = [
      { optimizer: 'sgd', learningRate: 0.05, seed: 7 },
      { optimizer: 'momentum', momentum: 0.8, learningRate: 0.02, l2: 0.01, seed: 8 },
      { optimizer: 'adam', learningRate: 0.01, l1: 0.002, dropout: 0.2, seed: 9 },
      { optimizer: 'momentum', momentum: 0.95, learningRate: 0.01, dropout: 0.1, l1: 0.001, l2: 0.02, seed: 10 },
      { optimizer: 'adam', learningRate: 0.03, seed: 7, lrSchedule: 'cosine' },
    ];
    const setups = variants.map((training) => runSetup(data, [8, 5], 3, { batchSize: 'all', ...training }, 'elu'));
    const group = await BatchedGpuTrainer.create(gpu, setups);
    try {
      const batched = await group.step(40);
      for (let run = 0; run < setups.length; run++) {
        const cpu = new CpuTrainer(setups[run], Float64Array);
        const expected = cpu.stepSync(40);
        expect(batched[run].step).toBe(40);
        expect(Math.abs(batched[run].loss - expected.loss)).toBeLessThan(1e-4);
        expect(relativeToLargest(await group.exportParameters(run), cpu.network.params)).toBeLessThan(1e-4);
      }
    } finally {
      group.dispose();
    }
  });

  it('a run that diverges (learning rate 10) is undone alone; the others train on, and new parameters revive it', async () => {
    const data = dataset({ kind: 'regression' });
    const setups = [0.01, 10, 0.02].map((learningRate, i) => runSetup(data, [7, 3], 5, { optimizer: 'sgd', learningRate, batchSize: 7, seed: 20 + i }, 'linear'));
    const group = await BatchedGpuTrainer.create(gpu, setups);
    try {
      const before = await group.exportParameters(1);
      const [first, wild, third] = await group.step(40);
      expect(wild).toMatchObject({ step: 0, diverged: true });
      expect(await group.exportParameters(1)).toEqual(before);
      expect(first).toMatchObject({ step: 40, diverged: false });
      expect(third).toMatchObject({ step: 40, diverged: false });
      const cpu = new CpuTrainer(setups[2], Float64Array);
      cpu.stepSync(40);
      const later = await group.step(5);
      cpu.stepSync(5);
      expect(later[1]).toMatchObject({ step: 0, diverged: true });
      expect(later[2].step).toBe(45);
      expect(relativeToLargest(await group.exportParameters(2), cpu.network.params)).toBeLessThan(1e-4);

      group.updateSettings(1, liveSettingsOf({ ...setups[1].training, learningRate: 0.01 }));
      group.setParameters(1, before);
      const revived = await group.step(3);
      expect(revived[1]).toMatchObject({ step: 3, diverged: false });
      expect(Number.isFinite(revived[1].loss)).toBe(true);
    } finally {
      group.dispose();
    }
  });

  it('after a divergence, new parameters start the run’s optimizer memory afresh, as a lone trainer’s (momentum and Adam)', async () => {
    const data = dataset({ kind: 'regression' });
    // Adam's steps are about the learning rate whatever the gradient: it takes a far larger one to overflow.
    for (const [optimizer, wild] of [['momentum', 10], ['adam', 1e6]] as const) {
      const setups = [0.01, wild].map((learningRate, i) => runSetup(data, [7, 3], 5, { optimizer, learningRate, batchSize: 7, seed: 30 + i }, 'linear'));
      const group = await BatchedGpuTrainer.create(gpu, setups);
      try {
        const before = await group.exportParameters(1);
        expect((await group.step(40))[1].diverged).toBe(true);
        const calm = liveSettingsOf({ ...setups[1].training, learningRate: 0.01 });
        group.updateSettings(1, calm);
        group.setParameters(1, before);
        const revived = await group.step(3);
        // A lone trainer given the same parameters after its divergence: its memory cleared, then the same 3 steps.
        const lone = new CpuTrainer({ ...setups[1], parameters: before }, Float64Array);
        lone.updateSettings(calm);
        const expected = lone.stepSync(3);
        expect(revived[1]).toMatchObject({ step: 3, diverged: false });
        expect(Math.abs(revived[1].loss - expected.loss)).toBeLessThan(1e-4);
        expect(relativeToLargest(await group.exportParameters(1), lone.network.params), optimizer).toBeLessThan(1e-4);
      } finally {
        group.dispose();
      }
    }
  });

  it('calls allocate no GPU buffers once the first has run', async () => {
    const group = await BatchedGpuTrainer.create(gpu, seedByRate(dataset(BINARY), [8, 8], 2));
    try {
      await group.step(120);
      const created = await buffersCreatedDuring(gpu.device, async () => {
        for (let call = 0; call < 4; call++) await group.step(10 + 30 * call);
      });
      expect(created).toBe(0);
    } finally {
      group.dispose();
    }
  });

  it('refuses, in plain words, a group or a call too big for the device, and trains on after a refused call', async () => {
    const setups = seedByRate(dataset(BINARY), [8, 8], 2);
    const tight = (bytes: number) => ({ ...gpu.device.limits, maxStorageBufferBindingSize: bytes, maxBufferSize: bytes }) as GPUSupportedLimits;
    await expect(BatchedGpuTrainer.create(gpu, setups, { limits: tight(4096) })).rejects.toThrow(/the arena of 16 runs needs .*; train fewer runs at once/);
    // Room for the arena and for calls of up to about 100 steps (16 runs × (8 + 7) words per step).
    const group = await BatchedGpuTrainer.create(gpu, setups, { limits: tight(100_000) });
    try {
      await expect(group.step(200)).rejects.toThrow(GpuCapacityError);
      await expect(group.step(200)).rejects.toThrow(/the schedule of 16 runs needs 188 KB for this call, .*; take fewer steps per call/);
      const after = await group.step(50);
      expect(after.map((run) => run.step)).toEqual(Array(16).fill(50));
    } finally {
      group.dispose();
    }
  });

  it('observes every run (metrics, plane grid, neuron thumbnails) as a lone GpuTrainer observes the same run', async () => {
    const setups = seedByRate(dataset(BINARY), [7, 3], 2).filter((_, i) => i % 5 === 0);
    const group = await BatchedGpuTrainer.create(gpu, setups);
    const grid = { width: 9, height: 7, x1: [-6, 6], x2: [-6, 6] } as GridSpec;
    const neurons = { width: 4, height: 4, x1: [-6, 6], x2: [-6, 6] } as GridSpec;
    try {
      await group.step(10);
      const observed = await group.step(15, { metrics: true, grid, neurons });
      for (let run = 0; run < setups.length; run++) {
        const alone = await GpuTrainer.create(gpu, setups[run]);
        try {
          await alone.step(10);
          const expected = await alone.step(15, { metrics: true, grid, neurons });
          expect(observed[run].step).toBe(25);
          expect(observed[run].loss).toBe(expected.loss);
          expect(observed[run].metrics).toEqual(expected.metrics);
          expect(observed[run].grid).toEqual(expected.grid);
          expect(observed[run].neurons).toEqual(expected.neurons);
        } finally {
          alone.dispose();
        }
      }
      // The runs differ, so the observations are each run's own.
      expect(observed[0].metrics!.train.loss).not.toBe(observed[1].metrics!.train.loss);
      expect(await group.parameters(1)).toEqual(await group.exportParameters(1));
      expect(group.size).toBe(setups.length);
      // Compare mode can hold it as one of its run groups.
      const asRunGroup: RunGroup = group;
      expect(asRunGroup.size).toBe(setups.length);
    } finally {
      group.dispose();
    }
  });

  it('refuses a run, a step count or parameters out of range, saying what it takes', async () => {
    const group = await BatchedGpuTrainer.create(gpu, seedByRate(dataset(BINARY), [8, 8], 2).slice(0, 3));
    try {
      await expect(group.step(2.5)).rejects.toThrow('the step count must be a whole number from 0 to 4096; got 2.5');
      await expect(group.exportParameters(3)).rejects.toThrow('the run must be a whole number from 0 to 2; got 3');
      expect(() => group.setParameters(1, [1, 2, 3])).toThrow(`run 2: the parameters must be ${group.plan.parameterCount} numbers; got 3`);
      expect((await group.step(1)).map((run) => run.step)).toEqual([1, 1, 1]);
    } finally {
      group.dispose();
    }
  });

  it('refuses runs that do not share a layout, a data set and a batch size, saying which run and why; batchGroups splits them into groups that do', async () => {
    const data = dataset(BINARY);
    const base = runSetup(data, [8, 8], 2, { batchSize: 16 });
    const create = (other: TrainerSetup) => BatchedGpuTrainer.create(gpu, [base, base, other]);
    await expect(create(runSetup(data, [8, 4], 2, { batchSize: 16 }))).rejects.toThrow(/run 3: its model \(2-\[8,4\]-1.*differs from run 1's \(2-\[8,8\]-1\)/);
    await expect(create(runSetup(data, [8, 8], 2, { batchSize: 10 }))).rejects.toThrow(/run 3: its batch size \(10\) differs from run 1's \(16\)/);
    await expect(create({ ...base, dataset: dataset(BINARY, 43) })).rejects.toThrow(/run 3: its data \(training or test points\) differs from run 1's/);
    expect(batchGroups([base, runSetup(data, [8, 4], 2, { batchSize: 16 }), base, { ...base, training: { ...base.training, batchSize: 10 } }, base])).toEqual([[0, 2, 4], [1], [3]]);
    await expect(BatchedGpuTrainer.create(gpu, [])).rejects.toThrow(/at least one run/);
    await expect(BatchedGpuTrainer.create(gpu, [runSetup(data, [65], 2, {})])).rejects.toThrow(/65 wide/);
  });
});
