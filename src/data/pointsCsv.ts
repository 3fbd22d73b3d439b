import { InputError, inputError } from '../core/errors';
import { csvWhere, parseNumberCell, readCsvTable, type CsvTable } from './csvTable';

/** A CSV file read for prediction: its columns and cells kept as they are, and the (x1, x2) of every row. */
export interface PointsTable {
  columns: string[];
  rows: string[][];
  /** The line in the file of each row, for messages. */
  lines: number[];
  /** n × 2, row-major. */
  points: Float64Array;
}

/** Reads any CSV whose header has x1 and x2 (other columns, a label among them, are kept but not needed). */
export function parsePointsCsv(text: string, source?: string): PointsTable {
  return pointsFromTable(readCsvTable(text, source), source);
}

/** The points of a CSV file's header and rows (see readCsvTable and CsvTableReader). */
export function pointsFromTable(table: CsvTable, source?: string): PointsTable {
  const x1 = table.columns.indexOf('x1');
  const x2 = table.columns.indexOf('x2');
  const missing = ['x1', 'x2'].filter((name) => !table.columns.includes(name));
  if (missing.length > 0) throw inputError(csvWhere(source, table.headerLine), `missing column ${missing.map((name) => `"${name}"`).join(', ')} (header must contain x1,x2)`);
  if (table.rows.length === 0) throw inputError(csvWhere(source), 'no data rows');
  const points = new Float64Array(2 * table.rows.length);
  table.rows.forEach(({ line, cells }, i) => {
    const where = csvWhere(source, line);
    if (cells.length !== table.columns.length) throw new InputError(`${where} must have ${table.columns.length} cells (one per column); got ${cells.length}`);
    points[2 * i] = parseNumberCell(where, 'x1', cells[x1]);
    points[2 * i + 1] = parseNumberCell(where, 'x2', cells[x2]);
  });
  return { columns: table.columns, rows: table.rows.map((row) => row.cells), lines: table.rows.map((row) => row.line), points };
}
