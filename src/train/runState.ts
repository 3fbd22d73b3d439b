/**
 * The run's states and what moves it between them. Playing trains every frame; Paused waits;
 * Diverged holds the weights from before the loss became NaN/∞ until Play restores them;
 * Failed says why a call failed until Play or fresh weights.
 */
export type RunPhase = 'paused' | 'playing' | 'diverged' | 'failed';

/** What happens to a run: the user's Play and Pause (Step and Reset pause first), a step call's outcome, a new trainer with fresh weights. */
export type RunEvent = 'play' | 'pause' | 'diverge' | 'fail' | 'freshWeights';

export const RUN_TRANSITIONS: Readonly<Record<RunPhase, Readonly<Record<RunEvent, RunPhase>>>> = {
  paused: { play: 'playing', pause: 'paused', diverge: 'diverged', fail: 'failed', freshWeights: 'paused' },
  playing: { play: 'playing', pause: 'paused', diverge: 'diverged', fail: 'failed', freshWeights: 'playing' },
  // Pause keeps a problem in view; fresh weights end it.
  diverged: { play: 'playing', pause: 'diverged', diverge: 'diverged', fail: 'failed', freshWeights: 'paused' },
  failed: { play: 'playing', pause: 'failed', diverge: 'failed', fail: 'failed', freshWeights: 'paused' },
};

export function nextPhase(phase: RunPhase, event: RunEvent): RunPhase {
  return RUN_TRANSITIONS[phase][event];
}
