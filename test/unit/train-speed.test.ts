import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED, SPEED_STOPS, nearestSpeedStop, speedText } from '../../src/core/speed';
import { SpeedLimit } from '../../src/train/pacer';
import { startedRun } from './train-runHarness';

/** Steps a limit lets through over `seconds` of 60 Hz frames, each asking for `wanted` steps. */
function stepsOver(limit: SpeedLimit, seconds: number, wanted = 4096, start = 0): number {
  let steps = 0;
  for (let frame = 0; frame <= seconds * 60; frame++) steps += limit.take(start + (frame * 1000) / 60, wanted);
  return steps;
}

describe('SpeedLimit (the page’s Speed)', () => {
  it('lets through about the speed in steps a second, at every stop but Max', () => {
    for (const speed of SPEED_STOPS.filter(Number.isFinite)) {
      const steps = stepsOver(new SpeedLimit(speed), 10);
      expect(steps, `${speed} steps/s`).toBeGreaterThanOrEqual(Math.floor(speed * 10) - 1);
      expect(steps, `${speed} steps/s`).toBeLessThanOrEqual(Math.ceil(speed * 10) + 1);
    }
  });

  it('steps in slow motion: one step a second is one call of one step each second', () => {
    const limit = new SpeedLimit(1);
    const calls: number[] = [];
    for (let frame = 0; frame <= 180; frame++) {
      const steps = limit.take((frame * 1000) / 60, 64);
      if (steps > 0) calls.push(steps);
    }
    expect(calls).toEqual([1, 1, 1]);
  });

  it('never gives more than the pacer asks for, and at Max gives exactly that', () => {
    // The first frame only starts the clock.
    expect(stepsOver(new SpeedLimit(10_000), 1, 3)).toBe(3 * 60);
    expect(stepsOver(new SpeedLimit(Infinity), 1, 7)).toBe(7 * 61);
  });

  it('saves up no burst over a pause or a long frame', () => {
    const limit = new SpeedLimit(100);
    stepsOver(limit, 1);
    limit.pause();
    // Resumed ten seconds later: no steps for the time paused.
    expect(limit.take(11_000, 4096)).toBe(0);
    expect(limit.take(11_000 + 1000 / 60, 4096)).toBeLessThanOrEqual(2);
    // A frame that took a whole second brings at most a tenth of a second's steps.
    expect(limit.take(12_100, 4096)).toBeLessThanOrEqual(10);
  });

  it('takes a new speed at once, without the old one’s savings', () => {
    const limit = new SpeedLimit(10_000);
    limit.take(0, 1);
    limit.take(50, 1);
    limit.set(1);
    expect(limit.take(51, 4096)).toBeLessThanOrEqual(1);
  });

  it('says the speed as the page shows it, and finds the slider stop of any speed', () => {
    expect([speedText(1), speedText(1000), speedText(Infinity)]).toEqual(['1 step/s', '1,000 steps/s', 'Max']);
    expect(SPEED_STOPS[nearestSpeedStop(DEFAULT_SPEED)]).toBe(DEFAULT_SPEED);
    expect(SPEED_STOPS[nearestSpeedStop(Infinity)]).toBe(Infinity);
    expect(SPEED_STOPS[nearestSpeedStop(2500)]).toBe(3000);
  });
});

describe('a run at a set Speed', () => {
  it('trains about the speed in steps a second, and as fast as it can at Max', async () => {
    const { run, clock, made } = await startedRun();
    let now = 0;
    clock.now = () => now;
    const frames = async (count: number) => {
      for (let i = 0; i < count; i++) {
        now += 1000 / 60;
        await clock.frames(1);
      }
    };
    const steps = () => made[0].stepCalls.reduce((sum, call) => sum + call.k, 0);
    run.setSpeed(10);
    run.play();
    await frames(120);
    // Two seconds at 10 steps a second (the first frame only starts the clock).
    expect(steps()).toBeGreaterThanOrEqual(18);
    expect(steps()).toBeLessThanOrEqual(21);
    run.setSpeed(Infinity);
    const before = steps();
    await frames(30);
    expect(steps() - before).toBeGreaterThan(200);
  }, 20_000);
});
