import { describe, expect, it } from 'vitest';
import { Timeline, TIMELINE_CAPACITY } from '../../src/train/timeline';

const weightsAt = (epoch: number) => [epoch, -epoch, epoch / 2];

/** A timeline offered a snapshot at every epoch from 0 to `last`. */
function trainedTo(last: number): Timeline {
  const timeline = new Timeline();
  for (let epoch = 0; epoch <= last; epoch++) timeline.record(epoch, weightsAt(epoch));
  return timeline;
}

describe('Timeline', () => {
  it('keeps every epoch while it has room', () => {
    const timeline = trainedTo(40);
    expect(timeline.entries.map((entry) => entry.epoch)).toEqual(Array.from({ length: 41 }, (_, epoch) => epoch));
    expect(timeline.spacing).toBe(1);
  });

  it('never holds more than 64 snapshots, however long the run', () => {
    const timeline = new Timeline();
    for (let epoch = 0; epoch <= 20_000; epoch++) {
      timeline.record(epoch, weightsAt(epoch));
      expect(timeline.entries.length).toBeLessThanOrEqual(TIMELINE_CAPACITY);
    }
    expect(timeline.entries.length).toBeGreaterThanOrEqual(TIMELINE_CAPACITY / 2);
  });

  it('is dense early and thin late: the spacing doubles each time it fills, and always starts at epoch 0', () => {
    const timeline = trainedTo(1000);
    const epochs = timeline.entries.map((entry) => entry.epoch);
    expect(epochs[0]).toBe(0);
    expect(timeline.spacing).toBe(16);
    // Evenly spaced at the current spacing; the spacing grew 1 → 2 → 4 → 8 → 16 as the run went on.
    for (let i = 1; i < epochs.length; i++) expect(epochs[i] - epochs[i - 1]).toBe(16);
    expect(epochs.at(-1)).toBeGreaterThan(1000 - 16);
  });

  it('keeps snapshots offered at uneven epochs once the spacing has passed', () => {
    const timeline = new Timeline();
    for (const epoch of [0, 0.4, 1.2, 1.9, 2.3, 3.5]) timeline.record(epoch, weightsAt(epoch));
    expect(timeline.entries.map((entry) => entry.epoch)).toEqual([0, 1.2, 2.3, 3.5]);
  });

  it('keeps a copy of the weights, not the caller’s array', () => {
    const timeline = new Timeline();
    const weights = new Float32Array([1, 2, 3]);
    timeline.record(0, weights);
    weights[0] = 99;
    expect([...timeline.entries[0].parameters]).toEqual([1, 2, 3]);
  });

  it('finds the latest snapshot at or before an epoch', () => {
    const timeline = trainedTo(300);
    expect(timeline.at(0)?.epoch).toBe(0);
    expect(timeline.at(37)?.epoch).toBe(32);
    expect([...timeline.at(37)!.parameters]).toEqual(weightsAt(32));
    expect(timeline.at(1e9)?.epoch).toBe(timeline.entries.at(-1)!.epoch);
    expect(timeline.at(-1)?.epoch).toBe(0);
    expect(new Timeline().at(5)).toBeUndefined();
  });

  it('branches: a copy up to an epoch keeps its spacing and grows apart from the original', () => {
    const timeline = trainedTo(100);
    const branch = timeline.until(40);
    expect(branch.entries.at(-1)!.epoch).toBeLessThanOrEqual(40);
    expect(branch.spacing).toBe(timeline.spacing);
    expect(branch.record(50, [999, 0, 0])).toBe(true);
    expect(branch.entries.at(-1)!.epoch).toBe(50);
    expect(timeline.entries.some((entry) => entry.parameters[0] === 999)).toBe(false);
    expect(timeline.entries.at(-1)!.epoch).toBeGreaterThan(90);
  });

  it('refuses a capacity it cannot halve', () => {
    expect(() => new Timeline(7)).toThrow(RangeError);
  });
});
