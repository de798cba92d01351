// The settings the cohort step runs under (DATA-FORMAT.md sections 4-5): stored with the
// derivation, shown in the UI and `matchlab info`, copied into every analysis run.
import { z } from 'zod';

export const CohortSettingsSchema = z
  .object({
    /** YYYY-MM-DD; null = the extract date set at import. */
    extractDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable().default(null),
    followUpDays: z.number().int().min(1).max(3650).default(365),
    waitingDays: z.number().int().min(0).max(3650).default(183),
    windowBeforeDays: z.number().int().min(0).max(3650).default(365),
    windowAfterDays: z.number().int().min(0).max(3650).default(90),
    minimumAge: z.number().int().min(0).max(100).default(18),
  })
  .strict();

export type CohortSettings = z.output<typeof CohortSettingsSchema>;

export const DEFAULT_COHORT_SETTINGS: CohortSettings = CohortSettingsSchema.parse({});
