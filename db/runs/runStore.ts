// Stored analysis runs: results as JSON (aggregates), and each analysis's record-level arrays (score, weight,
// strata, set totals, nearest-neighbour pairs, the pool's score order), with the record ids newline-joined. Format 1
// (runs stored before issue 9) packs each array as it is; format 2 packs it in its smallest layout
// (recordColumnCodec.ts) and stores an analysis's record ids once per run: an analysis whose records are those of an
// earlier analysis of the run names it in `ids_of` (National and Regional share their 300k ids).
// A run has a name and a note of the analyst's; deleting marks it, so that it can be restored until the store is
// next opened, when marked runs are removed for good.
import type { Db } from '../store';
import type { RunResults } from '../../shared/results/runResults';
import type { StoredMatch } from '../../shared/engine/matchedSets';
import type { Justification } from '../../shared/results/analysisFindings';
import { completeRun } from '../../shared/results/completeRun';
import { decodeColumn, encodeColumn, type RecordColumn, type RecordColumnType } from './recordColumnCodec';

/** What every run has stored per analysis, old runs included. */
export interface RunRecords {
  recordIds: string[];
  treated: Uint8Array;
  score: Float64Array;
  weight: Float64Array;
}

export interface StoredRunRecords {
  records: RunRecords;
  /** Null for a run stored before matched sets were kept (it has no strata or pairs). */
  match: StoredMatch | null;
}

export interface RunListEntry {
  runId: string;
  createdAt: string;
  analyses: string[];
  name: string;
  note: string;
  /** When the extract the run was made on was imported (from its cohort settings). */
  importedAt: string | null;
}

/** The layout saveRun writes; readRunRecords reads every earlier one too. */
const FORMAT = 2;

