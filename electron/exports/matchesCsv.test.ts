// The matches file a job formats as bytes (prepareMatches) is the file the export writes from the stored run
// (writeMatchesCsv), byte for byte, and both are the lines of the one CSV writer (csvLine), also for record ids a
// spreadsheet would run, quote or misread as another encoding, and for doubles whose text is longest.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasSetColumn, prepareMatches, writeMatchesCsv } from './matchesCsv';
import { setNumbers, type MatchFacts } from '../../shared/engine/matchedSets';
import { csvLine } from '../../shared/format/csvField';

const recordIds = ['R1', '=1+2', 'a,b', 'x"y', 'Zoë-7', '\u{1F600}id', '-3', '+44 20', 'R9'];
const treated = Uint8Array.of(1, 0, 0, 1, 0, 0, 1, 0, 0);
const score = Float64Array.of(-0.5, -6.995445165848745, 1e21, -0, 5e-324, 0.1 + 0.2, -0.0000012345678901234567, 3.25, -7);
const weight = Float64Array.of(1, 0.0009846868500125504, 0, 1, 1, -0, 1, 1.2345678901234567e-300, 1);
const pairs = { treated: Int32Array.of(0, 3, 6), control: Int32Array.of(4, 1, 8) };

async function fromStoredRun(facts: MatchFacts): Promise<Buffer> {
  const path = join(mkdtempSync(join(tmpdir(), 'matchlab-matches-')), 'm.csv');
  const records = { recordIds, treated, score, weight, pairs };
  const sets = hasSetColumn(facts) ? setNumbers(records, facts.replace) : null;
  await writeMatchesCsv(path, { recordIds, treated, score, weight }, sets, { overwrite: false }, { rows: 0 });
  return readFileSync(path);
}

/** The file as csvLine writes each row: what the byte writer must give. */
function csvText(ids: string[], t: Uint8Array, sc: Float64Array, w: Float64Array, sets: Int32Array | null): string {
  const rows = ids.map((id, i) => csvLine([id, t[i], sc[i], w[i], sets && sets[i] > 0 ? sets[i] : null]));
  return ['record_id,treated,score,weight,set', ...rows, ''].join('\n');
}

describe('prepareMatches', () => {
  for (const facts of [{ method: 'nearest', caliper: 0.1, replace: false }, { method: 'radius', caliper: 0.2, replace: true }] as MatchFacts[]) {
    it(`writes the bytes the stored run's export writes (${facts.method})`, async () => {
      const prepared = prepareMatches('A', facts, { recordIds, treated, score, weight, pairs });
      const expected = await fromStoredRun(facts);
      const sets = hasSetColumn(facts) ? setNumbers({ recordIds, treated, weight, pairs }, facts.replace) : null;
      expect(Buffer.from(prepared.bytes).toString('utf8')).toBe(csvText(recordIds, treated, score, weight, sets));
      expect(Buffer.from(prepared.bytes).toString('utf8')).toBe(expected.toString('utf8'));
      expect(Buffer.from(prepared.bytes).equals(expected)).toBe(true);
      expect(prepared.rows).toBe(recordIds.length);
    });
  }

  it('quotes, defuses and encodes the ids, and grows past its first guess of the size', () => {
    const long = 'Ä'.repeat(200);
    const text = Buffer.from(prepareMatches('A', { method: 'radius', caliper: 0.2, replace: true }, {
      recordIds: [long, '=1+2', 'a,b'], treated: Uint8Array.of(0, 0, 0), score: Float64Array.of(1, 2, 3), weight: Float64Array.of(0, 0, 0), pairs: null,
    }).bytes).toString('utf8');
    expect(text.split('\n')).toEqual(['record_id,treated,score,weight,set', `${long},0,1,0,`, "'=1+2,0,2,0,", '"a,b",0,3,0,', '']);
  });

  it('makes room for rows far longer than its first guess, the doubles whose text is longest included', () => {
    // Rows of 76 bytes (a 20-character id, the longest doubles) against a first guess of 64: row 252's id ends 28
    // bytes short of the first buffer's end (19,200 - 252 x 76 = 48), and the rest of the row needs more.
    const ids = Array.from({ length: 300 }, (_, i) => `R${String(i).padStart(19, '0')}`);
    const t = new Uint8Array(300);
    const longest = Float64Array.from({ length: 300 }, () => -0.0000012345678901234567);
    const prepared = prepareMatches('A', { method: 'radius', caliper: 0.2, replace: true }, { recordIds: ids, treated: t, score: longest, weight: longest, pairs: null });
    expect(Buffer.from(prepared.bytes).toString('utf8')).toBe(csvText(ids, t, longest, longest, null));
  });

  it('writes a national pool\'s rows in blocks: every row once, in order, as csvLine writes it', () => {
    const n = 20_001;
    const ids = Array.from({ length: n }, (_, i) => (i % 997 === 0 ? `=Ä${i},"q"` : `CR${String(i).padStart(8, '0')}`));
    const t = Uint8Array.from({ length: n }, (_, i) => (i % 50 === 0 ? 1 : 0));
    const sc = Float64Array.from({ length: n }, (_, i) => Math.log((i + 0.5) / n) / 3);
    const w = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1 / (i + 1)));
    const prepared = prepareMatches('A', { method: 'radius', caliper: 0.2, replace: true }, { recordIds: ids, treated: t, score: sc, weight: w, pairs: null });
    expect(prepared.rows).toBe(n);
    expect(Buffer.from(prepared.bytes).toString('utf8')).toBe(csvText(ids, t, sc, w, null));
  });
});
