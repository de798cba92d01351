import { describe, expect, it } from 'vitest';
import { caliperWidth, scoreStandardDeviation } from './caliper';

describe('caliperWidth', () => {
  it('uses the sample SD of the score over all rows for unit sd', () => {
    // Scores 1, 2, 3, 4: mean 2.5, sum of squares 5, SD sqrt(5/3).
    const score = Float64Array.from([1, 2, 3, 4]);
    expect(scoreStandardDeviation(score)).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(caliperWidth(score, 0.2, 'sd')).toBeCloseTo(0.2 * Math.sqrt(5 / 3), 14);
  });
  it('takes the caliper as it is for unit logit', () => {
    expect(caliperWidth(Float64Array.from([1, 2, 3, 4]), 0.05, 'logit')).toBe(0.05);
  });
});
