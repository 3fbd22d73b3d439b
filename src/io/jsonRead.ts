import { numberIn, phrase, wholeNumber, type Expectation } from '../core/expectation';
import { inRange, type NumberRange } from '../core/range';

export { numberIn, phrase, wholeNumber, type Expectation };

/**
 * Typed reads of parsed JSON values; each throws an InputError at its place that names what was
 * expected and what came. The place decides how the message names the value: by its path in a
 * file (JsonPath: `config.json: data.points must be a whole number from 1 to 100000; got 0`), by
 * the control the page shows (SettingPlace: `Points must be a whole number from 1 to 100000; got 0`)
 * or by the flag (`--points must be a whole number from 1 to 100000; got "0"`).
 */

/** Values are echoed at most this long, so that a huge value cannot push the rest of a message out of view. */
const MAX_QUOTED = 40;

/** `text` in quotes, cut with an ellipsis when it is longer than MAX_QUOTED characters. */
export function quote(text: string): string {
  const quoted = JSON.stringify(text);
  return quoted.length > MAX_QUOTED ? `${quoted.slice(0, MAX_QUOTED - 2)}…"` : quoted;
}

/** A value as error messages show it: `"fast"`, `null`, `Infinity`, `0`, `true`, `an empty array`, `an array`, `an object`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Where a value sits, and how a message about it names it. */
export interface ValuePlace {
  field(name: string): ValuePlace;
  item(index: number): ValuePlace;
  /** Any other problem with the value here (`"x1" appears twice`); an InputError, or the command line's usage error. */
  error(problem: string): Error;
  /** The value here is not what was expected: `<place> must be <expectation>; got <value>`. */
  expected(expectation: Expectation, value: unknown): Error;
}

/** A JSON object (not null, not an array). */
export function readObject(value: unknown, at: ValuePlace): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw at.expected(phrase('an object'), value);
  return value as Record<string, unknown>;
}

/** Throws at the first field of `object` not listed in `known`, so that a misspelt field never passes silently. */
export function rejectUnknownFields(object: Record<string, unknown>, known: readonly string[], at: ValuePlace): void {
  const unknown = Object.keys(object).find((key) => !known.includes(key));
  if (unknown !== undefined) throw at.field(unknown).error(`unknown field (known fields: ${known.join(', ')})`);
}

/** An array; `what` describes the expected contents in the message (`an array of 8 numbers`). */
export function readArray(value: unknown, at: ValuePlace, what = 'an array'): unknown[] {
  if (!Array.isArray(value)) throw at.expected(phrase(what), value);
  return value;
}

/** A finite number. */
export function readFiniteNumber(value: unknown, at: ValuePlace): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw at.expected(phrase('a finite number'), value);
  return value;
}

/** A number in `range`. */
export function readNumberIn(value: unknown, at: ValuePlace, range: NumberRange): number {
  if (typeof value !== 'number' || !inRange(value, range)) throw at.expected(numberIn(range), value);
  return value;
}

/** A whole number from min to max (max may be Infinity). */
export function readWholeNumber(value: unknown, at: ValuePlace, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw at.expected(wholeNumber(min, max), value);
  return value;
}

/** One of the given names. */
export function readOneOf<T extends string>(value: unknown, names: readonly T[], at: ValuePlace): T {
  if (typeof value === 'string' && (names as readonly string[]).includes(value)) return value as T;
  throw at.expected(phrase(`one of ${names.join(', ')}`), value);
}

/** true or false. */
export function readBoolean(value: unknown, at: ValuePlace): boolean {
  if (typeof value !== 'boolean') throw at.expected(phrase('true or false'), value);
  return value;
}
