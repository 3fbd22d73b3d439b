import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/core/config';
import { initializeParameters } from '../../src/core/init';
import { planNetwork } from '../../src/core/network';
import { parseWeights, serializeWeights } from '../../src/io/weights';
import { withDrawnPoints } from '../../src/train/dataEdits';
import { configForImport } from '../../src/train/modelFit';
import { setCustomData } from '../../src/ui/store';
import { formatEpoch } from '../../src/ui/format';
import { startedRun } from './train-runHarness';

const withConfig = (config: ExperimentConfig, edit: (c: ExperimentConfig) => void): ExperimentConfig => {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
};

describe('Run', () => {
  it('builds a trainer, names the backend and shows the untrained model while paused', async () => {
    const { run, made } = await startedRun();
    expect(made).toHaveLength(1);
    expect(run.status).toEqual({ phase: 'paused', playing: false, backend: 'CPU · test', problem: null });
    expect(run.grid?.spec.width).toBe(64);
    expect(run.grid?.values).toHaveLength(64 * 64);
    expect(run.metrics?.train.count).toBe(140);
    expect(run.neurons?.values).toHaveLength(2);
    expect(run.parameters).toHaveLength(run.plan!.parameterCount);
    expect(run.epoch).toBe(0);
  });

  it('trains while playing, adapting k, and stops when paused', async () => {
    // A generous target, so that k grows however busy the machine running the tests is.
    const { run, clock, made } = await startedRun(undefined, undefined, { targetLatencyMs: 150, issueBudgetMs: 100 });
    run.play();
    await clock.frames(12);
    const ks = made[0].stepCalls.map((call) => call.k);
    expect(Math.max(...ks)).toBeGreaterThan(1);
    expect(run.epoch).toBeGreaterThan(0);
    expect(run.history.values.length).toBeGreaterThan(1);
    expect(run.stepsPerSecond()).toBeGreaterThan(0);
    run.pause();
    await clock.frames(2);
    const epoch = run.epoch;
    await clock.frames(5);
    expect(run.epoch).toBe(epoch);
  });

  it('never has more than two step calls in flight', async () => {
    const { run, clock, made } = await startedRun();
    let pending = 0;
    let most = 0;
    const trainer = made[0];
    const step = trainer.step.bind(trainer);
    trainer.step = (k, observe) => {
      pending++;
      most = Math.max(most, pending);
      // Results arrive only after three more frames.
      return new Promise((resolve) => setTimeout(() => resolve(step(k, observe).finally(() => pending--)), 40));
    };
    run.play();
    await clock.frames(20);
    expect(most).toBe(2);
  });

  it('takes a new learning rate without rebuilding, and keeps the weights on new data', async () => {
    const { run, clock, made, config, store } = await startedRun();
    run.play();
    await clock.frames(10);
    run.pause();
    await run.idle();
    const lr = withConfig(config, (c) => (c.training.learningRate = 0.1));
    store.setState({ config: lr });
    await run.idle();
    expect(made).toHaveLength(1);
    expect(made[0].settingsUpdates.at(-1)?.learningRate).toBe(0.1);
    const before = await made[0].getParameters();
    const epoch = run.epoch;
    store.setState({ config: withConfig(lr, (c) => (c.data.noise = 0.4)) });
    await run.idle();
    expect(made).toHaveLength(2);
    expect(made[0].disposed).toBe(true);
    expect(await made[1].getParameters()).toEqual(before);
    expect(run.epoch).toBe(epoch);
  });

  it('draws fresh weights for a new layout, and Reset repeats a run exactly', async () => {
    const { run, clock, made, config, store } = await startedRun();
    const bigger = withConfig(config, (c) => c.model.hidden.push(3));
    store.setState({ config: bigger });
    await run.idle();
    const plan = planNetwork(made[1].setup.spec);
    expect(plan.dense.map((d) => d.out)).toEqual([8, 8, 3, 1]);
    expect(await made[1].getParameters()).toEqual(initializeParameters(plan, 'xavier', 1, new Float32Array(plan.parameterCount)));
    const trainTwoEpochs = async () => {
      run.stepEpoch();
      run.stepEpoch();
      await run.idle();
      return run.parameters!.slice();
    };
    const first = await trainTwoEpochs();
    expect(run.epoch).toBe(2);
    run.play();
    await clock.frames(5);
    run.reset();
    await run.idle();
    expect(run.epoch).toBe(0);
    expect(run.status.playing).toBe(false);
    expect(run.history.values).toHaveLength(0);
    expect(await trainTwoEpochs()).toEqual(first);
  });

  it('exports the model and imports it into a run of another layout', async () => {
    const { run } = await startedRun();
    run.stepEpoch();
    await run.idle();
    const file = await run.exportWeights();
    expect(file.metrics).toMatchObject({ epoch: 1 });
    const imported = parseWeights(serializeWeights(file), 'w.json');
    const other = await startedRun((c) => (c.model.hidden = [3]));
    const config = configForImport(other.config, other.run.dataset!, imported, 'w.json');
    expect(config.model.hidden).toEqual([8, 8]);
    other.run.loadWeights(imported);
    other.store.setState({ config });
    await other.run.idle();
    expect(other.made).toHaveLength(2);
    expect(await other.made[1].getParameters()).toEqual(Float32Array.from(imported.parameters));
    expect(other.run.spec!.layers).toEqual(imported.spec.layers);
  });

  it('refuses a model that does not fit the data and leaves the current one alone', async () => {
    const { run } = await startedRun((c) => {
      c.data.preset = 'spiral';
      c.data.classes = 3;
    });
    const file = await run.exportWeights();
    const imported = parseWeights(serializeWeights(file), 'three.json');
    const circle = await startedRun();
    expect(() => configForImport(circle.config, circle.run.dataset!, imported, 'three.json')).toThrow('three.json: This model predicts 3 classes but the data has 2.');
    await circle.run.idle();
    expect(circle.made).toHaveLength(1);
  });

  it('trains on drawn points, keeping a trained model', async () => {
    const { run, made, store } = await startedRun();
    run.stepEpoch();
    await run.idle();
    setCustomData(store, withDrawnPoints(run.dataset!, [[1, 1]], 1));
    expect(store.getState().config.data).toMatchObject({ preset: 'custom', points: 200 });
    await run.idle();
    expect(run.dataset!.labels).toHaveLength(201);
    expect(await made[1].getParameters()).toEqual(run.parameters);
    expect(run.epoch).toBe(1);
  });
});

describe('a call that takes long', () => {
  it('shows that work is under way until its result comes', async () => {
    const { run, clock, made } = await startedRun();
    const trainer = made[0];
    const step = trainer.step.bind(trainer);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    trainer.step = (k, observe) => (k > 0 ? held.then(() => step(k, observe)) : step(k, observe));
    run.play();
    await clock.frames(2);
    expect(run.working()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(run.working()).toBe(true);
    release();
    await clock.frames(2);
    expect(run.working()).toBe(false);
    expect(run.epoch).toBeGreaterThan(0);
    expect(formatEpoch(run.epoch)).not.toBe('0.00');
    // A large network's first steps are hundredths of an epoch: they show.
    expect(formatEpoch(0.04)).toBe('0.04');
  });
});
