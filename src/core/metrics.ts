import { rowLoss, rowPrediction } from './loss';
import { outputWidth, type Task } from './task';

/** Loss (mean over the split) and accuracy (classification only) on one split. */
export interface SplitMetrics {
  loss: number;
  accuracy: number | null;
  count: number;
}

export interface Metrics {
  train: SplitMetrics;
  /** null when the dataset has no test split. */
  test: SplitMetrics | null;
}

/** Metrics of `rows` rows of logits (rows × outputWidth) against their labels. */
export function splitMetrics(task: Task, logits: ArrayLike<number>, labels: ArrayLike<number>, rows: number): SplitMetrics {
  const width = outputWidth(task);
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    loss += rowLoss(task, logits, r * width, labels[r]);
    if (task.kind === 'classification' && rowPrediction(task, logits, r * width) === labels[r]) correct++;
  }
  return {
    loss: rows > 0 ? loss / rows : NaN,
    accuracy: task.kind === 'classification' ? (rows > 0 ? correct / rows : NaN) : null,
    count: rows,
  };
}

/** Training that produced a non-finite loss has diverged. */
export function isDiverged(loss: number): boolean {
  return !Number.isFinite(loss);
}
