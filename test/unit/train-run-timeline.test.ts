import { describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { exportWeights } from '../../src/io/weights';
import { updateConfig } from '../../src/ui/store';
import { startedRun } from './train-runHarness';

/** A run trained `epochs` epochs with Step epoch (one snapshot per epoch), paused. */
async function steppedRun(epochs: number) {
  const started = await startedRun();
  for (let i = 0; i < epochs; i++) started.run.stepEpoch();
  await started.run.idle();
  await started.clock.frames(2);
  await started.run.idle();
  return started;
}

describe('Run timeline', () => {
  it('keeps a snapshot of the weights at every epoch early on, starting with the untrained model', async () => {
    const { run } = await steppedRun(4);
    expect(run.timeline.entries.map((entry) => entry.epoch)).toEqual([0, 1, 2, 3, 4]);
    expect([...run.timeline.entries[4].parameters]).toEqual([...run.parameters!]);
  });

  it('shows a snapshot scrubbed to (its epoch, weights and metrics), then the live model again', async () => {
    const { run, clock, made } = await steppedRun(4);
    const live = { epoch: run.epoch, metrics: run.metrics, parameters: run.parameters, curve: run.history.values.length };
    const entry = run.timeline.entries[1];
    run.scrubTo(entry);
    await run.idle();
    await clock.frames(2);
    await run.idle();
    expect(run.scrubbed).toBe(entry);
    expect(run.epoch).toBe(1);
    expect([...run.parameters!]).toEqual([...entry.parameters]);
    const expected = await new CpuTrainer({ ...made[0].setup, parameters: entry.parameters }).evaluate();
    expect(run.metrics?.train.loss).toBeCloseTo(expected.train.loss, 6);
    expect(run.metrics?.train.loss).not.toBeCloseTo(live.metrics!.train.loss, 3);
    // The chart keeps the live curves.
    expect(run.history.values.length).toBe(live.curve);

    run.scrubTo(null);
    await run.idle();
    expect(run.scrubbed).toBeNull();
    expect(run.epoch).toBe(live.epoch);
    expect(run.metrics).toBe(live.metrics);
    expect([...run.parameters!]).toEqual([...live.parameters!]);
  });

  it('Export weights while scrubbed exports the snapshot shown, at its epoch, and the live model again after', async () => {
    const { run, clock, made } = await steppedRun(4);
    const entry = run.timeline.entries[1];
    run.scrubTo(entry);
    await run.idle();
    await clock.frames(1);
    const shown = await run.exportWeights();
    const layersOf = (parameters: ArrayLike<number>) => exportWeights(made[0].setup.spec, parameters).layers;
    expect(shown.layers).toEqual(layersOf(entry.parameters));
    const expected = await new CpuTrainer({ ...made[0].setup, parameters: entry.parameters }).evaluate();
    expect(shown.metrics?.epoch).toBe(1);
    expect(shown.metrics?.trainLoss).toBeCloseTo(expected.train.loss, 6);

    run.scrubTo(null);
    const live = await run.exportWeights();
    expect(live.layers).toEqual(layersOf(run.parameters!));
    expect(live.metrics?.epoch).toBe(4);
  });

  it('Continue from here trains on from the snapshot, with the curves and snapshots up to it', async () => {
    const { run, clock, made } = await steppedRun(4);
    const entry = run.timeline.entries[2];
    run.scrubTo(entry);
    await run.idle();
    await clock.frames(1);
    await run.idle();
    run.continueFromScrubbed();
    await run.idle();
    expect(run.scrubbed).toBeNull();
    expect(run.status.playing).toBe(true);
    expect(run.history.values.every((point) => point.epoch <= 2)).toBe(true);
    expect(run.timeline.entries.map((e) => e.epoch)).toEqual([0, 1, 2]);
    const trainer = made.at(-1)!;
    expect(Array.from(trainer.setup.parameters!)).toEqual([...entry.parameters]);
    await clock.frames(6);
    expect(run.epoch).toBeGreaterThan(2);
    // The branch's curve goes on from epoch 2, not from where the old branch ended.
    const epochs = run.history.values.map((point) => point.epoch);
    expect(epochs.some((epoch) => epoch > 2)).toBe(true);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(made.at(-1)!.stepCalls.length).toBeGreaterThan(0);
    run.pause();
    await run.idle();
  });

  it('Play while scrubbed goes back to the live model and trains it on', async () => {
    const { run, clock } = await steppedRun(3);
    run.scrubTo(run.timeline.entries[0]);
    await run.idle();
    run.play();
    await run.idle();
    expect(run.scrubbed).toBeNull();
    await clock.frames(4);
    expect(run.epoch).toBeGreaterThan(3);
    run.pause();
    await run.idle();
  });

  it('an edit of the experiment while scrubbed applies to the live model, shown again', async () => {
    const { run, clock, store, made } = await steppedRun(3);
    run.scrubTo(run.timeline.entries[1]);
    await run.idle();
    await clock.frames(1);
    expect(run.epoch).toBe(1);
    updateConfig(store, (config) => (config.training.learningRate = 0.05));
    await run.idle();
    await clock.frames(1);
    expect(run.scrubbed).toBeNull();
    expect(run.epoch).toBe(3);
    expect(run.config?.training.learningRate).toBe(0.05);
    expect(made.filter((trainer) => !trainer.disposed)).toHaveLength(1);
  });

  it('a quick scrub across the slider builds one trainer to show snapshots, and lands on the last one asked for', async () => {
    const { run, clock, made } = await steppedRun(5);
    for (const entry of run.timeline.entries) run.scrubTo(entry);
    run.scrubTo(run.timeline.entries[2]);
    await run.idle();
    await clock.frames(1);
    await run.idle();
    expect(run.epoch).toBe(2);
    expect(made).toHaveLength(2);
    run.stepEpoch();
    await run.idle();
    expect(run.scrubbed).toBeNull();
    expect(run.epoch).toBe(6);
    expect(made.filter((trainer) => !trainer.disposed)).toHaveLength(1);
  });
});
