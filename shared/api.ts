// The one contract between the renderer and the service (ARCHITECTURE.md): every request,
// its response and every event. Both adapters (Electron IPC, browser host) carry exactly this,
// and the service validates every request's arguments against these schemas before use.
import { z } from 'zod';

const path = z.string().trim().min(1, 'a file path is needed').max(4096);
const passphrase = z.string().min(1, 'a passphrase is needed').max(1024);
const jobId = z.string().regex(/^job-\d+$/, 'not a job id');

export type JobKind = 'demo' | 'import' | 'derive' | 'analyse';
export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface TableCounts {
  cohort: number;
  reoffences: number;
  participants: number;
}

export interface StoreSummary {
  path: string;
  /** Row counts of the imported extract; null before the first import. */
  counts: TableCounts | null;
  /** ISO date the follow-up is judged against; null before the first import. */
  extractDate: string | null;
}

export interface JobInfo {
  id: string;
  kind: JobKind;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  startedAt: string;
  error?: ApiErrorBody;
}

export interface AppState {
  version: string;
  /** Where new stores go by default, and the demo store lives. */
  dataDir: string;
  store: StoreSummary | null;
  jobs: JobInfo[];
}

export interface ApiErrorBody {
  code: string;
  message: string;
  /** Located problems (file, row, column) for import errors and the like. */
  details?: unknown;
}

/** Method name -> argument schema and (phantom) result type. */
export const API = {
  'app.state': { args: z.object({}).strict(), result: {} as AppState },
  'store.create': { args: z.object({ path, passphrase }).strict(), result: {} as StoreSummary },
  'store.open': { args: z.object({ path, passphrase }).strict(), result: {} as StoreSummary },
  'store.close': { args: z.object({}).strict(), result: {} as { closed: boolean } },
  /** Creates (or reopens) the demo store and, when it is empty, fills it from a fresh demo extract. */
  'demo.open': { args: z.object({ records: z.number().int().min(1000).max(2_000_000).optional() }).strict(), result: {} as { store: StoreSummary; jobId: string | null } },
  'job.cancel': { args: z.object({ jobId }).strict(), result: {} as { cancelled: boolean } },
} as const;

export type ApiMethod = keyof typeof API;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof API)[M]['args']>;
export type ApiResult<M extends ApiMethod> = (typeof API)[M]['result'];

export const API_METHODS = Object.keys(API) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name);
}

/** Events pushed from the service to every connected renderer. */
export type ApiEvent =
  | { type: 'job'; job: JobInfo }
  | { type: 'store'; store: StoreSummary | null };

/** What every transport returns for a request. */
export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/** The renderer's view of a transport: both adapters implement it. */
export interface ApiTransport {
  request(method: ApiMethod, args: unknown): Promise<ApiResponse<unknown>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}
