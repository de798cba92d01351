// The cohort's arrays in shared memory, so that the analysis job's two threads read one copy: posting
// them to the second thread then copies only the record ids and level names.
import type { CohortData } from '../../shared/results/buildRunResults';

function share<T>(value: T): T {
  if (ArrayBuffer.isView(value)) {
    const view = value as unknown as Uint8Array;
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

/** The cohort with every typed array copied once into a SharedArrayBuffer: both threads read this copy. */
export function shareCohort(data: CohortData): CohortData {
  return share(data);
}
