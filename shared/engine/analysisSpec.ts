// The analysis specification of CLI.md's SPEC.json, with METHOD.md's defaults filled in by the schema.
import { z } from 'zod';

/** Pool filter value that keeps pool records sharing a value with some treated record (METHOD.md section 1). */
export const SAME_AS_TREATMENT = 'sameAsTreatment';

/**
 * Pool filter: `{ region: 'sameAsTreatment' }` restricts the pool to the treated records' regions and makes
 * region an exact-match variable; `{ column: value }` keeps records whose column equals value.
 * Decision (spec silent): an equality filter defines a sub-population, so it applies to the treated records
 * too (a "men only" analysis drops treated women as well as pool women); the count is reported.
 */
export const poolFilterSchema = z
  .record(z.string().min(1).max(200), z.union([z.string().max(500), z.number()]))
  .refine((f) => Object.keys(f).length <= 50, 'at most 50 pool filters');

const caliperUnitSchema = z.enum(['sd', 'logit']);

/** Default caliper, in SD units of the logit score over treated and pool (METHOD.md section 3). */
export const DEFAULT_CALIPER = 0.2;

const radiusSchema = z.object({
  method: z.literal('radius'),
  caliper: z.number().positive().default(DEFAULT_CALIPER),
  caliperUnit: caliperUnitSchema.default('sd'),
});

// Nearest neighbour: the caliper is optional (none unless given), as in MatchIt; replace defaults to false as in MatchIt.
const nearestSchema = z.object({
  method: z.literal('nearest'),
  ratio: z.number().int().min(1).max(100).default(1),
  replace: z.boolean().default(false),
  caliper: z.number().positive().optional(),
  caliperUnit: caliperUnitSchema.default('sd'),
});

const kernelSchema = z.object({
  method: z.literal('kernel'),
  caliper: z.number().positive().default(DEFAULT_CALIPER),
  caliperUnit: caliperUnitSchema.default('sd'),
});

export const matchingSchema = z.discriminatedUnion('method', [radiusSchema, nearestSchema, kernelSchema]);

/** The covariates of CLI.md's National example, used when an analysis names none. */
export const DEFAULT_COVARIATES = [
  'age_at_index', 'ethnicity', 'uk_national', 'index_offence', 'index_disposal',
  'prev_offences', 'prev_custodial', 'oasys_*',
];

export const analysisSpecSchema = z.object({
  name: z.string().trim().min(1).max(200),
  pool: poolFilterSchema.default({}),
  // Bounds keep a hostile spec from costing more than a real one could (a cohort has at most a few
  // hundred columns).
  exact: z.array(z.string().min(1).max(200)).max(50).default(['sex']),
  covariates: z.array(z.string().min(1).max(200)).min(1).max(2000).default(DEFAULT_COVARIATES),
  matching: matchingSchema.default({ method: 'radius', caliper: DEFAULT_CALIPER, caliperUnit: 'sd' }),
});

export const bandsSchema = z
  .object({ well: z.number().positive().default(5), reasonably: z.number().positive().default(10) })
  .refine((b) => b.well <= b.reasonably, { message: 'bands.well must not exceed bands.reasonably' });

/**
 * What the organisation says in its own words (a JDL report prints it as supplied): a description of
 * the programme, its response to the analysis, a note for the profile section (where and to whom the
 * programme is delivered), and who to contact. Plain text; blank lines separate paragraphs.
 */
export const programmeTextSchema = z
  .object({
    description: z.string().max(20_000),
    response: z.string().max(20_000),
    profileNote: z.string().max(5_000),
    contact: z.string().max(5_000),
  })
  .partial()
  .strict();

export const specSchema = z
  .object({
    organisation: z.string().trim().min(1).max(500),
    programme: programmeTextSchema.default({}),
    headline: z.string().min(1).max(200).optional(),
    analyses: z.array(analysisSpecSchema).min(1).max(50),
    alpha: z.number().gt(0).lt(1).default(0.05),
    power: z.number().gt(0).lt(1).default(0.95),
    bands: bandsSchema.default({ well: 5, reasonably: 10 }),
  })
  .superRefine((spec, ctx) => {
    const names = spec.analyses.map((a) => a.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined) ctx.addIssue({ code: 'custom', path: ['analyses'], message: `two analyses are named "${duplicate}"` });
    if (spec.headline !== undefined && !names.includes(spec.headline))
      ctx.addIssue({ code: 'custom', path: ['headline'], message: `headline "${spec.headline}" names no analysis (${names.join(', ')})` });
  })
  // The headline defaults to the first analysis.
  .transform((spec) => ({ ...spec, headline: spec.headline ?? spec.analyses[0].name }));

export type PoolFilter = z.output<typeof poolFilterSchema>;
export type CaliperUnit = z.output<typeof caliperUnitSchema>;
export type MatchingSpec = z.output<typeof matchingSchema>;
export type AnalysisSpec = z.output<typeof analysisSpecSchema>;
export type AnalysisSpecInput = z.input<typeof analysisSpecSchema>;
export type Bands = z.output<typeof bandsSchema>;
export type ProgrammeText = z.output<typeof programmeTextSchema>;
export type Spec = z.output<typeof specSchema>;
export type SpecInput = z.input<typeof specSchema>;

/** National analysis of CLI.md: whole pool, exact on sex, radius matching with caliper 0.2 SD. */
export const NATIONAL: AnalysisSpec = analysisSpecSchema.parse({
  name: 'National',
  pool: {},
  exact: ['sex'],
  covariates: DEFAULT_COVARIATES,
  matching: { method: 'radius', caliper: 0.2, caliperUnit: 'sd' },
});

/** Regional analysis of CLI.md: pool in the treated records' regions, nearest 1:1 without replacement. */
export const REGIONAL: AnalysisSpec = analysisSpecSchema.parse({
  name: 'Regional',
  pool: { region: SAME_AS_TREATMENT },
  exact: ['sex'],
  covariates: ['age_at_index', 'ethnicity', 'index_disposal', 'prev_offences'],
  matching: { method: 'nearest', ratio: 1, replace: false, caliper: 0.2, caliperUnit: 'sd' },
});

/** A complete spec with the two presets, National as headline. */
export function presetSpec(organisation: string): Spec {
  return specSchema.parse({ organisation, headline: NATIONAL.name, analyses: [NATIONAL, REGIONAL] });
}
