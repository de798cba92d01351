import { describe, expect, it } from 'vitest';
import { epochDayFromIso } from './epochDay';
import { participationPeriod } from './participationPeriod';

describe('participationPeriod', () => {
  it('spans the treatment group\'s start dates only', () => {
    const start = Int32Array.from(['2010-01-05', '2011-03-02', '2015-11-28', '2013-06-01'], epochDayFromIso);
    expect(participationPeriod(start, ['no_record', 'treated', 'treated', 'treated'])).toEqual({ firstStart: '2011-03-02', lastStart: '2015-11-28' });
    expect(participationPeriod(start, ['no_record', 'under_18', 'duplicate', 'not_identified'])).toBeNull();
  });
});
