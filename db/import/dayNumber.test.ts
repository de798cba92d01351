import { describe, expect, it } from 'vitest';
import { DAY_1900_01_01, dayToIso, looksLikeDate, parseDay } from './dayNumber';

// Independent reference: JavaScript's own calendar (setUTCFullYear, so years 0-99 stay themselves).
function referenceDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const ok = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return ok ? d.getTime() / 86_400_000 : NaN;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('parseDay', () => {
  it('agrees with the JavaScript calendar on every day of 1896-2104, ISO and D/M/YYYY', () => {
    for (let year = 1896; year <= 2104; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const expected = referenceDay(year, month, day);
          expect(parseDay(`${year}-${pad(month, 2)}-${pad(day, 2)}`, false)).toBe(expected);
          expect(parseDay(`${pad(day, 2)}/${pad(month, 2)}/${year}`, true)).toBe(expected);
          expect(parseDay(`${day}/${month}/${year}`, true)).toBe(expected);
        }
      }
    }
  });

  it('knows the fixed points and leap years', () => {
    expect(parseDay('1970-01-01', false)).toBe(0);
    expect(DAY_1900_01_01).toBe(-25_567);
    expect(parseDay('2000-02-29', false)).toBe(11_016);
    expect(parseDay('1900-02-29', false)).toBeNaN();
    expect(parseDay('2015-02-30', false)).toBeNaN();
    expect(parseDay('2015-13-01', false)).toBeNaN();
    expect(parseDay('2015-00-10', false)).toBeNaN();
    expect(parseDay('2015-01-00', false)).toBeNaN();
    // Years below 100 are themselves (Date.UTC would read 0015 as 1915).
    expect(parseDay('0015-06-01', false)).toBe(referenceDay(15, 6, 1));
    expect(dayToIso(parseDay('2024-12-31', false))).toBe('2024-12-31');
  });

  it('refuses every other shape', () => {
    const bad = ['', '2015-1-01', '2015-01-1', '15-01-2015', '2015/01/01', ' 2015-01-01', '2015-01-01 ', '2015-01-0a',
      '+015-01-01', '2015--1-01', '20150101', '1/1/15', '001/1/2015', '1/001/2015', '/1/2015', '1//2015', '1/1/2015/',
      '1-1-2015', '1/2/3/2015', 'a1/1/2015', '1/1/20x5', '12/12/12345'];
    for (const text of bad) {
      expect(parseDay(text, true), text).toBeNaN();
      expect(looksLikeDate(text, true), text).toBe(false);
    }
    // D/M/YYYY only when the mapping says so.
    expect(parseDay('01/02/2015', false)).toBeNaN();
    expect(looksLikeDate('01/02/2015', false)).toBe(false);
    expect(looksLikeDate('31/02/2015', true)).toBe(true);
    expect(looksLikeDate('2015-02-31', false)).toBe(true);
  });
});
