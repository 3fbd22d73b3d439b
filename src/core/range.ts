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
