// E-values against METHOD.md section 11's checks and VanderWeele and Ding's (2017) own examples.
import { describe, expect, it } from 'vitest';
import { eValueOfRatio, measureEValue } from './eValue';

describe('eValueOfRatio', () => {
  it('gives METHOD.md’s worked values', () => {
    // 3.9 + sqrt(3.9 x 2.9) = 7.2630; 1/0.8 = 1.25, 1.25 + sqrt(1.25 x 0.25) = 1.8090.
    expect(eValueOfRatio(3.9)).toBeCloseTo(7.263034, 6);
    expect(eValueOfRatio(0.8)).toBeCloseTo(1.809017, 6);
  });

  it('gives the paper’s examples: breastfeeding RR 3.9 (1.8 to 8.7), leukaemia RR 0.80 (0.71 to 0.91), smoking RR 10.73 (8.02 to 14.36)', () => {
    // Lower limit 1.8: 1.8 + sqrt(1.8 x 0.8) = 3.0. Upper limit 0.91: 1/0.91 + sqrt(1/0.91 x 0.09/0.91) = 1.43.
    expect(eValueOfRatio(1.8)).toBeCloseTo(3, 12);
    expect(eValueOfRatio(0.91)).toBeCloseTo(1.428571, 6);
    // Hammond and Holl (1958), the EValue package's example: E 20.95 for the estimate, 15.52 for the lower limit.
    expect(eValueOfRatio(10.72978)).toBeCloseTo(20.947333, 5);
    expect(eValueOfRatio(8.017457)).toBeCloseTo(15.518268, 5);
  });

  it('is 1 at no difference, symmetric in RR and 1/RR, and null where no ratio exists', () => {
    expect(eValueOfRatio(1)).toBe(1);
    expect(eValueOfRatio(1 / 3.9)).toBeCloseTo(eValueOfRatio(3.9)!, 12);
    expect(eValueOfRatio(0)).toBeNull();
    expect(eValueOfRatio(Number.POSITIVE_INFINITY)).toBeNull();
    expect(eValueOfRatio(NaN)).toBeNull();
  });
});

describe('measureEValue', () => {
  it('converts the CI bound nearest no difference to the ratio scale: a higher rate', () => {
    // y_T 0.39, y_C 0.10: RR 3.9; CI of the difference 0.08 to 0.77: nearest bound 0.08 -> (0.10 + 0.08)/0.10 = 1.8.
    const e = measureEValue({ treatmentMean: 0.39, comparisonMean: 0.1, ciLow: 0.08, ciHigh: 0.77 });
    expect(e.ratio).toBeCloseTo(3.9, 12);
    expect(e.estimate).toBeCloseTo(7.263034, 6);
    expect(e.boundRatio).toBeCloseTo(1.8, 12);
    expect(e.bound).toBeCloseTo(3, 10);
  });

  it('takes the upper bound for a lower rate', () => {
    // y_T 0.40, y_C 0.50: RR 0.8; CI -0.15 to -0.045: nearest bound -0.045 -> 0.455/0.5 = 0.91 -> 1.43.
    const e = measureEValue({ treatmentMean: 0.4, comparisonMean: 0.5, ciLow: -0.15, ciHigh: -0.045 });
    expect(e.ratio).toBeCloseTo(0.8, 12);
    expect(e.estimate).toBeCloseTo(1.809017, 6);
    expect(e.boundRatio).toBeCloseTo(0.91, 12);
    expect(e.bound).toBeCloseTo(1.428571, 6);
  });

  it('is 1 for the bound when the CI includes no difference (the reference report’s Table 1 national row)', () => {
    // 44 of 71 against 56.5%, CI -6 to +17 points: RR 1.0968, E 1.42; the CI covers 0, so the bound's E is 1.
    const e = measureEValue({ treatmentMean: 44 / 71, comparisonMean: 0.565, ciLow: -0.061, ciHigh: 0.17 });
    expect(e.estimate).toBeCloseTo(1.42277, 5);
    expect(e.boundRatio).toBeNull();
    expect(e.bound).toBe(1);
    // A bound exactly on 0 also includes no difference.
    expect(measureEValue({ treatmentMean: 0.6, comparisonMean: 0.5, ciLow: 0, ciHigh: 0.2 }).bound).toBe(1);
  });

  it('works the same for a frequency (ratio of mean counts)', () => {
    // 1.9 against 2.5 offences per person: ratio 0.76 -> 1/0.76 = 1.315789, + sqrt(1.315789 x 0.315789) = 1.960392;
    // CI -1.1 to -0.1: nearest -0.1 -> 2.4/2.5 = 0.96 -> 1.041667 + sqrt(1.041667 x 0.041667) = 1.25.
    const e = measureEValue({ treatmentMean: 1.9, comparisonMean: 2.5, ciLow: -1.1, ciHigh: -0.1 });
    expect(e.estimate).toBeCloseTo(1.960392, 5);
    expect(e.bound).toBeCloseTo(1.25, 5);
  });

  it('has no value without a ratio or without a CI', () => {
    expect(measureEValue({ treatmentMean: 0.2, comparisonMean: 0, ciLow: 0.1, ciHigh: 0.3 })).toEqual({ ratio: null, estimate: null, boundRatio: null, bound: null });
    expect(measureEValue({ treatmentMean: null, comparisonMean: 0.5, ciLow: null, ciHigh: null }).estimate).toBeNull();
    const noCi = measureEValue({ treatmentMean: 0.6, comparisonMean: 0.5, ciLow: null, ciHigh: null });
    expect(noCi.estimate).toBeCloseTo(1.2 + Math.sqrt(1.2 * 0.2), 12);
    expect(noCi.bound).toBeNull();
  });
});
