// Which code runs for each kind of job (in a worker thread; see jobWorkerMain.ts).
import type { JobKind, JobResults } from '../../shared/api';
import type { JobContext } from './jobProtocol';
import { demoJob, type DemoJobPayload } from './demoJob';
import { importJob } from './importJob';
import type { ImportRequest } from '../../db/import/importExtract';
import { deriveJob } from './deriveJob';
import { analyseJob, type AnalyseJobPayload } from './analyseJob';
import type { CohortSettings } from '../../shared/cohort/cohortSettings';
import type { RobustnessJobPayload } from './robustnessJob';

// Each kind's handler returns that kind's result of the contract (shared/api.ts JobResults).
export const JOB_HANDLERS: { [K in JobKind]: (ctx: JobContext<unknown>) => Promise<JobResults[K]> } = {
  demo: (ctx) => demoJob(ctx as JobContext<DemoJobPayload>),
  import: (ctx) => importJob(ctx as JobContext<ImportRequest>),
  derive: (ctx) => deriveJob(ctx as JobContext<{ settings: Partial<CohortSettings> }>),
  analyse: (ctx) => analyseJob(ctx as JobContext<AnalyseJobPayload>),
  // Loaded when asked for: the other jobs' workers need not load the robustness grid.
  robustness: async (ctx) => (await import('./robustnessJob')).robustnessJob(ctx as JobContext<RobustnessJobPayload>),
};
