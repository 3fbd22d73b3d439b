import { describe, expect, it } from 'vitest';
import { initializeParameters } from '../../src/core/init';
import { deriveSeed } from '../../src/core/rng';
import { clearPoints } from '../../src/data/draw';
import { datasetOf, withDrawnPoints, withErasedPoints } from '../../src/train/dataEdits';
import { dataTask } from '../../src/train/experiment';
import { drawNewWeights, editData, redoEdit, setCustomData, undoEdit, UNDO_LIMIT, type AppStore } from '../../src/ui/store';
import { startedRun } from './train-runHarness';

/** The data the page shows (what the store holds), as the user sees it. */
const shown = (store: AppStore) => datasetOf(store.getState().config.data, store.getState().custom);

describe('the store owns the data, and the run follows it', () => {
  it('New weights starts again from fresh weights of a new weight seed, the same each time for the same press, and keeps the data', async () => {
    const { run, store, clock } = await startedRun((config) => (config.model.hidden = [4]));
    const data = shown(store);
    run.stepEpoch();
    await run.idle();
    const first = Array.from(run.parameters!);
    const seeds = [store.getState().config.training.seed];
    for (let press = 0; press < 3; press++) {
      drawNewWeights(store);
      await run.idle();
      await clock.frames(1);
      await run.idle();
      seeds.push(store.getState().config.training.seed);
      expect(run.epoch).toBe(0);
      const plan = run.plan!;
      expect(Array.from(run.parameters!)).toEqual(Array.from(initializeParameters(plan, 'xavier', seeds[seeds.length - 1], new Float32Array(plan.parameterCount))));
    }
    expect(new Set(seeds).size).toBe(4);
    expect(seeds[1]).toBe(deriveSeed(seeds[0], 0x1417));
    expect(Array.from(run.parameters!)).not.toEqual(first);
    expect(shown(store)).toEqual(data);
  });

  it('Clear points, then choosing a preset works: the preset keeps its own point count', async () => {
    const { run, store, clock } = await startedRun();
    setCustomData(store, clearPoints(dataTask(store.getState().config.data, store.getState().custom)));
    await run.idle();
    expect(run.dataset!.labels).toHaveLength(0);
    editData(store, (data) => (data.preset = 'xor'));
    await run.idle();
    await clock.frames(1);
    await run.idle();
    expect(store.getState().config.data).toMatchObject({ preset: 'xor', points: 200 });
    expect(run.status.problem).toBeNull();
    expect(run.dataset!.labels).toHaveLength(200);
    expect(run.metrics!.train.count).toBe(140);
  });

  it('drawing on regression data adds a point with the chosen value and keeps the data, the task and the epoch', async () => {
    const { run, store } = await startedRun((config) => (config.data.preset = 'reg-plane'));
    run.stepEpoch();
    await run.idle();
    setCustomData(store, withDrawnPoints(shown(store), [[1, 1]], 0.5));
    await run.idle();
    expect(run.dataset!.task).toEqual({ kind: 'regression' });
    expect(run.dataset!.labels).toHaveLength(201);
    expect(run.dataset!.labels[200]).toBe(0.5);
    expect(run.epoch).toBe(1);
  });

  it('undoes and redoes every data edit: draw, erase, clear, regenerate, import, preset change', async () => {
    const { run, store } = await startedRun();
    const states = [shown(store)];
    const remember = () => states.push(shown(store));
    setCustomData(store, withDrawnPoints(shown(store), [[0, 0]], 1));
    remember();
    setCustomData(store, withErasedPoints(shown(store), [0, 0], 0.5));
    remember();
    editData(store, (data) => (data.seed += 1));
    remember();
    setCustomData(store, clearPoints({ kind: 'classification', classes: 2 }));
    remember();
    const imported = withDrawnPoints(clearPoints({ kind: 'classification', classes: 2 }), [[1, 1], [2, 2]], 1);
    setCustomData(store, imported);
    remember();
    editData(store, (data) => (data.preset = 'spiral'));
    remember();
    for (let i = states.length - 2; i >= 0; i--) {
      expect(undoEdit(store)).toBe(true);
      expect(shown(store)).toEqual(states[i]);
    }
    expect(undoEdit(store)).toBe(false);
    for (let i = 1; i < states.length; i++) {
      expect(redoEdit(store)).toBe(true);
      expect(shown(store)).toEqual(states[i]);
    }
    expect(redoEdit(store)).toBe(false);
    await run.idle();
    expect(run.dataset).toEqual(states.at(-1));
  });

  it('keeps at least the last 30 edits, and one stroke is one edit', async () => {
    const { store } = await startedRun();
    const start = shown(store);
    for (let i = 0; i < 40; i++) setCustomData(store, withDrawnPoints(shown(store), [[i / 10, 0]], 0));
    setCustomData(store, withDrawnPoints(shown(store), [[5, 5]], 1));
    setCustomData(store, withDrawnPoints(shown(store), [[5, 4]], 1), true);
    expect(undoEdit(store)).toBe(true);
    expect(shown(store).labels).toHaveLength(start.labels.length + 40);
    let undone = 1;
    while (undoEdit(store)) undone++;
    expect(undone).toBeGreaterThanOrEqual(30);
    expect(undone).toBe(Math.min(UNDO_LIMIT, 41));
  });

  it('Regenerate on custom data keeps the points and splits them anew', async () => {
    const { store } = await startedRun();
    const drawn = withDrawnPoints(clearPoints({ kind: 'classification', classes: 2 }), Array.from({ length: 20 }, (_, i): [number, number] => [i / 4, 1]), 0);
    setCustomData(store, drawn);
    editData(store, (data) => (data.seed += 1));
    const regenerated = store.getState().custom!;
    expect(regenerated.points).toEqual(drawn.points);
    expect(regenerated.labels).toEqual(drawn.labels);
    expect(regenerated.isTest.reduce((a, b) => a + b, 0)).toBe(6);
  });
});
