import { describe, expect, it } from 'vitest';
import { isNonDecimalNumber, parseDecimal } from '../../src/core/decimal';

describe('decimal numbers typed by people', () => {
  it('reads decimal notation, signs, leading or trailing points and exponents', () => {
    expect(['12', '-0.5', '+3', '.5', '5.', '1e-3', '2E2', '0'].map(parseDecimal)).toEqual([12, -0.5, 3, 0.5, 5, 0.001, 200, 0]);
  });

  it('refuses hexadecimal, binary, octal, blank, padded, infinite and other text that Number() would take or misread', () => {
    for (const text of ['0x10', '0X1f', '0b11', '0o7', '', ' ', ' 5', '5 ', 'Infinity', '-Infinity', 'NaN', '1,5', '1_000', 'abc']) {
      expect(parseDecimal(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('gives ±Infinity for a decimal too large for a double, so a reader can say it overflows', () => {
    expect(parseDecimal('1e400')).toBe(Infinity);
    expect(parseDecimal('-1e400')).toBe(-Infinity);
  });

  it('tells a number in another notation from text that is no number', () => {
    expect(['0x10', '0b1', '0o7', ' 5', '5\n'].every(isNonDecimalNumber)).toBe(true);
    expect(['abc', '', ' ', '1e400', '12'].some(isNonDecimalNumber)).toBe(false);
  });
});
