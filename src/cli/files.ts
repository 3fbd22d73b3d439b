import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { inputError } from '../core/errors';

/** The text of a file, or an InputError that names it and says why it cannot be read. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw inputError(path, `cannot read the file (${reason})`);
  }
}

/** Writes a file, or throws an InputError that names it and says why it cannot be written. */
export function writeTextFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw inputError(path, `cannot write the file (${(error as Error).message})`);
  }
}

/** The name used for a file in error messages. */
export function sourceName(path: string): string {
  return basename(path);
}
