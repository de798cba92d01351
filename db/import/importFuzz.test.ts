import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Db } from '../store';
import { importExtract, type ImportRequest } from './importExtract';
import { ImportError, type FileKind } from './importProblems';
import { Xoshiro128 } from '../../shared/demo/xoshiro128';
import { storeSnapshot } from './storeSnapshot';
import { tempDir, VALID_FILES, writeExtract } from './extractFixture';

const VARIANTS = 520;
const HANG_MS = 5_000;
const KINDS: FileKind[] = ['cohort', 'reoffences', 'participants'];

/** The project's seeded PRNG, so that a failing variant can be replayed. */
function prng(seed: number): () => number {
  const rng = Xoshiro128.fromSeed(seed);
  return () => rng.uniform();
}

type Corruption = (file: Buffer, rnd: () => number) => Buffer;
const pick = (n: number, rnd: () => number) => Math.floor(rnd() * n);

const CORRUPTIONS: Record<string, Corruption> = {
  truncate: (f, rnd) => f.subarray(0, pick(f.length, rnd)),
  flipBytes: (f, rnd) => {
    const g = Buffer.from(f);
    for (let k = 1 + pick(3, rnd); k > 0; k--) g[pick(g.length, rnd)] = pick(256, rnd);
    return g;
  },
  dropColumn: (f, rnd) => {
    const lines = f.toString('utf8').split('\n');
    const c = pick(lines[0].split(',').length, rnd);
    return Buffer.from(lines.map((l) => (l === '' ? l : l.split(',').filter((_, i) => i !== c).join(','))).join('\n'));
  },
  duplicateRow: (f, rnd) => {
    const lines = f.toString('utf8').split('\n');
    const r = 1 + pick(lines.length - 2, rnd);
    lines.splice(r, 0, lines[r]);
    return Buffer.from(lines.join('\n'));
  },
  swapCells: (f, rnd) => {
    const lines = f.toString('utf8').split('\n');
    const r = 1 + pick(lines.length - 2, rnd);
    const cells = lines[r].split(',');
    const a = pick(cells.length, rnd);
    const b = pick(cells.length, rnd);
    [cells[a], cells[b]] = [cells[b], cells[a]];
    lines[r] = cells.join(',');
    return Buffer.from(lines.join('\n'));
  },
};
const NAMES = Object.keys(CORRUPTIONS);

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = tempDir('matchlab-fuzz-');
  db = openStore(join(dir, 'store.mlstore'), 'test passphrase', { mode: 'create' });
  await importExtract(db, writeExtract(dir));
});
afterAll(() => db.close());

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('import hung')), HANG_MS))]);
}

describe('fuzz: randomly corrupted extracts', () => {
  it(`${VARIANTS} variants each import correctly or fail with a located message, never changing the store`, async () => {
    const rnd = prng(20261125);
    const outcomes = { imported: 0, refused: 0 };
    let before = storeSnapshot(db);
    for (let v = 0; v < VARIANTS; v++) {
      const files: Record<FileKind, Buffer> = {
        cohort: Buffer.from(VALID_FILES.cohort), reoffences: Buffer.from(VALID_FILES.reoffences), participants: Buffer.from(VALID_FILES.participants),
      };
      const applied: string[] = [];
      for (let k = 1 + pick(2, rnd); k > 0; k--) {
        const kind = KINDS[pick(3, rnd)];
        const name = NAMES[pick(NAMES.length, rnd)];
        files[kind] = CORRUPTIONS[name](files[kind], rnd);
        applied.push(`${name}(${kind})`);
      }
      const request: ImportRequest = writeExtract(dir, files);
      for (const kind of KINDS) writeFileSync(request[kind].path, files[kind]);
      const label = `variant ${v}: ${applied.join(', ')}`;
      try {
        const s = await withTimeout(importExtract(db, request));
        outcomes.imported++;
        for (const kind of KINDS) {
          const n = (db.prepare(`SELECT count(*) AS n FROM ${kind}`).get() as { n: number }).n;
          expect(n, label).toBe(s.files[kind].rows);
        }
        expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
        before = storeSnapshot(db);
      } catch (err) {
        if (!(err instanceof ImportError)) throw new Error(`${label}: crashed with ${String(err)}`);
        outcomes.refused++;
        expect(err.total, label).toBeGreaterThan(0);
        for (const p of err.problems) {
          expect(KINDS, label).toContain(p.kind);
          expect(p.file, label).toBe(`${p.kind}.csv`);
          // Located: a data row with its line, or a file-level reason.
          if (p.row !== null) expect(p.line, label).toBeGreaterThan(p.row);
          expect(p.message.length, label).toBeGreaterThan(5);
        }
        expect(storeSnapshot(db), label).toBe(before);
        expect(db.inTransaction, label).toBe(false);
      }
    }
    console.log(`importFuzz: ${VARIANTS} corrupted extracts tried: ${outcomes.refused} refused with a located message and the store unchanged, ${outcomes.imported} still valid and imported whole`);
    expect(outcomes.imported + outcomes.refused).toBe(VARIANTS);
    expect(outcomes.refused).toBeGreaterThan(VARIANTS / 2);
    expect(outcomes.imported).toBeGreaterThan(0);
  }, 120_000);
});
