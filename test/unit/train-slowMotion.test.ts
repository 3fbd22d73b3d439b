import { describe, expect, it } from 'vitest';
import { splitDataset } from '../../src/core/dataset';
import { MinibatchSchedule } from '../../src/core/schedule';
import { slowMotionStages, slowMotionStep, startAfter, type StepStart } from '../../src/train/slowMotion';
import { startedRun } from './train-runHarness';

/** The page's slow-motion step against the engine it shows: it starts from the engine's optimizer state, so its update is the engine's next step. */

describe('the slow-motion step of a run', () => {
  it.each(['adam', 'momentum'] as const)('%s, after 20 steps of batch 1: its update is the engine’s next step on that point, to 1e-6; the step after it too', async (optimizer) => {
    const { run, made, config } = await startedRun((config) => {
      config.model.hidden = [4, 3];
      config.training = { ...config.training, optimizer, batchSize: 1, learningRate: 0.03 };
    });
    const engine = made.at(-1)!;
    await engine.step(20);
    const start = (await run.stepStart())!;
    expect(start.optimizer.step).toBe(20);
    expect(start.optimizer.values.some((value) => value !== 0)).toBe(true);
    const count = splitDataset(run.dataset!, 'train').labels.length;
    const schedule = new MinibatchSchedule(count, 1, config.training.seed);

    let from: StepStart = start;
    for (const step of [20, 21]) {
      const shown = slowMotionStep(run, schedule.batch(step)[0], from)!;
      await engine.step(1);
      const real = await engine.getParameters();
      const realState = (await engine.getOptimizerState()).values;
      let worst = 0;
      real.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - shown.stages.parameters[i]))));
      expect(worst, `step ${step}`).toBeLessThan(1e-6);
      realState.forEach((value, i) => expect(Math.abs(value - shown.stages.state[i]), `state ${i}`).toBeLessThan(1e-6));
      from = startAfter(shown);
    }
  });

  it('runs forward layer by layer, the loss, backward from the output down, the update', async () => {
    const { run } = await startedRun((config) => (config.model.hidden = [4, 3]));
    expect(slowMotionStages(run.plan!)).toEqual([
      { kind: 'forward', layer: 0 },
      { kind: 'forward', layer: 1 },
      { kind: 'forward', layer: 2 },
      { kind: 'loss' },
      { kind: 'backward', layer: 2 },
      { kind: 'backward', layer: 1 },
      { kind: 'backward', layer: 0 },
      { kind: 'update' },
    ]);
  });
});
