// Typed calls to a Service and waiting for its jobs, for the service's tests and the benchmarks that drive it.
import type { ApiArgs, ApiEvent, ApiMethod, ApiResult, JobInfo } from '../../shared/api';
import type { Service } from './service';

export interface ServiceCalls {
  /** The method's result; throws an Error carrying the api error's `code` on failure. */
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
  /** Resolves with the job's final state once it is no longer running. */
  jobEnd(jobId: string): Promise<JobInfo>;
}

export function serviceCalls(service: Service): ServiceCalls {
  return {
    async call(method, args) {
      const r = await service.request(method, args);
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.message}`), { code: r.error.code });
      return r.result as ApiResult<typeof method>;
    },
    jobEnd(jobId) {
      return new Promise((resolve) => {
        const off = service.subscribe((e: ApiEvent) => {
          if (e.type === 'job' && e.job.id === jobId && e.job.status !== 'running') {
            off();
            resolve(e.job);
          }
        });
      });
    },
  };
}
