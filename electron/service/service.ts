// The service: implements the api over the store and starts jobs. Plain Node, no Electron:
// both adapters (IPC and the browser host) call `request` and relay `subscribe`d events.
import { timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import {
  API,
  isApiMethod,
  type ApiEvent,
  type ApiMethod,
  type ApiResponse,
  type ApiResult,
  type AppState,
  type JobInfo,
  type JobKind,
  type KeptKind,
  type StoreSummary,
} from '../../shared/api';
import { changePassphrase, openStore, prepareStoreKey, storeKey, StoreError, type Db, type StoreKey } from '../../db/store';
import { takeStoreKeyAhead } from '../../db/storeKey';
import { readAudit, verifyAudit, writeAudit } from '../../db/audit';
import { readStoreSummary } from './storeSummary';
import { readMetaJson, writeMetaJson } from '../../db/meta/metaValue';
import { storeInfo } from '../../db/extract/storeInfo';
import { ApiError, toErrorBody } from './apiError';
import { endWarmJobThread, startJob, type RunningJob } from '../jobs/jobRunner';
import { listFolder } from './folderListing';
import { previewFile } from '../../db/import/previewFile';
import { ReadError } from '../../db/import/importProblems';
import { deleteMapping, listMappings, loadMapping, saveMapping } from '../../db/import/savedMappings';
import { browseTable } from '../../db/browse/browseTable';
import { ensureSortIndex } from '../../db/browse/sortIndex';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import { participantStatusPage } from '../../db/cohort/participantStatusPage';
import { participantStatusReason } from '../../shared/wording/funnelWording';
import { cohortColumnDefs } from '../../db/cohort/loadCohortColumns';
import { countPoolEligible } from '../../db/columnStore/columnTables';
import { describeRun, listRuns, markRunDeleted, purgeDeletedRuns, readRun, restoreRun, saveJustification } from '../../db/runs/runStore';
import { readRobustness } from '../../db/runs/robustnessStore';
import { createRunMatchViews } from './runMatchViews';
import { createPreparedMatches } from './preparedMatches';
import type { AnalyseJobPayload } from '../jobs/analyseJob';
import { renderReportHtml } from '../../shared/report/renderReportHtml';
import { writeReport, type PdfPrinter } from '../exports/reportFiles';
import { hasSetColumn, writeMatchesCsv, writePairsCsv } from '../exports/matchesCsv';
import { checkExportTarget, ExportError, writeExportFile } from '../exports/exportFile';
import { robustnessFiles } from '../exports/specificationCurveFiles';
import { publishWithAudit } from '../exports/exportAudit';
import { argumentShapeProblem } from './argumentShape';
import type { RunResults } from '../../shared/results/runResults';
import { presetSpec } from '../../shared/engine/analysisSpec';

export const MATCHLAB_VERSION = '0.1.0';
/** The demo store holds only synthetic data, so its passphrase is fixed and printed in the README. */
export const DEMO_PASSPHRASE = 'matchlab-demo';
/** The meta key of what a screen keeps: `analysis_draft` is the set-up's (its name since the first release). */
const keptKey = (kind: KeptKind) => `${kind}_draft`;
export const DEMO_RECORDS = 20_000;
/** A justification is printed beside the findings: a word or two is not one. */
const MIN_JUSTIFICATION = 20;
/** Jobs that rewrite the extract, during which the service closes its own connection. */
const IMPORT_KINDS: ReadonlySet<JobKind> = new Set(['import', 'demo']);

export interface ServiceOptions {
  dataDir: string;
  /** How a report becomes a PDF: the desktop app prints in its own main process; by default a browser on the machine does. */
  printPdf?: PdfPrinter;
}

type Args<M extends ApiMethod> = z.output<(typeof API)[M]['args']>;
type Handlers = { [M in ApiMethod]: (args: Args<M>) => Promise<ApiResult<M>> | ApiResult<M> };

export interface Service {
  request(method: unknown, args: unknown): Promise<ApiResponse<unknown>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** Resolves when every running job has finished (for tests and orderly shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface OpenStore {
  path: string;
  passphrase: string;
  db: Db;
}

/** Writes an export's audit entry together with the move that puts the file in place (exportWith). */
type Audit = (detail: Record<string, unknown>) => (move: () => void) => void;

export function createService(options: ServiceOptions): Service {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const listeners = new Set<(event: ApiEvent) => void>();
  const jobs = new Map<string, RunningJob>();
  let store: OpenStore | null = null;
  // While an import job runs the service lets go of its connection, so that the job's is the
  // store's only one and may use a rollback journal (db/import/importJournal.ts); what the
  // service knew of the store is kept here until it takes the store back.
  // It is taken back with the store's kept key, so the service does not derive the key again.
  let lent: { path: string; passphrase: string; key: StoreKey; summary: StoreSummary } | null = null;
  // Exports being written: the store they will be audited in stays open and current until they end.
  const exports = new Set<Promise<unknown>>();
  const matchViews = createRunMatchViews();
  const preparedMatches = createPreparedMatches();

  const emit = (event: ApiEvent) => listeners.forEach((l) => l(event));
  const summary = (): StoreSummary | null => (store ? readStoreSummary(store.db, store.path) : (lent?.summary ?? null));

  function requireStore(): OpenStore {
    if (lent) throw new ApiError('busy', 'The store is busy with an import; wait for it to finish');
    if (!store) throw new ApiError('no_store', 'Open or create a store first');
    return store;
  }

  function lendStore(s: OpenStore): void {
    lent = { path: s.path, passphrase: s.passphrase, key: storeKey(s.db), summary: readStoreSummary(s.db, s.path) };
    s.db.close();
    store = null;
  }

  function takeStoreBack(): void {
    if (!lent) return;
    const { path, passphrase, key } = lent;
    lent = null;
    try {
      store = { path, passphrase, db: openStore(path, key, { mode: 'open' }) };
    } catch {
      // The file went away or cannot be opened any more: say so rather than keep a stale summary
      // (this runs when a job's thread exits, where nobody could catch an error).
      emit({ type: 'store', store: null });
    }
  }

  /** Refuses what would close or replace the store while a job or an export still needs it. */
  function requireStoreIdle(doing: string): void {
    if (runningJob()) throw new ApiError('busy', `Wait for the running job to finish (or cancel it) before ${doing}`);
    if (exports.size > 0) throw new ApiError('busy', `Wait for the export being written to finish before ${doing}`);
  }

  /**
   * Refuses as requireStoreIdle does; otherwise waits for the threads of ended jobs, which fold their writes into the
   * store file after reporting (jobWorkerMain.ts checkpointAfterJob), so that the store's connection is then its only
   * one: closed, the store is one whole file; a passphrase change or an import's rollback journal needs it alone.
   */
  async function storeToItself(doing: string): Promise<void> {
    requireStoreIdle(doing);
    await endedJobThreads();
    requireStoreIdle(doing);
  }

  async function endedJobThreads(): Promise<void> {
    await Promise.allSettled([...jobs.values()].filter((j) => j.info.status !== 'running').map((j) => j.finished));
  }

  /**
   * Runs an export against the store open now, holding that store until the export's audit
   * entry is written: the file appears only together with its entry, in the same store.
   */
  async function exportWith(write: (audit: Audit) => Promise<void>): Promise<void> {
    const s = requireStore();
    const running = write((detail) => publishWithAudit(s.db, detail));
    exports.add(running);
    try {
      await running;
    } catch (err) {
      if (err instanceof ExportError) throw new ApiError(err.code, err.message);
      throw new ApiError('export_failed', (err as Error).message);
    } finally {
      exports.delete(running);
    }
  }

  async function openInto(path: string, passphrase: string, mode: 'create' | 'open' | 'any'): Promise<StoreSummary> {
    await storeToItself('switching stores');
    const full = resolve(path);
    const isNew = !existsSync(full);
    let db: Db;
    // The command line may have started this derivation before its modules loaded (cli/main.ts).
    const derived = await takeStoreKeyAhead(full, passphrase);
    try {
      db = openStore(full, passphrase, { mode, derived });
    } catch (err) {
      if (err instanceof StoreError) throw new ApiError(err.code, err.message);
      throw err;
    }
    if (isNew) writeAudit(db, 'store_created', { path: full });
    // Runs deleted in an earlier session could be restored until now.
    purgeDeletedRuns(db);
    matchViews.forget();
    preparedMatches.forget();
    store?.db.close();
    store = { path: full, passphrase, db };
    // The key jobs open the store with, derived now on the thread pool rather than when the first job starts.
    void prepareStoreKey(db);
    const s = summary()!;
    emit({ type: 'store', store: s });
    return s;
  }

  function storedRun(runId: string): RunResults {
    const run = readRun(requireStore().db, runId);
    if (!run) throw new ApiError('not_found', `No run ${runId} in this store`);
    return run;
  }

  function runningJob(): RunningJob | undefined {
    for (const job of jobs.values()) if (job.info.status === 'running') return job;
    return undefined;
  }

  /** One writing job at a time: SQLite has one writer, and an analyst has one extract. */
  function launch(kind: JobKind, payload: unknown, runId?: string): JobInfo {
    const s = requireStore();
    const busy = runningJob();
    if (busy) throw new ApiError('busy', `A ${busy.info.kind} job is already running`);
    if (exports.size > 0) throw new ApiError('busy', 'Wait for the export being written to finish');
    const importing = IMPORT_KINDS.has(kind);
    // Taken before an import lends the store (and closes the service's connection).
    const key = storeKey(s.db);
    if (importing) lendStore(s);
    let job: RunningJob;
    try {
      job = startJob(kind, { path: s.path, key }, payload, (info) => {
        // The store is back before anyone hears that the job ended, so they can use it at once.
        if (info.status !== 'running' && importing) takeStoreBack();
        // A new extract or cohort step changes who the participants are: matched-set views read them afresh.
        if (info.status === 'done' && kind !== 'analyse') matchViews.forget();
        emit({ type: 'job', job: info });
        if (info.status === 'done' && store?.path === s.path) emit({ type: 'store', store: summary() });
      }, runId, (files) => preparedMatches.keep(files));
    } catch (err) {
      if (importing) takeStoreBack();
      throw err;
    }
    jobs.set(job.info.id, job);
    emit({ type: 'job', job: { ...job.info } });
    return job.info;
  }

  const handlers: Handlers = {
    'app.state': (): AppState => ({
      version: MATCHLAB_VERSION,
      dataDir,
      store: summary(),
      jobs: [...jobs.values()].map((j) => ({ ...j.info })),
    }),
    'store.create': ({ path, passphrase }) => openInto(path, passphrase, 'create'),
    'store.open': ({ path, passphrase }) => openInto(path, passphrase, 'open'),
    'store.close': async () => {
      await storeToItself('closing the store');
      const closed = store !== null;
      matchViews.forget();
      preparedMatches.forget();
      store?.db.close();
      store = null;
      emit({ type: 'store', store: null });
      return { closed };
    },
    'store.changePassphrase': async ({ current, next }) => {
      await storeToItself('changing the passphrase');
      const s = requireStore();
      // Compared as digests, so the comparison takes the same time whatever the lengths.
      const digest = (p: string) => createHash('sha256').update(p, 'utf8').digest();
      if (!timingSafeEqual(digest(current), digest(s.passphrase))) throw new ApiError('wrong_passphrase', 'The current passphrase is not the one this store was opened with');
      try {
        changePassphrase(s.db, next);
      } catch (err) {
        if (err instanceof StoreError) throw new ApiError(err.code, err.message);
        throw err;
      }
      s.passphrase = next;
      void prepareStoreKey(s.db);
      writeAudit(s.db, 'passphrase_changed', {});
      return { changed: true as const };
    },
    'demo.open': async ({ records }) => {
      const s = await openInto(join(dataDir, 'demo.mlstore'), DEMO_PASSPHRASE, 'any');
      if (s.counts) return { store: s, jobId: null };
      const job = launch('demo', { records: records ?? DEMO_RECORDS });
      return { store: s, jobId: job.id };
    },
    'fs.list': ({ dir }) => listFolder(dir),
    'import.preview': async ({ path, kind, sheet }) => {
      try {
        return await previewFile(resolve(path), { kind, sheet });
      } catch (err) {
        if (err instanceof ReadError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new ApiError('import_unreadable', `${path}: ${(err as Error).message}`);
        }
        throw err;
      }
    },
    'import.start': async ({ replace, ...request }) => {
      // An import uses a rollback journal when its connection is the store's only one (db/import/importJournal.ts).
      await endedJobThreads();
      const s = requireStore();
      if (readStoreSummary(s.db, s.path).counts && !replace) {
        throw new ApiError('confirm_replace', 'This store already holds an extract: confirm that the new one should replace it (it does so only if the import succeeds)');
      }
      const resolvePaths = <T extends { path: string }>(f: T): T => ({ ...f, path: resolve(f.path) });
      const payload = {
        ...request,
        cohort: resolvePaths(request.cohort),
        reoffences: resolvePaths(request.reoffences),
        participants: resolvePaths(request.participants),
      };
      return { jobId: launch('import', payload).id };
    },
    'mapping.list': ({ kind }) => {
      const { db } = requireStore();
      return listMappings(db, kind).map((m) => ({ ...m, mapping: loadMapping(db, m.name, m.kind)! }));
    },
    'mapping.save': ({ name, kind, mapping }) => {
      saveMapping(requireStore().db, name, kind, mapping);
      return { saved: true as const };
    },
    'mapping.delete': ({ name, kind }) => ({ deleted: deleteMapping(requireStore().db, name, kind) }),
    'table.browse': (request) => {
      const s = requireStore();
      if (!readStoreSummary(s.db, s.path).counts) throw new ApiError('no_extract', 'Import an extract first');
      try {
        // A job's thread may be writing: then the page is sorted without the index, as before it existed.
        if (!runningJob()) ensureSortIndex(s.db, request);
        return browseTable(s.db, request);
      } catch (err) {
        if (err instanceof RangeError) throw new ApiError('invalid_request', err.message);
        throw err;
      }
    },
    'cohort.get': () => ({ derivation: readCohortDerivation(requireStore().db) }),
    'cohort.derive': ({ settings }) => {
      if (!requireStore() || !summary()?.counts) throw new ApiError('no_extract', 'Import an extract first');
      return { jobId: launch('derive', { settings }).id };
    },
    'cohort.participants': (query) => {
      const derivation = readCohortDerivation(requireStore().db);
      if (!derivation) throw new ApiError('no_derivation', 'The cohort step has not run on this extract yet');
      const page = participantStatusPage(requireStore().db, query);
      return { ...page, rows: page.rows.map((r) => ({ ...r, reason: participantStatusReason(r.status, derivation.settings) })) };
    },
    'store.info': () => ({ extract: storeInfo(requireStore().db).extract }),
    'audit.list': ({ limit }) => readAudit(requireStore().db, limit),
    'audit.verify': () => verifyAudit(requireStore().db),
    'analysis.options': () => {
      const { db } = requireStore();
      if (!readCohortDerivation(db)) throw new ApiError('no_derivation', 'The cohort step has not run on this extract yet');
      const counts = {
        treated: db.prepare(`SELECT count(*) FROM participant_status WHERE status = 'treated'`).pluck().get() as number,
        pool: countPoolEligible(db),
      };
      return {
        presets: presetSpec('the programme'),
        columns: [...cohortColumnDefs(db), { name: 'age_at_index', kind: 'numeric' as const, role: 'derived' }],
        treated: counts.treated,
        poolEligible: counts.pool,
      };
    },
    'analysis.run': ({ spec, matchesFiles }) => {
      if (!readCohortDerivation(requireStore().db)) throw new ApiError('no_derivation', 'The cohort step has not run on this extract yet');
      return { jobId: launch('analyse', { spec, matchesFiles } satisfies AnalyseJobPayload).id };
    },
    'kept.get': ({ kind }) => ({ value: readMetaJson(requireStore().db, keptKey(kind)) }),
    'kept.save': ({ kind, value }) => {
      writeMetaJson(requireStore().db, keptKey(kind), value ?? null);
      return { saved: true as const };
    },
    'runs.list': () => {
      const { db } = requireStore();
      const current = storeInfo(db).extract?.importedAt ?? null;
      return listRuns(db).map(({ importedAt, ...r }) => ({ ...r, onEarlierImport: importedAt !== current }));
    },
    'runs.get': ({ runId }) => storedRun(runId),
    'runs.describe': ({ runId, name, note }) => {
      if (!describeRun(requireStore().db, runId, name, note)) throw new ApiError('not_found', `No run ${runId} in this store`);
      return { saved: true as const };
    },
    'runs.delete': ({ runId }) => {
      const { db } = requireStore();
      if (!markRunDeleted(db, runId, new Date())) throw new ApiError('not_found', `No run ${runId} in this store`);
      matchViews.forget(runId);
      preparedMatches.forget();
      writeAudit(db, 'run_deleted', { runId });
      return { deleted: true as const };
    },
    'runs.restore': ({ runId }) => {
      const { db } = requireStore();
      const restored = restoreRun(db, runId);
      if (restored) writeAudit(db, 'run_restored', { runId });
      return { restored };
    },
    'runs.treated': (query) => matchViews.treatedPage(requireStore().db, storedRun(query.runId), query),
    'runs.matchedSet': ({ runId, analysis, recordId, limit }) => matchViews.matchedSet(requireStore().db, storedRun(runId), analysis, recordId, limit),
    'runs.justify': ({ runId, analysis, text }) => {
      const run = storedRun(runId);
      const a = run.analyses.find((x) => x.name === analysis);
      if (!a) throw new ApiError('not_found', `Run ${runId} has no analysis ${JSON.stringify(analysis)}`);
      const trimmed = text.trim();
      if (trimmed !== '' && a.matchingQuality.passes) throw new ApiError('invalid_request', `The ${analysis} analysis passes the matching-quality gate: it needs no justification.`);
      if (trimmed !== '' && trimmed.length < MIN_JUSTIFICATION) throw new ApiError('invalid_request', `Write the justification out (at least ${MIN_JUSTIFICATION} characters): it is printed beside the findings.`);
      const db = requireStore().db;
      const recordedAt = new Date().toISOString();
      db.transaction(() => {
        saveJustification(db, runId, analysis, trimmed === '' ? null : { text: trimmed, recordedAt });
        writeAudit(db, 'justification', { runId, analysis, text: trimmed === '' ? null : trimmed, withdrawn: trimmed === '' });
      })();
      return storedRun(runId);
    },
    'robustness.run': ({ runId, covariateSets }) => {
      const stored = storedRun(runId).runId;
      return { jobId: launch('robustness', { runId: stored, covariateSets }, stored).id };
    },
    'robustness.get': ({ runId }) => ({ check: readRobustness(requireStore().db, storedRun(runId).runId) }),
    'robustness.export': async ({ runId, dir, overwrite }) => {
      const run = storedRun(runId);
      const check = readRobustness(requireStore().db, run.runId);
      if (!check) throw new ApiError('not_found', `Run ${run.runId} has no robustness check: run one first`);
      const full = resolve(dir);
      const files = robustnessFiles(check, run);
      // Every name is checked before any file is written, so a refusal leaves the folder as it was.
      try {
        for (const f of files) checkExportTarget(join(full, f.name), overwrite);
      } catch (err) {
        throw err instanceof ExportError ? new ApiError(err.code, err.message) : err;
      }
      for (const f of files) {
        const path = join(full, f.name);
        await exportWith((audit) => writeExportFile(path, [f.content], { overwrite, publish: audit({ runId: run.runId, path, recordLevel: false }) }));
      }
      return { dir: full, files: files.map((f) => f.name) };
    },
    'report.html': ({ runId }) => {
      const run = storedRun(runId);
      return { html: renderReportHtml(run, { robustness: readRobustness(requireStore().db, run.runId) }) };
    },
    'report.export': async ({ runId, path, overwrite }) => {
      const run = storedRun(runId);
      const full = resolve(path);
      await exportWith((audit) => writeReport(run, full, { overwrite, printPdf: options.printPdf, robustness: readRobustness(requireStore().db, run.runId), publish: audit({ runId, path: full, recordLevel: false }) }));
      return { path: full };
    },
    'runs.exportMatches': async ({ runId, analysis, path, overwrite }) => {
      const run = storedRun(runId);
      const full = resolve(path);
      const written = { rows: 0 };
      const publish = (audit: Audit) => (move: () => void) => audit({ runId, analysis, path: full, recordLevel: true, rows: written.rows })(move);
      const ready = preparedMatches.take(run.runId, analysis);
      if (ready) {
        written.rows = ready.rows;
        await exportWith((audit) => writeExportFile(full, [ready.bytes], { overwrite, publish: publish(audit) }));
      } else {
        const { records, setNumber } = matchViews.setNumbered(requireStore().db, run, analysis, hasSetColumn);
        await exportWith((audit) => writeMatchesCsv(full, records, setNumber, { overwrite, publish: publish(audit) }, written));
      }
      return { path: full, rows: written.rows };
    },
    'runs.exportPairs': async ({ runId, analysis, path, overwrite }) => {
      const run = storedRun(runId);
      const { index } = matchViews.indexed(requireStore().db, run, analysis);
      if (!index) throw new ApiError('not_kept', `Run ${runId} was stored by an earlier version of Matchlab, which did not keep who was matched to whom: run it again to export its pairs`);
      const full = resolve(path);
      const written = { rows: 0 };
      await exportWith((audit) =>
        writePairsCsv(full, index, { overwrite, publish: (move) => audit({ runId, analysis, path: full, recordLevel: true, rows: written.rows, pairs: true })(move) }, written),
      );
      return { path: full, rows: written.rows };
    },
    'job.cancel': ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new ApiError('not_found', `No job ${jobId}`);
      if (job.info.status !== 'running') return { cancelled: false };
      job.cancel();
      return { cancelled: true };
    },
  };

  return {
    async request(method, rawArgs) {
      try {
        if (!isApiMethod(method)) throw new ApiError('invalid_request', `Unknown api method ${JSON.stringify(String(method).slice(0, 100))}`);
        const shape = argumentShapeProblem(rawArgs);
        if (shape) throw new ApiError('invalid_request', `Invalid arguments for ${method}: ${shape}`);
        const parsed = API[method].args.safeParse(rawArgs ?? {});
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`);
          throw new ApiError('invalid_request', `Invalid arguments for ${method}: ${issues.join('; ')}`, issues);
        }
        const handler = handlers[method] as (a: unknown) => unknown;
        return { ok: true, result: await handler(parsed.data) };
      } catch (err) {
        return { ok: false, error: toErrorBody(err) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      await Promise.allSettled([...jobs.values()].map((j) => j.finished));
    },
    async close() {
      for (const job of jobs.values()) if (job.info.status === 'running') job.cancel();
      await this.idle();
      await Promise.allSettled([...exports]);
      await endWarmJobThread();
      store?.db.close();
      store = null;
      listeners.clear();
    },
  };
}
