import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/core/config';
import { splitDataset } from '../../src/core/dataset';
import { MinibatchSchedule } from '../../src/core/schedule';
import { slowMotionStages, slowMotionStep, startAfter, type StepStart } from '../../src/train/slowMotion';
import { updateConfig } from '../../src/ui/store';
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
      const shown = slowMotionStep(from, schedule.batch(step)[0])!;
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

  it('a step begun on 3 blobs whose data becomes Circle mid-step: its update is dropped, and the next step is the new 2-class model’s, without errors', async () => {
    const { run, store, made } = await startedRun((config) => {
      config.data = { ...config.data, preset: 'blobs', classes: 3 };
      config.model.hidden = [4, 3];
    });
    const begun = slowMotionStep((await run.stepStart())!, 0)!;
    expect(begun.stages.outputs).toHaveLength(3);
    updateConfig(store, (config) => (config.data = { ...config.data, preset: 'circle', classes: 2 }));
    await run.idle();
    expect(run.modelRevision).not.toBe(begun.start.revision);
    const engine = made.at(-1)!;
    const before = await engine.getParameters();
    // Next stage reaches the old step's update: it is another model's, so nothing changes and nothing fails.
    run.applyStep(begun.start.revision, begun.stages.parameters, startAfter(begun).optimizer);
    await run.idle();
    expect(run.status.phase).not.toBe('failed');
    expect(await engine.getParameters()).toEqual(before);

    const restarted = (await run.stepStart())!;
    expect(restarted.plan).toBe(run.plan);
    expect(restarted.revision).toBe(run.modelRevision);
    const step = slowMotionStep(restarted, 0)!;
    expect(step.stages.outputs).toHaveLength(1);
    // The loss is the shown probability's: −ln p of the true class.
    const p = step.label === 1 ? step.stages.outputs[0] : 1 - step.stages.outputs[0];
    expect(step.stages.loss).toBeCloseTo(-Math.log(p), 10);
  });

  it.each([
    ['Activation', (config: ExperimentConfig): unknown => (config.model.activation = 'relu')],
    ['a typed weight', null],
    ['Learning rate', (config: ExperimentConfig): unknown => (config.training.learningRate = 0.5)],
  ] as const)('%s changed mid-step makes the step another model’s: its update is dropped, a new one starts from the changed model', async (_name, edit) => {
    const { run, store, made } = await startedRun((config) => (config.model.hidden = [4, 3]));
    const begun = slowMotionStep((await run.stepStart())!, 0)!;
    if (edit) updateConfig(store, edit);
    else store.setState({ parameterChange: [{ index: 0, value: 1.5 }] });
    await run.idle();
    expect(run.modelRevision).not.toBe(begun.start.revision);
    const before = await made.at(-1)!.getParameters();
    run.applyStep(begun.start.revision, begun.stages.parameters, startAfter(begun).optimizer);
    await run.idle();
    expect(await made.at(-1)!.getParameters()).toEqual(before);
    const restarted = (await run.stepStart())!;
    expect(restarted.config).toBe(run.config);
    expect(Array.from(restarted.parameters)).toEqual(Array.from(before));
  });

  it('the step’s own update goes into the model and keeps the revision', async () => {
    const { run, made } = await startedRun((config) => (config.model.hidden = [4, 3]));
    const step = slowMotionStep((await run.stepStart())!, 0)!;
    run.applyStep(step.start.revision, step.stages.parameters, startAfter(step).optimizer);
    await run.idle();
    expect(run.modelRevision).toBe(step.start.revision);
    const after = await made.at(-1)!.getParameters();
    after.forEach((value, i) => expect(value).toBeCloseTo(step.stages.parameters[i], 6));
  });

  it.each(['adam', 'momentum'] as const)('%s: a slow-motion Update, then Play, trains as a real step then Play (the engine takes the step’s optimizer state)', async (optimizer) => {
    const edit = (config: ExperimentConfig) => {
      config.model.hidden = [4, 3];
      config.training = { ...config.training, optimizer, batchSize: 1, learningRate: 0.03 };
    };
    const slow = await startedRun(edit);
    const real = await startedRun(edit);
    const [slowEngine, realEngine] = [slow.made.at(-1)!, real.made.at(-1)!];
    await slowEngine.step(20);
    await realEngine.step(21);
    const count = splitDataset(slow.run.dataset!, 'train').labels.length;
    const step = slowMotionStep((await slow.run.stepStart())!, new MinibatchSchedule(count, 1, slow.config.training.seed).batch(20)[0])!;
    slow.run.applyStep(step.start.revision, step.stages.parameters, startAfter(step).optimizer);
    await slow.run.idle();
    expect((await slowEngine.getOptimizerState()).step).toBe(21);
    await slowEngine.step(5);
    await realEngine.step(5);
    const [after, expected] = [await slowEngine.getParameters(), await realEngine.getParameters()];
    after.forEach((value, i) => expect(Math.abs(value - expected[i]), `parameter ${i}`).toBeLessThan(1e-5));
  });
});
