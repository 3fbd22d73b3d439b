/** Numbers typed by people (flags, CSV cells, URL values, form fields): decimal notation only. */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The number `text` writes in decimal notation (`12`, `-0.5`, `.5`, `1e-3`; ±Infinity when it
 * overflows, like `1e400`), or null. JavaScript's Number() would also take `0x10`, `0b11`, `0o7`,
 * `Infinity`, blank text (as 0) and surrounding spaces; none of those is a number a person meant to type.
 */
export function parseDecimal(text: string): number | null {
  return DECIMAL.test(text) ? Number(text) : null;
}

/** Whether Number() would read `text` as a finite number that parseDecimal refuses (`0x10`, ` 5`, `0b1`). */
export function isNonDecimalNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text)) && parseDecimal(text) === null;
}
