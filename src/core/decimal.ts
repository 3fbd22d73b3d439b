/** Numbers typed by people (URL values, form fields): decimal notation only. */

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The number `text` writes in decimal notation (`12`, `-0.5`, `.5`, `1e-3`), or null. JavaScript's
 * Number() would also take `0x10`, `0b11`, `0o7`, `Infinity`, blank text (as 0) and surrounding
 * spaces; none of those is a number a person meant to type here.
 */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Whether Number() would read `text` as a finite number that parseDecimal refuses (`0x10`, ` 5`, `0b1`). */
export function isNonDecimalNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text)) && parseDecimal(text) === null;
}
