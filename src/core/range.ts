/** An interval of allowed numbers; the ends are included unless marked open. */
export interface NumberRange {
  min: number;
  max: number;
  minOpen?: boolean;
  maxOpen?: boolean;
}

/** `[0, 10]`, `(0, 1]`, `[0, 1)`. */
export function rangeText(range: NumberRange): string {
  return `${range.minOpen ? '(' : '['}${range.min}, ${range.max}${range.maxOpen ? ')' : ']'}`;
}

export function inRange(value: number, range: NumberRange): boolean {
  const aboveMin = range.minOpen ? value > range.min : value >= range.min;
  const belowMax = range.maxOpen ? value < range.max : value <= range.max;
  return aboveMin && belowMax;
}

/** The same interval in words, as the page says it: `from 0 to 10`, `from 0 up to (not including) 1`, `greater than 0 and at most 1`. */
export function rangeWords(range: NumberRange): string {
  if (!range.minOpen && !range.maxOpen) return `from ${range.min} to ${range.max}`;
  if (!range.minOpen) return `from ${range.min} up to (not including) ${range.max}`;
  return `greater than ${range.min} and ${range.maxOpen ? 'less than' : 'at most'} ${range.max}`;
}
