import type { Setting, SettingValue } from '../core/settings';
import { isNonDecimalNumber, parseDecimal } from '../core/decimal';
import { DATA_SOURCES } from '../data/presets/registry';
import { InputError } from '../core/errors';
import { SettingPlace } from './settingPlace';
import { readArray, readBoolean, readNumberIn, readOneOf, readWholeNumber, phrase, wholeNumber, type ValuePlace } from './jsonRead';

/**
 * The one reader of a setting's value, whatever brought it: a config file, a link, a flag or a
 * field of the page. The place decides how a message names it (src/io/jsonRead.ts).
 */

/** A list of at most `max` items read one by one. */
function readList<T>(value: unknown, at: ValuePlace, max: number, what: string, readItem: (item: unknown, at: ValuePlace) => T): T[] {
  const items = readArray(value, at, `an array of ${what}`);
  if (items.length > max) throw at.expected(phrase(`a list of at most ${max} ${what}`), items.length);
  return items.map((item, i) => readItem(item, at.item(i)));
}

/** One to all of `names`, each at most once. */
function readDistinct(value: unknown, at: ValuePlace, names: readonly string[]): string[] {
  const read = readList(value, at, names.length, 'feature names', (item, itemAt) => readOneOf(item, names, itemAt));
  if (read.length === 0) throw at.expected(phrase('a non-empty list of feature names'), read);
  read.forEach((name, i) => {
    if (read.indexOf(name) < i) throw at.item(i).error(`"${name}" appears twice`);
  });
  return read;
}

function readWholeOrAll(value: unknown, at: ValuePlace, min: number, max: number): number | 'all' {
  if (value === 'all') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw at.expected(phrase(`${wholeNumber(min, max).words} or "all"`), value);
}

/** A value of this kind, checked; throws an InputError at `at` that says what was expected. */
export function readSettingValue(value: unknown, kind: SettingValue, at: ValuePlace): unknown {
  switch (kind.kind) {
    case 'number':
      return readNumberIn(value, at, kind.range);
    case 'whole':
      return readWholeNumber(value, at, kind.range.min, kind.range.max);
    case 'wholeOrAll':
      return readWholeOrAll(value, at, kind.range.min, kind.range.max);
    case 'choice':
      return readOneOf(value, kind.options, at);
    case 'dataset':
      return readOneOf(value, DATA_SOURCES, at);
    case 'boolean':
      return readBoolean(value, at);
    case 'wholes':
      return readList(value, at, kind.count, 'layer widths', (item, itemAt) => readWholeNumber(item, itemAt, kind.range.min, kind.range.max));
    case 'optionalChoices':
      return readList(value, at, kind.count, 'activations', (item, itemAt) => (item === null ? null : readOneOf(item, kind.options, itemAt)));
    case 'distinctChoices':
      return readDistinct(value, at, kind.options);
  }
}

/** The setting's value, checked. */
export function readSetting(entry: Setting, value: unknown, at: ValuePlace): unknown {
  return readSettingValue(value, entry.value, at);
}

/** How a list item that follows the default (a per-layer activation) is written in links and flags. */
export const DEFAULT_ITEM = 'default';

/** How a number that is not written in decimals is read: refused (`noise=0x10` is a typo or a trick, not 16), or kept as text for the range check to refuse. */
export type NonDecimal = 'refuse' | 'asText';

const DECIMAL_NUMBER = phrase('a decimal number');

/** "0.5" → 0.5; text that is no number at all stays text, for the reader to reject with its range. */
function numberOrText(text: string, at: ValuePlace, nonDecimal: NonDecimal): number | string {
  const value = parseDecimal(text);
  if (value !== null) return value;
  if (nonDecimal === 'refuse' && isNonDecimalNumber(text)) throw at.expected(DECIMAL_NUMBER, text);
  return text;
}

/** `true`/`1` and `false`/`0`; any other text stays text. */
export function booleanOrText(text: string): boolean | string {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return text;
}

export const listItems = (text: string): string[] => (text === '' ? [] : text.split(','));

/** The JSON value a config file would hold for a setting written as text (in a link, a flag or a field). */
export function settingJson(kind: SettingValue, text: string, at: ValuePlace, nonDecimal: NonDecimal = 'refuse'): unknown {
  switch (kind.kind) {
    case 'number':
    case 'whole':
      return numberOrText(text, at, nonDecimal);
    case 'wholeOrAll':
      return text.toLowerCase() === 'all' ? 'all' : numberOrText(text, at, nonDecimal);
    case 'boolean':
      return booleanOrText(text);
    case 'wholes':
      return text === 'none' ? [] : listItems(text).map((item, i) => numberOrText(item, at.item(i), nonDecimal));
    case 'distinctChoices':
      return listItems(text);
    case 'optionalChoices':
      return listItems(text).map((item) => (item === '' || item === DEFAULT_ITEM ? null : item));
    case 'choice':
    case 'dataset':
      return text;
  }
}

/** A setting's value as links and flags write it: lists comma-separated, `default` for a null item. */
export function settingText(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => (item === null ? DEFAULT_ITEM : String(item))).join(',');
  return String(value);
}

/**
 * Text typed into a field of the page: its value as `kind` reads it, or what is wrong with it in
 * the page's words, naming the field by `label` (a setting's label, or one of its items').
 */
export function readFieldText(kind: SettingValue, label: string, text: string): { value: unknown } | { problem: string } {
  const at = new SettingPlace(label);
  try {
    return { value: readSettingValue(settingJson(kind, text, at), kind, at) };
  } catch (error) {
    if (error instanceof InputError) return { problem: error.message };
    throw error;
  }
}

/** Text typed into a setting's field on the page. */
export function readSettingText(entry: Setting, text: string): { value: unknown } | { problem: string } {
  return readFieldText(entry.value, entry.label, text);
}
