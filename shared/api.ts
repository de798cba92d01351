// The one contract between the renderer and the service (ARCHITECTURE.md): every request,
// its response and every event. Both adapters (Electron IPC, browser host) carry exactly this,
// and the service validates every request's arguments against these schemas before use.
import { z } from 'zod';
import { bandsSchema, specSchema, type Spec } from './engine/analysisSpec';
import { cohortSettingsSchema } from './cohort/cohortSettings';
import type { RunResults } from './results/runResults';
import type { FileKind } from './extract/extractRoles';
import type { ImportedFileInfo, ImportProblem, ImportSummary } from './extract/importedFile';
import type { CohortSettings } from './cohort/cohortSettings';
import type { FunnelCount } from './cohort/funnelSteps';
import type { UnmatchedReason } from './engine/matchedSets';
import type { RobustnessCheck } from './robustness/robustnessCheck';
import { covariateSetSchema, OWN_SET, WITHOUT_OASYS_SET } from './robustness/robustnessGrid';

export type { FileKind, ImportProblem, ImportSummary, UnmatchedReason };

const path = z.string().trim().min(1, 'a file path is needed').max(4096);
/** Where an export goes: a full path (a relative one would land wherever the service was started). */
const exportPath = path.refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'give the full path of the file (from / or a drive letter)');
const passphrase = z.string().min(1, 'a passphrase is needed').max(1024);
const jobId = z.string().regex(/^job-\d+$/, 'not a job id');
const runId = z.string().min(1).max(200);
// The analyst's covariate sets for a robustness check: names unique and distinct from the two built-in sets.
const addedCovariateSets = z
  .array(covariateSetSchema)
  .max(10)
  .superRefine((sets, ctx) => {
    const names = sets.map((s) => s.name);
    names.forEach((name, k) => {
      if (name === OWN_SET || name === WITHOUT_OASYS_SET) ctx.addIssue({ code: 'custom', path: [k, 'name'], message: `“${name}” is the name of a set the check always runs` });
      else if (names.indexOf(name) !== k) ctx.addIssue({ code: 'custom', path: [k, 'name'], message: `two covariate sets are named “${name}”` });
    });
  });
/** Exports replace an existing file only when asked to (the error code is `exists` otherwise). */
const overwrite = z.boolean().default(false);

