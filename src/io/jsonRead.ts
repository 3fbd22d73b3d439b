import { inRange, rangeText, type NumberRange } from '../core/range';
import type { JsonPath } from './jsonPath';

/** Typed reads of parsed JSON values; each throws an InputError at its path that names what was expected and what came. */

const MAX_QUOTED = 40;

/** A value as error messages show it: `"fast"`, `null`, `Infinity`, `0`, `true`, `an array`, `an object`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > MAX_QUOTED ? `${quoted.slice(0, MAX_QUOTED - 2)}…"` : quoted;
  }
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A JSON object (not null, not an array). */
export function readObject(value: unknown, at: JsonPath): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw at.error(`expected an object, got ${describeValue(value)}`);
  return value as Record<string, unknown>;
}

/** Throws at the first field of `object` not listed in `known`, so that a misspelt field never passes silently. */
export function rejectUnknownFields(object: Record<string, unknown>, known: readonly string[], at: JsonPath): void {
  const unknown = Object.keys(object).find((key) => !known.includes(key));
  if (unknown !== undefined) throw at.field(unknown).error(`unknown field (known fields: ${known.join(', ')})`);
}

/** An array; `what` describes the expected contents in the message (`an array of 8 numbers`). */
export function readArray(value: unknown, at: JsonPath, what = 'an array'): unknown[] {
  if (!Array.isArray(value)) throw at.error(`expected ${what}, got ${describeValue(value)}`);
  return value;
}

/** A finite number. */
export function readFiniteNumber(value: unknown, at: JsonPath): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw at.error(`expected a finite number, got ${describeValue(value)}`);
  return value;
}

/** A number in `range`. */
export function readNumberIn(value: unknown, at: JsonPath, range: NumberRange): number {
  if (typeof value !== 'number' || !inRange(value, range)) throw at.error(`expected a number in ${rangeText(range)}, got ${describeValue(value)}`);
  return value;
}

/** A whole number from min to max (max may be Infinity). */
export function readWholeNumber(value: unknown, at: JsonPath, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const bounds = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw at.error(`expected a whole number ${bounds}, got ${describeValue(value)}`);
  }
  return value;
}

/** One of the given names. */
export function readOneOf<T extends string>(value: unknown, names: readonly T[], at: JsonPath): T {
  if (typeof value === 'string' && (names as readonly string[]).includes(value)) return value as T;
  if (typeof value === 'string') throw at.error(`${describeValue(value)} is not one of ${names.join(', ')}`);
  throw at.error(`expected one of ${names.join(', ')}, got ${describeValue(value)}`);
}

/** true or false. */
export function readBoolean(value: unknown, at: JsonPath): boolean {
  if (typeof value !== 'boolean') throw at.error(`expected true or false, got ${describeValue(value)}`);
  return value;
}
