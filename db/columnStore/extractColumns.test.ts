// The column store an import writes: the cohort in record_id order whatever the file's order,
// byte for byte the same for a shuffled copy of the same rows.
import { describe, expect, it } from 'vitest';
import { openStore, type Db } from '../store';
import { importExtract } from '../import/importExtract';
import { tempDir, VALID_FILES, withCell, writeExtract } from '../import/extractFixture';
import { join } from 'node:path';
import { readExtractColumns } from './columnTables';
import { REOFFENCE_PERSON_COLUMN } from '../cohort/loadExtractArrays';
import { COHORT_ROWID_COLUMN } from './extractColumns';
import { byteOrderPermutation } from '../../shared/engine/byteOrder';
import { widenNumbers, type CompactNumbers } from '../../shared/engine/column';

/** A stored numeric column's values as doubles, NaN for a blank. */
const storedNumbers = (c: { values: unknown }): Float64Array => widenNumbers(c.values as Float64Array | CompactNumbers);

async function importFixture(cohort: string): Promise<Db> {
  const dir = tempDir('matchlab-columns-');
  const db = openStore(join(dir, 's.mlstore'), 'columns-test-pass');
  await importExtract(db, writeExtract(dir, { cohort }));
  return db;
}

const [header, ...rows] = VALID_FILES.cohort.trimEnd().split('\n');
const reordered = [header, rows[3], rows[1], rows[0], rows[2]].join('\n') + '\n';

describe('the column store written by an import', () => {
  it('holds the cohort in record_id order, coded as the engine reads it', async () => {
    const db = await importFixture(reordered);
    const c = readExtractColumns(db, 'cohort', ['record_id', 'person_id', 'index_date', 'region', 'prev_offences', 'oasys_drugs', 'score', 'area']);
    expect(c.get('record_id')!.values).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(c.get('person_id')!.values).toEqual(['P1', 'P1', 'P2', 'P3']);
    // 2016-01-10 is day 16810 after 1970-01-01.
    expect(c.get('index_date')!.values[0]).toBe(16810);
    expect(c.get('region')).toMatchObject({ type: 'int32', levels: ['London', 'North West', 'Wales'] });
    expect([...c.get('region')!.values]).toEqual([0, 0, 1, 2]);
    expect([...storedNumbers(c.get('prev_offences')!)]).toEqual([3, 4, 0, 12]);
    expect(c.get('oasys_drugs')).toEqual({ type: 'int8', values: Int8Array.of(1, 2, -128, 0) });
    expect([...storedNumbers(c.get('score')!)]).toEqual([0.5, 1, 2.25, 3]);
    // "01" keeps its text in a categorical column.
    expect(c.get('area')).toMatchObject({ levels: ['01', '7', 'A', 'B'] });
    expect([...c.get('area')!.values]).toEqual([2, 0, 3, 1]);
    // The reoffences' persons as numbered in the cohort's record_id order (P1 0, P2 1, P3 2); P9 is not in it.
    const r = readExtractColumns(db, 'reoffences', ['person_id', REOFFENCE_PERSON_COLUMN, 'court_outcome', 'pnd'], ['person_id']);
    expect(r.has('person_id')).toBe(false);
    expect([...r.get(REOFFENCE_PERSON_COLUMN)!.values]).toEqual([0, 1, -1]);
    expect([...r.get('pnd')!.values]).toEqual([0, 0, 0]);
  });

  it('orders record_id by UTF-8 bytes, as the engine does, not by UTF-16 code units', async () => {
    // U+FFFD is EF BF BD in UTF-8, before the F0 of an emoji; in UTF-16 the emoji's surrogate D83D comes first.
    const ids = ['R\u{1F600}', 'R\uFFFD', 'R10', 'R1'];
    let cohort = reordered;
    ids.forEach((id, k) => (cohort = withCell(cohort, k + 1, 'record_id', id)));
    const stored = readExtractColumns(await importFixture(cohort), 'cohort', ['record_id']).get('record_id')!.values as string[];
    expect(stored).toEqual(['R1', 'R10', 'R\uFFFD', 'R\u{1F600}']);
    expect(Array.from(byteOrderPermutation(ids), (k) => ids[k])).toEqual(stored);
  });

  it('is byte-identical for the same rows in another order, but for the rowids of the file order', async () => {
    // The cohort table keeps the file's order; the column store keeps where each record is in it (rowid).
    const blobs = (db: Db) => db.prepare('SELECT file, name, type, rows, levels, hex(data) AS data FROM extract_columns WHERE name <> ? ORDER BY file, name').all(COHORT_ROWID_COLUMN);
    const [shuffled, sorted] = [await importFixture(reordered), await importFixture(VALID_FILES.cohort)];
    expect(blobs(shuffled)).toEqual(blobs(sorted));
    const rowids = (db: Db) => [...(readExtractColumns(db, 'cohort', [COHORT_ROWID_COLUMN]).get(COHORT_ROWID_COLUMN)!.values as Int32Array)];
    // The reordered file's lines: R4, R2, R1, R3.
    expect(rowids(shuffled)).toEqual([3, 2, 4, 1]);
    expect(rowids(sorted)).toEqual([1, 2, 3, 4]);
  });
});