/** Whether two analyses' record ids are the same list (they are then stored once). */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * An analysis's records as run_records stores them (format 2). Encoded apart from saveRun, on either analysis thread as
 * a piece of the analysis's tail (electron/jobs/analysisTail.ts), not after both threads have ended. The columns are
 * Uint8Arrays (a Buffer's bytes arrive as one from another thread), which SQLite stores as blobs.
 */
export interface EncodedRecords {
  /** The record ids joined by line ends; null until needed (an analysis with another's ids stores none: ids_of). */
  idsText: string | null;
  columns: { treated: Uint8Array; score: Uint8Array; weight: Uint8Array; strata: Uint8Array; setTotal: Uint8Array; pairTreated: Uint8Array | null; pairControl: Uint8Array | null; poolOrder: Uint8Array };
}

export function encodeRecords(r: Omit<StoredMatch, 'outsideFilterIds'>, withIds: boolean): EncodedRecords {
  return {
    idsText: withIds ? r.recordIds.join('\n') : null,
    columns: {
      treated: encodeColumn(r.treated),
      score: encodeColumn(r.score),
      weight: encodeColumn(r.weight),
      strata: encodeColumn(r.strata),
      setTotal: encodeColumn(r.setTotal),
      pairTreated: r.pairs ? encodeColumn(r.pairs.treated) : null,
      pairControl: r.pairs ? encodeColumn(r.pairs.control) : null,
      poolOrder: encodeColumn(r.poolOrder),
    },
  };
}

/** Stores the run; `encoded`: analyses' records already encoded (encodeRecords), by name. */
export function saveRun(db: Db, results: RunResults, records: Map<string, StoredMatch>, encoded: ReadonlyMap<string, EncodedRecords> = new Map()): void {
  db.transaction(() => {
    db.prepare('INSERT INTO runs (run_id, created_at, analyses, results) VALUES (?, ?, ?, ?)').run(
      results.runId,
      results.createdAt,
      JSON.stringify(results.analyses.map((a) => a.name)),
      JSON.stringify(results),
    );
    const insert = db.prepare(
      `INSERT INTO run_records (run_id, analysis, format, record_ids, ids_of, treated, score, weight, strata, set_total, pair_treated, pair_control, pool_order, outside_filter)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const saved: [string, readonly string[]][] = [];
    for (const [analysis, r] of records) {
      const idsOf = saved.find(([, ids]) => sameIds(ids, r.recordIds))?.[0] ?? null;
      saved.push([analysis, r.recordIds]);
      const { idsText, columns: c } = encoded.get(analysis) ?? encodeRecords(r, false);
      insert.run(
        results.runId,
        analysis,
        FORMAT,
        idsOf === null ? (idsText ?? r.recordIds.join('\n')) : '',
        idsOf,
        c.treated,
        c.score,
        c.weight,
        c.strata,
        c.setTotal,
        c.pairTreated,
        c.pairControl,
        c.poolOrder,
        r.outsideFilterIds.join('\n'),
      );
    }
  })();
}

export function listRuns(db: Db): RunListEntry[] {
  const rows = db
    .prepare(
      `SELECT run_id, created_at, analyses, name, note, json_extract(results, '$.cohortSettings.importedAt') AS imported_at
       FROM runs WHERE deleted_at IS NULL ORDER BY created_at DESC, run_id DESC`,
    )
    .all() as { run_id: string; created_at: string; analyses: string; name: string; note: string; imported_at: string | null }[];
  return rows.map((r) => ({ runId: r.run_id, createdAt: r.created_at, analyses: JSON.parse(r.analyses) as string[], name: r.name, note: r.note, importedAt: r.imported_at }));
}

/** The stored run with each analysis's verdict derived afresh, its recorded justifications included. */
export function readRun(db: Db, runId: string): RunResults | null {
  const row = db.prepare('SELECT results FROM runs WHERE run_id = ? AND deleted_at IS NULL').get(runId) as { results: string } | undefined;
  return row ? completeRun(JSON.parse(row.results) as RunResults, readJustifications(db, runId)) : null;
}

function readJustifications(db: Db, runId: string): Map<string, Justification> {
  const rows = db.prepare('SELECT analysis, text, recorded_at FROM run_justifications WHERE run_id = ?').all(runId) as { analysis: string; text: string; recorded_at: string }[];
  return new Map(rows.map((r) => [r.analysis, { text: r.text, recordedAt: r.recorded_at }]));
}

/** Records (or, with null, withdraws) the justification of one analysis of a stored run. */
export function saveJustification(db: Db, runId: string, analysis: string, justification: Justification | null): void {
  if (justification === null) db.prepare('DELETE FROM run_justifications WHERE run_id = ? AND analysis = ?').run(runId, analysis);
  else {
    db.prepare('INSERT INTO run_justifications (run_id, analysis, text, recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT (run_id, analysis) DO UPDATE SET text = excluded.text, recorded_at = excluded.recorded_at').run(
      runId, analysis, justification.text, justification.recordedAt,
    );
  }
}

type ColumnReader = <T extends RecordColumn>(b: Buffer, Type: RecordColumnType<T>) => T;
/** Format 1: the array as it was (copied, so that it is aligned whatever the Buffer's offset). */
const packed: ColumnReader = (b, Type) => new Type(new Uint8Array(b).buffer);
const lines = (text: string) => (text === '' ? [] : text.split('\n'));

export function readRunRecords(db: Db, runId: string, analysis: string): StoredRunRecords | null {
  const row = db
    .prepare(
      `SELECT r.format, coalesce(shared.record_ids, r.record_ids) AS record_ids, r.treated, r.score, r.weight, r.strata, r.set_total, r.pair_treated, r.pair_control, r.pool_order, r.outside_filter
       FROM run_records r JOIN runs USING (run_id) LEFT JOIN run_records shared ON shared.run_id = r.run_id AND shared.analysis = r.ids_of
       WHERE r.run_id = ? AND r.analysis = ? AND deleted_at IS NULL`,
    )
    .get(runId, analysis) as
    | { format: number; record_ids: string; treated: Buffer; score: Buffer; weight: Buffer; strata: Buffer | null; set_total: Buffer | null; pair_treated: Buffer | null; pair_control: Buffer | null; pool_order: Buffer | null; outside_filter: string | null }
    | undefined;
  if (!row) return null;
  const column: ColumnReader = row.format === 1 ? packed : decodeColumn;
  const records = { recordIds: lines(row.record_ids), treated: column(row.treated, Uint8Array), score: column(row.score, Float64Array), weight: column(row.weight, Float64Array) };
  const match: StoredMatch | null =
    row.strata && row.set_total && row.pool_order
      ? {
          ...records,
          strata: column(row.strata, Int32Array),
          setTotal: column(row.set_total, Float64Array),
          pairs: row.pair_treated && row.pair_control ? { treated: column(row.pair_treated, Int32Array), control: column(row.pair_control, Int32Array) } : null,
          poolOrder: column(row.pool_order, Int32Array),
          outsideFilterIds: lines(row.outside_filter ?? ''),
        }
      : null;
  return { records, match };
}

/** Sets a run's name and note (trimmed); false when there is no such run. */
export function describeRun(db: Db, runId: string, name: string, note: string): boolean {
  return db.prepare('UPDATE runs SET name = ?, note = ? WHERE run_id = ? AND deleted_at IS NULL').run(name.trim(), note.trim(), runId).changes > 0;
}

/** Marks a run deleted (it leaves every list); false when there is no such run. */
export function markRunDeleted(db: Db, runId: string, at: Date): boolean {
  return db.prepare('UPDATE runs SET deleted_at = ? WHERE run_id = ? AND deleted_at IS NULL').run(at.toISOString(), runId).changes > 0;
}

/** Takes back a deletion; false when the run is not marked deleted (or was removed for good). */
export function restoreRun(db: Db, runId: string): boolean {
  return db.prepare('UPDATE runs SET deleted_at = NULL WHERE run_id = ? AND deleted_at IS NOT NULL').run(runId).changes > 0;
}

/** Removes the runs marked deleted, with their records; returns how many. */
export function purgeDeletedRuns(db: Db): number {
  return db.transaction(() => {
    db.prepare('DELETE FROM run_records WHERE run_id IN (SELECT run_id FROM runs WHERE deleted_at IS NOT NULL)').run();
    return db.prepare('DELETE FROM runs WHERE deleted_at IS NOT NULL').run().changes;
  })();
}

/** A run id as CLI.md shows it: the time, then the analyses' names, made unique in this store. */
export function newRunId(db: Db, at: Date, analyses: string[]): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  const slug = analyses.map((a) => a.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')).filter(Boolean).join('-');
  const base = slug ? `${stamp}-${slug}` : stamp;
  const exists = db.prepare('SELECT 1 FROM runs WHERE run_id = ?').pluck();
  let id = base;
  for (let k = 2; exists.get(id); k++) id = `${base}-${k}`;
  return id;
}
