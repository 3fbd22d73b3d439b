import { rangeText, rangeWords, type NumberRange } from './range';

/**
 * What a setting or a field accepts, in the words the page uses (`a number from 0 to 10`) and in
 * the notation of files and flags (`a number in [0, 10]`). Every message about a value out of its
 * range is worded from these.
 */
export interface Expectation {
  words: string;
  notation: string;
}

/** An expectation said the same way in files and on the page (`true or false`). */
export const phrase = (text: string): Expectation => ({ words: text, notation: text });

/** A number in `range`. */
export const numberIn = (range: NumberRange): Expectation => ({ words: `a number ${rangeWords(range)}`, notation: `a number in ${rangeText(range)}` });

/** A whole number from min to max (max may be Infinity). */
export function wholeNumber(min: number, max: number): Expectation {
  if (max === Infinity) return { words: `a whole number of at least ${min}`, notation: `a whole number ≥ ${min}` };
  return { words: `a whole number from ${min} to ${max}`, notation: `a whole number in [${min}, ${max}]` };
}

/** The page's message about a value that is not what was expected: `Points must be a whole number from 1 to 100000; got 0`. */
export function mustBe(label: string, expectation: Expectation, got: string): string {
  return `${label} must be ${expectation.words}; got ${got}`;
}
