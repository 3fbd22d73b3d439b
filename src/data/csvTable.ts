import { inputError } from '../core/errors';

/** The text layer of the dataset CSV: lines, header, cells and numbers, with errors that name file, line and column. */

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

/** Splits CSV text into a header and rows; accepts a UTF-8 BOM, \r\n, blank lines and whitespace around cells. */
export function readCsvTable(text: string, source?: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const nonBlank = lines.map((content, i) => ({ line: i + 1, content })).filter(({ content }) => content.trim() !== '');
  if (nonBlank.length === 0) throw inputError(csvWhere(source), 'the file is empty');
  const [header, ...data] = nonBlank;
  const split = (content: string) => content.split(',').map((cell) => cell.trim());
  return {
    columns: split(header.content).map((name) => name.toLowerCase()),
    headerLine: header.line,
    rows: data.map(({ line, content }) => ({ line, cells: split(content) })),
  };
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** The finite number in a cell of column `column`; throws an InputError at `where` otherwise. */
export function parseNumberCell(where: string, column: string, cell: string): number {
  if (cell === '') throw inputError(where, `${column} is empty`);
  if (NON_FINITE.test(cell)) throw inputError(where, `${column} ${cell} is not a finite number`);
  if (!DECIMAL.test(cell)) throw inputError(where, `${column} "${cell}" is not a number`);
  const value = Number(cell);
  if (!Number.isFinite(value)) throw inputError(where, `${column} ${cell} is not a finite number`);
  return value;
}
