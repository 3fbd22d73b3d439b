/**
 * Plain decimal numbers as people type them (`-1.5`, `.5`, `2e-3`, `+4`). `Number()` also accepts
 * hexadecimal, binary and octal (`0x10`), `Infinity` and surrounding whitespace; none of those is
 * a number a user means in a flag, a cell or a link.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The number a decimal text stands for, or NaN when the text is not a plain decimal. */
export function parseDecimal(text: string): number {
  return DECIMAL.test(text) ? Number(text) : NaN;
}
