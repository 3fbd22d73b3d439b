import { LIMITS } from '../core/config';
import type { Dataset } from '../core/dataset';
import { InputError, inputError } from '../core/errors';
import { mustBe, phrase } from '../core/expectation';
import { SETTING_LABELS } from '../core/settingLabels';
import { describeTask, type Task } from '../core/task';
import { checkInteger } from './validate';

/** Edits made by drawing on the plane. Each returns a new Dataset and leaves its input untouched. */

/** A dataset of the task with no points. */
export function emptyDataset(task: Task): Dataset {
  if (task.kind === 'classification') checkInteger(SETTING_LABELS.data.classes, task.classes, LIMITS.classes.min, LIMITS.classes.max);
  return { task, points: new Float64Array(0), labels: new Float64Array(0), isTest: new Uint8Array(0) };
}

/** Removes every point: an empty dataset of the task (the "clear" button). */
export function clearPoints(task: Task): Dataset {
  return emptyDataset(task);
}

function checkPoint(where: string, [x1, x2]: [number, number]): void {
  if (!Number.isFinite(x1) || !Number.isFinite(x2)) throw inputError(where, `(${x1}, ${x2}) is not a finite point`);
}

function checkLabel(task: Task, label: number): void {
  if (task.kind === 'regression') {
    if (!Number.isFinite(label)) throw inputError('label', `${label} is not a finite number`);
  } else if (!Number.isInteger(label) || label < 0 || label >= task.classes) {
    throw inputError('label', `${label} is not a class of this ${describeTask(task)} (0…${task.classes - 1})`);
  }
}

/** The dataset with `points` ([x1, x2] pairs, plane units) appended, all with `label` and in the test split when isTest. */
export function addPoints(dataset: Dataset, points: [number, number][], label: number, isTest = false): Dataset {
  checkLabel(dataset.task, label);
  points.forEach((point, i) => checkPoint(`points[${i}]`, point));
  const n = dataset.labels.length;
  if (n + points.length > LIMITS.points.max) {
    throw inputError('points', `the dataset would hold ${n + points.length} points; at most ${LIMITS.points.max} are allowed`);
  }
  const coordinates = new Float64Array(2 * (n + points.length));
  coordinates.set(dataset.points);
  coordinates.set(points.flat(), 2 * n);
  const labels = new Float64Array(n + points.length);
  labels.set(dataset.labels);
  labels.fill(label, n);
  const split = new Uint8Array(n + points.length);
  split.set(dataset.isTest);
  split.fill(isTest ? 1 : 0, n);
  return { task: dataset.task, points: coordinates, labels, isTest: split };
}

/** The dataset without the points within `radius` (plane units, inclusive) of `center`. */
export function erasePoints(dataset: Dataset, center: [number, number], radius: number): Dataset {
  checkPoint('center', center);
  if (!Number.isFinite(radius) || radius < 0) throw new InputError(mustBe('radius', phrase('a finite number of at least 0'), String(radius)));
  const [c1, c2] = center;
  const keep: number[] = [];
  for (let i = 0; i < dataset.labels.length; i++) {
    if (Math.hypot(dataset.points[2 * i] - c1, dataset.points[2 * i + 1] - c2) > radius) keep.push(i);
  }
  const points = new Float64Array(2 * keep.length);
  const labels = new Float64Array(keep.length);
  const isTest = new Uint8Array(keep.length);
  keep.forEach((row, i) => {
    points[2 * i] = dataset.points[2 * row];
    points[2 * i + 1] = dataset.points[2 * row + 1];
    labels[i] = dataset.labels[row];
    isTest[i] = dataset.isTest[row];
  });
  return { task: dataset.task, points, labels, isTest };
}
