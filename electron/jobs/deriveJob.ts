// The cohort step again, under new settings (db/cohort/deriveCohort.ts).
import { deriveCohort, type DeriveStep } from '../../db/cohort/deriveCohort';
import type { CohortSettings } from '../../shared/cohort/cohortSettings';
import type { JobContext } from './jobProtocol';
import { WeightedProgress, type ProgressPhase } from './weightedProgress';

/** The cohort step's phases, weighted by their share of its time on a shuffled 300,000-record extract. */
export const DERIVE_PHASES: ProgressPhase<DeriveStep>[] = [
  { id: 'loading', label: 'Loading the extract for the cohort step', weight: 2 },
  { id: 'outcomes', label: 'Deriving one-year outcomes', weight: 3 },
  { id: 'funnel', label: 'Applying the exclusion funnel', weight: 2 },
  { id: 'profile', label: 'Profiling the treatment group', weight: 1 },
  { id: 'saving', label: 'Storing the one-year outcomes', weight: 1 },
];

export async function deriveJob(ctx: JobContext<{ settings: Partial<CohortSettings> }>) {
  const progress = new WeightedProgress(DERIVE_PHASES, ctx.progress);
  const { funnel, settings, poolEligible } = deriveCohort(ctx.db, ctx.payload.settings, (step, fraction) => progress.at(step, fraction));
  return { funnel, settings, poolEligible };
}
