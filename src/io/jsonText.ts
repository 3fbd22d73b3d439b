import { inputError } from '../core/errors';
import { findJsonSyntaxError } from './jsonSyntax';

/** 1-based line and column of character `offset` in `text`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The value of JSON text (a UTF-8 BOM is allowed); a syntax error becomes an InputError at `source line L column C`. */
export function parseJsonText(text: string, source?: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw inputError(source ?? '', 'the file is empty');
  try {
    return JSON.parse(body);
  } catch (error) {
    const syntax = findJsonSyntaxError(body);
    if (!syntax) throw inputError(source ?? '', `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    const { line, column } = lineAndColumn(body, syntax.offset);
    throw inputError(`${source ? `${source} ` : ''}line ${line} column ${column}`, `invalid JSON: ${syntax.problem}`);
  }
}
