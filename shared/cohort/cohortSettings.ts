// The settings the cohort step runs under (DATA-FORMAT.md sections 4-5), with the Justice Data
// Lab's standard values as defaults: stored with the derivation, shown and edited in the UI,
// printed by `matchlab info`, copied into every analysis run. One definition for all of them.
import { z } from 'zod';

/** The standard values (the JDL method). */
export const STANDARD_COHORT_SETTINGS = {
  followUpDays: 365,
  waitingDays: 183,
  windowBeforeDays: 365,
  windowAfterDays: 90,
  minimumAge: 18,
} as const;

export type CohortNumberSetting = keyof typeof STANDARD_COHORT_SETTINGS;

/** The bounds a setting may take. */
export const COHORT_SETTING_BOUNDS: Record<CohortNumberSetting, { min: number; max: number }> = {
  followUpDays: { min: 1, max: 3650 },
  waitingDays: { min: 0, max: 3650 },
  windowBeforeDays: { min: 0, max: 3650 },
  windowAfterDays: { min: 0, max: 3650 },
  minimumAge: { min: 0, max: 100 },
};

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
