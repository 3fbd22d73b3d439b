import { describe, expect, it } from 'vitest';
import { constantSchedule, learningRateAt, lrScheduleOf, type LrSchedule } from '../../src/core/lrSchedule';

const schedule = (patch: Partial<LrSchedule>): LrSchedule => ({ ...constantSchedule(), ...patch });

describe('learning-rate schedules', () => {
  it('constant keeps the base rate', () => {
    for (const step of [0, 1, 999, 1e6]) expect(learningRateAt(0.1, constantSchedule(), step)).toBe(0.1);
  });

  it('step decay multiplies by gamma every stepSize steps', () => {
    const decay = schedule({ kind: 'step', stepSize: 100, gamma: 0.5 });
    expect(learningRateAt(0.1, decay, 0)).toBe(0.1);
    expect(learningRateAt(0.1, decay, 99)).toBe(0.1);
    expect(learningRateAt(0.1, decay, 100)).toBe(0.05);
    expect(learningRateAt(0.1, decay, 250)).toBe(0.025);
  });

  it('exponential multiplies by gamma every step', () => {
    const exponential = schedule({ kind: 'exponential', gamma: 0.99 });
    expect(learningRateAt(1, exponential, 0)).toBe(1);
    expect(learningRateAt(1, exponential, 1)).toBeCloseTo(0.99, 15);
    expect(learningRateAt(1, exponential, 69)).toBeCloseTo(0.99 ** 69, 15);
    expect(learningRateAt(1, exponential, 69)).toBeCloseTo(0.5, 2);
  });

  it('cosine falls from the base rate to 0 over its length, through half at the middle', () => {
    const cosine = schedule({ kind: 'cosine', length: 1000 });
    expect(learningRateAt(0.2, cosine, 0)).toBe(0.2);
    expect(learningRateAt(0.2, cosine, 500)).toBeCloseTo(0.1, 15);
    expect(learningRateAt(0.2, cosine, 250)).toBeCloseTo(0.1 * (1 + Math.SQRT1_2), 15);
    expect(learningRateAt(0.2, cosine, 1000)).toBe(0);
    expect(learningRateAt(0.2, cosine, 5000)).toBe(0);
  });

  it('warm-up rises linearly to the base rate over its length, then stays', () => {
    const warmup = schedule({ kind: 'warmup', length: 10 });
    expect(learningRateAt(0.5, warmup, 0)).toBeCloseTo(0.05, 15);
    expect(learningRateAt(0.5, warmup, 4)).toBeCloseTo(0.25, 15);
    expect(learningRateAt(0.5, warmup, 9)).toBe(0.5);
    expect(learningRateAt(0.5, warmup, 10)).toBe(0.5);
    expect(learningRateAt(0.5, warmup, 1e5)).toBe(0.5);
  });
});

describe('the schedule of a training config', () => {
  const fields = { lrStep: 300, lrGamma: 0.9, warmupSteps: 40 };
  it('step and cosine take lrStep, warm-up takes warmupSteps, step and exponential take lrGamma', () => {
    expect(lrScheduleOf({ ...fields, lrSchedule: 'step' })).toMatchObject({ kind: 'step', stepSize: 300, gamma: 0.9 });
    expect(lrScheduleOf({ ...fields, lrSchedule: 'exponential' })).toMatchObject({ kind: 'exponential', gamma: 0.9 });
    expect(lrScheduleOf({ ...fields, lrSchedule: 'cosine' })).toMatchObject({ kind: 'cosine', length: 300 });
    expect(lrScheduleOf({ ...fields, lrSchedule: 'warmup' })).toMatchObject({ kind: 'warmup', length: 40 });
    expect(learningRateAt(0.1, lrScheduleOf({ ...fields, lrSchedule: 'constant' }), 5000)).toBe(0.1);
  });
});
