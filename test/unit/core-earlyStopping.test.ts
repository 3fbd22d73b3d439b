import { describe, expect, it } from 'vitest';
import { EarlyStopping } from '../../src/core/earlyStopping';

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
