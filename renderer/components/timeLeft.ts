import type { JobInfo } from '../../shared/api';

// The bar covers the whole job, its phases weighted by their expected cost, so the whole job's
// pace so far estimates the time left.
export function timeLeft(job: Pick<JobInfo, 'done' | 'total' | 'startedAt'>, now = Date.now()): string | null {
  if (job.total <= 0 || job.done <= 0 || job.done >= job.total) return null;
  const elapsed = (now - Date.parse(job.startedAt)) / 1000;
  const secs = Math.round((elapsed * (job.total - job.done)) / job.done);
  if (elapsed < 2) return null;
  // "about 0 s left" beside a bar still moving reads as a fault: under 5 s it is only nearly done.
  if (secs < 5) return 'nearly done';
  return secs < 60 ? `about ${secs} s left` : `about ${Math.round(secs / 60)} min left`;
}
