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
  /**
   * The epoch the run reached the target loss, interpolated on log loss between the last
   * observation above it and the first at or below it; null while it has not been reached.
   */
  epochsToTarget: number | null;
  /** The epochs of those two observations (from 0 when the first observation is already below): how precise `epochsToTarget` is. */
  targetBetween: [number, number] | null;
  diverged: boolean;
}

/** The loss the table's "Epochs to loss" column waits for. */
export const TARGET_LOSS = 0.1;

/** Where a curve crosses the target: observations are seconds apart, so the epoch is interpolated between the two around the crossing. */
export interface TargetCrossing {
  epoch: number;
  between: [number, number];
}

/**
 * The epoch the curve first reaches `target`, interpolated between the last point above it and
 * the first at or below it on log loss (a loss falls roughly exponentially); linearly when a loss
 * is 0. Before the first point the loss is unknown: a curve below at once reached it by then.
 */
export function targetCrossing(curve: readonly SweepPoint[], target: number): TargetCrossing | null {
  const below = curve.findIndex((point) => point.loss <= target);
  if (below < 0) return null;
  const after = curve[below];
  const before = curve.slice(0, below).findLast((point) => Number.isFinite(point.loss));
  if (!before) return { epoch: after.epoch, between: [0, after.epoch] };
  const logScale = after.loss > 0;
  const at = (loss: number) => (logScale ? Math.log(loss) : loss);
  const share = (at(before.loss) - at(target)) / (at(before.loss) - at(after.loss));
  return { epoch: before.epoch + share * (after.epoch - before.epoch), between: [before.epoch, after.epoch] };
}

/** A run's results from its curve and latest metrics. */
export function summarizeRun(index: number, label: string, curve: readonly SweepPoint[], metrics: Metrics | null, diverged: boolean, target = TARGET_LOSS): SweepResult {
  let bestLoss = NaN;
  for (const point of curve) {
    // NaN compares false, so the first finite loss becomes the best.
    if (Number.isFinite(point.loss) && !(point.loss >= bestLoss)) bestLoss = point.loss;
  }
  const crossing = targetCrossing(curve, target);
  const last = curve.at(-1);
  return {
    index,
    label,
    epoch: last?.epoch ?? 0,
    bestLoss,
    finalLoss: last?.loss ?? NaN,
    accuracy: metrics ? (metrics.test ?? metrics.train).accuracy : null,
    epochsToTarget: crossing?.epoch ?? null,
    targetBetween: crossing?.between ?? null,
    diverged,
  };
}

/** The runs best first: by final loss, a run that diverged or has no loss yet last, ties by their order in the sweep. */
export function rankResults(results: readonly SweepResult[]): SweepResult[] {
  const key = (result: SweepResult) => (result.diverged || !Number.isFinite(result.finalLoss) ? Infinity : result.finalLoss);
  return [...results].sort((a, b) => key(a) - key(b) || a.index - b.index);
}

const csvNumber = (value: number | null): string => (value === null || !Number.isFinite(value) ? '' : String(value));
/** An interpolated epoch: two decimals say all it knows. */
const csvEpoch = (value: number | null): string => csvNumber(value === null ? null : Math.round(value * 100) / 100);

/** The table as CSV: one row per run in rank order, with the axes' values in their own columns. */
export function resultsCsv(axisLabels: readonly string[], ranked: readonly SweepResult[], values: (index: number) => readonly string[]): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = ['rank', ...axisLabels, 'epoch', 'best loss', 'final loss', 'accuracy', `epochs to loss ${TARGET_LOSS}`, 'observed from epoch', 'observed to epoch', 'diverged'];
  const rows = ranked.map((result, rank) =>
    [String(rank + 1), ...values(result.index), csvNumber(result.epoch), csvNumber(result.bestLoss), csvNumber(result.finalLoss), csvNumber(result.accuracy), csvEpoch(result.epochsToTarget), csvEpoch(result.targetBetween?.[0] ?? null), csvEpoch(result.targetBetween?.[1] ?? null), String(result.diverged)].map(quote).join(','),
  );
  return [header.map(quote).join(','), ...rows].join('\n') + '\n';
}
