import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { expandSweep, SWEEP_AXES, type SweepAxis } from '../../src/core/sweepAxes';
import type { Observation, ObserveRequest, TrainerSetup } from '../../src/core/trainer';
import type { Backend } from '../../src/train/backend';
import { TrainerGroup, type RunGroup } from '../../src/train/runGroup';
import { SweepRunner, type SweepBackends } from '../../src/train/sweep';
import { planSweepGroups, sweepTrainingText } from '../../src/train/sweepGroups';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { datasetOf } from '../../src/train/dataEdits';
import { ManualClock, SpyTrainer } from './train-runHarness';

const SEED_BY_RATE: SweepAxis[] = [
  { key: 'seed', values: SWEEP_AXES.seed.defaults },
  { key: 'lr', values: SWEEP_AXES.lr.defaults },
];

function setupsOf(axes: SweepAxis[]): TrainerSetup[] {
  const base = defaultConfig();
  const dataset = datasetOf(base.data, null);
  return expandSweep(base, axes).map((run) => buildTrainerSetup('fresh', run.config, dataset, null));
}

describe('how a sweep trains on WebGPU', () => {
  it('trains a 4 × 4 seed × learning-rate sweep of the default experiment as one batched group', () => {
    const plan = planSweepGroups(setupsOf(SEED_BY_RATE));
    expect(plan).toEqual({ batched: [Array.from({ length: 16 }, (_, i) => i)], alone: [], aloneReasons: [] });
    expect(`16 runs ${sweepTrainingText({ kind: 'webgpu', plan })}`).toBe('16 runs on WebGPU in 1 batched group: one GPU dispatch steps all 16 at once');
  });

  it('makes a batched group per width and activation, and trains layers wider than 64 units one trainer each', () => {
    const axes: SweepAxis[] = [
      { key: 'width', values: [4, 8, 128] },
      { key: 'activation', values: ['tanh', 'relu'] },
    ];
    const plan = planSweepGroups(setupsOf(axes));
    expect(plan.batched).toEqual([[0], [1], [2], [3]]);
    expect(plan.alone).toEqual([4, 5]);
    expect(plan.aloneReasons).toEqual(['a layer is 128 wide (the fused kernel takes at most 64)']);
    expect(`6 runs ${sweepTrainingText({ kind: 'webgpu', plan })}`).toBe(
      '6 runs on WebGPU: 4 in 4 batched groups (4 GPU dispatches step them all), 2 one trainer each, since a layer is 128 wide (the fused kernel takes at most 64)',
    );
  });

  it('says so when runs of several layouts are all batched, when none is, and on CPU workers', () => {
    const depths = planSweepGroups(setupsOf([{ key: 'depth', values: [1, 2, 3] }, { key: 'seed', values: [1, 2] }]));
    expect(depths.batched).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(sweepTrainingText({ kind: 'webgpu', plan: depths })).toBe('on WebGPU in 3 batched groups, one per layout: 3 GPU dispatches step all 6');
    const wide = planSweepGroups(setupsOf([{ key: 'width', values: [128] }]));
    expect(sweepTrainingText({ kind: 'webgpu', plan: wide })).toBe('on WebGPU, one trainer each, since a layer is 128 wide (the fused kernel takes at most 64)');
    expect(sweepTrainingText({ kind: 'cpu', workers: 1 })).toBe('on 1 CPU worker, their runs one after another');
  });
});

/** A stand-in for BatchedGpuTrainer: CPU trainers stepped together, counting the calls (one per frame for the whole group). */
class FakeBatchedGroup extends TrainerGroup {
  calls: number[] = [];
  observing = 0;
  failWith: Error | null = null;
  /** Called by each call that observes, before it resolves. */
  onObserve: () => void = () => {};

  constructor(readonly members: SpyTrainer[]) {
    super(members);
  }

  override step(k: number, observe: ObserveRequest): Promise<Observation[]> {
    this.calls.push(k);
    if (observe.metrics) {
      this.observing++;
      this.onObserve();
    }
    return this.failWith ? Promise.reject(this.failWith) : super.step(k, observe);
  }
}

/** A WebGPU backend whose batched groups and lone trainers are CPU trainers, each recorded. */
function fakeGpu(): { backends: SweepBackends; batched: FakeBatchedGroup[]; alone: SpyTrainer[] } {
  const batched: FakeBatchedGroup[] = [];
  const alone: SpyTrainer[] = [];
  const backend: Backend = {
    kind: 'webgpu',
    label: 'WebGPU · test',
    createTrainer: async (setup) => {
      const trainer = new SpyTrainer(setup);
      alone.push(trainer);
      return trainer;
    },
    createBatchedGroup: async (setups): Promise<RunGroup> => {
      const group = new FakeBatchedGroup(setups.map((setup) => new SpyTrainer(setup)));
      batched.push(group);
      return group;
    },
    dispose: () => {},
  };
  return { backends: { kind: 'webgpu', groups: [backend], release: () => {} }, batched, alone };
}

/** Frames at 60 Hz on a clock of its own, so a test controls the time the Speed sees. */
class SixtyHertz extends ManualClock {
  time = 0;

  override now(): number {
    return this.time;
  }

  async seconds(seconds: number): Promise<void> {
    for (let i = 0; i < seconds * 60; i++) {
      this.time += 1000 / 60;
      await this.frames(1);
    }
  }
}

