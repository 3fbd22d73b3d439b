import { main } from './main';
import { endQuietlyOnClosedPipe, exitWhenFlushed } from './output';

/** The `descent` executable: runs the command line and exits with its code once its output is written. */
endQuietlyOnClosedPipe();
// Ctrl-C ends through process.exit, so that the 'exit' handlers remove a half-written --out's temporary file.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));
main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    process.stderr.write(`descent: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitWhenFlushed(1);
  },
);
