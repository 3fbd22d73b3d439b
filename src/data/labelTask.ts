import { inputError } from '../core/errors';
import { MAX_CLASSES, type Task } from '../core/task';

/** What a file's labels mean: the task, the labels as the model sees them, and a sentence saying why. */
export interface LabelDecision {
  task: Task;
  /** Class indices 0…k−1 for classification (remapped when the file's were not), the values as given for regression. */
  labels: Float64Array;
  /** Why this task, and how the labels were remapped, if they were: for the import message. */
  explanation: string;
}

/**
 * The one rule for the task of imported labels: whole numbers mean classes, anything else
 * regression. Up to MAX_CLASSES distinct whole numbers are classes (renumbered 0…k−1 in
 * increasing order when they are not already); more distinct whole numbers than that are
 * read as regression values, and the explanation says so. One class only is refused.
 */
export function decideLabelTask(labels: Float64Array, where = 'label'): LabelDecision {
  const distinct = [...new Set(labels)].sort((a, b) => a - b);
  if (!labels.every(Number.isInteger)) {
    return { task: { kind: 'regression' }, labels, explanation: 'regression, because some labels are not whole numbers' };
  }
  if (distinct.length > MAX_CLASSES) {
    return { task: { kind: 'regression' }, labels, explanation: `regression, because the labels are ${distinct.length} different whole numbers, more than the ${MAX_CLASSES} classes the page can show` };
  }
  if (distinct.length < 2) {
    throw inputError(where, `every point has label ${distinct[0] ?? '(none)'}; whole-number labels are classes, and classification needs at least 2 of them`);
  }
  const k = distinct.length;
  const task: Task = { kind: 'classification', classes: k };
  const alreadyIndices = distinct.every((label, i) => label === i);
  if (alreadyIndices) return { task, labels, explanation: `${k}-class classification, because the labels are the whole numbers 0…${k - 1}` };
  const index = new Map(distinct.map((label, i) => [label, i]));
  const remapped = labels.map((label) => index.get(label)!);
  const mapping = distinct.map((label, i) => `${label} → class ${i}`).join(', ');
  return { task, labels: remapped, explanation: `${k}-class classification, because the labels are whole numbers; renumbered ${mapping}` };
}