export type JobKind = 'demo' | 'import' | 'derive' | 'analyse' | 'robustness';
const fileKind = z.enum(['cohort', 'reoffences', 'participants']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Which source column feeds which role (DATA-FORMAT.md), and how its dates are written. */
const columnMapping = z
  .object({
    columns: z.record(z.string().max(200), z.string().max(500)),
    dateFormat: z.enum(['iso', 'dmy']),
  })
  .strict();
export type ColumnMappingArg = z.infer<typeof columnMapping>;
const importFile = z.object({ path, sheet: z.string().max(200).optional(), mapping: columnMapping.optional() }).strict();

// Any of the cohort step's settings; those left out take their standard value.
const cohortSettings = cohortSettingsSchema.partial().strict();
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

/** What each kind of job returns when it is done. */
export interface JobResults {
  demo: ImportSummary;
  import: ImportSummary;
  derive: { funnel: FunnelCount[]; settings: CohortSettings & { extractDate: string; importedAt: string }; poolEligible: number };
  analyse: { runId: string };
  /** The run whose robustness check was stored (robustness.get reads it). */
  robustness: { runId: string };
}

interface JobInfoOf<K extends JobKind> {
  id: string;
  kind: K;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  startedAt: string;
  /** The stored run the job works on (a robustness check's), known from its start so a screen can find its running job. */
  runId?: string;
  error?: ApiErrorBody;
  /** What the finished job returned (set when status is 'done'). */
  result?: JobResults[K];
}

/** A job, its result typed by its kind: `{ kind: 'analyse', result: { runId } }`. */
export type JobInfo = { [K in JobKind]: JobInfoOf<K> }[JobKind];

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

export interface FolderListing {
  dir: string;
  parent: string | null;
  entries: { name: string; kind: 'file' | 'dir'; bytes: number | null }[];
}

export interface FilePreview {
  headers: string[];
  rows: string[][];
  lines: number[];
  suggested: ColumnMappingArg;
  unmatchedRequired: string[];
  sheets: string[];
}

export interface SavedMapping {
  name: string;
  kind: FileKind;
  mapping: ColumnMappingArg;
  savedAt: string;
}

export interface BrowsePage {
  columns: { name: string; type: 'date' | 'number' | 'text' }[];
  rows: Record<string, string | number | null>[];
  total: number;
}

export interface FunnelStepView {
  step: string;
  dropped: number;
  remaining: number;
  /** dropped (remaining for `submitted`) as a percentage of those submitted, unrounded. */
  percentOfSubmitted: number;
}

export interface CohortSettingsView {
  extractDate: string;
  followUpDays: number;
  waitingDays: number;
  windowBeforeDays: number;
  windowAfterDays: number;
  minimumAge: number;
}

export interface CohortView {
  derivation: {
    settings: CohortSettingsView;
    funnel: FunnelStepView[];
    /** Treatment group and not-analysed profiles (shared/cohort/treatmentProfile.ts). */
    profile: { treatment: GroupProfileView; notAnalysed: GroupProfileView & { submittedNotAnalysed: number; withoutData: number; duplicates: number } };
    derivedAt: string;
  } | null;
}

export interface ProfileBreakdownView {
  total: number;
  shares: { key: string; label: string; count: number; percent: number; roundedPercent: number }[];
  roundingNote: boolean;
}

export interface GroupProfileView {
  n: number;
  sex: ProfileBreakdownView;
  ethnicity: ProfileBreakdownView | null;
  ukNational: ProfileBreakdownView | null;
  age: { min: number; max: number; mean: number } | null;
  sentence: ProfileBreakdownView | null;
  riskNeeds: { assessed: number; assessedPercent: number; items: { item: string; assessed: number; withProblems: number; percent: number | null }[] } | null;
}

export interface ParticipantRowView {
  rowNo: number;
  participantRef: string;
  personId: string | null;
  /** A funnel step id, or 'treated'. */
  status: string;
  /** Why, in a sentence an analyst can pass on. */
  reason: string;
  recordId: string | null;
}

export interface ParticipantPage {
  rows: ParticipantRowView[];
  total: number;
  /** Participants per status, over the whole submission. */
  byStatus: Record<string, number>;
}

export interface ExtractProvenance {
  extract: {
    extractDate: string;
    extractDateSource: 'given' | 'latest_disposal';
    importedAt: string;
    files: ImportedFileInfo[];
  } | null;
}

/** What `audit.verify` found: whether the log is as Matchlab wrote it (db/audit.ts). */
export interface AuditCheckView {
  ok: boolean;
  entries: number;
  /** The last entry's hash, to note elsewhere. */
  head: string | null;
  problems: string[];
}

export interface AuditEntryView {
  id: number;
  at: string;
  action: string;
  detail: Record<string, unknown>;
}

export interface AnalysisColumn {
  name: string;
  kind: 'numeric' | 'categorical';
  /** 'prev' / 'oasys' for those families, a role name, 'derived', or null for an extra column. */
  role: string | null;
}

export interface AnalysisOptions {
  /** National and Regional, ready to run (CLI.md's example spec). */
  presets: Spec;
  columns: AnalysisColumn[];
  /** Treated people and pool records available after the cohort step. */
  treated: number;
  poolEligible: number;
}

export interface RunListEntry {
  runId: string;
  createdAt: string;
  analyses: string[];
  /** The analyst's name for the run ('' when none was given) and note. */
  name: string;
  note: string;
  /** True when the run was made on an extract other than the one the store holds now. */
  onEarlierImport: boolean;
}

/** A treated record of an analysis: matched (with its set) or not (with why). */
export interface TreatedRecordView {
  recordId: string;
  /** The participant's own reference, when the run was made on the store's current import. */
  participantRef: string | null;
  /** Logit score; null for a record outside the pool filter (never scored). */
  score: number | null;
  matched: boolean;
  /** MatchIt's subclass numbering: matched treated records 1.. in record_id order; null when not matched. */
  set: number | null;
  /** Comparison records in its matched set. */
  setSize: number;
  reason: UnmatchedReason | null;
  /** Distance (logit) to the nearest pool record of its stratum, for an unmatched record. */
  nearestDistance: number | null;
  /** Its exact-match stratum, e.g. "sex=M". */
  stratum: string | null;
}

export interface TreatedPage {
  rows: TreatedRecordView[];
  total: number;
  matched: number;
  unmatched: number;
  /** Caliper (kernel bandwidth) in logit units; null for nearest neighbour without one. */
  caliper: number | null;
}

export interface SetMemberView {
  recordId: string;
  participantRef: string | null;
  score: number;
  /** |score difference| on the logit score. */
  distance: number;
  /** What the pair adds to the comparison record's weight. */
  pairWeight: number;
}

/** A record's matched set: a treated record's comparison records, or the treated a comparison record serves. */
export interface MatchedSetView {
  record: { recordId: string; treated: boolean; participantRef: string | null; score: number; weight: number; set: number | null; stratum: string };
  /** The members are comparison records (for a treated record) or treated records (for a comparison record). */
  members: SetMemberView[];
  /** All members, of which `members` are the closest. */
  total: number;
  method: 'radius' | 'nearest' | 'kernel';
  caliper: number | null;
}

/** Where the analyst was, per store, reopened after a reload. */
export const workspaceSchema = z
  .object({
    section: z.enum(['home', 'import', 'browse', 'cohort', 'analysis']),
    analysisView: z.enum(['setup', 'matching', 'sets', 'results', 'report', 'compare']),
    analysis: z.string().max(200),
    runId: z.string().max(200).nullable(),
    compare: z.array(z.string().max(200)).max(4),
    /** Matching quality's selected balance row (`variable|level`); null: the row least well matched after matching. */
    balanceRow: z.string().max(500).nullable().optional(),
    /** Well/reasonably thresholds for the matching-quality view only (the run keeps its own); null: the run's. */
    viewBands: bandsSchema.nullable().optional(),
  })
  .strict();
export type Workspace = z.infer<typeof workspaceSchema>;
export type Section = Workspace['section'];

/** What the store keeps for the screens, by kind: the analysis set-up, the import screen's choices, the workspace. */
const keptKind = z.enum(['analysis', 'import', 'workspace']);
export type KeptKind = z.infer<typeof keptKind>;
const analysisName = z.string().min(1).max(200);
// A page of rows: SQLite takes OFFSET as a 64-bit integer, so a larger number (or 1e300, which zod's int() accepts)
// would fail inside the store instead of here; 2^31 - 1 is far beyond any extract.
const page = { offset: z.number().int().min(0).max(2 ** 31 - 1), limit: z.number().int().min(1).max(1000) };

/** Method name -> argument schema and (phantom) result type. */
export const API = {
  'app.state': { args: z.object({}).strict(), result: {} as AppState },
  'store.create': { args: z.object({ path, passphrase }).strict(), result: {} as StoreSummary },
  'store.open': { args: z.object({ path, passphrase }).strict(), result: {} as StoreSummary },
  'store.close': { args: z.object({}).strict(), result: {} as { closed: boolean } },
  /** Re-encrypts the open store under a new passphrase; the current one is asked again. Audited. */
  'store.changePassphrase': { args: z.object({ current: passphrase, next: passphrase }).strict(), result: {} as { changed: true } },
  /** Creates (or reopens) the demo store and, when it is empty, fills it from a fresh demo extract. */
  'demo.open': { args: z.object({ records: z.number().int().min(1000).max(2_000_000).optional() }).strict(), result: {} as { store: StoreSummary; jobId: string | null } },
  'job.cancel': { args: z.object({ jobId }).strict(), result: {} as { cancelled: boolean } },

  /** A folder's entries, so the browser host can offer a file picker (Electron uses its own dialog). */
  'fs.list': { args: z.object({ dir: path.optional() }).strict(), result: {} as FolderListing },
  /** The first rows of a file, its header and the suggested mapping, for the mapping screen. */
  'import.preview': { args: z.object({ path, kind: fileKind, sheet: z.string().max(200).optional() }).strict(), result: {} as FilePreview },
  /** Starts the import (then the cohort step) as a job; `replace` confirms replacing a stored extract. */
  'import.start': {
    args: z
      .object({
        cohort: importFile,
        reoffences: importFile,
        participants: importFile,
        extractDate: isoDate.optional(),
        typeOverrides: z.record(z.string().max(200), z.enum(['numeric', 'categorical'])).optional(),
        replace: z.boolean().default(false),
      })
      .strict(),
    result: {} as { jobId: string },
  },
  'mapping.list': { args: z.object({ kind: fileKind.optional() }).strict(), result: {} as SavedMapping[] },
  'mapping.save': { args: z.object({ name: z.string().trim().min(1).max(100), kind: fileKind, mapping: columnMapping }).strict(), result: {} as { saved: true } },
  'mapping.delete': { args: z.object({ name: z.string().trim().min(1).max(100), kind: fileKind }).strict(), result: {} as { deleted: boolean } },
  /** A page of an extract table, sorted and filtered in the store (a million rows never reach the renderer). */
  'table.browse': {
    args: z
      .object({
        table: fileKind,
        ...page,
        sort: z.array(z.object({ column: z.string().max(200), dir: z.enum(['asc', 'desc']) }).strict()).max(5).optional(),
        filter: z
          .array(z.object({ column: z.string().max(200), op: z.enum(['contains', 'equals', 'gt', 'lt']), value: z.string().max(500) }).strict())
          .max(20)
          .optional(),
      })
      .strict(),
    result: {} as BrowsePage,
  },
  /** The cohort step's stored results (funnel, profile, settings); null before the first derivation. */
  'cohort.get': { args: z.object({}).strict(), result: {} as CohortView },
  /** Re-runs the cohort step under new settings, as a job. */
  'cohort.derive': { args: z.object({ settings: cohortSettings }).strict(), result: {} as { jobId: string } },
  /** Participants with what became of each, for "why was my person left out?". */
  'cohort.participants': {
    args: z
      .object({
        ...page,
        status: z.string().max(40).optional(),
        search: z.string().max(200).optional(),
      })
      .strict(),
    result: {} as ParticipantPage,
  },
  /** Where the extract came from: each file's name, size, rows and SHA-256, and when it was imported. */
  'store.info': { args: z.object({}).strict(), result: {} as ExtractProvenance },
  /** The store's audit log, newest first: every import, derivation, analysis and export. */
  'audit.list': { args: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(), result: {} as AuditEntryView[] },
  /** Checks the audit log's hash chain: which entries were changed, deleted or added outside Matchlab. */
  'audit.verify': { args: z.object({}).strict(), result: {} as AuditCheckView },
  /** What an analysis can be set up from: the ready presets and the cohort's columns. */
  'analysis.options': { args: z.object({}).strict(), result: {} as AnalysisOptions },
  /** Runs the analyses of a spec (CLI.md SPEC.json) as a job; the run is stored under its runId. */
  /**
   * `matchesFiles`: also format each analysis's matches file while the job runs, for runs.exportMatches to write at
   * once afterwards (the command line exports them all; the app leaves it out).
   */
  'analysis.run': { args: z.object({ spec: specSchema, matchesFiles: z.boolean().optional() }).strict(), result: {} as { jobId: string } },
  /** The analysis set-up being edited, kept in the store so that closing the app loses nothing; null when none was saved. */
  'kept.get': { args: z.object({ kind: keptKind }).strict(), result: {} as { value: unknown } },
  /** Saves what a screen keeps (any JSON, at most 1 MB): the set-up being edited, the import's choices, the workspace. */
  'kept.save': {
    args: z
      .object({ kind: keptKind, value: z.unknown().refine((d) => JSON.stringify(d ?? null).length <= 1_000_000, 'the value is too large') })
      .strict(),
    result: {} as { saved: true },
  },
  /** The stored runs, newest first (deleted ones left out). */
  'runs.list': { args: z.object({}).strict(), result: {} as RunListEntry[] },
  /** Runs the robustness check of a run (METHOD.md section 12) as a job: the grid for each analysis, plus the analyst's covariate sets; stored with the run. */
  'robustness.run': { args: z.object({ runId, covariateSets: addedCovariateSets.default([]) }).strict(), result: {} as { jobId: string } },
  /** The run's latest robustness check; null when none was run. */
  'robustness.get': { args: z.object({ runId }).strict(), result: {} as { check: RobustnessCheck | null } },
  /**
   * Writes the run's latest check into the folder `dir` (aggregates only): robustness.json and a standalone SVG
   * specification curve per analysis and headline measure; each file audited. Existing files are replaced only with
   * `overwrite: true` (else the error `exists`, and nothing is written).
   */
  'robustness.export': { args: z.object({ runId, dir: exportPath, overwrite }).strict(), result: {} as { dir: string; files: string[] } },
  'runs.get': { args: z.object({ runId }).strict(), result: {} as RunResults },
  /** The analyst's name and note for a run. */
  'runs.describe': { args: z.object({ runId, name: z.string().max(100), note: z.string().max(2000) }).strict(), result: {} as { saved: true } },
  /** Deletes a run; it can be restored until the store is next opened. Audited. */
  'runs.delete': { args: z.object({ runId }).strict(), result: {} as { deleted: true } },
  'runs.restore': { args: z.object({ runId }).strict(), result: {} as { restored: boolean } },
  /** An analysis's treated records, matched or not, with their sets or why they were not matched; from the stored run. */
  'runs.treated': {
    args: z
      .object({
        runId,
        analysis: analysisName,
        ...page,
        status: z.enum(['all', 'matched', 'unmatched']).default('all'),
        search: z.string().max(200).optional(),
      })
      .strict(),
    result: {} as TreatedPage,
  },
  /** A record's matched set read back from the stored run: closest members first. */
  'runs.matchedSet': {
    args: z.object({ runId, analysis: analysisName, recordId: z.string().min(1).max(200), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    result: {} as MatchedSetView,
  },
  /**
   * Records the analyst's justification for publishing the findings of an analysis that does not pass the
   * matching-quality gate (METHOD.md 4a), or withdraws it (empty text); audited. Returns the run as it now reads.
   */
  'runs.justify': {
    args: z.object({ runId, analysis: analysisName, text: z.string().max(5_000) }).strict(),
    result: {} as RunResults,
  },
  /** The run's full report as one self-contained HTML document, for the preview. */
  'report.html': { args: z.object({ runId }).strict(), result: {} as { html: string } },
  /**
   * Writes the report (aggregates only) as .html, .pdf or .xlsx, by the file's extension; audited.
   * An existing file is replaced only with `overwrite: true` (else the error `exists`).
   */
  'report.export': {
    args: z.object({ runId, path: exportPath.refine((p) => /\.(html|pdf|xlsx)$/i.test(p), 'the file must end in .html, .pdf or .xlsx'), overwrite }).strict(),
    result: {} as { path: string },
  },
  /** Record-level export (record_id, treated, score, weight, set): only on the analyst's explicit request; audited; `overwrite` as for the report. */
  'runs.exportMatches': {
    args: z.object({ runId, analysis: analysisName, path: exportPath.refine((p) => /\.csv$/i.test(p), 'the file must end in .csv'), overwrite }).strict(),
    result: {} as { path: string; rows: number },
  },
  /** Record-level export of every (treated, comparison) pair with its distance and pair weight; audited; `overwrite` as for the report. */
  'runs.exportPairs': {
    args: z.object({ runId, analysis: analysisName, path: exportPath.refine((p) => /\.csv$/i.test(p), 'the file must end in .csv'), overwrite }).strict(),
    result: {} as { path: string; rows: number },
  },
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
  /** Called when the event channel is back after a break (events may have been missed); transports that cannot break leave it out. */
  onReconnect?(listener: () => void): () => void;
  /** The system's file dialogs: the desktop app has them; the browser host does not, and the renderer then uses its own picker. */
  dialogs?: NativeDialogs;
}

const dialogFilter = z
  .object({ name: z.string().min(1).max(100), extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, 'an extension without its dot, or * for all files')).min(1).max(10) })
  .strict();
const dialogRequest = z
  .object({ title: z.string().min(1).max(200), defaultPath: path.optional(), filters: z.array(dialogFilter).max(10).optional() })
  .strict();
export type DialogRequest = z.infer<typeof dialogRequest>;

/**
 * The native dialogs, validated on the main side like the api. Each answers the chosen path, or
 * null when the analyst cancels. `saveFile` has the system ask before replacing a file, so a path
 * it answers may be written with `overwrite: true`.
 */
export const DIALOGS = { openFile: dialogRequest, saveFile: dialogRequest } as const;
export type DialogKind = keyof typeof DIALOGS;
export type NativeDialogs = { [K in DialogKind]: (request: DialogRequest) => Promise<string | null> };

export function isDialogKind(name: unknown): name is DialogKind {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(DIALOGS, name);
}
