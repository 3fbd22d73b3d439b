import { describe, expect, it, vi } from 'vitest';
import { editData, editParameters, previewParameters, redoEdit, undoEdit, type AppStore } from '../../src/ui/store';
import type { Run } from '../../src/train/run';
import { startedRun, type ManualClock } from './train-runHarness';

/** Lets the run take in the store's change and refresh its views. */
async function applied(run: Run, clock: ManualClock): Promise<void> {
  await run.idle();
  await clock.frames(2);
  await run.idle();
}

/** Parameters typed in the diagram's popover at once: each with its value now and the typed one. */
function typeWeights(store: AppStore, run: Run, typed: [index: number, value: number][]): void {
  editParameters(store, typed.map(([index, after]) => ({ index, before: run.parameters![index], after })));
}

describe('weights and biases typed by hand', () => {
  it('go into the model the run trains (and its exported weights); Undo puts back the value before, Redo the typed one', async () => {
    const { run, store, clock } = await startedRun((config) => (config.model.hidden = [3]));
    run.stepEpoch();
    await applied(run, clock);
    const trained = Float32Array.from(run.parameters!);
    const bias = run.plan!.dense[0].biasOffset + 2;
    typeWeights(store, run, [[1, 1.5]]);
    typeWeights(store, run, [[bias, -0.25], [0, trained[0]]]);
    expect(store.getState().edits.past.at(-1)).toEqual({ kind: 'parameters', edits: [{ index: bias, before: trained[bias], after: -0.25 }] });
    await applied(run, clock);
    const edited = Float32Array.from(trained);
    edited[1] = 1.5;
    edited[bias] = -0.25;
    expect(Array.from(run.parameters!)).toEqual(Array.from(edited));
    const file = await run.exportWeights();
    const [first] = file.layers;
    expect(first.kind === 'dense' && [first.weight[0][1], first.bias[2]]).toEqual([1.5, -0.25]);

    expect(undoEdit(store)).toBe(true);
    await applied(run, clock);
    expect(run.parameters![bias]).toBe(trained[bias]);
    expect(run.parameters![1]).toBe(1.5);
    expect(undoEdit(store)).toBe(true);
    await applied(run, clock);
    expect(Array.from(run.parameters!)).toEqual(Array.from(trained));
    expect(redoEdit(store)).toBe(true);
    await applied(run, clock);
    expect(run.parameters![1]).toBe(1.5);
  });

  it('share one history with the data edits: Ctrl+Z takes back whichever came last', async () => {
    const { run, store, clock } = await startedRun((config) => (config.model.hidden = [3]));
    const noise = store.getState().config.data.noise;
    editData(store, (data) => (data.noise = 0.3));
    await applied(run, clock);
    const before = run.parameters![0];
    typeWeights(store, run, [[0, 2]]);
    await applied(run, clock);
    expect(run.parameters![0]).toBe(2);
    undoEdit(store);
    await applied(run, clock);
    expect(run.parameters![0]).toBe(before);
    expect(store.getState().config.data.noise).toBe(0.3);
    undoEdit(store);
    await applied(run, clock);
    expect(store.getState().config.data.noise).toBe(noise);
  });

  it('a value typed unchanged is no edit', async () => {
    const { run, store } = await startedRun();
    typeWeights(store, run, [[0, run.parameters![0]]]);
    expect(store.getState().edits.past).toEqual([]);
  });

  it('dragged: every value on the way goes into the model, changes arriving together go in at once, and the drag is one Undo', async () => {
    const { run, store, clock, made } = await startedRun((config) => (config.model.hidden = [3]));
    const start = Float32Array.from(run.parameters!);
    const trainer = made.at(-1)!;
    const sets = vi.spyOn(trainer, 'setParameters');
    // Three frames of a drag of weight 1 and one of the bias sent before the run's turn comes.
    for (const value of [0.5, 0.75, 1.25]) previewParameters(store, [{ index: 1, value }]);
    const bias = run.plan!.dense[0].biasOffset;
    previewParameters(store, [{ index: bias, value: -2 }]);
    await applied(run, clock);
    expect(sets).toHaveBeenCalledTimes(1);
    expect([run.parameters![1], run.parameters![bias]]).toEqual([1.25, -2]);
    expect(store.getState().edits.past).toEqual([]);
    previewParameters(store, [{ index: 1, value: 1.5 }]);
    await applied(run, clock);
    expect(run.parameters![1]).toBe(1.5);
    // The drag ends: one edit from the values before it.
    editParameters(store, [
      { index: 1, before: start[1], after: 1.5 },
      { index: bias, before: start[bias], after: -2 },
    ]);
    expect(store.getState().edits.past).toHaveLength(1);
    await applied(run, clock);
    undoEdit(store);
    await applied(run, clock);
    expect(Array.from(run.parameters!)).toEqual(Array.from(start));
  });
});
