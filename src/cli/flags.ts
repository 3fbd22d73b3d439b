import { parseDecimal } from '../core/decimal';
import { mustBe, phrase, wholeNumber, type Expectation } from '../core/expectation';
import { inRange, type NumberRange } from '../core/range';
import { quote } from '../io/jsonRead';
import { UsageError } from './errors';

/** Typed readers for flag values; each error names the flag and says what it expected: `--seed must be …; got "x"`. */

function flagError(name: string, expectation: Expectation, value: string): UsageError {
  return new UsageError(mustBe(`--${name}`, expectation, quote(value)));
}

/** A whole number in `range` (its ends included). */
export function wholeNumberFlag(name: string, value: string, range: NumberRange): number {
  const number = parseDecimal(value) ?? NaN;
  if (!Number.isInteger(number) || !inRange(number, range)) throw flagError(name, wholeNumber(range.min, range.max), value);
  return number;
}

export function choiceFlag<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw flagError(name, phrase(`one of ${choices.join(', ')}`), value);
  return value as T;
}

/** A comma-separated list, empty entries rejected. */
export function listFlag(name: string, value: string): string[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw flagError(name, phrase('a comma-separated list'), value);
  return items;
}
