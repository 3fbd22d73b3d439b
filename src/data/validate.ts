import { inputError } from '../core/errors';

/** Range checks shared by the generators, the split and the CSV reader; each throws an InputError naming `where`. */

/** value must be an integer in [min, max]. */
export function checkInteger(where: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw inputError(where, `must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

/** value must be a finite number in [min, max]. */
export function checkNumber(where: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw inputError(where, `must be a number from ${min} to ${max}, got ${value}`);
  }
}

/** The share of points used for training: greater than 0, at most 1. */
export function checkTrainFraction(where: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw inputError(where, `must be a number greater than 0 and at most 1, got ${value}`);
  }
}
