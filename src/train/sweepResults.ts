import type { Metrics } from '../core/metrics';

/** What the compare view's table shows of one run, and how the runs are ranked. */

/** The loss a sweep compares runs by: the test split's, or the training split's when there is no test data. */
export function measuredLoss(metrics: Metrics): number {
  return (metrics.test ?? metrics.train).loss;
}

/** One point of a run's curve: its measured loss at an epoch. */
export interface SweepPoint {
  epoch: number;
  loss: number;
}

/** A run's results so far. */
export interface SweepResult {
  index: number;
  label: string;
  epoch: number;
  /** The lowest measured loss seen; NaN before the first. */
  bestLoss: number;
  /** The latest measured loss; NaN before the first. */
  finalLoss: number;
  /** The latest accuracy on the test (or training) split; null for regression or before the first. */
  accuracy: number | null;
  /** The first epoch whose loss was at or below the target; null while it has not been reached. */
  epochsToTarget: number | null;
  diverged: boolean;
}

/** The loss the table's "Epochs to loss" column waits for. */
export const TARGET_LOSS = 0.1;

/** A run's results from its curve and latest metrics. */
export function summarizeRun(index: number, label: string, curve: readonly SweepPoint[], metrics: Metrics | null, diverged: boolean, target = TARGET_LOSS): SweepResult {
  let bestLoss = NaN;
  let epochsToTarget: number | null = null;
  for (const point of curve) {
    // NaN compares false, so the first finite loss becomes the best.
    if (Number.isFinite(point.loss) && !(point.loss >= bestLoss)) bestLoss = point.loss;
    if (epochsToTarget === null && point.loss <= target) epochsToTarget = point.epoch;
  }
  const last = curve.at(-1);
  return {
    index,
    label,
    epoch: last?.epoch ?? 0,
    bestLoss,
    finalLoss: last?.loss ?? NaN,
    accuracy: metrics ? (metrics.test ?? metrics.train).accuracy : null,
    epochsToTarget,
    diverged,
  };
}

/** The runs best first: by final loss, a run that diverged or has no loss yet last, ties by their order in the sweep. */
export function rankResults(results: readonly SweepResult[]): SweepResult[] {
  const key = (result: SweepResult) => (result.diverged || !Number.isFinite(result.finalLoss) ? Infinity : result.finalLoss);
  return [...results].sort((a, b) => key(a) - key(b) || a.index - b.index);
}

const csvNumber = (value: number | null): string => (value === null || !Number.isFinite(value) ? '' : String(value));

/** The table as CSV: one row per run in rank order, with the axes' values in their own columns. */
export function resultsCsv(axisLabels: readonly string[], ranked: readonly SweepResult[], values: (index: number) => readonly string[]): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = ['rank', ...axisLabels, 'epoch', 'best loss', 'final loss', 'accuracy', `epochs to loss ${TARGET_LOSS}`, 'diverged'];
  const rows = ranked.map((result, rank) =>
    [String(rank + 1), ...values(result.index), csvNumber(result.epoch), csvNumber(result.bestLoss), csvNumber(result.finalLoss), csvNumber(result.accuracy), csvNumber(result.epochsToTarget), String(result.diverged)].map(quote).join(','),
  );
  return [header.map(quote).join(','), ...rows].join('\n') + '\n';
}
