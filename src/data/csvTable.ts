import { parseDecimal } from '../core/decimal';
import { inputError } from '../core/errors';

/** The text layer of the dataset CSV: lines, header, cells and numbers, with errors that name file, line and column. */

/** What a CSV file may hold; reading stops with an error naming the limit as soon as one is passed. */
export const CSV_LIMITS = {
  /** Data rows (the header and blank lines not counted): the most points a dataset may have. */
  rows: 100_000,
  /** Characters in one line. */
  lineLength: 10_000,
  /** The largest |x1|, |x2| or |label|: every feature (x1², x1·x2, …) and the normalisation stay finite in float32. */
  magnitude: 1e9,
} as const;

/** One data row: its 1-based line number in the file and its trimmed cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** Header cells, trimmed and lower-cased; the header is the first non-blank line. */
  columns: string[];
  headerLine: number;
  rows: CsvRow[];
}

/** The location prefix of an error: `data.csv line 4`, `line 4` without a source, or just the source. */
export function csvWhere(source: string | undefined, line?: number): string {
  if (line === undefined) return source ?? '';
  return source ? `${source} line ${line}` : `line ${line}`;
}

/** A cell as a message shows it: quoted, control characters escaped, cut after 40 characters. */
export function quoteCell(cell: string): string {
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);
}

const LINE_END = /\r\n|\r|\n/g;
const splitCells = (content: string): string[] => content.split(',').map((cell) => cell.trim());

/**
 * Builds a CsvTable from text given in pieces (a file read in chunks), so that a file past a
 * limit is refused after reading only as much as the limit. Accepts a UTF-8 BOM, \r\n, \n and
 * \r line ends, blank lines and whitespace around cells.
 */
export class CsvTableReader {
  private pending = '';
  private lineNumber = 0;
  private header: { line: number; columns: string[] } | null = null;
  private readonly rows: CsvRow[] = [];

  constructor(private readonly source?: string) {}

  /** Adds the next piece of the text. */
  push(text: string): void {
    if (this.lineNumber === 0 && this.pending === '') text = text.replace(/^\uFEFF/, '');
    this.pending += text;
    let start = 0;
    LINE_END.lastIndex = 0;
    for (let match = LINE_END.exec(this.pending); match; match = LINE_END.exec(this.pending)) {
      // A \r at the end of a piece may be the first half of \r\n: wait for the next piece.
      if (match[0] === '\r' && match.index === this.pending.length - 1) break;
      this.addLine(this.pending.slice(start, match.index));
      start = match.index + match[0].length;
    }
    this.pending = this.pending.slice(start);
    if (this.pending.length > CSV_LIMITS.lineLength + 1) this.tooLong(this.lineNumber + 1);
  }

  /** The table, once all the text was pushed. */
  finish(): CsvTable {
    if (this.pending !== '') this.addLine(this.pending.replace(/\r$/, ''));
    this.pending = '';
    if (!this.header) throw inputError(csvWhere(this.source), 'the file is empty');
    return { columns: this.header.columns, headerLine: this.header.line, rows: this.rows };
  }

  private tooLong(line: number): never {
    throw inputError(csvWhere(this.source, line), `the line is longer than ${CSV_LIMITS.lineLength} characters (the limit); reading stopped`);
  }

  private addLine(content: string): void {
    const line = ++this.lineNumber;
    if (content.length > CSV_LIMITS.lineLength) this.tooLong(line);
    if (content.trim() === '') return;
    if (!this.header) {
      this.header = { line, columns: splitCells(content).map((name) => name.toLowerCase()) };
      return;
    }
    if (this.rows.length === CSV_LIMITS.rows) {
      throw inputError(csvWhere(this.source, line), `more than ${CSV_LIMITS.rows} data rows (the limit); reading stopped`);
    }
    this.rows.push({ line, cells: splitCells(content) });
  }
}

/** Splits CSV text into a header and rows (see CsvTableReader). */
export function readCsvTable(text: string, source?: string): CsvTable {
  const reader = new CsvTableReader(source);
  reader.push(text);
  return reader.finish();
}

const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** The number in a cell of column `column`, finite and within ±CSV_LIMITS.magnitude; throws an InputError at `where` otherwise. */
export function parseNumberCell(where: string, column: string, cell: string): number {
  if (cell === '') throw inputError(where, `${column} is empty`);
  if (NON_FINITE.test(cell)) throw inputError(where, `${column} ${cell} is not a finite number`);
  const value = parseDecimal(cell);
  if (value === null) throw inputError(where, `${column} ${quoteCell(cell)} is not a number`);
  if (!Number.isFinite(value)) throw inputError(where, `${column} ${cell} is not a finite number`);
  if (Math.abs(value) > CSV_LIMITS.magnitude) {
    const limit = CSV_LIMITS.magnitude.toExponential().replace('+', '');
    throw inputError(where, `${column} ${quoteCell(cell).slice(1, -1)} is outside the allowed range [-${limit}, ${limit}]`);
  }
  return value;
}
