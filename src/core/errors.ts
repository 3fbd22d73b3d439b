/**
 * Bad input from a user: a file, a flag, a URL or a form value. The message says what is
 * wrong and where (`weights.json: layers[2].weight must be an array of 8 rows; got 7 rows`); callers show it
 * as it is, never with a stack trace.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Prefixes a location (file name, line, field path) to an input error's message. */
export function inputError(where: string, problem: string): InputError {
  return new InputError(where ? `${where}: ${problem}` : problem);
}
