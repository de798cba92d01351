// The analysis job: loads the cohort from the store, runs every analysis of the spec
// (shared/results/buildRunResults.ts) and stores the run. Returns the run id.
import { jobAnalysisData } from './jobAnalysisData';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { newRunId, saveRun } from '../../db/runs/runStore';
import { writeAudit } from '../../db/audit';
import { specSchema, type SpecInput } from '../../shared/engine/analysisSpec';
import { buildRunResults, type RunStep } from '../../shared/results/buildRunResults';
import { ApiError } from '../service/apiError';
import { throwIfCancelled, type JobContext } from './jobProtocol';
import { WeightedProgress, type ProgressPhase } from './weightedProgress';

export interface AnalyseJobPayload {
  spec: SpecInput;
}

// One analysis's steps with their share of its time (the National preset on a shuffled 300,000-record
// extract in the app: the score model's iterations lead, then balance).
const ANALYSIS_STEPS: { step: RunStep; what: string; weight: number }[] = [
  { step: 'preparing', what: 'selecting the pool and covariates', weight: 5 },
  { step: 'order', what: 'putting the records in order', weight: 10 },
  { step: 'design', what: 'building the design matrix', weight: 10 },
  { step: 'fit', what: 'fitting the score model', weight: 40 },
  { step: 'match', what: 'matching', weight: 8 },
  { step: 'balance', what: 'checking balance', weight: 17 },
  { step: 'outcomes', what: 'estimating the outcomes', weight: 5 },
];

/** The bar's phases for a spec: loading, each analysis's steps, saving. */
export function analysisPhases(names: readonly string[]): ProgressPhase[] {
  const per = ANALYSIS_STEPS.reduce((s, x) => s + x.weight, 0);
  return [
    { id: 'loading', label: 'Loading the cohort', weight: per / 7 },
    ...names.flatMap((name, a) =>
      ANALYSIS_STEPS.map(({ step, what, weight }) => ({
        id: `${a}:${step}`,
        label: names.length > 1 ? `${name} (${a + 1} of ${names.length}): ${what}` : `${name}: ${what}`,
        weight,
      })),
    ),
    { id: 'saving', label: 'Saving the run', weight: per / 20 },
  ];
}

export async function analyseJob(ctx: JobContext<AnalyseJobPayload>): Promise<{ runId: string }> {
  const spec = specSchema.parse(ctx.payload.spec);
  const progress = new WeightedProgress(analysisPhases(spec.analyses.map((a) => a.name)), ctx.progress);
  progress.at('loading');
  const data = jobAnalysisData(ctx.db);
  const derivation = readCohortDerivation(ctx.db)!;
  throwIfCancelled(ctx.signal);
  const createdAt = new Date();
  const runId = newRunId(ctx.db, createdAt, spec.analyses.map((a) => a.name));
  let built;
  try {
    built = buildRunResults(
      data,
      spec,
      {
        runId,
        createdAt: createdAt.toISOString(),
        cohortSettings: derivation.settings,
        funnel: derivation.funnel,
        profile: derivation.profile,
      },
      (analysis, step, fraction) => {
        throwIfCancelled(ctx.signal);
        progress.at(`${analysis}:${step}`, fraction);
      },
    );
  } catch (err) {
    // prepareAnalysis names unknown covariates, empty pools and the like: the user can act on it.
    if (err instanceof Error && !(err instanceof ApiError) && !('code' in err)) throw new ApiError('analysis_invalid', err.message);
    throw err;
  }
  progress.at('saving');
  saveRun(ctx.db, built.results, built.records);
  writeAudit(ctx.db, 'analysis', {
    runId,
    analyses: built.results.analyses.map((a) => ({ name: a.name, treated: a.treatment.n, comparison: a.comparison.records })),
  });
  return { runId };
}
