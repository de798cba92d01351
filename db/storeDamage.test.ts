// Fuzzed damage to a store file: every damaged copy is refused with a named cause (damage, or not
// a store), never taken for a wrong passphrase and never initialised; a copy that still opens
// fails the integrity check of `matchlab info`.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Xoshiro128 } from '../shared/demo/xoshiro128';
import { openStore, StoreError, STORE_PAGE_BYTES } from './store';
import { writeAudit } from './audit';
import { checkStoreIntegrity } from './storeIntegrity';

const PASSPHRASE = 'store damage passphrase';
const VARIANTS_PER_KIND = 20;
const P = STORE_PAGE_BYTES;

type Damage = (file: Buffer, rnd: () => number) => Buffer;
const pick = (n: number, rnd: () => number) => Math.floor(rnd() * n);

// Each makes a copy that differs from the original.
const DAMAGE: Record<string, Damage> = {
  truncate: (f, rnd) => f.subarray(0, pick(f.length, rnd)),
  truncateAtPage: (f, rnd) => f.subarray(0, P * pick(f.length / P, rnd)),
  flipBytes: (f, rnd) => {
    const g = Buffer.from(f);
    const at = pick(g.length, rnd);
    g[at] ^= 1 + pick(255, rnd);
    for (let k = pick(3, rnd); k > 0; k--) g[pick(g.length, rnd)] ^= 0x80;
    return g;
  },
  zeroPage: (f, rnd) => {
    const g = Buffer.from(f);
    const page = pick(g.length / P, rnd);
    g.fill(0, page * P, page * P + P);
    return g.equals(f) ? g.fill(1, 0, 1) : g;
  },
  swapPages: (f, rnd) => {
    const pages = f.length / P;
    const a = pick(pages, rnd);
    const b = (a + 1 + pick(pages - 1, rnd)) % pages;
    const g = Buffer.from(f);
    f.copy(g, a * P, b * P, b * P + P);
    f.copy(g, b * P, a * P, a * P + P);
    return g;
  },
};

let dir = '';
let original: Buffer;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'matchlab-store-damage-'));
  const file = join(dir, 'original.mlstore');
  const db = openStore(file, PASSPHRASE, { mode: 'create' });
  db.exec(`CREATE TABLE people (person_id TEXT, note TEXT);
    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000)
    INSERT INTO people SELECT 'P' || k, hex(randomblob(40)) FROM n;`);
  for (let k = 0; k < 5; k++) writeAudit(db, 'export', { k });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  original = readFileSync(file);
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('a damaged store', () => {
  it(`is refused with a named cause or fails the integrity check (${Object.keys(DAMAGE).length * VARIANTS_PER_KIND} fuzzed copies)`, () => {
    expect(original.length / P).toBeGreaterThan(10);
    const rnd = (() => {
      const rng = Xoshiro128.fromSeed(14);
      return () => rng.uniform();
    })();
    const outcomes: Record<string, number> = {};
    let tried = 0;
    for (const [name, damage] of Object.entries(DAMAGE)) {
      for (let v = 0; v < VARIANTS_PER_KIND; v++) {
        const copy = damage(original, rnd);
        if (copy.equals(original)) continue;
        tried++;
        const file = join(dir, `${name}-${v}.mlstore`);
        writeFileSync(file, copy);
        let verdict: string;
        try {
          const db = openStore(file, PASSPHRASE, { mode: 'open' });
          try {
            const check = checkStoreIntegrity(db, file);
            expect(check.ok, `${name} ${v} opened and passed the integrity check`).toBe(false);
            verdict = 'opened, integrity check failed';
          } finally {
            db.close();
          }
        } catch (err) {
          expect(err, `${name} ${v}: ${(err as Error).message}`).toBeInstanceOf(StoreError);
          const code = (err as StoreError).code;
          expect(['damaged', 'not_a_store'], `${name} ${v}: ${(err as Error).message}`).toContain(code);
          // Refused means untouched: nothing initialised, nothing written.
          expect(sha(readFileSync(file)), `${name} ${v} was written to`).toBe(sha(copy));
          verdict = code;
        }
        outcomes[verdict] = (outcomes[verdict] ?? 0) + 1;
      }
    }
    console.log(`storeDamage: ${tried} damaged stores tried:`, JSON.stringify(outcomes));
    expect(tried).toBeGreaterThanOrEqual(95);
  }, 240_000);

  it('an intact store with the wrong passphrase is still a wrong passphrase, and the right one opens it', () => {
    const file = join(dir, 'intact.mlstore');
    writeFileSync(file, original);
    expect(() => openStore(file, 'not the passphrase', { mode: 'open' })).toThrow(expect.objectContaining({ code: 'wrong_passphrase' }));
    const db = openStore(file, PASSPHRASE, { mode: 'open' });
    expect(checkStoreIntegrity(db, file)).toEqual({ ok: true, problems: [] });
    db.close();
  });
});
