import type { Dataset } from '../core/dataset';
import { InputError, inputError } from '../core/errors';
import { mustBe, phrase } from '../core/expectation';
import { MAX_CLASSES, type Task } from '../core/task';
import { csvWhere, parseNumberCell, quoteCell, readCsvTable, type CsvTable } from './csvTable';
import { decideLabelTask } from './labelTask';
import { assignSplit } from './split';

/**
 * Datasets as CSV: a header naming x1, x2, label and optionally split, then one row per point.
 * Points may lie outside the plane's [−6, 6]² (they only need to be finite); the plane shows [−6, 6]².
 */

export interface CsvOptions {
  /** File name used in error messages (`data.csv line 4: …`). */
  source?: string;
  /** The labels' meaning; decided from the labels by decideLabelTask when absent. */
  task?: 'classification' | 'regression';
  /** Told which task the labels were read as and why, when it was decided from them. */
  onTaskDecided?: (explanation: string) => void;
  /** Train share for files without a split column (default 0.7). */
  trainFraction?: number;
  /** Seed of the split for files without a split column (default 1). */
  seed?: number;
}

const REQUIRED_COLUMNS = ['x1', 'x2', 'label'] as const;
const DEFAULT_TRAIN_FRACTION = 0.7;
const DEFAULT_SPLIT_SEED = 1;

/** A number as the shortest text that parses back to the identical double (−0 included). */
function formatNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** The dataset as CSV text: header `x1,x2,label,split`, one \n-terminated row per point, split `train` or `test`. */
export function datasetToCsv(dataset: Dataset): string {
  const rows = ['x1,x2,label,split'];
  for (let i = 0; i < dataset.labels.length; i++) {
    const cells = [dataset.points[2 * i], dataset.points[2 * i + 1], dataset.labels[i]].map(formatNumber);
    rows.push(`${cells.join(',')},${dataset.isTest[i] ? 'test' : 'train'}`);
  }
  return `${rows.join('\n')}\n`;
}

/** Position of each needed column in the header; throws when x1, x2 or label is missing or a column repeats. */
function locateColumns(table: CsvTable, source?: string): { x1: number; x2: number; label: number; split: number } {
  const where = csvWhere(source, table.headerLine);
  for (const name of [...REQUIRED_COLUMNS, 'split']) {
    if (table.columns.indexOf(name) !== table.columns.lastIndexOf(name)) throw inputError(where, `column "${name}" appears twice`);
  }
  const missing = REQUIRED_COLUMNS.filter((name) => !table.columns.includes(name));
  if (missing.length > 0) {
    const names = missing.map((name) => `"${name}"`).join(', ');
    throw inputError(where, `missing column${missing.length > 1 ? 's' : ''} ${names} (header must contain x1,x2,label)`);
  }
  const at = (name: string) => table.columns.indexOf(name);
  return { x1: at('x1'), x2: at('x2'), label: at('label'), split: at('split') };
}

function parseSplitCell(where: string, cell: string): number {
  const value = cell.toLowerCase();
  if (value === 'train') return 0;
  if (value === 'test') return 1;
  throw inputError(where, `split ${quoteCell(cell)} must be train or test`);
}

const isClassIndex = (label: number): boolean => Number.isInteger(label) && label >= 0 && label < MAX_CLASSES;

/** Classification with k = max label + 1 classes; throws unless every label is a class index and at least 2 occur. */
function classificationTask(labels: Float64Array, lines: number[], source?: string): Task {
  labels.forEach((label, i) => {
    if (!isClassIndex(label)) throw inputError(csvWhere(source, lines[i]), `label ${label} is not a class index (0…${MAX_CLASSES - 1})`);
  });
  if (new Set(labels).size < 2) {
    throw inputError(csvWhere(source), `all points have label ${labels[0]}; classification needs at least 2 classes`);
  }
  return { kind: 'classification', classes: labels.reduce((max, label) => Math.max(max, label), 0) + 1 };
}

/** A dataset from CSV text; throws an InputError naming file, line and column for anything it cannot read. */
export function parseDatasetCsv(text: string, options: CsvOptions = {}): Dataset {
  return datasetFromTable(readCsvTable(text, options.source), options);
}

/** A dataset from a CSV file's header and rows (see readCsvTable and CsvTableReader). */
export function datasetFromTable(table: CsvTable, options: CsvOptions = {}): Dataset {
  const { source } = options;
  if (options.task !== undefined && options.task !== 'classification' && options.task !== 'regression') {
    throw new InputError(mustBe('task', phrase('classification or regression'), JSON.stringify(options.task)));
  }
  const columns = locateColumns(table, source);
  const n = table.rows.length;
  if (n === 0) throw inputError(csvWhere(source), 'no data rows');
  const points = new Float64Array(2 * n);
  const labels = new Float64Array(n);
  const isTest = new Uint8Array(n);
  table.rows.forEach(({ line, cells }, i) => {
    const where = csvWhere(source, line);
    if (cells.length !== table.columns.length) throw new InputError(`${where} must have ${table.columns.length} cells (one per column); got ${cells.length}`);
    points[2 * i] = parseNumberCell(where, 'x1', cells[columns.x1]);
    points[2 * i + 1] = parseNumberCell(where, 'x2', cells[columns.x2]);
    labels[i] = parseNumberCell(where, 'label', cells[columns.label]);
    if (columns.split >= 0) isTest[i] = parseSplitCell(where, cells[columns.split]);
  });
  const split = columns.split >= 0 ? isTest : assignSplit(n, options.trainFraction ?? DEFAULT_TRAIN_FRACTION, options.seed ?? DEFAULT_SPLIT_SEED);
  if (options.task === undefined) {
    const decision = decideLabelTask(labels, `${csvWhere(source)}: label`);
    options.onTaskDecided?.(decision.explanation);
    return { task: decision.task, points, labels: decision.labels, isTest: split };
  }
  const lines = table.rows.map((row) => row.line);
  const task: Task = options.task === 'classification' ? classificationTask(labels, lines, source) : { kind: 'regression' };
  return { task, points, labels, isTest: split };
}
