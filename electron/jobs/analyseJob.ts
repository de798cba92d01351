// The analysis job: loads the cohort from the store, builds every analysis of the spec
// (shared/results/buildRunResults.ts) on two threads (analysisThreads.ts) and stores the run.
// Returns the run id.
import { jobAnalysisData } from './jobAnalysisData';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { newRunId, saveRun } from '../../db/runs/runStore';
import { writeAudit } from '../../db/audit';
import { storeKey } from '../../db/store';
import type { Spec } from '../../shared/engine/analysisSpec';
import { assembleRun } from '../../shared/results/buildRunResults';
import { throwIfCancelled, type JobContext } from './jobProtocol';
import { AnalysesProgress } from './analysisProgress';
import { startAnalysisThreads } from './analysisThreads';

export interface AnalyseJobPayload {
  /** As the api's schema parsed it (defaults filled in): this thread does not load the schema (sameAsTreatment.ts). */
  spec: Spec;
  /** Format every analysis's matches file as the analyses are built, and hand them to the service once the run is stored. */
  matchesFiles?: boolean;
}

/** `threads`: 1 builds every analysis on the job's thread (the reference the default is tested against). */
export async function analyseJob(ctx: JobContext<AnalyseJobPayload>, threads: 1 | 2 = 2): Promise<{ runId: string }> {
  const { spec } = ctx.payload;
  const progress = new AnalysesProgress(spec.analyses.map((a) => a.name), ctx.progress);
  progress.loading();
  const analyses = startAnalysisThreads(spec, ctx.signal, { path: ctx.db.name, key: storeKey(ctx.db) }, { threads, matchesFiles: ctx.payload.matchesFiles === true });
  try {
    // In shared memory from the start: the second analysis thread reads the same arrays (sharedCohort.ts).
    const data = jobAnalysisData(ctx.db, 'shared');
    const derivation = readCohortDerivation(ctx.db)!;
    throwIfCancelled(ctx.signal);
    const createdAt = new Date();
    const runId = newRunId(ctx.db, createdAt, spec.analyses.map((a) => a.name));
    const built = await analyses.build(data, (a, at) => {
      throwIfCancelled(ctx.signal);
      progress.analysis(a, at);
    });
    // Each analysis's records were encoded as a piece of its tail, on whichever thread was free (analysisTail.ts).
    const encoded = new Map(built.encoded.map((e, a) => [spec.analyses[a].name, e]));
    const run = assembleRun(spec, { runId, createdAt: createdAt.toISOString(), cohortSettings: derivation.settings, funnel: derivation.funnel, profile: derivation.profile }, built.analyses);
    progress.saving();
    // The run and its audit entry are stored together or not at all, and a cancel that came while
    // they were written (on a loaded machine that can take longer than the 1 s before the job's
    // thread is ended) is honoured before the commit: a progress report is a cancel point.
    ctx.db
      .transaction(() => {
        saveRun(ctx.db, run.results, run.records, encoded);
        writeAudit(ctx.db, 'analysis', {
          runId,
          analyses: run.results.analyses.map((a) => ({ name: a.name, treated: a.treatment.n, comparison: a.comparison.records })),
        });
        progress.saving();
      })
      .immediate();
    // Only for a stored run: a file whose run was not stored is never handed over.
    if (built.matches.length > 0) ctx.prepared?.({ runId, matches: built.matches });
    return { runId };
  } finally {
    await analyses.stop();
  }
}
