// Stored analysis runs: results as JSON (aggregates), and each analysis's record-level arrays (score, weight,
// strata, set totals, nearest-neighbour pairs, the pool's score order) packed little-endian, with the record ids newline-joined.
// A run has a name and a note of the analyst's; deleting marks it, so that it can be restored until the store is
// next opened, when marked runs are removed for good.
import type { Db } from '../store';
import type { RunResults } from '../../shared/results/runResults';
import type { StoredMatch } from '../../shared/engine/matchedSets';
import type { Justification } from '../../shared/results/analysisFindings';
import { completeRun } from '../../shared/results/completeRun';

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

const pack = (a: Float64Array | Uint8Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function saveRun(db: Db, results: RunResults, records: Map<string, StoredMatch>): void {
  db.transaction(() => {
    db.prepare('INSERT INTO runs (run_id, created_at, analyses, results) VALUES (?, ?, ?, ?)').run(
      results.runId,
      results.createdAt,
      JSON.stringify(results.analyses.map((a) => a.name)),
      JSON.stringify(results),
    );
    const insert = db.prepare(
      `INSERT INTO run_records (run_id, analysis, record_ids, treated, score, weight, strata, set_total, pair_treated, pair_control, pool_order, outside_filter)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [analysis, r] of records) {
      insert.run(
        results.runId,
        analysis,
        r.recordIds.join('\n'),
        pack(r.treated),
        pack(r.score),
        pack(r.weight),
        pack(r.strata),
        pack(r.setTotal),
        r.pairs ? pack(r.pairs.treated) : null,
        r.pairs ? pack(r.pairs.control) : null,
        pack(r.poolOrder),
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

/** Copies, so that the typed arrays are aligned whatever the Buffer's offset. */
const f64 = (b: Buffer) => new Float64Array(new Uint8Array(b).buffer);
const i32 = (b: Buffer) => new Int32Array(new Uint8Array(b).buffer);
const lines = (text: string) => (text === '' ? [] : text.split('\n'));

export function readRunRecords(db: Db, runId: string, analysis: string): StoredRunRecords | null {
  const row = db
    .prepare(
      `SELECT record_ids, treated, score, weight, strata, set_total, pair_treated, pair_control, pool_order, outside_filter
       FROM run_records JOIN runs USING (run_id) WHERE run_id = ? AND analysis = ? AND deleted_at IS NULL`,
    )
    .get(runId, analysis) as
    | { record_ids: string; treated: Buffer; score: Buffer; weight: Buffer; strata: Buffer | null; set_total: Buffer | null; pair_treated: Buffer | null; pair_control: Buffer | null; pool_order: Buffer | null; outside_filter: string | null }
    | undefined;
  if (!row) return null;
  const records = { recordIds: lines(row.record_ids), treated: new Uint8Array(row.treated), score: f64(row.score), weight: f64(row.weight) };
  const match: StoredMatch | null =
    row.strata && row.set_total && row.pool_order
      ? {
          ...records,
          strata: i32(row.strata),
          setTotal: f64(row.set_total),
          pairs: row.pair_treated && row.pair_control ? { treated: i32(row.pair_treated), control: i32(row.pair_control) } : null,
          poolOrder: i32(row.pool_order),
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
