/**
 * Writing to stdout and stderr so that nothing is lost when the process ends: to a pipe, Node
 * writes what the pipe takes at once (64 KiB) and queues the rest, which process.exit() drops.
 */

/** Writes text to stdout, waiting while a full pipe drains, so a large output never piles up in memory. */
export async function writeStdout(text: string): Promise<void> {
  if (process.stdout.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.once('drain', done);
    process.stdout.once('close', done);
  });
}

/** Resolves once everything written to `stream` so far has been handed to the operating system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Exits with `code` once stdout and stderr are written out. A reader that closed its end early
 * (`descent predict … | head`) ends the command quietly instead of with a stack trace.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** A closed pipe on stdout (EPIPE) means the reader has what it wanted: stop, quietly. */
export function endQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
