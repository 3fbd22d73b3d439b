import { rangeWords, type NumberRange } from './range';

/** What a setting or a field accepts, in words (`a number from 0 to 10`). Every message about a value that is not what was expected is worded from one. */
export interface Expectation {
  words: string;
}

export const phrase = (words: string): Expectation => ({ words });

/** A number in `range`. */
export const numberIn = (range: NumberRange): Expectation => phrase(`a number ${rangeWords(range)}`);

/** A whole number from min to max (max may be Infinity). */
export function wholeNumber(min: number, max: number): Expectation {
  return phrase(max === Infinity ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`);
}

/**
 * The one message about a value that is not what was expected, naming the place as the user sees
 * it: a control (`Points must be a whole number from 1 to 100000; got 0`), a flag
 * (`--lr must be a number from 0 to 10; got "12"`) or a file and path
 * (`config.json: training.learningRate must be a number from 0 to 10; got 12`).
 */
export function mustBe(place: string, expectation: Expectation, got: string): string {
  return `${place} must be ${expectation.words}; got ${got}`;
}
