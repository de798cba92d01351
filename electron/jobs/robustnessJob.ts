// The robustness job: runs the specification grid (shared/robustness) for every analysis of a stored run, on the
// data the run was made from, as one job with one progress bar, and stores the check with the run.
import { jobAnalysisData } from './jobAnalysisData';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { readRun, readRunRecords } from '../../db/runs/runStore';
import { saveRobustness } from '../../db/runs/robustnessStore';
import { writeAudit } from '../../db/audit';
import { ENGINE_VERSION } from '../../shared/engine/runAnalysisEngine';
import { FIT_UNITS, robustnessUnits, runRobustness, type AnalysisRobustness } from '../../shared/robustness/runRobustness';
import type { CovariateSet } from '../../shared/robustness/robustnessGrid';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import { ApiError } from '../service/apiError';
import type { JobResults } from '../../shared/api';
import { throwIfCancelled, type JobContext } from './jobProtocol';
import { WeightedProgress, type ProgressPhase } from './weightedProgress';

export interface RobustnessJobPayload {
  runId: string;
  covariateSets: CovariateSet[];
}

/**
 * The bar's phases: loading, each analysis's grid in its work units (a score model counts as FIT_UNITS
 * specifications, shared/robustness), saving. Loading the cohort costs about a third of a score fit (the analysis
 * job's measured weights: 13.6 against 40), saving a robustness.json next to nothing.
 */
export function robustnessPhases(unitsPerAnalysis: readonly number[]): ProgressPhase[] {
  const n = unitsPerAnalysis.length;
  return [
    { id: 'loading', label: 'Loading the cohort', weight: FIT_UNITS / 3 },
    ...unitsPerAnalysis.map((units, a) => ({ id: `${a}`, label: n > 1 ? `Checking robustness (${a + 1} of ${n}):` : 'Checking robustness:', weight: units })),
    { id: 'saving', label: 'Saving the check', weight: 0.2 },
  ];
}

const DATA_CHANGED =
  'The extract or the cohort step has changed since this run was made, so its robustness cannot be checked on the same data: run the analysis again, then check the new run.';

export async function robustnessJob(ctx: JobContext<RobustnessJobPayload>): Promise<JobResults['robustness']> {
  const { runId, covariateSets } = ctx.payload;
  const run = readRun(ctx.db, runId);
  if (!run) throw new ApiError('not_found', `No run ${runId} in this store`);
  const progress = new WeightedProgress(robustnessPhases(run.analyses.map((a) => robustnessUnits(a.spec, covariateSets))), ctx.progress);
  progress.at('loading');
  // The derivation's settings name the import they were made from: the same settings, the same data.
  const derivation = readCohortDerivation(ctx.db);
  if (!derivation || JSON.stringify(derivation.settings) !== JSON.stringify(run.cohortSettings)) throw new ApiError('robustness_data_changed', DATA_CHANGED);
  const data = jobAnalysisData(ctx.db);
  throwIfCancelled(ctx.signal);

  const analyses: AnalysisRobustness[] = [];
  for (const [k, a] of run.analyses.entries()) {
    const reference = readRunRecords(ctx.db, runId, a.name)?.records;
    if (!reference) throw new ApiError('not_found', `Run ${runId} has no records for its analysis ${a.name}`);
    const { result } = runRobustness(data, a.spec, { alpha: run.spec.alpha, power: run.spec.power, bands: run.spec.bands }, covariateSets, {
      reference,
      progress: (label, done, total) => {
        throwIfCancelled(ctx.signal);
        progress.at(`${k}`, done / total, label);
      },
    });
    analyses.push(result);
  }
  const check: RobustnessCheck = {
    runId,
    checkedAt: new Date().toISOString(),
    engineVersion: ENGINE_VERSION,
    alpha: run.spec.alpha,
    addedCovariateSets: covariateSets,
    analyses,
  };
  progress.at('saving');
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
