import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { expandSweep, SWEEP_AXES, SWEEP_AXIS_KEYS, sweepRunLabel, type SweepAxis } from '../../src/core/sweepAxes';
import { rankResults, resultsCsv, summarizeRun, type SweepResult } from '../../src/train/sweepResults';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import type { Backend } from '../../src/train/backend';
import { SWEEP_GRID_SIZE, SweepRunner, sweepWorkerCount, type SweepBackends } from '../../src/train/sweep';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { openSweepRun } from '../../src/ui/compareActions';
import { formatEpoch } from '../../src/ui/format';
import { sweepTrainingText } from '../../src/train/sweepGroups';
import { ManualClock, spyBackend, SpyTrainer, startedRun } from './train-runHarness';

const metrics = (loss: number, accuracy: number) => ({ train: { loss, accuracy, count: 10 }, test: { loss, accuracy, count: 5 } });

describe('a sweep', () => {
  it('expands seed × learning rate into 16 configs, seeds slowest, the rest of the experiment untouched', () => {
    const base = defaultConfig();
    const axes: SweepAxis[] = [
      { key: 'seed', values: SWEEP_AXES.seed.defaults },
      { key: 'lr', values: SWEEP_AXES.lr.defaults },
    ];
    const runs = expandSweep(base, axes);
    expect(runs).toHaveLength(16);
    expect(runs.map((run) => [run.config.training.seed, run.config.training.learningRate])).toEqual(
      [1, 2, 3, 4].flatMap((seed) => [0.001, 0.003, 0.01, 0.03].map((lr) => [seed, lr])),
    );
    for (const run of runs) expect({ ...run.config, training: { ...run.config.training, seed: 1, learningRate: 0.01 } }).toEqual(base);
    expect(base).toEqual(defaultConfig());
    expect(sweepRunLabel(axes, runs[5].values)).toBe('Training seed 2 · Learning rate 0.003');
  });

  it('sets width and depth on every hidden layer, and the activation of every layer', () => {
    const base = defaultConfig();
    base.model.layerActivations = ['relu', null];
    const [wide] = expandSweep(base, [{ key: 'width', values: [32] }]);
    expect(wide.config.model.hidden).toEqual([32, 32]);
    const [shallow, deep] = expandSweep(base, [{ key: 'depth', values: [1, 4] }]);
    expect(shallow.config.model.hidden).toEqual([8]);
    expect(shallow.config.model.layerActivations).toEqual(['relu']);
    expect(deep.config.model.hidden).toEqual([8, 8, 8, 8]);
    const [relu] = expandSweep(base, [{ key: 'activation', values: ['relu'] }]);
    expect(relu.config.model.activation).toBe('relu');
    expect(relu.config.model.layerActivations).toEqual([]);
    const [features] = expandSweep(base, [{ key: 'features', values: [['x1', 'x2', 'r']] }]);
    expect(features.config.model.features).toEqual(['x1', 'x2', 'r']);
    const [batch] = expandSweep(base, [{ key: 'batch', values: ['all'] }]);
    expect(batch.config.training.batchSize).toBe('all');
  });

  it('offers defaults every axis accepts', () => {
    for (const key of SWEEP_AXIS_KEYS) expect(expandSweep(defaultConfig(), [{ key, values: SWEEP_AXES[key].defaults }])).toHaveLength(SWEEP_AXES[key].defaults.length);
  });

  it('uses up to 4 CPU workers, one core left to the page', () => {
    expect([1, 2, 3, 4, 8, 16].map(sweepWorkerCount)).toEqual([1, 1, 2, 3, 4, 4]);
  });
});

