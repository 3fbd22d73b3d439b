/** Exit codes of the `descent` command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Bad flags or arguments: exit 2 with the message and a hint to run --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Training could not finish (it diverged, or the device failed): exit 1. */
export class TrainingFailedError extends Error {
  override readonly name = 'TrainingFailedError';
}
