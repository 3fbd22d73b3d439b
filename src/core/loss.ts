import { sigmoid } from './activations';
import { outputWidth, type Task } from './task';

/**
 * Losses on the output layer's pre-activations (logits), fused with the output activation:
 * sigmoid + binary cross-entropy, softmax + cross-entropy, linear + mean squared error.
 * CPU twin of shaders/loss.wgsl.
 */

/** Loss of one row: logits at `offset` (width outputWidth(task)), target `label`. */
export function rowLoss(task: Task, logits: ArrayLike<number>, offset: number, label: number): number {
  if (task.kind === 'regression') return (logits[offset] - label) ** 2;
  if (task.classes === 2) {
    const z = logits[offset];
    // −[y·log σ(z) + (1−y)·log(1−σ(z))], written so that it never takes log(0).
    return Math.max(z, 0) - z * label + Math.log1p(Math.exp(-Math.abs(z)));
  }
  const k = task.classes;
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, logits[offset + c]);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += Math.exp(logits[offset + c] - max);
  return max + Math.log(sum) - logits[offset + label];
}

/** The predicted class of one row (argmax; for two classes, σ(z) ≥ 0.5). */
export function rowPrediction(task: Task, logits: ArrayLike<number>, offset: number): number {
  if (task.kind === 'classification' && task.classes === 2) return logits[offset] >= 0 ? 1 : 0;
  let best = 0;
  for (let c = 1; c < outputWidth(task); c++) if (logits[offset + c] > logits[offset + best]) best = c;
  return best;
}

/**
 * Mean loss over `rows` rows, and its gradient with respect to the logits into dLogits
 * (rows × outputWidth). labels: one per row, already in batch order.
 */
export function lossAndGradient<T extends Float32Array | Float64Array>(
  task: Task,
  logits: T,
  labels: ArrayLike<number>,
  rows: number,
  dLogits: T,
): number {
  const width = outputWidth(task);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    const y = labels[r];
    total += rowLoss(task, logits, offset, y);
    if (task.kind === 'regression') {
      dLogits[offset] = (2 * (logits[offset] - y)) / rows;
    } else if (task.classes === 2) {
      dLogits[offset] = (sigmoid(logits[offset]) - y) / rows;
    } else {
      let max = -Infinity;
      for (let c = 0; c < width; c++) max = Math.max(max, logits[offset + c]);
      let sum = 0;
      for (let c = 0; c < width; c++) sum += Math.exp(logits[offset + c] - max);
      for (let c = 0; c < width; c++) {
        const p = Math.exp(logits[offset + c] - max) / sum;
        dLogits[offset + c] = (p - (c === y ? 1 : 0)) / rows;
      }
    }
  }
  return rows > 0 ? total / rows : 0;
}

/** Logits to what the model outputs: probabilities (sigmoid, softmax) or the regression value. In place. */
export function logitsToOutputs<T extends Float32Array | Float64Array>(task: Task, values: T, rows: number): T {
  const width = outputWidth(task);
  for (let r = 0; r < rows; r++) {
    const offset = r * width;
    if (task.kind === 'regression') continue;
    if (width === 1) {
      values[offset] = sigmoid(values[offset]);
      continue;
    }
    let max = -Infinity;
    for (let c = 0; c < width; c++) max = Math.max(max, values[offset + c]);
    let sum = 0;
    for (let c = 0; c < width; c++) {
      values[offset + c] = Math.exp(values[offset + c] - max);
      sum += values[offset + c];
    }
    for (let c = 0; c < width; c++) values[offset + c] /= sum;
  }
  return values;
}