function smallConfig() {
  const base = defaultConfig();
  base.data.points = 60;
  return base;
}

describe('SweepRunner on WebGPU', () => {
  it('builds a batched group per layout and a trainer each for wide runs, and steps every group in the same frame', async () => {
    const axes: SweepAxis[] = [
      { key: 'width', values: [4, 128] },
      { key: 'seed', values: [1, 2] },
    ];
    const clock = new ManualClock();
    const { backends, batched, alone } = fakeGpu();
    const runner = await SweepRunner.create({ axes, runs: expandSweep(smallConfig(), axes), custom: null, backends, clock, speed: Infinity });
    expect(batched.map((group) => group.size)).toEqual([2]);
    expect(alone.map((trainer) => trainer.setup.spec)).toEqual([runner.runs[2].modelSpec, runner.runs[3].modelSpec]);
    expect(runner.groupCount).toBe(2);
    await clock.frames(1);
    expect(batched[0].calls).toHaveLength(1);
    expect(alone.map((trainer) => trainer.stepCalls.length)).toEqual([1, 1]);
    await runner.settled();
    // A run's weights come from its own group: run 1 is the batched group's second run.
    expect(Array.from(await runner.parameters(1))).toEqual(Array.from(await batched[0].members[1].getParameters()));
    expect(Array.from(await runner.parameters(3))).toEqual(Array.from(await alone[1].getParameters()));
    expect((await runner.exportRun(1)).config).toEqual(runner.runs[1].spec.config);
    runner.dispose();
    expect([...batched[0].members, ...alone].every((trainer) => trainer.disposed)).toBe(true);
  });

  it('shows a failure of the GPU during the sweep and stops every group', async () => {
    const axes: SweepAxis[] = [{ key: 'width', values: [4, 128] }];
    const clock = new ManualClock();
    const { backends, batched, alone } = fakeGpu();
    const runner = await SweepRunner.create({ axes, runs: expandSweep(smallConfig(), axes), custom: null, backends, clock, speed: Infinity });
    await clock.frames(2);
    await runner.settled();
    batched[0].failWith = new Error('the WebGPU device was lost (destroyed)');
    const callsBefore = alone[0].stepCalls.length;
    await clock.frames(3);
    await runner.settled();
    expect(runner.problem).toBe('The comparison stopped: the WebGPU device was lost (destroyed)');
    await clock.frames(3);
    expect(batched[0].calls.length).toBeLessThanOrEqual(4);
    expect(alone[0].stepCalls.length).toBeLessThanOrEqual(callsBefore + 1);
    runner.dispose();
  });
});

describe('a sweep at the page’s Speed', () => {
  async function stepsAfter(speed: number, seconds: number, change?: { at: number; speed: number }) {
    const clock = new SixtyHertz();
    const { backends } = fakeGpu();
    const runner = await SweepRunner.create({ axes: SEED_BY_RATE, runs: expandSweep(smallConfig(), SEED_BY_RATE), custom: null, backends, clock, speed });
    if (change) {
      await clock.seconds(change.at);
      await runner.settled();
      runner.setSpeed(change.speed);
    }
    await clock.seconds(seconds - (change?.at ?? 0));
    await runner.settled();
    const steps = runner.runs.map((run) => run.step);
    runner.dispose();
    return steps;
  }

  it('takes about 10 steps a second of each run at Speed 10', async () => {
    const steps = await stepsAfter(10, 3);
    for (const step of steps) expect(step).toBeGreaterThanOrEqual(28);
    for (const step of steps) expect(step).toBeLessThanOrEqual(31);
  });

  it('follows a change of Speed without starting again, and takes what the frame budget allows at Max', async () => {
    const slowThenFast = await stepsAfter(3, 2, { at: 1, speed: 30 });
    for (const step of slowThenFast) expect(step).toBeGreaterThanOrEqual(31);
    for (const step of slowThenFast) expect(step).toBeLessThanOrEqual(34);
    // At Max the fake clock's calls take no time, so k grows to its cap of 64 steps a frame: in 15 frames far more than any Speed but Max allows.
    const max = await stepsAfter(Infinity, 0.25);
    for (const step of max) expect(step).toBeGreaterThan(400);
  });
});

describe('a sweep’s observations', () => {
  it('are spaced so that they take at most about a quarter of a group’s time', async () => {
    const clock = new SixtyHertz();
    const { backends, batched } = fakeGpu();
    // Speed 60: a step a frame, so that the test trains little.
    const runner = await SweepRunner.create({ axes: SEED_BY_RATE, runs: expandSweep(smallConfig(), SEED_BY_RATE), custom: null, backends, clock, speed: 60 });
    // Each observation costs 200 ms of the clock (16 runs evaluated one after another).
    batched[0].onObserve = () => (clock.time += 200);
    await clock.seconds(6);
    await runner.settled();
    // One every 4 × 200 ms: n of them in 6 s of frames and their own 200 ms each, n ≈ (6000 + 200 n) / 800, 10.
    // Every 100 ms, they would take almost all of the time (hundreds).
    expect(batched[0].observing).toBeGreaterThanOrEqual(8);
    expect(batched[0].observing).toBeLessThanOrEqual(12);
    for (const run of runner.runs) expect(run.curve.length).toBe(batched[0].observing);
    runner.dispose();
  });
});
