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

  it('shows each group\'s figure to 1 dp as the reference\'s tables (62.0, 1.9, 108.4)', () => {
    expect(formatPercent(0.619718)).toBe('62%');
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatMean(44 / 71, 'rate')).toBe('62.0');
    expect(formatMean(0.565, 'rate')).toBe('56.5');
    expect(formatMean(1.887324, 'frequency')).toBe('1.9');
    expect(formatMean(108.44, 'days')).toBe('108.4');
    expect(formatMean(null, 'days')).toBe('n/a');
    expect(formatPer100(1.887324)).toBe('189');
  });

  it('writes CIs as the reference does: rate and time differences whole, frequencies and Tables 4-7 to 1 dp', () => {
    expect(formatCi(-0.06102, 0.17046, 'rate')).toBe('-6 to +17');
    expect(formatCi(-1.0977, 0.0524, 'frequency')).toBe('-1.1 to +0.1');
    expect(formatCi(-28.2, 30.8, 'daysToFirst')).toBe('-28 to +31');
    expect(formatCi(-0.28, 0.016, 'custodialRate')).toBe('-28.0 to +1.6');
    expect(formatCi(-0.48, -0.011, 'courtOutcomeFrequency')).toBe('-0.5 to -0.01');
    expect(formatCi(null, null, 'rate')).toBe('n/a');
  });

  it('never lets a rounded bound hide its sign (METHOD.md section 8: "+0.3 to +73")', () => {
    // Issue 11: p = 0.048, CI +0.34 to +72.9 days was printed "0 to +73".
    expect(formatCi(0.34, 72.9, 'daysToFirst')).toBe('+0.3 to +73');
    expect(formatCi(-72.9, -0.04, 'daysToFirst')).toBe('-73 to -0.04');
    // A non-significant CI keeps its small negative bound visible instead of a "0" that reads as touching.
    expect(formatCi(-0.003, 0.12, 'rate')).toBe('-0.3 to +12');
    expect(formatDifference(0.0004, 'rate')).toBe('+0.04');
    expect(formatDifference(0, 'rate')).toBe('0');
    expect(formatDifference(-0.0049, 'rate')).toBe('-0.5');
  });

  it('gives p to 2 dp, 3 dp below 0.01, "<0.001" below 0.001', () => {
    expect(formatP(0.34896, 0.05)).toBe('0.35');
    expect(formatP(0.0099, 0.05)).toBe('0.010');
    expect(formatP(0.00149, 0.05)).toBe('0.001');
    expect(formatP(0.0009, 0.05)).toBe('<0.001');
    expect(formatP(0.01, 0.05)).toBe('0.01');
    expect(formatP(1, 0.05)).toBe('1.00');
    expect(formatP(null, 0.05)).toBe('n/a');
  });

  it('never rounds p onto or across alpha', () => {
    expect(formatP(0.048, 0.05)).toBe('0.048');
    expect(formatP(0.052, 0.05)).toBe('0.052');
    expect(formatP(0.0495, 0.05)).toBe('0.0495');
    expect(formatP(0.05, 0.05)).toBe('0.05');
    expect(formatP(0.0104, 0.01)).toBe('0.0104');
    expect(formatP(0.043, 0.05)).toBe('0.04');
  });

  it('detects when rounded figures do not add up', () => {
    // 62.4 - 56.6 = 5.8 -> 6, but 62 - 57 = 5.
    expect(roundingDisagrees(0.624, 0.566, 100, 0)).toBe(true);
    // 61.97 - 56.5 = 5.47 -> 5 and 62 - 57 = 5.
    expect(roundingDisagrees(44 / 71, 0.565, 100, 0)).toBe(false);
  });
});
