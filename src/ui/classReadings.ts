import { confusionMatrix, perClassAccuracy, rmse, rSquared, type ConfusionMatrix } from '../core/classMetrics';
import type { Dataset } from '../core/dataset';
import { outputWidth } from '../core/task';

/** What a class reads off the model's predictions on one split: the confusion matrix, or R² and RMSE. */
export type SplitReading =
  | { kind: 'classification'; count: number; matrix: ConfusionMatrix; perClass: number[] }
  | { kind: 'regression'; count: number; rSquared: number; rmse: number };

export interface ClassReadings {
  train: SplitReading;
  /** null when the data has no test split. */
  test: SplitReading | null;
}

/** The class of each row of outputs (probabilities): p ≥ ½ for two classes (one sigmoid unit), else the likeliest. */
export function predictedClasses(outputs: ArrayLike<number>, classes: number, rows: number): Uint8Array {
  const width = outputWidth({ kind: 'classification', classes });
  const predicted = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    if (width === 1) {
      predicted[r] = outputs[r] >= 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < width; c++) if (outputs[r * width + c] > outputs[r * width + best]) best = c;
    predicted[r] = best;
  }
  return predicted;
}

function readSplit(dataset: Dataset, predictions: ArrayLike<number>, test: boolean): SplitReading {
  const wanted = test ? 1 : 0;
  const truth: number[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < dataset.labels.length; i++) {
    if (dataset.isTest[i] !== wanted) continue;
    truth.push(dataset.labels[i]);
    predicted.push(predictions[i]);
  }
  const { task } = dataset;
  if (task.kind === 'regression') return { kind: 'regression', count: truth.length, rSquared: rSquared(truth, predicted), rmse: rmse(truth, predicted) };
  const matrix = confusionMatrix(truth, predicted, task.classes);
  return { kind: 'classification', count: truth.length, matrix, perClass: perClassAccuracy(matrix) };
}

/** The readings of both splits from the model's outputs on every point of `dataset` (n × output width). */
export function classReadings(dataset: Dataset, outputs: ArrayLike<number>): ClassReadings {
  const rows = dataset.labels.length;
  const predictions = dataset.task.kind === 'classification' ? predictedClasses(outputs, dataset.task.classes, rows) : outputs;
  const hasTest = dataset.isTest.includes(1);
  return { train: readSplit(dataset, predictions, false), test: hasTest ? readSplit(dataset, predictions, true) : null };
}
