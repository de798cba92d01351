// A reoffences file big enough to be read by the worker thread: same rows, problems and atomicity
// as the main-thread reader gives the small fixtures.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../store';
import { tempDir, writeExtract } from './extractFixture';
import { importExtract, WORKER_MIN_BYTES } from './importExtract';
import { ImportError } from './importProblems';
import { storeSnapshot } from './storeSnapshot';

const PEOPLE = 2000;
const UNKNOWN = 100; // reoffences of P2000..P2099, who are not in the cohort
const ROWS = 220_000;
const OUTCOMES = ['indictable', 'either_way', 'summary'];
const FIRST_DAY = Date.UTC(2012, 0, 1) / 86_400_000;

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

function cohortCsv(): string {
  const lines = ['record_id,person_id,index_date,date_of_birth,sex,region'];
  for (let p = 0; p < PEOPLE; p++) lines.push(`R${p},P${p},2012-01-01,1980-01-01,${p % 2 ? 'F' : 'M'},London`);
  return lines.join('\n') + '\n';
}

interface Reoffence { person: number; offence: number; disposal: number; outcome: string; custodial: number; pnd: number | null }

function reoffence(i: number): Reoffence {
  const offence = FIRST_DAY + (i % 1500);
  return { person: i % (PEOPLE + UNKNOWN), offence, disposal: offence + (i % 31), outcome: OUTCOMES[i % 3], custodial: i % 2, pnd: i % 7 === 0 ? null : i % 5 === 0 ? 1 : 0 };
}

function reoffencesCsv(change?: { row: number; outcome: string }): string {
  const lines = ['person_id,offence_date,disposal_date,court_outcome,custodial,pnd'];
  for (let i = 0; i < ROWS; i++) {
    const r = reoffence(i);
    const outcome = change && change.row === i + 1 ? change.outcome : r.outcome;
    lines.push(`P${r.person},${iso(r.offence)},${iso(r.disposal)},${outcome},${r.custodial},${r.pnd ?? ''}`);
  }
  return lines.join('\n') + '\n';
}

let dir: string;
let db: Db;
beforeAll(() => {
  dir = tempDir();
  db = openStore(join(dir, 'store.mlstore'), 'test passphrase', { mode: 'create' });
});
afterAll(() => db.close());

describe('a big reoffences file (read in a worker thread)', () => {
  it('stores every row, counts persons not in the cohort and takes the latest disposal', async () => {
    const request = writeExtract(dir, { cohort: cohortCsv(), reoffences: reoffencesCsv() });
    expect(statSync(request.reoffences.path).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const s = await importExtract(db, request);

    const expected = Array.from({ length: ROWS }, (_, i) => reoffence(i));
    expect(s.files.reoffences).toMatchObject({
      rows: ROWS,
      unknownPersonRows: expected.filter((r) => r.person >= PEOPLE).length,
      unknownPersons: UNKNOWN,
      sha256: createHash('sha256').update(readFileSync(request.reoffences.path)).digest('hex'),
    });
    expect(s.extractDate).toBe(iso(expected.reduce((m, r) => Math.max(m, r.disposal), -Infinity)));
    const stored = db.prepare('SELECT person_id, offence_date, disposal_date, court_outcome, custodial, pnd FROM reoffences ORDER BY rowid').raw().all() as unknown[][];
    expect(stored.length).toBe(ROWS);
    for (const i of [0, 1, 6, 7, 8191, 8192, 123_457, ROWS - 1]) {
      const r = expected[i];
      // A blank pnd is stored as 0 (not a PND).
      expect(stored[i], `row ${i + 1}`).toEqual([`P${r.person}`, r.offence, r.disposal, r.outcome, r.custodial, r.pnd ?? 0]);
    }
    const sums = db.prepare('SELECT sum(offence_date) AS o, sum(disposal_date) AS d, sum(custodial) AS c, sum(pnd) AS p, sum(typeof(offence_date) = \'integer\') AS ints FROM reoffences').get();
    expect(sums).toEqual({
      o: expected.reduce((a, r) => a + r.offence, 0),
      d: expected.reduce((a, r) => a + r.disposal, 0),
      c: expected.reduce((a, r) => a + r.custodial, 0),
      p: expected.reduce((a, r) => a + (r.pnd ?? 0), 0),
      ints: ROWS,
    });
  });

  it('lists its problems after the cohort\'s, located, and stores nothing', async () => {
    const before = storeSnapshot(db);
    const cohort = cohortCsv().replace('R4,P4,2012-01-01,1980-01-01,M,', 'R4,P4,2012-01-01,1980-01-01,X,');
    const request = writeExtract(dir, { cohort, reoffences: reoffencesCsv({ row: 150_000, outcome: 'crown' }) });
    const err = await importExtract(db, request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const { problems, total } = err as ImportError;
    expect(total).toBe(2);
    expect(problems[0]).toMatchObject({ kind: 'cohort', row: 5, line: 6, column: 'sex', value: 'X' });
    expect(problems[1]).toMatchObject({ kind: 'reoffences', file: 'reoffences.csv', row: 150_000, line: 150_001, column: 'court_outcome', value: 'crown' });
    expect(storeSnapshot(db)).toBe(before);
  });

  it('is cancelled while the worker reads, leaving the store unchanged', async () => {
    const before = storeSnapshot(db);
    const request = writeExtract(dir, { cohort: cohortCsv(), reoffences: reoffencesCsv() });
    const controller = new AbortController();
    const outcome = await importExtract(db, request, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.file === 'reoffences' && p.rows > 0) controller.abort();
      },
    }).then(() => 'imported', (e: unknown) => (e as Error).name);
    expect(outcome).toBe('AbortError');
    expect(storeSnapshot(db)).toBe(before);
    expect(db.inTransaction).toBe(false);
  });
});
