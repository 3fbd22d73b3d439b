import type { OutputActivation } from './activations';

/** What the model predicts: one of k ≥ 2 classes, or a real number. */
export type Task = { kind: 'classification'; classes: number } | { kind: 'regression' };

export const MAX_CLASSES = 6;

/** Units in the output layer: 1 for two classes (sigmoid) and regression, k for k ≥ 3 classes (softmax). */
export function outputWidth(task: Task): number {
  return task.kind === 'classification' && task.classes > 2 ? task.classes : 1;
}

/** The output unit's activation, which fixes the loss: sigmoid+BCE, softmax+CE or linear+MSE. */
export function outputActivation(task: Task): OutputActivation {
  if (task.kind === 'regression') return 'linear';
  return task.classes > 2 ? 'softmax' : 'sigmoid';
}

export function describeTask(task: Task): string {
  return task.kind === 'regression' ? 'regression' : `${task.classes}-class classification`;
}
