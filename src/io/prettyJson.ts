/** JSON text that people can read: two-space indents, and arrays of plain values kept on one line. */

/** Text that prettyJson writes as it is, such as a number already formatted by the caller; it must be valid JSON. */
export class RawJson {
  constructor(readonly text: string) {}
}

const INDENT = '  ';

function isCompound(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof RawJson);
}

/** A number as JSON: the shortest text that parses back to the same double (−0 as "-0"); NaN and ±Infinity as null. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  return Object.is(value, -0) ? '-0' : String(value);
}

function emit(value: unknown, indent: string): string {
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return 'null';
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!value.some(isCompound)) return `[${value.map((item) => emit(item, inner)).join(', ')}]`;
    return `[\n${value.map((item) => inner + emit(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${emit(item, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * A JSON value (plain objects, arrays, strings, numbers, booleans, null, RawJson) as indented
 * text ending in a newline; object fields whose value is undefined are left out, like JSON.stringify.
 */
export function prettyJson(value: unknown): string {
  return `${emit(value, '')}\n`;
}
