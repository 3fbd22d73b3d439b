import { describe, expect, it } from 'vitest';
import { defaultConfig, type OptimizerName } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { fitNormalization, type FeatureName } from '../../src/core/features';
import { initializeParameters } from '../../src/core/init';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import { MinibatchSchedule } from '../../src/core/schedule';
import { liveSettingsOf, type Trainer, type TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { stepStages } from '../../src/cpu/stepStages';
import { GpuTrainer, type GpuTrainerOptions } from '../../src/gpu/gpuTrainer';
import { testGpu } from './setup';

/** A typed weight keeps the optimizer's memory on both engines, and the slow-motion step starts from the WebGPU engine's. */

const FEATURES: FeatureName[] = ['x1', 'x2'];

/** 29 seeded points, a fifth held out: two classes by quadrant, or (`diverging`) a regression a linear network at a rate of 50 cannot fit. */
function setupFor(optimizer: OptimizerName, batchSize: number | 'all', diverging = false): TrainerSetup {
  const rng = createRng(11);
  const n = 29;
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-5, 5));
  const labels = Float64Array.from({ length: n }, (_, i) => (diverging ? points[2 * i] : points[2 * i] * points[2 * i + 1] > 0 ? 1 : 0));
  const task = diverging ? ({ kind: 'regression' } as const) : ({ kind: 'classification', classes: 2 } as const);
  const dataset: Dataset = { task, points, labels, isTest: Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0)) };
  const model = { ...defaultConfig().model, hidden: [5, 3], activation: diverging ? ('linear' as const) : ('tanh' as const), features: FEATURES };
  const spec = buildModelSpec(model, dataset.task, fitNormalization(points, FEATURES));
  const plan = planNetwork(spec);
  const parameters = initializeParameters(plan, 'xavier', 5, new Float32Array(plan.parameterCount));
  return { spec, dataset, init: 'xavier', parameters, training: { ...defaultConfig().training, optimizer, learningRate: diverging ? 50 : 0.03, momentum: 0.9, batchSize } };
}

/** 20 steps, a weight and a bias typed, 5 more steps: the weights and the optimizer's memory. */
async function editMidway(trainer: Trainer) {
  await trainer.step(20);
  const before = await trainer.getOptimizerState();
  const parameters = await trainer.getParameters();
  parameters[1] += 0.4;
  parameters[parameters.length - 1] -= 0.25;
  trainer.setParameters(parameters);
  const kept = await trainer.getOptimizerState();
  await trainer.step(5);
  return { before, kept, after: await trainer.getOptimizerState(), parameters: await trainer.getParameters() };
}

function worstDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst;
}

const ENGINES: [string, GpuTrainerOptions][] = [
  ['fused', {}],
  ['layer by layer', { steps: 'layered' }],
];

describe('the optimizer state across a typed weight', () => {
  for (const optimizer of ['momentum', 'adam'] as const) {
    for (const [kernels, options] of ENGINES) {
      it(`${optimizer}, ${kernels}: WebGPU keeps the memory as the CPU engine does, and both continue alike`, async () => {
        const gpu = await testGpu();
        const setup = setupFor(optimizer, 7);
        const cpu = new CpuTrainer(setup, Float64Array);
        const webgpu = await GpuTrainer.create(gpu, setup, options);
        try {
          const expected = await editMidway(cpu);
          const actual = await editMidway(webgpu);
          expect(actual.before.step).toBe(20);
          expect(actual.kept.step).toBe(20);
          expect(worstDifference(expected.kept.values, expected.before.values)).toBe(0);
          expect(worstDifference(actual.kept.values, actual.before.values)).toBe(0);
          expect(Math.max(...expected.kept.values.map(Math.abs))).toBeGreaterThan(1e-4);
          expect(worstDifference(actual.kept.values, expected.kept.values)).toBeLessThan(1e-5);
          expect(worstDifference(actual.after.values, expected.after.values)).toBeLessThan(1e-5);
          expect(worstDifference(actual.parameters, expected.parameters)).toBeLessThan(1e-4);
        } finally {
          webgpu.dispose();
        }
      });
    }
  }

  it('after a divergence, new weights start the memory afresh on both engines', async () => {
    const gpu = await testGpu();
    const setup = setupFor('momentum', 'all', true);
    const cpu = new CpuTrainer(setup, Float64Array);
    const webgpu = await GpuTrainer.create(gpu, setup, { steps: 'layered' });
    try {
      for (const trainer of [cpu, webgpu]) {
        expect((await trainer.step(40)).diverged).toBe(true);
        expect((await trainer.getOptimizerState()).values.some((value) => value !== 0)).toBe(true);
        trainer.setParameters(setup.parameters!);
        const state = await trainer.getOptimizerState();
        expect(state.values.every((value) => value === 0)).toBe(true);
      }
    } finally {
      webgpu.dispose();
    }
  });
});

