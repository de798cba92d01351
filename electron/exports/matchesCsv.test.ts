// The matches file a job formats as bytes (prepareMatches) is the file the export writes from the stored run
// (writeMatchesCsv), byte for byte, also for record ids a spreadsheet would run, quote or misread as another encoding.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasSetColumn, prepareMatches, writeMatchesCsv } from './matchesCsv';
import { setNumbers, type MatchFacts } from '../../shared/engine/matchedSets';

const recordIds = ['R1', '=1+2', 'a,b', 'x"y', 'Zoë-7', '\u{1F600}id', '-3', '+44 20', 'R9'];
const treated = Uint8Array.of(1, 0, 0, 1, 0, 0, 1, 0, 0);
const score = Float64Array.of(-0.5, -6.995445165848745, 1e21, -0, 5e-324, 0.1 + 0.2, -2, 3.25, -7);
const weight = Float64Array.of(1, 0.0009846868500125504, 0, 1, 1, 0, 1, 0, 1);
const pairs = { treated: Int32Array.of(0, 3, 6), control: Int32Array.of(4, 1, 8) };

async function fromStoredRun(facts: MatchFacts): Promise<Buffer> {
  const path = join(mkdtempSync(join(tmpdir(), 'matchlab-matches-')), 'm.csv');
  const records = { recordIds, treated, score, weight, pairs };
  const sets = hasSetColumn(facts) ? setNumbers(records, facts.replace) : null;
  await writeMatchesCsv(path, { recordIds, treated, score, weight }, sets, { overwrite: false }, { rows: 0 });
  return readFileSync(path);
}

describe('prepareMatches', () => {
  for (const facts of [{ method: 'nearest', caliper: 0.1, replace: false }, { method: 'radius', caliper: 0.2, replace: true }] as MatchFacts[]) {
    it(`writes the bytes the stored run's export writes (${facts.method})`, async () => {
      const prepared = prepareMatches('A', facts, { recordIds, treated, score, weight, pairs });
      const expected = await fromStoredRun(facts);
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
});
