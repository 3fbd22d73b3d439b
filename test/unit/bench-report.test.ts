import { describe, expect, it } from 'vitest';
import { formatRate, formatRatio } from '../../src/bench/report';

describe('benchmark number formatting', () => {
  it('shows rates with three significant digits and a unit', () => {
    expect(formatRate(1234567)).toBe('1.23M');
    expect(formatRate(43612)).toBe('43.6k');
    expect(formatRate(367.4)).toBe('367');
    expect(formatRate(999.6)).toBe('1.00k');
    expect(formatRate(999_700)).toBe('1.00M');
    expect(formatRate(NaN)).toBe('—');
  });

  it('keeps small ratios readable instead of rounding them to zero', () => {
    expect(formatRatio(31.4)).toBe('31×');
    expect(formatRatio(3.14)).toBe('3.1×');
    expect(formatRatio(0.0123)).toBe('0.012×');
    expect(formatRatio(Infinity)).toBe('—');
  });
});
