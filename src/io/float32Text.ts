import { phrase } from '../core/expectation';

/** Significant digits that always identify a float32 uniquely. */
const FLOAT32_DIGITS = 9;

/** The decimal nearest to `single` with `digits` significant digits, if it rounds back to `single`. */
function roundTrips(single: number, digits: number): number | null {
  const candidate = Number(single.toPrecision(digits));
  return Math.fround(candidate) === single ? candidate : null;
}

/**
 * The shortest decimal text that rounds back to the same float32 as `value` (−0 as "-0"; whole numbers plainly).
 * A function of Math.fround(value) alone, so re-formatting a parsed result gives the same text.
 */
export function float32Text(value: number): string {
  const single = Math.fround(value);
  if (Object.is(single, -0)) return '-0';
  if (Number.isInteger(single) && Math.abs(single) <= 2 ** 24) return String(single);
  // More digits never round further away, so the fewest digits that round back can be found by bisection.
  let low = 1;
  let high = FLOAT32_DIGITS;
  let shortest: number | null = null;
  while (low < high) {
    const middle = (low + high) >> 1;
    const candidate = roundTrips(single, middle);
    if (candidate === null) {
      low = middle + 1;
    } else {
      high = middle;
      shortest = candidate;
    }
  }
  return String(shortest ?? Number(single.toPrecision(FLOAT32_DIGITS)));
}

/** What a number the engine holds must be, in messages about one that is not. */
export const FLOAT32_NUMBER = phrase('a number within float32 range (about ±3.4e38)');

/** Whether `value` survives rounding to float32 as a finite number. */
export function isFiniteFloat32(value: number): boolean {
  return Number.isFinite(Math.fround(value));
}
