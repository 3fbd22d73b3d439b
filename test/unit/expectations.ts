import { InputError } from '../../src/core/errors';

/** The message of the InputError that `fn` throws; fails the test when it throws nothing or another error. */
export function inputErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** The exact bits of a typed array, for comparisons that must not round. */
export const bitsOf = (values: Float32Array | Float64Array): string => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
