import { describe, expect, it } from 'vitest';
import { nextPhase, RUN_TRANSITIONS, type RunEvent, type RunPhase } from '../../src/train/runState';

/** Every state × every event, written out: the table a reader can check against the behaviour they expect. */
const EXPECTED: [RunPhase, RunEvent, RunPhase][] = [
  ['paused', 'play', 'playing'],
  ['paused', 'pause', 'paused'],
  ['paused', 'diverge', 'diverged'],
  ['paused', 'fail', 'failed'],
  ['paused', 'freshWeights', 'paused'],
  ['playing', 'play', 'playing'],
  ['playing', 'pause', 'paused'],
  ['playing', 'diverge', 'diverged'],
  ['playing', 'fail', 'failed'],
  ['playing', 'freshWeights', 'playing'],
  ['diverged', 'play', 'playing'],
  ['diverged', 'pause', 'diverged'],
  ['diverged', 'diverge', 'diverged'],
  ['diverged', 'fail', 'failed'],
  ['diverged', 'freshWeights', 'paused'],
  ['failed', 'play', 'playing'],
  ['failed', 'pause', 'failed'],
  ['failed', 'diverge', 'failed'],
  ['failed', 'fail', 'failed'],
  ['failed', 'freshWeights', 'paused'],
];

describe('the run state table', () => {
  it.each(EXPECTED)('%s + %s → %s', (phase, event, next) => {
    expect(nextPhase(phase, event)).toBe(next);
  });

  it('covers every state and event exactly once', () => {
    const covered = Object.entries(RUN_TRANSITIONS).flatMap(([phase, events]) => Object.keys(events).map((event) => `${phase} ${event}`));
    expect(covered.sort()).toEqual(EXPECTED.map(([phase, event]) => `${phase} ${event}`).sort());
  });
});
