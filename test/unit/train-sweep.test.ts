import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { expandSweep, SWEEP_AXES, SWEEP_AXIS_KEYS, sweepRunLabel, type SweepAxis } from '../../src/core/sweepAxes';
import { rankResults, resultsCsv, summarizeRun, type SweepResult } from '../../src/train/sweepResults';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import type { Backend } from '../../src/train/backend';
import { SWEEP_GRID_SIZE, SweepRunner, sweepWorkerCount, type SweepBackends } from '../../src/train/sweep';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { ManualClock, SpyTrainer } from './train-runHarness';

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
    expect(summarizeRun(0, 'a', curve, metrics(0.08, 0.95), false)).toEqual({ index: 0, label: 'a', epoch: 4, bestLoss: 0.05, finalLoss: 0.08, accuracy: 0.95, epochsToTarget: 2, diverged: false });
    expect(summarizeRun(1, 'b', [], null, false)).toMatchObject({ bestLoss: NaN, finalLoss: NaN, accuracy: null, epochsToTarget: null });
  });

  it('ranks by final loss, diverged and unmeasured runs last, ties in sweep order', () => {
    const result = (index: number, finalLoss: number, diverged = false): SweepResult => ({ index, label: String(index), epoch: 1, bestLoss: finalLoss, finalLoss, accuracy: null, epochsToTarget: null, diverged });
    const ranked = rankResults([result(0, 0.3), result(1, NaN), result(2, 0.1, true), result(3, 0.1), result(4, 0.3), result(5, 0.02)]);
    expect(ranked.map((r) => r.index)).toEqual([5, 3, 0, 4, 1, 2]);
  });

  it('writes the table as CSV in rank order', () => {
    const runs = [summarizeRun(0, 'a', [{ epoch: 2, loss: 0.2 }], metrics(0.2, 0.9), false), summarizeRun(1, 'b', [{ epoch: 2, loss: 0.05 }], metrics(0.05, 1), false)];
    const csv = resultsCsv(['Training seed', 'Learning rate'], rankResults(runs), (index) => [['1', '0.01'], ['2', '0.1']][index]);
    expect(csv).toBe('rank,Training seed,Learning rate,epoch,best loss,final loss,accuracy,epochs to loss 0.1,diverged\n1,2,0.1,2,0.05,0.05,1,2,false\n2,1,0.01,2,0.2,0.2,0.9,,false\n');
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
});
