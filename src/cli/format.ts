import type { SplitMetrics } from '../core/metrics';

/** Human-readable lines for the terminal. */

export function formatSplit(name: string, metrics: SplitMetrics): string {
  const accuracy = metrics.accuracy === null ? '' : `  accuracy ${(100 * metrics.accuracy).toFixed(1)}%`;
  const loss = metrics.accuracy === null ? `MSE ${metrics.loss.toPrecision(4)}` : `loss ${metrics.loss.toPrecision(4)}`;
  return `  ${name.padEnd(5)}  ${loss}${accuracy}  (${metrics.count} points)`;
}

/** Metrics as JSON: loss and accuracy (null for regression) and the number of points. */
export function splitJson(metrics: SplitMetrics | null): { loss: number; accuracy: number | null; points: number } | null {
  return metrics ? { loss: metrics.loss, accuracy: metrics.accuracy, points: metrics.count } : null;
}

export function formatSeconds(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
}
