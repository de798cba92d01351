// Errors that cross the api: a stable code the UI can switch on, a sentence a user can act on.
import type { ApiErrorBody } from '../../shared/api';
import { isDamageError } from '../../db/store';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns anything thrown into the body the transports carry; unknown errors keep their message only. */
export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiError) return { code: err.code, message: err.message, details: err.details };
  // SQLite's "database disk image is malformed" met while reading: the store is damaged, say so.
  const sqlite = (err as { code?: unknown } | null)?.code;
  if (sqlite === 'SQLITE_FULL') {
    return { code: 'disk_full', message: 'The disk is full (or the store reached its size limit): nothing of this step was saved. Free some space and try again' };
  }
  if (sqlite === 'SQLITE_BUSY' || sqlite === 'SQLITE_LOCKED' || sqlite === 'SQLITE_BUSY_SNAPSHOT') {
    return { code: 'busy', message: 'Another program (or another Matchlab window) is writing to this store: close it, then try again. Nothing was changed' };
  }
  if (isDamageError(err)) {
    return { code: 'damaged', message: `The store is damaged (${(err as Error).message}): run \`matchlab info\` on it for the pages concerned, and restore it from a backup` };
  }
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string' && err instanceof Error) {
    const e = err as Error & { code: string; problems?: unknown; details?: unknown };
    return { code: e.code, message: e.message, details: e.details ?? e.problems };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
