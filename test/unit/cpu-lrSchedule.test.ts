import { describe, expect, it } from 'vitest';
import { defaultConfig, OPTIMIZERS, type TrainingConfig } from '../../src/core/config';
import { learningRateAt, LR_SCHEDULES, lrScheduleOf, type LrScheduleName } from '../../src/core/lrSchedule';
import { buildModelSpec } from '../../src/core/network';
import { liveSettingsOf, type TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';

/** Schedules that change the rate within a few dozen steps. */
const SCHEDULE_FIELDS: Record<LrScheduleName, Partial<TrainingConfig>> = {
  constant: {},
  step: { lrStep: 7, lrGamma: 0.5 },
  exponential: { lrGamma: 0.9 },
  cosine: { lrStep: 20 },
  warmup: { warmupSteps: 12 },
};

function setupWith(training: Partial<TrainingConfig>): TrainerSetup {
  const config = defaultConfig();
  const dataset = generateDataset({ ...config.data, points: 120 });
  return { spec: buildModelSpec(config.model, dataset.task), dataset, training: { ...config.training, ...training }, init: config.model.init };
}

describe('the CPU engine follows the learning-rate schedule', () => {
  for (const optimizer of OPTIMIZERS) {
    for (const kind of LR_SCHEDULES) {
      it(`${optimizer}, ${kind}: step t is taken at the schedule's rate for t`, () => {
        const training = { optimizer, learningRate: 0.05, lrSchedule: kind, ...SCHEDULE_FIELDS[kind] };
        const scheduled = new CpuTrainer(setupWith(training), Float64Array);
        // The same run by hand: a constant rate, set before each step to the schedule's rate for it.
        const byHand = new CpuTrainer(setupWith({ ...training, lrSchedule: 'constant' }), Float64Array);
        const schedule = lrScheduleOf({ ...defaultConfig().training, ...training });
        for (let step = 0; step < 30; step++) {
          byHand.updateSettings(liveSettingsOf({ ...defaultConfig().training, ...training, lrSchedule: 'constant', learningRate: learningRateAt(0.05, schedule, step) }));
          byHand.stepSync(1);
        }
        scheduled.stepSync(30);
        expect(scheduled.network.params).toEqual(byHand.network.params);
        if (kind !== 'constant') {
          const constant = new CpuTrainer(setupWith({ ...training, lrSchedule: 'constant' }), Float64Array);
          constant.stepSync(30);
          expect(constant.network.params).not.toEqual(scheduled.network.params);
        }
      });
    }
  }

  it('a schedule changed between calls applies from the next step on, counted from the trainer\'s first step', () => {
    const trainer = new CpuTrainer(setupWith({ optimizer: 'sgd', learningRate: 0.1 }), Float64Array);
    const reference = new CpuTrainer(setupWith({ optimizer: 'sgd', learningRate: 0.1, lrSchedule: 'step', lrStep: 5, lrGamma: 0.5 }), Float64Array);
    trainer.stepSync(10);
    trainer.updateSettings(liveSettingsOf({ ...defaultConfig().training, optimizer: 'sgd', learningRate: 0.1, lrSchedule: 'step', lrStep: 5, lrGamma: 0.5 }));
    trainer.stepSync(10);
    // By hand: 10 steps at 0.1, then steps 10…19 at 0.1 · 0.5² and 0.1 · 0.5³.
    const byHand = new CpuTrainer(setupWith({ optimizer: 'sgd', learningRate: 0.1 }), Float64Array);
    byHand.stepSync(10);
    for (const rate of [0.025, 0.0125]) {
      byHand.updateSettings(liveSettingsOf({ ...defaultConfig().training, optimizer: 'sgd', learningRate: rate }));
      byHand.stepSync(5);
    }
    expect(trainer.network.params).toEqual(byHand.network.params);
    reference.stepSync(20);
    expect(reference.network.params).not.toEqual(trainer.network.params);
  });
});
