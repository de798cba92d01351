// The robustness job: runs the specification grid (shared/robustness) for every analysis of a stored run, on the
// data the run was made from, as one job with one progress bar, and stores the check with the run.
import { jobAnalysisData } from './jobAnalysisData';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { readRun, readRunRecords } from '../../db/runs/runStore';
import { saveRobustness } from '../../db/runs/robustnessStore';
import { writeAudit } from '../../db/audit';
import { ENGINE_VERSION } from '../../shared/engine/runAnalysisEngine';
import { robustnessUnits, runRobustness, type AnalysisRobustness } from '../../shared/robustness/runRobustness';
import type { CovariateSet } from '../../shared/robustness/robustnessGrid';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import { ApiError } from '../service/apiError';
import { throwIfCancelled, type JobContext } from './jobProtocol';

export interface RobustnessJobPayload {
  runId: string;
  covariateSets: CovariateSet[];
}

const DATA_CHANGED =
  'The extract or the cohort step has changed since this run was made, so its robustness cannot be checked on the same data: run the analysis again, then check the new run.';

export async function robustnessJob(ctx: JobContext<RobustnessJobPayload>): Promise<{ runId: string }> {
  const { runId, covariateSets } = ctx.payload;
  ctx.progress('Loading the run', 0, 1);
  const run = readRun(ctx.db, runId);
  if (!run) throw new ApiError('not_found', `No run ${runId} in this store`);
  // The derivation's settings name the import they were made from: the same settings, the same data.
  const derivation = readCohortDerivation(ctx.db);
  if (!derivation || JSON.stringify(derivation.settings) !== JSON.stringify(run.cohortSettings)) throw new ApiError('robustness_data_changed', DATA_CHANGED);
  const data = jobAnalysisData(ctx.db);
  throwIfCancelled(ctx.signal);

  const total = run.analyses.reduce((sum, a) => sum + robustnessUnits(a.spec, covariateSets), 0);
  let offset = 0;
  const analyses: AnalysisRobustness[] = [];
  for (const a of run.analyses) {
    const reference = readRunRecords(ctx.db, runId, a.name);
    if (!reference) throw new ApiError('not_found', `Run ${runId} has no records for its analysis ${a.name}`);
    const { result } = runRobustness(data, a.spec, { alpha: run.spec.alpha, power: run.spec.power, bands: run.spec.bands }, covariateSets, {
      reference,
      progress: (label, done) => {
        throwIfCancelled(ctx.signal);
        ctx.progress(label, offset + done, total);
      },
    });
    analyses.push(result);
    offset += robustnessUnits(a.spec, covariateSets);
  }
  const check: RobustnessCheck = {
    runId,
    checkedAt: new Date().toISOString(),
    engineVersion: ENGINE_VERSION,
    alpha: run.spec.alpha,
    addedCovariateSets: covariateSets,
    analyses,
  };
  ctx.progress('Saving the check', total, total);
  ctx.db.transaction(() => {
    saveRobustness(ctx.db, check);
    writeAudit(ctx.db, 'robustness', {
      runId,
      addedCovariateSets: covariateSets.map((s) => s.name),
      analyses: analyses.map((a) => ({ name: a.analysis, specifications: a.entries.length })),
    });
  })();
  return { runId };
}
