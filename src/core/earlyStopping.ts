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
    else if (this.rule.patience > 0 && this.sinceBest >= this.rule.patience) reason = `the test loss has not improved for ${this.rule.patience} evaluations (best at epoch ${this.bestEpoch})`;
    return { stop: reason !== null, reason, bestEpoch: this.bestEpoch, bestLoss: this.bestLoss };
  }
}