describe('the results of a sweep', () => {
  it('summarises a run: best and final loss, accuracy and the first epoch at the target', () => {
    const curve = [
      { epoch: 1, loss: 0.5 },
      { epoch: 2, loss: 0.09 },
      { epoch: 3, loss: 0.05 },
      { epoch: 4, loss: 0.08 },
    ];
    // Between epoch 1 (0.5) and 2 (0.09) on log loss: 1 + ln(0.5 / 0.1) / ln(0.5 / 0.09).
    const crossing = 1 + Math.log(5) / Math.log(0.5 / 0.09);
    expect(summarizeRun(0, 'a', curve, metrics(0.08, 0.95), false)).toEqual({ index: 0, label: 'a', epoch: 4, bestLoss: 0.05, finalLoss: 0.08, accuracy: 0.95, epochsToTarget: crossing, targetBetween: [1, 2], diverged: false });
    expect(summarizeRun(1, 'b', [], null, false)).toMatchObject({ bestLoss: NaN, finalLoss: NaN, accuracy: null, epochsToTarget: null, targetBetween: null });
    // Below the target at the first measurement: reached somewhere from epoch 0 to it.
    expect(summarizeRun(2, 'c', [{ epoch: 3, loss: 0.05 }], null, false)).toMatchObject({ epochsToTarget: 3, targetBetween: [0, 3] });
  });

  it('tells apart runs whose loss reaches 0.1 between the same two sparse measurements (a Width sweep measured every 68.6 epochs)', () => {
    // Synthetic runs: loss = 0.69 · exp(−epoch / tau), measured at the same sparse epochs; the
    // true crossing is tau · ln(6.9). Reading the first measurement below 0.1 gives 68.6 for all.
    const measuredAt = [0, 22.9, 45.7, 68.6, 91.4];
    const taus = [24, 25.5, 27, 28.5, 30, 31.5, 33, 34.5];
    const results = taus.map((tau, index) => summarizeRun(index, String(tau), measuredAt.map((epoch) => ({ epoch, loss: 0.69 * Math.exp(-epoch / tau) })), null, false));
    for (const [i, result] of results.entries()) {
      expect(result.targetBetween).toEqual([45.7, 68.6]);
      // Exponential decay is a straight line on log loss: the interpolation finds the true crossing.
      expect(result.epochsToTarget).toBeCloseTo(taus[i] * Math.log(6.9), 6);
    }
    expect(new Set(results.map((result) => result.epochsToTarget!.toFixed(1))).size).toBe(taus.length);
    // A curve that is not exponential is still placed between its two measurements, closer to the one nearer the target.
    const bumpy = summarizeRun(0, 'bumpy', [{ epoch: 10, loss: 0.4 }, { epoch: 20, loss: 0.11 }, { epoch: 30, loss: 0.02 }], null, false);
    expect(bumpy.targetBetween).toEqual([20, 30]);
    expect(bumpy.epochsToTarget!).toBeGreaterThan(20);
    expect(bumpy.epochsToTarget!).toBeLessThan(21);
  });

  it('ranks by final loss, diverged and unmeasured runs last, ties in sweep order', () => {
    const result = (index: number, finalLoss: number, diverged = false): SweepResult => ({ index, label: String(index), epoch: 1, bestLoss: finalLoss, finalLoss, accuracy: null, epochsToTarget: null, targetBetween: null, diverged });
    const ranked = rankResults([result(0, 0.3), result(1, NaN), result(2, 0.1, true), result(3, 0.1), result(4, 0.3), result(5, 0.02)]);
    expect(ranked.map((r) => r.index)).toEqual([5, 3, 0, 4, 1, 2]);
  });

  it('writes the table as CSV in rank order', () => {
    const runs = [summarizeRun(0, 'a', [{ epoch: 2, loss: 0.2 }], metrics(0.2, 0.9), false), summarizeRun(1, 'b', [{ epoch: 1, loss: 0.3 }, { epoch: 2, loss: 0.05 }], metrics(0.05, 1), false)];
    const csv = resultsCsv(['Training seed', 'Learning rate'], rankResults(runs), (index) => [['1', '0.01'], ['2', '0.1']][index]);
    // 1 + ln 3 / ln 6 = 1.613…: the interpolated epoch to two decimals, and the measurements around it.
    expect(csv).toBe('rank,Training seed,Learning rate,epoch,best loss,final loss,accuracy,epochs to loss 0.1,observed from epoch,observed to epoch,diverged\n1,2,0.1,2,0.05,0.05,1,1.61,1,2,false\n2,1,0.01,2,0.2,0.2,0.9,,,,false\n');
  });
});

