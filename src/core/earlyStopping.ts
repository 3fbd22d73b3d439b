/** Early stopping: stop when the test loss has not improved for `patience` evaluations, or once it reaches a target. */

export interface EarlyStoppingRule {
  /** Evaluations without a new best test loss before stopping; 0 turns patience off. */
  patience: number;
  /** Stop as soon as the test loss is at most this; null for no target. */
  target: number | null;
}

export interface StopDecision {
  stop: boolean;
  /** Why, in words, when stopping. */
  reason: string | null;
  /** The epoch of the best test loss so far. */
  bestEpoch: number;
  bestLoss: number;
}

/** Follows the test loss evaluation by evaluation and says when to stop. */
export class EarlyStopping {
  private bestLoss = Infinity;
  private bestEpoch = 0;
  private sinceBest = 0;

  constructor(private readonly rule: EarlyStoppingRule) {}

  /** Records the test loss at `epoch`; returns whether training should stop now. */
  observe(epoch: number, testLoss: number): StopDecision {
    if (testLoss < this.bestLoss) {
      this.bestLoss = testLoss;
      this.bestEpoch = epoch;
      this.sinceBest = 0;
    } else {
      this.sinceBest++;
    }
    let reason: string | null = null;
    if (this.rule.target !== null && testLoss <= this.rule.target) reason = `the test loss reached ${this.rule.target}`;
    else if (this.rule.patience > 0 && this.sinceBest >= this.rule.patience) reason = `the test loss has not improved for ${this.rule.patience} evaluation${this.rule.patience === 1 ? '' : 's'} (best at epoch ${this.bestEpoch})`;
    return { stop: reason !== null, reason, bestEpoch: this.bestEpoch, bestLoss: this.bestLoss };
  }
}

/** The config's stopping rule: patience and target, 0 meaning off for each. */
export function stoppingRuleOf(training: { earlyStopping: number; stopAtLoss: number }): EarlyStoppingRule {
  return { patience: training.earlyStopping, target: training.stopAtLoss > 0 ? training.stopAtLoss : null };
}

/** No stopping at all (no test points to judge). */
export const NEVER_STOP: EarlyStoppingRule = { patience: 0, target: null };

/** Where and why early stopping ended training. */
export interface EarlyStop {
  /** The epoch training stopped at, to two decimals. */
  epoch: number;
  /** "the test loss has not improved for 20 evaluations (best at epoch 192)" */
  reason: string;
}

/** An epoch to two decimals (whole epochs stay whole). */
const epochOf = (epoch: number): number => Math.round(epoch * 100) / 100;

/** "Stopped early at epoch 212: the test loss has not improved for 20 evaluations (best at epoch 192)" */
export function earlyStopNotice(stop: EarlyStop): string {
  return `Stopped early at epoch ${stop.epoch}: ${stop.reason}`;
}

/**
 * Early stopping by patience as the page and `descent train` run it: the test loss after every
 * whole epoch of training is one evaluation, so where a run stops depends neither on how its steps
 * were cut into calls nor on the backend.
 */
export class EpochEarlyStopping {
  private judge: EarlyStopping | null = null;
  private rule: EarlyStoppingRule = NEVER_STOP;
  private lastEvaluated = 0;

  constructor(private readonly stepsPerEpoch: number) {}

  /** Whether the rule (patience, target) can apply: it needs steps to count epochs by. */
  active(rule: EarlyStoppingRule): boolean {
    return (rule.patience > 0 || rule.target !== null) && this.stepsPerEpoch > 0;
  }

  /** Of `k` steps wanted after step `step`, those up to the end of the epoch, and whether they end it (that call must report the metrics). */
  cut(k: number, step: number, rule: EarlyStoppingRule): { steps: number; endsEpoch: boolean } {
    if (!this.active(rule)) return { steps: k, endsEpoch: false };
    const toEnd = this.stepsPerEpoch - (step % this.stepsPerEpoch);
    return k >= toEnd ? { steps: toEnd, endsEpoch: true } : { steps: k, endsEpoch: false };
  }

  /**
   * Takes the test loss measured after optimizer step `step` (at `epoch`, as the reader counts
   * them); counts it when the step ends an epoch not yet counted. Returns where and why when
   * training should stop, else null. After a stop the count starts again, so training resumed
   * gets `patience` more evaluations.
   */
  observe(step: number, epoch: number, testLoss: number | undefined, rule: EarlyStoppingRule): EarlyStop | null {
    if (!this.active(rule) || testLoss === undefined || step === 0 || step % this.stepsPerEpoch !== 0 || step === this.lastEvaluated) return null;
    if (this.judge === null || rule.patience !== this.rule.patience || rule.target !== this.rule.target) {
      this.judge = new EarlyStopping(rule);
      this.rule = rule;
    }
    this.lastEvaluated = step;
    const decision = this.judge.observe(epochOf(epoch), testLoss);
    if (!decision.stop) return null;
    this.judge = null;
    return { epoch: epochOf(epoch), reason: decision.reason! };
  }
}
