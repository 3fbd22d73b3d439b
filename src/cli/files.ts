import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { inputError } from '../core/errors';
import { CsvTableReader, type CsvTable } from '../data/csvTable';

/** The most bytes each kind of file may have; reading stops as soon as a file passes its limit. */
export const FILE_LIMITS = {
  /** 100,000 rows of 10,000 characters would be more; real rows are far shorter. */
  csv: 64 * 1024 * 1024,
  /** Sixteen 1024 × 1024 layers in float32's shortest digits take about 200 MB; JavaScript strings end near 512 MiB. */
  weights: 256 * 1024 * 1024,
  config: 1024 * 1024,
} as const;

const CHUNK_BYTES = 1 << 16;
const MIB = 1024 * 1024;

/** Why a file cannot be opened or read, in words. */
function readFailure(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return inputError(path, `cannot read the file (${reason})`);
}

/** Reads a file in chunks of text, stopping with an InputError once it passes `limit` bytes. */
function readChunks(path: string, limit: number, what: string, onText: (text: string) => void): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw readFailure(path, error);
  }
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let total = 0; ; ) {
      let bytes: number;
      try {
        bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw readFailure(path, error);
      }
      if (bytes === 0) break;
      total += bytes;
      if (total > limit) throw inputError(path, `the file is larger than ${limit / MIB} MiB (the limit for ${what}); reading stopped`);
      onText(decoder.write(buffer.subarray(0, bytes)));
    }
    onText(decoder.end());
  } finally {
    closeSync(fd);
  }
}

/** The text of a weights or config file, or an InputError that names it and says why it cannot be read. */
export function readTextFile(path: string, kind: 'weights' | 'config'): string {
  const pieces: string[] = [];
  readChunks(path, FILE_LIMITS[kind], `${kind} files`, (text) => pieces.push(text));
  return pieces.join('');
}

/** A CSV file's header and rows, read as a stream: a file past a limit (bytes, line length, rows) is refused as soon as it passes it. */
export function readCsvFile(path: string): CsvTable {
  const reader = new CsvTableReader(path);
  readChunks(path, FILE_LIMITS.csv, 'CSV files', (text) => reader.push(text));
  return reader.finish();
}
