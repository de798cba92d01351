// The set-up being edited as the store keeps it (analysis.draft.save/get take any JSON): a versioned envelope
// around the SpecDraft, checked when read back, since it may come from an older or newer Matchlab.
import { z } from 'zod';
import { bandsSchema, poolFilterSchema, programmeTextSchema, type CaliperUnit } from '../../shared/engine/analysisSpec';
import { withFreshKeys, type MethodName, type SpecDraft } from './specDraft';

const VERSION = 1;

const analysisDraftSchema = z.object({
  key: z.number(),
  name: z.string(),
  pool: poolFilterSchema,
  exact: z.array(z.string()),
  covariates: z.array(z.string()),
  method: z.enum(['radius', 'nearest', 'kernel'] as const satisfies readonly MethodName[]),
  caliper: z.string(),
  caliperUnit: z.enum(['sd', 'logit'] as const satisfies readonly CaliperUnit[]),
  ratio: z.string(),
  replace: z.boolean(),
});

const savedDraftSchema = z.object({
  version: z.literal(VERSION),
  draft: z.object({
    organisation: z.string(),
    // Added after version 1 shipped: drafts saved before it have none.
    programme: programmeTextSchema.default({}),
    headline: z.string(),
    analyses: z.array(analysisDraftSchema),
    alpha: z.string(),
    power: z.string(),
    bands: bandsSchema,
  }),
});

export type SavedDraft = z.infer<typeof savedDraftSchema>;

export function savedDraftOf(draft: SpecDraft): SavedDraft {
  return { version: VERSION, draft };
}

/**
 * The draft a store kept, or null when it kept none or one this version cannot read (the screen then offers the
 * presets and says so). Keys are handed out afresh: the saved ones belong to the session that saved them.
 */
export function draftFromSaved(saved: unknown): SpecDraft | null {
  const parsed = savedDraftSchema.safeParse(saved);
  return parsed.success ? withFreshKeys(parsed.data.draft) : null;
}
