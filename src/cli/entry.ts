import { main } from './main';
import { endQuietlyOnClosedPipe, exitWhenFlushed } from './output';

/** The `descent` executable: runs the command line and exits with its code once its output is written. */
endQuietlyOnClosedPipe();
main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    process.stderr.write(`descent: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitWhenFlushed(1);
  },
);
