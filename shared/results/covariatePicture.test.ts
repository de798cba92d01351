import { describe, expect, it } from 'vitest';
import type { BalanceRow } from '../engine/balance';
import { covariatePicture } from './covariatePicture';

const row = (variable: string, level: string | null, means: [number, number, number | null, number | null], varianceRatio: number | null = null): BalanceRow => ({
  variable, level, allTreatedMean: means[0], poolMean: means[1], treatedMean: means[2], comparisonMean: means[3], smdBefore: 0, smdAfter: 0, band: 'well', varianceRatio,
});

const age = { variable: 'age', x: [20, 30], allTreated: [0.4, 1], pool: [0.2, 1], treated: [0.5, 1], comparison: [0.45, 1], ksAfter: 0.05 };
const analysis = {
  balance: [
    row('region', 'London', [0.3, 0.2, 0.25, 0.24]),
    row('region', 'Wales', [0.7, 0.8, 0.75, 0.76]),
    row('age', null, [31, 33, 31.5, 31.4], 1.1),
    row('age', '(missing)', [0.1, 0.04, 0.08, 0.07]),
    row('female', null, [0.2, 0.5, 0.22, null]),
  ],
  distributions: [age],
};

describe('covariatePicture', () => {
  it('draws a categorical level with every level of its covariate, the chosen one marked', () => {
    const p = covariatePicture(analysis, { variable: 'region', level: 'Wales' });
    expect(p).toEqual({
      kind: 'levels',
      levels: [
        { label: 'London', selected: false, before: { treated: 0.3, other: 0.2 }, after: { treated: 0.25, other: 0.24 } },
        { label: 'Wales', selected: true, before: { treated: 0.7, other: 0.8 }, after: { treated: 0.75, other: 0.76 } },
      ],
    });
  });

  it('draws a numeric covariate by its stored CDFs', () => {
    expect(covariatePicture(analysis, { variable: 'age', level: null })).toEqual({ kind: 'ecdf', distribution: age });
  });

  it('draws a missing indicator and a 0/1 covariate as two shares, an empty group as n/a', () => {
    const missing = covariatePicture(analysis, { variable: 'age', level: '(missing)' });
    if (missing.kind !== 'levels') throw new Error(missing.kind);
    expect(missing.levels.map((l) => [l.label, l.selected, l.before.treated])).toEqual([['observed', false, 0.9], ['(missing)', true, 0.1]]);
    const female = covariatePicture(analysis, { variable: 'female', level: null });
    if (female.kind !== 'levels') throw new Error(female.kind);
    expect(female.levels[0].before.other).toBeCloseTo(0.5, 15);
    expect(female.levels[0].after).toEqual({ treated: 0.78, other: null });
    expect(female.levels[1]).toMatchObject({ label: '1', selected: true, after: { treated: 0.22, other: null } });
  });

  it('says why a run stored before distributions has no picture of a numeric covariate', () => {
    expect(covariatePicture({ balance: analysis.balance }, { variable: 'age', level: null }).kind).toBe('none');
    expect(covariatePicture(analysis, { variable: 'nope', level: null }).kind).toBe('none');
  });
});
