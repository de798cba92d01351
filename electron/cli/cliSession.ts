// The command line drives the same service as the app: it opens the store through the api and
// waits for jobs, printing their progress to stderr when stderr is a terminal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiArgs, ApiMethod, ApiResult, JobInfo } from '../../shared/api';
import { createService, type Service } from '../service/service';
import { CliError } from './cliError';


export interface CliSession {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
  /** Resolves with the job's final state once it is no longer running; throws its error. */
  waitForJob(jobId: string): Promise<JobInfo>;
  close(): Promise<void>;
}


function showProgress(job: JobInfo): void {
  if (!process.stderr.isTTY) return;
  const pct = job.total > 0 ? ` ${Math.round((100 * job.done) / job.total)}%` : '';
  process.stderr.write(`\r\x1b[K${job.kind}: ${job.phase}${pct}`);
  if (job.status !== 'running') process.stderr.write('\n');
}

export function openCliSession(): CliSession {
  // The CLI never uses the service's data folder (it names its store explicitly).
  const dataDir = mkdtempSync(join(tmpdir(), 'matchlab-cli-'));
  const service: Service = createService({ dataDir });
  const waiting = new Map<string, (job: JobInfo) => void>();
  // A job can end before anyone waits for it: keep what became of each.
  const ended = new Map<string, JobInfo>();
  service.subscribe((event) => {
    if (event.type !== 'job') return;
    showProgress(event.job);
    if (event.job.status === 'running') return;
    ended.set(event.job.id, event.job);
    waiting.get(event.job.id)?.(event.job);
  });
  return {
    async call(method, args) {
      const response = await service.request(method, args);
      if (!response.ok) throw new CliError(response.error.message);
      return response.result as ApiResult<typeof method>;
    },
    waitForJob(jobId) {
      return new Promise((resolve, reject) => {
        const settle = (job: JobInfo) => {
          waiting.delete(jobId);
          if (job.status === 'done') resolve(job);
          else reject(new CliError(job.error?.message ?? `the ${job.kind} job ${job.status}`));
        };
        const done = ended.get(jobId);
        if (done) settle(done);
        else waiting.set(jobId, settle);
      });
    },
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
