import type { Metrics } from '../core/metrics';

/** Step calls that may wait for their results at once; a frame issues none while this many are pending. */
export const MAX_CALLS_IN_FLIGHT = 2;

/** The metrics a weights file records: the epoch and both splits' loss and accuracy (null where unknown). */
export function metricsSummary(epoch: number, metrics: Metrics | null): Record<string, unknown> {
  const value = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
  return {
    epoch: value(epoch),
    trainLoss: value(metrics?.train.loss),
    testLoss: value(metrics?.test?.loss),
    trainAccuracy: value(metrics?.train.accuracy),
    testAccuracy: value(metrics?.test?.accuracy),
  };
}