describe('SweepRunner', () => {
  /** CPU backends in this thread, counting the trainers each builds and disposes. */
  function cpuBackends(count: number): { backends: SweepBackends; built: SpyTrainer[][]; released: () => boolean } {
    const built: SpyTrainer[][] = Array.from({ length: count }, () => []);
    let released = false;
    const groups: Backend[] = built.map((list) => ({
      kind: 'cpu',
      label: 'CPU · test',
      createTrainer: async (setup) => {
        const trainer = new SpyTrainer(setup);
        list.push(trainer);
        return trainer;
      },
      dispose: () => {},
    }));
    return { backends: { kind: 'cpu', groups, release: () => (released = true) }, built, released: () => released };
  }

  it('shares the runs among the workers, trains them all each frame, and each run equals the same run trained alone', async () => {
    const base = defaultConfig();
    base.data.points = 60;
    const axes: SweepAxis[] = [
      { key: 'seed', values: [1, 2] },
      { key: 'lr', values: [0.01, 0.1] },
    ];
    const clock = new ManualClock();
    const { backends, built, released } = cpuBackends(3);
    const runner = await SweepRunner.create({ axes, runs: expandSweep(base, axes), custom: null, backends, clock, speed: Infinity });
    expect(built.map((list) => list.length)).toEqual([2, 1, 1]);
    expect(runner.groupCount).toBe(3);
    await clock.frames(6);
    await runner.settled();
    for (const run of runner.runs) {
      expect(run.curve.length).toBeGreaterThan(0);
      expect(Number.isFinite(run.curve.at(-1)!.loss)).toBe(true);
      expect(run.grid?.values.length).toBe(SWEEP_GRID_SIZE * SWEEP_GRID_SIZE);
    }
    const trainers = built.flat();
    for (const [i, run] of runner.runs.entries()) {
      const trainer = trainers.find((spy) => spy.setup.training.seed === run.spec.config.training.seed && spy.setup.training.learningRate === run.spec.config.training.learningRate)!;
      const steps = trainer.stepCalls.reduce((sum, call) => sum + call.k, 0);
      const alone = new CpuTrainer(buildTrainerSetup('fresh', run.spec.config, runner.dataset, null));
      alone.stepSync(steps);
      expect(Array.from(await runner.parameters(i)), run.label).toEqual(Array.from(await alone.getParameters()));
    }
    const weights = await runner.exportRun(3);
    expect(weights.config).toEqual(runner.runs[3].spec.config);
    runner.dispose();
    expect(trainers.every((trainer) => trainer.disposed)).toBe(true);
    expect(released()).toBe(true);
  });

  it('a run that cannot be built stops the sweep from starting, and frees everything built so far', async () => {
    const axes: SweepAxis[] = [{ key: 'seed', values: [1, 2, 3, 4] }];
    const { backends, built, released } = cpuBackends(2);
    const failing = backends.groups[1];
    let calls = 0;
    backends.groups[1] = { ...failing, createTrainer: (setup) => (++calls === 2 ? Promise.reject(new Error('no room for this model')) : failing.createTrainer(setup)) };
    await expect(SweepRunner.create({ axes, runs: expandSweep(defaultConfig(), axes), custom: null, backends, clock: new ManualClock(), speed: Infinity })).rejects.toThrow('no room for this model');
    expect(built.flat()).toHaveLength(3);
    expect(built.flat().every((trainer) => trainer.disposed)).toBe(true);
    expect(released()).toBe(true);
  });

  it('a run opened from the comparison goes on at its epoch with its curves, not at epoch 0 with an empty chart', async () => {
    const { run, store, clock, config } = await startedRun((c) => (c.data.points = 60));
    const axes: SweepAxis[] = [{ key: 'seed', values: [1, 2] }];
    const runner = await SweepRunner.create({ axes, runs: expandSweep(config, axes), custom: null, backends: cpuBackends(1).backends, clock, speed: Infinity });
    const opened = runner.runs[1];
    while (opened.history.values.length < 3) {
      await clock.frames(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await openSweepRun({ run, store, views: undefined as never }, runner, 1);
    runner.dispose();
    await run.idle();
    expect(opened.epoch).toBeGreaterThan(1);
    // The EPOCH readout, the chart and the notice all speak of the run's epoch.
    expect(run.epoch).toBe(opened.epoch);
    expect(run.history.values.slice(0, opened.history.values.length)).toEqual(opened.history.values);
    expect(store.getState().notice?.text).toBe(`Opened ${opened.label} with its trained weights at epoch ${formatEpoch(opened.epoch)}: press Play to go on training.`);
    // Training goes on from there.
    run.stepEpoch();
    await run.idle();
    expect(run.epoch).toBeCloseTo(opened.epoch + 1, 9);
    expect(run.history.values.at(-1)!.epoch).toBeCloseTo(opened.epoch + 1, 9);
  });

  it('moves to the CPU when Run on changes during a sweep: each run goes on from its weights, epoch and curves', async () => {
    // A sweep on the page's WebGPU backend (trainers of its own here), then Run on: CPU.
    const { run, store, clock, config } = await startedRun((c) => (c.data.points = 60), undefined, undefined, 'webgpu');
    const onGpu: SpyTrainer[] = [];
    const axes: SweepAxis[] = [{ key: 'seed', values: [1, 2, 3] }];
    const runner = await SweepRunner.create({ axes, runs: expandSweep(config, axes), custom: null, backends: { kind: 'webgpu', groups: [spyBackend('webgpu', 'WebGPU · test', onGpu)], release: () => {} }, clock, speed: Infinity });
    const stopLeaving = run.beforeBackendChange(() => runner.leaveBackend());
    while (runner.runs.some((r) => r.history.values.length < 2)) {
      await clock.frames(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    store.setState({ backend: 'cpu' });
    await run.idle();
    // The runs' weights came off the old backend before the page closed it; the groups there are gone.
    expect(onGpu.every((trainer) => trainer.disposed)).toBe(true);
    const before = await Promise.all(onGpu.map((trainer) => trainer.getParameters()));
    const was = runner.runs.map((r) => ({ epoch: r.epoch, step: r.step, curve: [...r.curve] }));
    const { backends, built } = cpuBackends(2);
    await runner.moveTo(backends);
    expect(runner.training).toEqual({ kind: 'cpu', workers: 2 });
    expect(`${runner.runs.length} runs ${sweepTrainingText(runner.training)}`).toBe('3 runs on 2 CPU workers, their runs one after another');
    expect(runner.moved).toBe("Moved from WebGPU to the CPU with each run's weights, epoch and curves.");
    const onCpu = built.flat();
    expect(onCpu).toHaveLength(3);
    for (const [i, r] of runner.runs.entries()) {
      const trainer = onCpu.find((spy) => spy.setup.training.seed === r.spec.config.training.seed)!;
      expect(Array.from(trainer.setup.parameters!), r.label).toEqual(Array.from(before[i]));
    }
    while (runner.runs.some((r, i) => r.curve.length < was[i].curve.length + 2)) {
      await clock.frames(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await runner.settled();
    for (const [i, r] of runner.runs.entries()) {
      // Its epochs go on from where they were, and its curve keeps what it had.
      expect(r.curve.slice(0, was[i].curve.length)).toEqual(was[i].curve);
      expect(r.curve[was[i].curve.length].epoch).toBeGreaterThanOrEqual(was[i].epoch);
      expect(r.epoch).toBeGreaterThan(was[i].epoch);
      expect(r.step).toBeGreaterThan(was[i].step);
    }
    stopLeaving();
    runner.dispose();
    expect(onCpu.every((trainer) => trainer.disposed)).toBe(true);
  });
});
