import { describe, expect, it } from 'vitest';
import { ageInWholeYears } from './ageInWholeYears';
import { epochDayFromIso, isoFromEpochDay } from './epochDay';

describe('epoch days', () => {
  it('agrees with Date.UTC on known dates', () => {
    for (const iso of ['1970-01-01', '1900-01-01', '2000-02-29', '2016-07-02', '2099-12-31']) {
      expect(epochDayFromIso(iso)).toBe(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8)) / 86_400_000);
    }
    expect(epochDayFromIso('1970-01-01')).toBe(0);
  });

  it('rejects impossible and malformed dates', () => {
    expect(epochDayFromIso('2015-02-30')).toBeNaN();
    expect(epochDayFromIso('2015-02-29')).toBeNaN();
    expect(epochDayFromIso('2015-13-01')).toBeNaN();
    expect(epochDayFromIso('15/02/2015')).toBeNaN();
  });

  it('round-trips every day from 1900 to 2100', () => {
    let bad = 0;
    for (let d = -25567; d <= 47482; d++) {
      if (epochDayFromIso(isoFromEpochDay(d)) !== d || isoFromEpochDay(d) !== new Date(d * 86_400_000).toISOString().slice(0, 10)) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('ageInWholeYears', () => {
  it('turns 18 on the 18th birthday, not the day before', () => {
    expect(ageInWholeYears(epochDayFromIso('2000-05-10'), epochDayFromIso('2018-05-10'))).toBe(18);
    expect(ageInWholeYears(epochDayFromIso('2000-05-10'), epochDayFromIso('2018-05-09'))).toBe(17);
  });

  it('reaches a 29 February birthday on 1 March in a common year', () => {
    expect(ageInWholeYears(epochDayFromIso('2000-02-29'), epochDayFromIso('2018-02-28'))).toBe(17);
    expect(ageInWholeYears(epochDayFromIso('2000-02-29'), epochDayFromIso('2018-03-01'))).toBe(18);
  });
});
