import { InputError } from '../core/errors';
import { mustBe, numberIn, wholeNumber } from '../core/expectation';
import { inRange, type NumberRange } from '../core/range';

/**
 * Range checks shared by the generators, the split and the drawing tools. Each throws an
 * InputError that names the setting as the page does (`Points must be a whole number from 1 to
 * 100000; got 0`), worded like every other message about a setting (src/core/expectation.ts):
 * these values come from the page's controls, or from files and flags that were checked before.
 */

/** value must be an integer in [min, max]. */
export function checkInteger(label: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new InputError(mustBe(label, wholeNumber(min, max), String(value)));
}

/** value must be a finite number in `range`. */
export function checkNumber(label: string, value: number, range: NumberRange): void {
  if (!Number.isFinite(value) || !inRange(value, range)) throw new InputError(mustBe(label, numberIn(range), String(value)));
}
