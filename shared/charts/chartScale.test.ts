import { describe, expect, it } from 'vitest';
import { niceAxis, niceStep, scaleLinear } from './chartScale';

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100, 5)).toBe(20); // 100 / 5 = 20
    expect(niceStep(43, 5)).toBe(10); // 8.6 -> 10
    expect(niceStep(0.37, 4)).toBeCloseTo(0.1, 12); // 0.0925 -> 0.1
    expect(niceStep(7, 5)).toBe(2); // 1.4 -> 2
  });
});

describe('niceAxis', () => {
  it('widens to whole steps and labels without float noise', () => {
    expect(niceAxis(0, 43)).toEqual({ min: 0, max: 50, ticks: [0, 10, 20, 30, 40, 50], dp: 0 });
    // 0.55 / 6 = 0.092 -> step 0.1
    expect(niceAxis(-0.3, 0.25, 6)).toEqual({ min: -0.3, max: 0.3, ticks: [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3], dp: 1 });
  });

  it('gives a unit axis to an empty range', () => {
    expect(niceAxis(2, 2).ticks[0]).toBe(2);
  });
});

describe('scaleLinear', () => {
  it('maps the ends onto the pixel range, reversed too', () => {
    const y = scaleLinear(0, 50, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(100);
    expect(y(50)).toBe(0);
  });
});