/** The step that `trainer`'s next step of batch size 1 takes, in slow motion (Float64) from its parameters and optimizer state. */
async function slowMotionNext(trainer: Trainer, setup: TrainerSetup) {
  const state = await trainer.getOptimizerState();
  const parameters = await trainer.getParameters();
  const train = setup.dataset;
  const trainRows = Array.from(train.isTest.keys()).filter((i) => train.isTest[i] === 0);
  const row = trainRows[new MinibatchSchedule(trainRows.length, 1, setup.training.seed).batch(state.step)[0]];
  const stages = stepStages({
    plan: trainer.plan,
    parameters,
    point: [train.points[2 * row], train.points[2 * row + 1]],
    label: train.labels[row],
    settings: { ...liveSettingsOf(setup.training), dropout: 0 },
    step: state.step,
    state: state.values,
  });
  return { state, parameters, stages };
}

/** 20 steps, then (`slowMotion`) the slow-motion update handed to the engine with its optimizer state, or a real step; then 5 steps. */
async function stepThenPlay(trainer: Trainer, setup: TrainerSetup, slowMotion: boolean): Promise<Float32Array> {
  await trainer.step(20);
  if (slowMotion) {
    const { state, stages } = await slowMotionNext(trainer, setup);
    trainer.setParameters(stages.parameters);
    trainer.setOptimizerState({ step: state.step + 1, values: stages.state });
  } else {
    await trainer.step(1);
  }
  await trainer.step(5);
  return trainer.getParameters();
}

describe('a slow-motion update, then Play, as a real step then Play', () => {
  for (const optimizer of ['momentum', 'adam'] as const) {
    for (const [kernels, options] of ENGINES) {
      it(`${optimizer}, ${kernels}: WebGPU takes the step's optimizer state, and continues as after its own step and as the CPU engine`, async () => {
        const gpu = await testGpu();
        const setup = setupFor(optimizer, 1);
        const oracle = await stepThenPlay(new CpuTrainer(setup, Float64Array), setup, false);
        // The engine's weights are read as float32, so the Float64 engine agrees with itself to float32 rounding.
        expect(worstDifference(await stepThenPlay(new CpuTrainer(setup, Float64Array), setup, true), oracle)).toBeLessThan(1e-6);
        const [real, slow] = [await GpuTrainer.create(gpu, setup, options), await GpuTrainer.create(gpu, setup, options)];
        try {
          const afterReal = await stepThenPlay(real, setup, false);
          const afterSlow = await stepThenPlay(slow, setup, true);
          expect(worstDifference(afterSlow, afterReal)).toBeLessThan(1e-5);
          expect(worstDifference(afterSlow, oracle)).toBeLessThan(1e-4);
          expect((await slow.getOptimizerState()).step).toBe(26);
        } finally {
          real.dispose();
          slow.dispose();
        }
      });
    }
  }

  it('a state of another size is refused, saying what was expected', async () => {
    const setup = setupFor('adam', 1);
    const cpu = new CpuTrainer(setup, Float64Array);
    expect(() => cpu.setOptimizerState({ step: 3, values: new Float64Array(5) })).toThrow(`expected ${2 * cpu.plan.parameterCount} optimizer state values for adam, got 5`);
  });
});

describe('the slow-motion step from the WebGPU engine’s optimizer state', () => {
  for (const optimizer of ['momentum', 'adam'] as const) {
    it(`${optimizer}: after 20 steps of batch 1, its update is the engine's next step`, async () => {
      const gpu = await testGpu();
      const setup = setupFor(optimizer, 1);
      const webgpu = await GpuTrainer.create(gpu, setup);
      try {
        await webgpu.step(20);
        const { parameters, stages } = await slowMotionNext(webgpu, setup);
        await webgpu.step(1);
        const real = await webgpu.getParameters();
        const moved = worstDifference(real, parameters);
        expect(moved).toBeGreaterThan(1e-3);
        expect(worstDifference(stages.parameters, real)).toBeLessThan(1e-6);
        expect(worstDifference(stages.state, (await webgpu.getOptimizerState()).values)).toBeLessThan(1e-5);
      } finally {
        webgpu.dispose();
      }
    });
  }
});
