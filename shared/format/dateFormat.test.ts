import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds } from './dateFormat';

describe('dates for people (en-GB, local time)', () => {
  it('writes a moment as "29 November 2026, 15:42" in the given zone', () => {
    expect(formatDateTime('2026-11-29T15:42:49.331Z', 'Europe/London')).toBe('29 November 2026, 15:42');
    expect(formatDateTimeSeconds('2026-11-29T15:42:09.931Z', 'Europe/London')).toBe('29 November 2026, 15:42:09');
    // British Summer Time: 14:05 UTC is 15:05 in London; midnight stays 00, not 24.
    expect(formatDateTime('2026-07-01T14:05:00Z', 'Europe/London')).toBe('1 July 2026, 15:05');
    expect(formatDateTime('2026-06-30T23:00:00Z', 'Europe/London')).toBe('1 July 2026, 00:00');
  });

  it('writes a calendar day as that day whatever the zone', () => {
    expect(formatDate('2015-03-31')).toBe('31 March 2015');
    expect(formatDate('2026-11-29T23:30:00Z', 'Europe/London')).toBe('29 November 2026');
    expect(formatDate('2026-11-29T23:30:00Z', 'Asia/Tokyo')).toBe('30 November 2026');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
