import { parseDecimal } from '../core/decimal';
import { inRange, rangeText, type NumberRange } from '../core/range';
import { UsageError } from './errors';

/** Typed readers for flag values; each error names the flag and says what it expected. */

export function wholeNumberFlag(name: string, value: string, range: NumberRange): number {
  const number = parseDecimal(value) ?? NaN;
  if (!Number.isInteger(number) || !inRange(number, range)) throw new UsageError(`--${name}: expected a whole number in ${rangeText(range)}, got "${value}"`);
  return number;
}

export function choiceFlag<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name}: "${value}" is not one of ${choices.join(', ')}`);
  return value as T;
}

/** A comma-separated list, empty entries rejected. */
export function listFlag(name: string, value: string): string[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new UsageError(`--${name}: expected a comma-separated list, got "${value}"`);
  return items;
}
