import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../src/core/config';
import { earlyStopNotice, EpochEarlyStopping, stoppingRuleOf } from '../../src/core/earlyStopping';
import { learningRateAt, lrScheduleOf } from '../../src/core/lrSchedule';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { datasetOf } from '../../src/train/dataEdits';
import type { RunNews } from '../../src/train/run';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { startedRun } from './train-runHarness';

/** XOR with much noise and few points: the test loss stops improving after a few dozen epochs. */
function overfitting(patience: number) {
  return (config: ExperimentConfig): void => {
    Object.assign(config.data, { preset: 'xor', noise: 0.5, points: 100 });
    config.model.hidden = [16, 16];
    config.training.learningRate = 0.03;
    config.training.earlyStopping = patience;
  };
}

/** Where the rule stops the experiment, trained epoch by epoch on its own CPU trainer: the notice and the epoch. */
function expectedStop(config: ExperimentConfig): { notice: string; epoch: number } {
  const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, datasetOf(config.data, null), null));
  const stopping = new EpochEarlyStopping(trainer.stepsPerEpoch);
  for (let epoch = 1; epoch <= 1000; epoch++) {
    const observation = trainer.stepSync(trainer.stepsPerEpoch, { metrics: true });
    const stop = stopping.observe(observation.step, observation.epoch, observation.metrics!.test!.loss, stoppingRuleOf(config.training));
    if (stop) return { notice: earlyStopNotice(stop), epoch };
  }
  throw new Error('the experiment never stops');
}

describe('early stopping in the page', () => {
  it('pauses at the epoch the rule names, with a notice, exactly where an epoch-by-epoch run stops', async () => {
    const { run, clock, made, config } = await startedRun(overfitting(10));
    const expected = expectedStop(config);
    expect(expected.notice).toMatch(/^Stopped early at epoch \d+: the test loss has not improved for 10 evaluations \(best at epoch \d+\)$/);
    const news: RunNews[] = [];
    run.onNews((item) => news.push(item));
    run.play();
    for (let frame = 0; frame < 600 && run.status.playing; frame++) await clock.frames(1);
    await run.idle();
    expect(run.status.phase).toBe('paused');
    expect(news).toContainEqual({ kind: 'stopped', text: expected.notice });
    expect(run.epoch).toBe(expected.epoch);
    // No call crossed an epoch's end, and every call ending one reported the metrics.
    const perEpoch = made[0].stepsPerEpoch;
    let step = 0;
    for (const { k, observe } of made[0].stepCalls) {
      if (k > 0) expect(Math.floor((step + k - 1) / perEpoch), `a call of ${k} steps from step ${step}`).toBe(Math.floor(step / perEpoch));
      step += k;
      if (k > 0 && step % perEpoch === 0) expect(observe?.metrics).toBe(true);
    }
  });

  it('Play after an early stop trains on for another `patience` epochs at least', async () => {
    const { run, clock, config } = await startedRun(overfitting(5));
    const first = expectedStop(config).epoch;
    run.play();
    for (let frame = 0; frame < 600 && run.status.playing; frame++) await clock.frames(1);
    expect(run.epoch).toBe(first);
    run.play();
    for (let frame = 0; frame < 600 && run.status.playing; frame++) await clock.frames(1);
    await run.idle();
    expect(run.status.playing).toBe(false);
    expect(run.epoch).toBeGreaterThanOrEqual(first + 5);
  });

  it('never stops with patience 0, and keeps its calls as the pacer cuts them', async () => {
    const { run, clock, made } = await startedRun(overfitting(0), undefined, { targetLatencyMs: 150, issueBudgetMs: 100 });
    run.play();
    await clock.frames(15);
    expect(run.status.playing).toBe(true);
    const perEpoch = made[0].stepsPerEpoch;
    expect(made[0].stepCalls.some(({ k }) => k > perEpoch)).toBe(true);
    run.pause();
  });
});

describe('the learning-rate schedule in the page', () => {
  it('a schedule chosen while training is a live setting, and the loss history records each point\'s rate', async () => {
    const { run, clock, made, config, store } = await startedRun();
    run.play();
    await clock.frames(5);
    const scheduled = structuredClone(config);
    Object.assign(scheduled.training, { lrSchedule: 'step', lrStep: 20, lrGamma: 0.5 });
    store.setState({ config: scheduled });
    await clock.frames(15);
    run.pause();
    await run.idle();
    expect(made).toHaveLength(1);
    expect(made[0].settingsUpdates.at(-1)?.schedule).toEqual(lrScheduleOf(scheduled.training));
    const rates = run.history.values.map((point) => point.learningRate);
    expect(rates[0]).toBe(0.01);
    const last = run.history.values.at(-1)!;
    const lastStep = Math.round(last.epoch * made[0].stepsPerEpoch);
    expect(last.learningRate).toBe(learningRateAt(0.01, lrScheduleOf(scheduled.training), lastStep - 1));
    expect(last.learningRate).toBeLessThan(0.01);
  });
});
