// The analysis job: loads the cohort from the store, runs every analysis of the spec
// (shared/results/buildRunResults.ts) and stores the run. Returns the run id.
import { jobAnalysisData } from './jobAnalysisData';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { newRunId, saveRun } from '../../db/runs/runStore';
import { writeAudit } from '../../db/audit';
import { specSchema, type SpecInput } from '../../shared/engine/analysisSpec';
import { buildRunResults } from '../../shared/results/buildRunResults';
import { ApiError } from '../service/apiError';
import { throwIfCancelled, type JobContext } from './jobProtocol';

export interface AnalyseJobPayload {
  spec: SpecInput;
}

export async function analyseJob(ctx: JobContext<AnalyseJobPayload>): Promise<{ runId: string }> {
  const spec = specSchema.parse(ctx.payload.spec);
  ctx.progress('Loading the cohort', 0, 1);
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
      (phase, done, total) => {
        throwIfCancelled(ctx.signal);
        ctx.progress(phase, done, total);
      },
    );
  } catch (err) {
    // prepareAnalysis names unknown covariates, empty pools and the like: the user can act on it.
    if (err instanceof Error && !(err instanceof ApiError) && !('code' in err)) throw new ApiError('analysis_invalid', err.message);
    throw err;
  }
  ctx.progress('Saving the run', 0, 1);
  saveRun(ctx.db, built.results, built.records);
  writeAudit(ctx.db, 'analysis', {
    runId,
    analyses: built.results.analyses.map((a) => ({ name: a.name, treated: a.treatment.n, comparison: a.comparison.records })),
  });
  return { runId };
}
