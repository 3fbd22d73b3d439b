import { accessSync, closeSync, constants, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inputError } from '../core/errors';
import { TrainingFailedError } from './errors';

/** A file the command reads, named by the flag that gave it. */
export interface InputFile {
  flag: string;
  path: string;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EFBIG') return 'the file is larger than this process may write';
  return (error as Error).message;
}

/**
 * The file `--out` names, written safely: checked before any work starts (it can be created, it
 * is not a device or a directory, it is none of the inputs), then written to a temporary file
 * beside it and renamed over it, so a failed write never leaves a damaged file where a good one was.
 */
export class OutputFile {
  private pending: string | null;

  private constructor(
    readonly path: string,
    temporary: string,
  ) {
    this.pending = temporary;
    process.once('exit', () => this.discard());
  }

  /** Checks that `path` can be written and is none of `inputs`; throws an InputError naming it otherwise. */
  static prepare(path: string, inputs: InputFile[]): OutputFile {
    const target = statOrNull(path);
    if (target && !target.isFile()) throw inputError(path, `--out must name a regular file; this is ${target.isDirectory() ? 'a directory' : 'a device or a pipe'}`);
    for (const input of inputs) {
      const source = statOrNull(input.path);
      if (target && source && source.dev === target.dev && source.ino === target.ino) {
        throw inputError(path, `--out names the same file as --${input.flag}; write to another file so the ${input.flag} file is kept`);
      }
    }
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      // A file the user made read-only stays theirs, although a rename could replace it.
      if (target) accessSync(path, constants.W_OK);
      closeSync(openSync(temporary, 'wx'));
    } catch (error) {
      throw inputError(path, `cannot write the file (${writeFailure(error)})`);
    }
    return new OutputFile(path, temporary);
  }

  /** Writes the whole text, then puts it in place; on failure the file at `path` is left as it was. */
  write(text: string): void {
    const temporary = this.pending;
    if (temporary === null) throw new Error(`${this.path} was already written`);
    try {
      const fd = openSync(temporary, 'w');
      try {
        writeFileSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, this.path);
      this.pending = null;
    } catch (error) {
      this.discard();
      throw new TrainingFailedError(`${this.path}: cannot write the file (${writeFailure(error)}); the file there before is unchanged`);
    }
  }

  /** Removes the temporary file, if it is still there. */
  discard(): void {
    if (this.pending === null) return;
    try {
      unlinkSync(this.pending);
    } catch {
      // Already gone.
    }
    this.pending = null;
  }
}
