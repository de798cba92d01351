import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store';
import { readRunRecords, saveRun } from './runStore';
import type { StoredMatch } from '../../shared/engine/matchedSets';
import { southwarkRun } from '../../shared/report/reportFixture';

const run = southwarkRun();
const [first, second] = run.analyses.map((a) => a.name);

/** A national-shaped analysis of n records: a few treated, a weight for most of the pool, two strata. */
function records(n: number, ids: string[], nearest: boolean): StoredMatch {
  const treated = new Uint8Array(n);
  const setTotal = new Float64Array(n);
  for (let i = 0; i < n; i += 97) {
    treated[i] = 1;
    setTotal[i] = 1 + (i % 5);
  }
  const pool = [...treated.keys()].filter((i) => treated[i] === 0);
  return {
    recordIds: ids,
    treated,
    score: Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 3),
    weight: Float64Array.from({ length: n }, (_, i) => (nearest ? (i % 97 === 1 ? 1 : 0) : treated[i] ? 1 : 1 / (1 + (i % 7)))),
    strata: Int32Array.from({ length: n }, (_, i) => i % 2),
    setTotal,
    pairs: nearest ? { treated: Int32Array.from(pool.slice(0, 3), (j) => j - 1), control: Int32Array.from(pool.slice(0, 3)) } : null,
    poolOrder: Int32Array.from(pool).reverse(),
    outsideFilterIds: nearest ? ['Z9'] : [],
  };
}

describe('run records', () => {
  const n = 2000;
  const ids = Array.from({ length: n }, (_, i) => `R${String(i).padStart(6, '0')}`);
  const saved = new Map([[first, records(n, ids, false)], [second, records(n, [...ids], true)]]);

  it('come back exactly as saved, the record ids stored once for analyses that share them, in about half the bytes', () => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'matchlab-runstore-')), 'a.mlstore'), 'run store passphrase', { mode: 'create' });
    saveRun(db, run, saved);
    for (const [name, r] of saved) {
      const back = readRunRecords(db, run.runId, name)!;
      expect(back.match).toEqual(r);
      expect(back.records).toEqual({ recordIds: r.recordIds, treated: r.treated, score: r.score, weight: r.weight });
    }
    const rows = db.prepare('SELECT analysis, ids_of, length(record_ids) + length(treated) + length(score) + length(weight) + length(strata) + length(set_total) + length(pool_order) AS bytes FROM run_records ORDER BY rowid').all() as { analysis: string; ids_of: string | null; bytes: number }[];
    expect(rows.map((r) => r.ids_of)).toEqual([null, first]);
    const after = rows.reduce((s, r) => s + r.bytes, 0);
    // Format 1 stored both analyses' ids (7 characters and a line end each) and every array as it is: 1 + 8 + 8 + 4 + 8
    // bytes a record, 4 per pool record (1,979 of 2,000) for the pool order.
    expect(2 * (8 * n - 1) + 2 * n * (1 + 8 + 8 + 4 + 8) + 2 * 4 * 1979).toBe(163830);
    // Now: the ids once (15,999); per analysis, each column's 16-byte header and the score (16,000), strata as bytes
    // (2,000), the pool order (7,916), the 21 treated and their set totals sparse (84 positions, then 21 or 168 bytes
    // of values); the radius analysis's weights dense (16,000), the nearest neighbour's 21 nonzero weights sparse (256).
    const perAnalysis = 6 * 16 + 16000 + 2000 + 7916 + (88 + 21) + (88 + 168);
    expect(after).toBe(15999 + 2 * perAnalysis + 16000 + (88 + 168));
  });

  it('stored by an earlier version (format 1: each array packed as it is) are still read', () => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'matchlab-runstore-')), 'b.mlstore'), 'run store passphrase', { mode: 'create' });
    saveRun(db, run, new Map());
    const r = saved.get(second)!;
    const pack = (a: Float64Array | Int32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    db.prepare(
      `INSERT INTO run_records (run_id, analysis, record_ids, treated, score, weight, strata, set_total, pair_treated, pair_control, pool_order, outside_filter)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(run.runId, second, r.recordIds.join('\n'), pack(r.treated), pack(r.score), pack(r.weight), pack(r.strata), pack(r.setTotal), pack(r.pairs!.treated), pack(r.pairs!.control), pack(r.poolOrder), 'Z9');
    expect(readRunRecords(db, run.runId, second)!.match).toEqual(r);
  });
});
