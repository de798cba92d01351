// Stored analysis runs: results as JSON (aggregates), and each analysis's per-record score and
// weight packed as little-endian Float64 arrays with the record ids newline-joined.
import type { Db } from '../store';
import type { RunResults } from '../../shared/results/runResults';
import type { Justification } from '../../shared/results/analysisFindings';
import { completeRun } from '../../shared/results/completeRun';

export interface RunRecords {
  recordIds: string[];
  treated: Uint8Array;
  score: Float64Array;
  weight: Float64Array;
}

export interface RunListEntry {
  runId: string;
  createdAt: string;
  analyses: string[];
}

const pack = (a: Float64Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function saveRun(db: Db, results: RunResults, records: Map<string, RunRecords>): void {
  db.transaction(() => {
    db.prepare('INSERT INTO runs (run_id, created_at, analyses, results) VALUES (?, ?, ?, ?)').run(
      results.runId,
      results.createdAt,
      JSON.stringify(results.analyses.map((a) => a.name)),
      JSON.stringify(results),
    );
    const insert = db.prepare('INSERT INTO run_records VALUES (?, ?, ?, ?, ?, ?)');
    for (const [analysis, r] of records) {
      insert.run(results.runId, analysis, r.recordIds.join('\n'), pack(r.treated), pack(r.score), pack(r.weight));
    }
  })();
}

export function listRuns(db: Db): RunListEntry[] {
  const rows = db.prepare('SELECT run_id, created_at, analyses FROM runs ORDER BY created_at DESC, run_id DESC').all() as
    { run_id: string; created_at: string; analyses: string }[];
  return rows.map((r) => ({ runId: r.run_id, createdAt: r.created_at, analyses: JSON.parse(r.analyses) as string[] }));
}

/** The stored run with each analysis's verdict derived afresh, its recorded justifications included. */
export function readRun(db: Db, runId: string): RunResults | null {
  const row = db.prepare('SELECT results FROM runs WHERE run_id = ?').get(runId) as { results: string } | undefined;
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

export function readRunRecords(db: Db, runId: string, analysis: string): RunRecords | null {
  const row = db.prepare('SELECT record_ids, treated, score, weight FROM run_records WHERE run_id = ? AND analysis = ?').get(runId, analysis) as
    { record_ids: string; treated: Buffer; score: Buffer; weight: Buffer } | undefined;
  if (!row) return null;
  // Copies, so the typed arrays are aligned whatever the Buffer's offset.
  const f64 = (b: Buffer) => new Float64Array(new Uint8Array(b).buffer);
  return {
    recordIds: row.record_ids === '' ? [] : row.record_ids.split('\n'),
    treated: new Uint8Array(row.treated),
    score: f64(row.score),
    weight: f64(row.weight),
  };
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
