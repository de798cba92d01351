// The cohort step's settings without their schema (cohortSettings.ts): the values and bounds, and the defaults
// filled in, for the threads that run the cohort step and the analyses. zod, which the schema loads, costs each
// thread about 80 ms of its start; the settings reaching a thread were checked by the schema at the api.
import type { CohortSettings } from './cohortSettings';

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

/** The settings asked for, the standard value for each one not given: what cohortSettingsSchema.parse gives for checked settings. */
export function withStandardSettings(requested: Partial<CohortSettings>): CohortSettings {
  return {
    extractDate: requested.extractDate ?? null,
    followUpDays: requested.followUpDays ?? STANDARD_COHORT_SETTINGS.followUpDays,
    waitingDays: requested.waitingDays ?? STANDARD_COHORT_SETTINGS.waitingDays,
    windowBeforeDays: requested.windowBeforeDays ?? STANDARD_COHORT_SETTINGS.windowBeforeDays,
    windowAfterDays: requested.windowAfterDays ?? STANDARD_COHORT_SETTINGS.windowAfterDays,
    minimumAge: requested.minimumAge ?? STANDARD_COHORT_SETTINGS.minimumAge,
  };
}
