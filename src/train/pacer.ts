import { MAX_STEPS_PER_CALL } from '../core/trainer';

/** How one step call went: k steps, the main-thread time spent issuing it, and the time until it resolved (ms). */
export interface CallTiming {
  steps: number;
  issueMs: number;
  latencyMs: number;
}

export interface PacerOptions {
  /** Wanted time from a call to its result; two calls overlap, so about two frames keeps the GPU busy. */
  targetLatencyMs: number;
  /** Most main-thread time one call may take to record (its steps are encoded synchronously). */
  issueBudgetMs: number;
}

export const DEFAULT_PACING: PacerOptions = { targetLatencyMs: 30, issueBudgetMs: 6 };

/** The most a call's k may grow or shrink from one call to the next. */
const MAX_FACTOR = 2;

/**
 * Chooses k, the steps per call, so that a call resolves in about `targetLatencyMs` and its
 * recording stays within `issueBudgetMs` of the main thread. Multiplicative: k follows the
 * measured speed, at most doubling or halving per call, within 1…4096.
 */
export class StepPacer {
  private k = 1;

  constructor(private readonly options: PacerOptions = DEFAULT_PACING) {}

  /** Steps to ask for in the next call. */
  next(): number {
    return this.k;
  }

  record(timing: CallTiming): void {
    if (timing.steps <= 0) return;
    const { targetLatencyMs, issueBudgetMs } = this.options;
    const latency = Math.max(timing.latencyMs, 0.1);
    let wanted = timing.steps * Math.min(MAX_FACTOR, Math.max(1 / MAX_FACTOR, targetLatencyMs / latency));
    if (timing.issueMs > 0) wanted = Math.min(wanted, (timing.steps * issueBudgetMs) / timing.issueMs);
    this.k = Math.max(1, Math.min(MAX_STEPS_PER_CALL, Math.round(wanted)));
  }

  /** Back to one step per call (a new trainer, whose speed is not known yet). */
  restart(): void {
    this.k = 1;
  }
}

/** Steps saved up while a call waits are capped at this many seconds' worth, so a pause or a slow frame brings no burst. */
const MAX_SAVED_S = 0.1;

/**
 * The page's Speed: caps the steps a run takes per second. Steps accrue with the clock and each
 * step call spends them; at Infinity (Max) a call takes whatever the pacer asks for.
 */
export class SpeedLimit {
  private saved = 0;
  private last: number | null = null;

  constructor(private stepsPerSecond = Infinity) {}

  get speed(): number {
    return this.stepsPerSecond;
  }

  set(stepsPerSecond: number): void {
    this.stepsPerSecond = stepsPerSecond;
    this.saved = Math.min(this.saved, this.cap());
  }

  /** How many of the `wanted` steps a call may take at time `now` (ms); 0 means wait for a later frame. */
  take(now: number, wanted: number): number {
    const elapsed = this.last === null ? 0 : Math.max(0, now - this.last);
    this.last = now;
    if (!Number.isFinite(this.stepsPerSecond)) return wanted;
    this.saved = Math.min(this.cap(), this.saved + (elapsed * this.stepsPerSecond) / 1000);
    // The epsilon keeps a whole step that float sums of frame times fall just short of.
    const steps = Math.min(wanted, Math.floor(this.saved + 1e-9));
    this.saved = Math.max(0, this.saved - steps);
    return steps;
  }

  /** Training paused: nothing accrues until it goes on. */
  pause(): void {
    this.last = null;
  }

  /** At least one step can be saved up, so that slow motion still steps. */
  private cap(): number {
    return Math.max(1, this.stepsPerSecond * MAX_SAVED_S);
  }
}
