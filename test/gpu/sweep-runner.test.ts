import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { expandSweep, type SweepAxis } from '../../src/core/sweepAxes';
import { MAX_STEPS_PER_CALL, type Trainer } from '../../src/core/trainer';
import type { GpuDevice } from '../../src/gpu/device';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { gpuBackend, type Backend } from '../../src/train/backend';
import { parseWeights, serializeWeights } from '../../src/io/weights';
import { Run } from '../../src/train/run';
import { SweepRunner } from '../../src/train/sweep';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { openSweepRun } from '../../src/ui/compareActions';
import { createAppStore } from '../../src/ui/store';
import { ManualClock } from '../unit/train-runHarness';
import { relativeToLargest } from './harness';
import { testGpu } from './setup';

/** Compare mode on WebGPU: a sweep's runs trained in one batched group, each equal to the same run trained alone, and a run opened from it. */

const AXES: SweepAxis[] = [
  { key: 'seed', values: [1, 2] },
  { key: 'lr', values: [0.01, 0.1] },
];

/** Takes `steps` steps in calls the trainer accepts. */
async function train(trainer: Trainer, steps: number): Promise<void> {
  for (let left = steps; left > 0; left -= MAX_STEPS_PER_CALL) await trainer.step(Math.min(left, MAX_STEPS_PER_CALL));
}

describe('a sweep on WebGPU', () => {
  let gpu: GpuDevice;
  let backend: Backend;
  let runner: SweepRunner;
  const config = defaultConfig();
  config.data.points = 100;

  beforeAll(async () => {
    gpu = await testGpu();
    // The page's WebGPU backend, but the test's device outlives it.
    backend = { ...gpuBackend(gpu), dispose: () => {} };
    const clock = new ManualClock();
    runner = await SweepRunner.create({ axes: AXES, runs: expandSweep(config, AXES), custom: null, backends: { kind: 'webgpu', groups: [backend], release: () => {} }, clock, speed: Infinity });
    // Frames until every run has trained a while (each frame's call waits for the one before it);
    // then no more frames, so the runs stay where they are while the tests read them.
    for (let frame = 0; frame < 200 && runner.runs.some((run) => run.step < 100); frame++) {
      await clock.frames(1);
      await runner.settled();
    }
  });

  afterAll(() => runner?.dispose());

  it('trains its runs in one batched group, each equal to the same run trained alone', async () => {
    expect(runner.training).toEqual({ kind: 'webgpu', plan: { batched: [[0, 1, 2, 3]], alone: [], aloneReasons: [] } });
    for (const run of runner.runs) {
      expect(run.step, run.label).toBeGreaterThanOrEqual(100);
      expect(Number.isFinite(run.curve.at(-1)?.loss), run.label).toBe(true);
      const alone = await GpuTrainer.create(gpu, buildTrainerSetup('fresh', run.spec.config, runner.dataset, null));
      await train(alone, run.step);
      expect(relativeToLargest(await runner.parameters(run.index), await alone.getParameters()), run.label).toBeLessThan(1e-6);
      alone.dispose();
    }
  });

  it('opens a run as the main experiment, which goes on from the weights the group trained', async () => {
    const store = createAppStore(defaultConfig(), null, 'webgpu');
    const clock = new ManualClock();
    const run = new Run(store, { open: async () => backend, cpu: () => Promise.reject(new Error('no CPU worker in this test')) as never }, clock);
    await run.start();
    await clock.frames(1);
    await run.idle();
    const opened = runner.runs[3];
    const weights = await runner.parameters(opened.index);
    await openSweepRun({ run, store, views: undefined as never }, runner, opened.index);
    await clock.frames(1);
    await run.idle();
    expect(store.getState().config.training).toMatchObject({ seed: 2, learningRate: 0.1 });
    expect(Array.from(run.parameters!)).toEqual(Array.from(weights));
    expect(run.backend?.kind).toBe('webgpu');
    // It goes on from its epoch in the comparison.
    const openedAt = run.epoch;
    expect(openedAt).toBe(opened.epoch);

    // Trained on, it equals a lone trainer given those weights (with a fresh optimizer, as Open gives it).
    run.play();
    await clock.frames(4);
    run.pause();
    await run.idle();
    const alone = await GpuTrainer.create(gpu, buildTrainerSetup('import', opened.spec.config, runner.dataset, null, weights, opened.modelSpec));
    const steps = Math.round((run.epoch - openedAt) * alone.stepsPerEpoch);
    expect(steps).toBeGreaterThan(0);
    await train(alone, steps);
    const continued = parseWeights(serializeWeights(await run.exportWeights())).parameters;
    expect(relativeToLargest(continued, await alone.getParameters())).toBeLessThan(1e-6);
    alone.dispose();
    run.dispose();
  });
});
