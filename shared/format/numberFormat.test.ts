import { describe, expect, it } from 'vitest';
import { formatCi, formatCount, formatDifference, formatFixed, formatMean, formatP, formatPer100, formatPercent, formatSigned, roundTo, roundingDisagrees } from './numberFormat';

describe('number formatting (METHOD.md section 8)', () => {
  it('rounds decimal halves away from zero despite binary noise', () => {
    expect(roundTo(0.565 * 100, 0)).toBe(57); // 56.49999999999999 in binary
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(Object.is(roundTo(-0.4, 0), 0)).toBe(true);
  });

  it('puts thousands separators in counts and never prints -0', () => {
    expect(formatCount(286869)).toBe('286,869');
    expect(formatCount(1032)).toBe('1,032');
    expect(formatCount(999)).toBe('999');
    expect(formatFixed(-0.004, 2)).toBe('0.00');
    expect(formatFixed(-0.3, 0)).toBe('0');
    expect(formatFixed(-1234567.891, 1)).toBe('-1,234,567.9');
  });

  it('signs differences, with none on a zero', () => {
    expect(formatSigned(17.04, 0)).toBe('+17');
    expect(formatSigned(-6.1, 0)).toBe('-6');
    expect(formatSigned(0.2, 0)).toBe('0');
    expect(formatSigned(-0.2, 0)).toBe('0');
  });

  it('shows rates in whole % points, "<1%" for a small non-zero rate', () => {
    expect(formatPercent(0.619718)).toBe('62%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatMean(0.565, 'rate')).toBe('57');
    expect(formatMean(1.887324, 'frequency')).toBe('1.89');
    expect(formatMean(108.4, 'days')).toBe('108');
    expect(formatMean(null, 'days')).toBe('n/a');
    expect(formatPer100(1.887324)).toBe('189');
  });

  it('writes CIs as signed pairs in each unit', () => {
    expect(formatCi(-0.06102, 0.17046, 'rate')).toBe('-6 to +17');
    expect(formatCi(-1.0977, 0.0524, 'frequency')).toBe('-1.10 to +0.05');
    expect(formatCi(-28.2, 30.8, 'days')).toBe('-28 to +31');
    expect(formatCi(0.021, 0.1, 'rate')).toBe('+2 to +10');
    expect(formatCi(null, null, 'rate')).toBe('n/a');
    expect(formatDifference(-0.0049, 'rate')).toBe('0');
  });

  it('gives p to 2 dp, "<0.01" below 0.01', () => {
    expect(formatP(0.34896)).toBe('0.35');
    expect(formatP(0.0099)).toBe('<0.01');
    expect(formatP(0.01)).toBe('0.01');
    expect(formatP(1)).toBe('1.00');
    expect(formatP(null)).toBe('n/a');
  });

  it('detects when rounded figures do not add up', () => {
    // 62.4 - 56.6 = 5.8 -> 6, but 62 - 57 = 5.
    expect(roundingDisagrees(0.624, 0.566, 100, 0)).toBe(true);
    // 61.97 - 56.5 = 5.47 -> 5 and 62 - 57 = 5.
    expect(roundingDisagrees(44 / 71, 0.565, 100, 0)).toBe(false);
  });
});
