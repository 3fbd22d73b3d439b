import { describe, expect, it } from 'vitest';
import { viewableSlots } from '../../src/core/layerView';
import { hiddenLayers } from '../../src/core/network';
import { startedRun } from './train-runHarness';

/** The see-inside views in a run: what the session asks the trainer for, and what the snapshot then holds. */

describe('a run with the see-inside views', () => {
  it('asks nothing of the trainer until a view wants it', async () => {
    const { run, clock, made } = await startedRun();
    run.play();
    await clock.frames(6);
    expect(made[0].stepCalls.some((call) => call.observe?.layerView || call.observe?.gradientFlow)).toBe(false);
    expect(run.snapshot.inside).toEqual({ layerView: null, gradientFlow: null, separability: null });
  });

  it('brings the chosen layer’s view and the gradient flow with the step calls, and the separability beside them', async () => {
    const { run, clock, made } = await startedRun();
    const last = hiddenLayers(run.plan!).at(-1)!;
    run.seeInside({ layerSlot: last.output, gradientFlow: true, separability: true });
    await clock.frames(2);
    await run.idle();
    // Paused: one full refresh with the views, and one fit.
    const inside = run.snapshot.inside;
    expect(inside.layerView?.slot).toBe(last.output);
    expect(inside.layerView?.points).toHaveLength(140 * last.out);
    expect(inside.gradientFlow?.map((flow) => flow.layer)).toEqual([0, 1, 2]);
    expect(inside.separability?.map((s) => s.slot)).toEqual(viewableSlots(run.plan!).map((s) => s.slot));
    run.play();
    await clock.frames(8);
    const calls = made[0].stepCalls.filter((call) => call.k > 0);
    expect(calls.some((call) => call.observe?.layerView?.slot === last.output && call.observe.gradientFlow)).toBe(true);
    expect(run.snapshot.inside.gradientFlow).not.toBe(inside.gradientFlow);
  });

  it('drops what no view wants any more, refuses a slot the network lacks, and forgets a slot a new layout lacks', async () => {
    const { run, clock, store } = await startedRun();
    const [first] = hiddenLayers(run.plan!);
    run.seeInside({ layerSlot: first.output, gradientFlow: true, separability: false });
    await clock.frames(2);
    expect(run.snapshot.inside.layerView).not.toBeNull();
    run.seeInside({ layerSlot: null, gradientFlow: true, separability: false });
    expect(run.snapshot.inside.layerView).toBeNull();
    expect(run.snapshot.inside.gradientFlow).not.toBeNull();
    expect(() => run.seeInside({ layerSlot: run.plan!.outputSlot, gradientFlow: false, separability: false })).toThrow(/neither the input nor a hidden layer/);
    const deepest = hiddenLayers(run.plan!).at(-1)!.output;
    run.seeInside({ layerSlot: deepest, gradientFlow: false, separability: false });
    store.setState((state) => ({ config: { ...state.config, model: { ...state.config.model, hidden: [4] } } }));
    await clock.frames(2);
    await run.idle();
    await clock.frames(2);
    expect(run.plan!.dense).toHaveLength(2);
    expect(run.snapshot.inside.layerView).toBeNull();
  });
});
