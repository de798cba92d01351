// The settings the cohort step runs under (DATA-FORMAT.md sections 4-5), with the Justice Data
// Lab's standard values as defaults: stored with the derivation, shown and edited in the UI,
// printed by `matchlab info`, copied into every analysis run. One definition for all of them.
import { z } from 'zod';

import { COHORT_SETTING_BOUNDS, STANDARD_COHORT_SETTINGS, type CohortNumberSetting } from './standardCohortSettings';

export { COHORT_SETTING_BOUNDS, STANDARD_COHORT_SETTINGS, type CohortNumberSetting };

const setting = (name: CohortNumberSetting) =>
  z.number().int().min(COHORT_SETTING_BOUNDS[name].min).max(COHORT_SETTING_BOUNDS[name].max).default(STANDARD_COHORT_SETTINGS[name]);

export const cohortSettingsSchema = z
  .object({
    /** YYYY-MM-DD; null = the extract date set at import. */
    extractDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable().default(null),
    followUpDays: setting('followUpDays'),
    waitingDays: setting('waitingDays'),
    windowBeforeDays: setting('windowBeforeDays'),
    windowAfterDays: setting('windowAfterDays'),
    minimumAge: setting('minimumAge'),
  })
  .strict();

export type CohortSettings = z.output<typeof cohortSettingsSchema>;
