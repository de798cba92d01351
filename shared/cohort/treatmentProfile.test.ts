import { describe, expect, it } from 'vitest';
import type { Column } from '../engine/column';
import { treatmentProfile, type ProfileInputs } from './treatmentProfile';

const categorical = (name: string, levels: string[], codes: number[]): Column => ({ kind: 'categorical', name, levels, codes: Int32Array.from(codes) });
const numeric = (name: string, values: number[]): Column => ({ kind: 'numeric', name, values: Float64Array.from(values) });

const inputs: ProfileInputs = {
  male: Uint8Array.from([1, 1, 1, 1, 1, 1, 0]),
  ageAtIndex: Int16Array.from([18, 25, 30, 41, 55, 36, 22]),
  columns: [
    categorical('ethnicity', ['White', 'Black', 'Asian', 'Unknown'], [0, 0, 1, -1, 3, 0, 2]),
    numeric('uk_national', [1, 1, 0, NaN, 1, 1, 1]),
    categorical('index_disposal', ['non_custodial', 'custody_lt_6m', 'custody_1_4y'], [0, 0, 1, 1, 1, 2, -1]),
    numeric('prev_offences', [1, 2, 3, 4, 5, 6, 7]),
    numeric('oasys_employment', [0, 1, 2, NaN, NaN, 1, 0]),
    categorical('oasys_drugs', ['0', '1', '2'], [2, -1, 0, -1, -1, -1, 1]),
  ],
};
const all = [0, 1, 2, 3, 4, 5, 6];
const shares = (b: { shares: { key: string; count: number; roundedPercent: number }[] } | null) =>
  b?.shares.map((s) => [s.key, s.count, s.roundedPercent]);

describe('treatmentProfile (METHOD.md section 10)', () => {
  const p = treatmentProfile(inputs, all);

  it('splits sex, ethnicity group (unknown and blank with the minorities) and nationality', () => {
    expect(p.n).toBe(7);
    expect(shares(p.sex)).toEqual([['male', 6, 86], ['female', 1, 14]]);
    expect(p.sex.shares[0].percent).toBeCloseTo(600 / 7, 12);
    expect(shares(p.ethnicity)).toEqual([['white', 3, 43], ['other', 4, 57]]);
    expect(shares(p.ukNational)).toEqual([['uk', 5, 71], ['non_uk', 1, 14], ['unknown', 1, 14]]);
  });

  it('flags a breakdown whose rounded percentages do not add up to 100', () => {
    expect(p.sex.roundingNote).toBe(false);
    expect(p.ukNational!.roundingNote).toBe(true); // 71 + 14 + 14 = 99
    const exact = p.ukNational!.shares.reduce((s, x) => s + x.percent, 0);
    expect(exact).toBeCloseTo(100, 12);
  });

  it('gives age range and mean at index', () => {
    expect(p.age).toEqual({ min: 18, max: 55, mean: 227 / 7 });
  });

  it('gives every sentence band, with unknown when some are blank', () => {
    expect(shares(p.sentence)).toEqual([
      ['non_custodial', 2, 29], ['custody_lt_6m', 3, 43], ['custody_6_12m', 0, 0], ['custody_1_4y', 1, 14],
      ['custody_4y_plus', 0, 0], ['unknown', 1, 14],
    ]);
    expect(p.sentence!.roundingNote).toBe(false);
    expect(treatmentProfile(inputs, [0, 2, 6]).sentence!.roundingNote).toBe(true); // 33 + 33 + 33
  });

  it('gives each risk/need item\'s share with problems among those assessed, and the share assessed', () => {
    expect(p.riskNeeds!.assessed).toBe(5);
    expect(p.riskNeeds!.assessedPercent).toBeCloseTo(500 / 7, 12);
    expect(p.riskNeeds!.items.map((x) => [x.item, x.assessed, x.withProblems])).toEqual([
      ['oasys_employment', 5, 3],
      ['oasys_drugs', 3, 2],
    ]);
    expect(p.riskNeeds!.items[0].percent).toBe(60);
  });

  it('leaves out the record-level parts of a person-level profile', () => {
    const q = treatmentProfile(inputs, [1, 4], { personLevelOnly: true });
    expect(q.age).toBeNull();
    expect(q.sentence).toBeNull();
    expect(q.riskNeeds).toBeNull();
    expect(shares(q.ethnicity)).toEqual([['white', 1, 50], ['other', 1, 50]]);
  });

  it('copes with an empty group and absent columns', () => {
    const q = treatmentProfile({ ...inputs, columns: [] }, []);
    expect(q.n).toBe(0);
    expect(q.sex.roundingNote).toBe(false);
    expect([q.ethnicity, q.ukNational, q.age, q.sentence, q.riskNeeds]).toEqual([null, null, null, null, null]);
  });
});
