import { describe, expect, it } from 'vitest';
import { cohortSettingsSchema } from './cohortSettings';
import { STANDARD_COHORT_SETTINGS, withStandardSettings } from './standardCohortSettings';

describe('withStandardSettings', () => {
  it('fills in what the schema fills in, for any settings the schema accepts', () => {
    const asked = [
      {},
      { followUpDays: 730 },
      { extractDate: '2019-03-31', minimumAge: 0 },
      { extractDate: null, waitingDays: 0, windowBeforeDays: 10, windowAfterDays: 3650 },
      { followUpDays: 1, waitingDays: 1, windowBeforeDays: 1, windowAfterDays: 1, minimumAge: 100, extractDate: '2020-01-01' },
    ];
    for (const requested of asked) expect(withStandardSettings(requested)).toEqual(cohortSettingsSchema.parse(requested));
    expect(withStandardSettings({})).toEqual({ extractDate: null, ...STANDARD_COHORT_SETTINGS });
    // 0 is a setting, not a missing one.
    expect(withStandardSettings({ waitingDays: 0 }).waitingDays).toBe(0);
  });
});
