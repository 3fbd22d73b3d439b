import { describe, expect, it } from 'vitest';
import { EarlyStopping, earlyStopNotice, EpochEarlyStopping, stoppingRuleOf, type EarlyStoppingRule } from '../../src/core/earlyStopping';

/** Feeds test losses one evaluation per epoch and returns the epoch it stopped at (null if never). */
function stopsAt(losses: number[], patience: number, target: number | null = null): number | null {
  const rule = new EarlyStopping({ patience, target });
  for (let epoch = 0; epoch < losses.length; epoch++) if (rule.observe(epoch, losses[epoch]).stop) return epoch;
  return null;
}

describe('early stopping', () => {
  it('stops after `patience` evaluations without a new best test loss', () => {
    // Best at epoch 3 (0.4); epochs 4, 5, 6 do not beat it.
    expect(stopsAt([1, 0.8, 0.5, 0.4, 0.45, 0.41, 0.5, 0.3], 3)).toBe(6);
    expect(stopsAt([1, 0.8, 0.5, 0.4, 0.45, 0.41, 0.5, 0.3], 4)).toBeNull();
  });

  it('a new best resets the count, and an equal loss is no improvement', () => {
    expect(stopsAt([1, 0.9, 1, 0.8, 0.9, 0.9], 2)).toBe(5);
    expect(stopsAt([0.5, 0.5, 0.5], 2)).toBe(2);
  });

  it('stops as soon as the target is reached, and says why', () => {
    const rule = new EarlyStopping({ patience: 0, target: 0.1 });
    expect(rule.observe(0, 0.3).stop).toBe(false);
    const decision = rule.observe(1, 0.09);
    expect(decision).toMatchObject({ stop: true, bestEpoch: 1, bestLoss: 0.09 });
    expect(decision.reason).toMatch(/reached 0.1/);
  });

  it('never stops with patience 0 and no target', () => {
    expect(stopsAt([1, 2, 3, 4, 5, 6], 0)).toBeNull();
  });

  it('names the best epoch when patience runs out', () => {
    const rule = new EarlyStopping({ patience: 1, target: null });
    rule.observe(0, 0.5);
    rule.observe(1, 0.2);
    expect(rule.observe(2, 0.3).reason).toMatch(/best at epoch 1/);
  });
});

describe('early stopping by whole epochs', () => {
  const patience = (evaluations: number): EarlyStoppingRule => ({ patience: evaluations, target: null });
  /** The test loss falls for 5 epochs, then rises: best at epoch 5. */
  const lossAt = (epoch: number): number => (epoch <= 5 ? 1 / epoch : 0.2 + 0.01 * epoch);

  /** Trains in calls of `k` steps (10 steps an epoch), reporting the test loss after every call; returns the notice and the step of the stop. */
  function run(k: number, rule: EarlyStoppingRule): { notice: string | null; step: number } {
    const stopping = new EpochEarlyStopping(10);
    let step = 0;
    while (step < 500) {
      const { steps } = stopping.cut(k, step, rule);
      step += steps;
      const stop = stopping.observe(step, step / 10, lossAt(step / 10), rule);
      if (stop) return { notice: earlyStopNotice(stop), step };
    }
    return { notice: null, step };
  }

  it('stops after `patience` epochs without a new best, wherever the calls end', () => {
    for (const k of [1, 3, 10, 25, 4096]) {
      expect(run(k, patience(3)), `calls of ${k} steps`).toEqual({ notice: 'Stopped early at epoch 8: the test loss has not improved for 3 evaluations (best at epoch 5)', step: 80 });
    }
  });

  it('cuts calls at the end of each epoch only while patience is on', () => {
    const stopping = new EpochEarlyStopping(22);
    expect(stopping.cut(100, 30, patience(5))).toEqual({ steps: 14, endsEpoch: true });
    expect(stopping.cut(10, 30, patience(5))).toEqual({ steps: 10, endsEpoch: false });
    expect(stopping.cut(100, 30, patience(0))).toEqual({ steps: 100, endsEpoch: false });
    expect(run(7, patience(0))).toEqual({ notice: null, step: 504 });
  });

  it('counts an epoch once, ignores steps inside an epoch and a missing test split', () => {
    const stopping = new EpochEarlyStopping(10);
    expect(stopping.observe(10, 1, 1, patience(1))).toBeNull();
    expect(stopping.observe(10, 1, 2, patience(1))).toBeNull();
    expect(stopping.observe(15, 1.5, 2, patience(1))).toBeNull();
    expect(stopping.observe(20, 2, undefined, patience(1))).toBeNull();
    expect(stopping.observe(30, 3, 2, patience(1))).toEqual({ epoch: 3, reason: 'the test loss has not improved for 1 evaluation (best at epoch 1)' });
  });

  it('after a stop, training resumed gets `patience` more evaluations', () => {
    const stopping = new EpochEarlyStopping(1);
    expect(stopping.observe(1, 1, 1, patience(2))).toBeNull();
    expect(stopping.observe(2, 2, 1, patience(2))).toBeNull();
    expect(stopping.observe(3, 3, 1, patience(2))?.epoch).toBe(3);
    expect(stopping.observe(4, 4, 1, patience(2))).toBeNull();
    expect(stopping.observe(5, 5, 1, patience(2))).toBeNull();
    expect(stopping.observe(6, 6, 1, patience(2))).toMatchObject({ epoch: 6, reason: expect.stringMatching(/\(best at epoch 4\)$/) });
  });

  it('stops at the first whole epoch whose test loss reaches the target, with or without patience', () => {
    for (const rule of [{ patience: 0, target: 0.3 }, { patience: 50, target: 0.3 }]) {
      expect(run(4096, rule)).toEqual({ notice: 'Stopped early at epoch 4: the test loss reached 0.3', step: 40 });
    }
    expect(run(7, { patience: 0, target: 0.01 })).toEqual({ notice: null, step: 500 });
  });

  it('reads the rule from the config: 0 is off for patience and for the target', () => {
    expect(stoppingRuleOf({ earlyStopping: 0, stopAtLoss: 0 })).toEqual({ patience: 0, target: null });
    expect(stoppingRuleOf({ earlyStopping: 20, stopAtLoss: 0.05 })).toEqual({ patience: 20, target: 0.05 });
  });
});
