import { InputError } from '../core/errors';

/**
 * Range checks shared by the generators, the split and the drawing tools. Each throws an
 * InputError that names the setting as the page does (`Points must be a whole number from 1 to
 * 100000; got 0`): these values come from the page's controls, or from files and flags that were
 * checked before (src/io/experimentConfig.ts names config paths for a file's author).
 */

/** value must be an integer in [min, max]. */
export function checkInteger(label: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${label} must be a whole number from ${min} to ${max}; got ${value}`);
  }
}

/** value must be a finite number in [min, max]. */
export function checkNumber(label: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`${label} must be a number from ${min} to ${max}; got ${value}`);
  }
}

/** The share of points used for training: greater than 0, at most 1. */
export function checkTrainFraction(label: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw new InputError(`${label} must be a number greater than 0 and at most 1; got ${value}`);
  }
}
