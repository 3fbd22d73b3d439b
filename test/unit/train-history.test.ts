import { describe, expect, it } from 'vitest';
import { LossHistory, type HistoryPoint } from '../../src/train/history';

const point = (epoch: number): HistoryPoint => ({ epoch, trainLoss: epoch, testLoss: 2 * epoch, trainAccuracy: 0.5, testAccuracy: NaN, learningRate: 0.01 });

describe('LossHistory', () => {
  it('keeps every point until it reaches its capacity', () => {
    const history = new LossHistory(8);
    for (let i = 0; i < 7; i++) history.add(point(i));
    expect(history.values.map((p) => p.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(history.observationsPerPoint).toBe(1);
  });

  it('merges neighbouring pairs at capacity and then averages new points in pairs', () => {
    const history = new LossHistory(8);
    for (let i = 0; i < 8; i++) history.add(point(i));
    expect(history.values.map((p) => p.epoch)).toEqual([0.5, 2.5, 4.5, 6.5]);
    expect(history.values[1].testLoss).toBe(5);
    expect(history.observationsPerPoint).toBe(2);
    history.add(point(8));
    expect(history.values).toHaveLength(4);
    history.add(point(9));
    expect(history.values.map((p) => p.epoch)).toEqual([0.5, 2.5, 4.5, 6.5, 8.5]);
  });

  it('stays within its capacity on a long run, and the curve still spans all epochs', () => {
    const history = new LossHistory(2000);
    for (let i = 0; i < 1_000_000; i++) history.add(point(i));
    expect(history.values.length).toBeLessThan(2000);
    expect(history.values.length).toBeGreaterThanOrEqual(1000);
    expect(history.values[0].epoch).toBeLessThan(1000);
    expect(history.values[history.values.length - 1].epoch).toBeGreaterThan(998_000);
  });

  it('bumps its version when the curve changes and starts over on clear', () => {
    const history = new LossHistory(4);
    const before = history.version;
    history.add(point(1));
    expect(history.version).toBeGreaterThan(before);
    history.clear();
    expect(history.values).toHaveLength(0);
    expect(history.observationsPerPoint).toBe(1);
  });

  it('copies the curve up to an epoch for a branch, which then grows apart from it', () => {
    const history = new LossHistory(8);
    for (let i = 0; i < 12; i++) history.add(point(i));
    const branch = history.until(5);
    expect(branch.values.every((p) => p.epoch <= 5)).toBe(true);
    expect(branch.values.length).toBeGreaterThan(0);
    expect(branch.observationsPerPoint).toBe(history.observationsPerPoint);
    expect(branch.version).not.toBe(history.version);
    const kept = history.values.length;
    for (let i = 0; i < branch.observationsPerPoint; i++) branch.add(point(6));
    expect(branch.values.at(-1)!.epoch).toBe(6);
    expect(history.values).toHaveLength(kept);
  });

  it('rejects an odd capacity', () => {
    expect(() => new LossHistory(7)).toThrow(RangeError);
  });
});
