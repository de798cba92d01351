// The cohort step again, under new settings (db/cohort/deriveCohort.ts).
import { deriveCohort } from '../../db/cohort/deriveCohort';
import type { CohortSettings } from '../../shared/cohort/cohortSettings';
import type { JobContext } from './jobProtocol';

export async function deriveJob(ctx: JobContext<{ settings: Partial<CohortSettings> }>) {
  const { funnel, settings, poolEligible } = deriveCohort(ctx.db, ctx.payload.settings, ctx.progress);
  return { funnel, settings, poolEligible };
}
