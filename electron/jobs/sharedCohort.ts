// The cohort's arrays in shared memory, so that the analysis job's two threads read one copy: posting them to the
// second thread then copies only the level names (it reads the record ids itself). The analysis job reads them from
// the store into shared memory (loadAnalysisData's 'shared'), so that nothing is copied here: at 1M records that
// copy was 160 MB, 0.4 s, most of it page faults on the new memory.
import type { CohortData } from '../../shared/results/buildRunResults';

function share<T>(value: T): T {
  if (ArrayBuffer.isView(value)) {
    const view = value as unknown as Uint8Array;
    if (view.buffer instanceof SharedArrayBuffer) return value;
    const Ctor = view.constructor as Uint8ArrayConstructor;
    const shared = new Ctor(new SharedArrayBuffer(view.byteLength));
    shared.set(view);
    return shared as T;
  }
  if (Array.isArray(value)) return (value.some((x) => typeof x === 'object') ? value.map(share) : value) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, share(v)])) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, share(v)])) as T;
  return value;
}

/** The cohort with every typed array in a SharedArrayBuffer (copied there unless it is already): both threads read it. */
export function shareCohort(data: CohortData): CohortData {
  return share(data);
}
