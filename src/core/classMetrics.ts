/** The metrics a class reads besides loss and accuracy: the confusion matrix, per-class accuracy, R² and RMSE. */

/** counts[t][p]: how many points of true class t the model put in class p. */
export interface ConfusionMatrix {
  classes: number;
  counts: number[][];
}

export function confusionMatrix(trueLabels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ConfusionMatrix {
  if (trueLabels.length !== predicted.length) throw new RangeError(`${trueLabels.length} labels but ${predicted.length} predictions`);
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < trueLabels.length; i++) counts[trueLabels[i]][predicted[i]]++;
  return { classes, counts };
}

/** For each class, the share of its points the model got right (its recall); NaN for a class with no points. */
export function perClassAccuracy(matrix: ConfusionMatrix): number[] {
  return matrix.counts.map((row, t) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return total > 0 ? row[t] / total : NaN;
  });
}

/** Root mean squared error of predictions against targets. */
export function rmse(targets: ArrayLike<number>, predictions: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += (predictions[i] - targets[i]) ** 2;
  return Math.sqrt(sum / targets.length);
}

/** Coefficient of determination 1 − SS_res / SS_tot (1 is perfect, 0 is as good as predicting the mean; NaN for constant targets). */
export function rSquared(targets: ArrayLike<number>, predictions: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < targets.length; i++) mean += targets[i];
  mean /= targets.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    residual += (targets[i] - predictions[i]) ** 2;
    total += (targets[i] - mean) ** 2;
  }
  return total > 0 ? 1 - residual / total : NaN;
}
