import { describe, expect, it } from 'vitest';
import type { BalanceRow } from './balance';
import { matchingQualityGate } from './matchingQualityGate';

const row = (variable: string, level: string | null, smdAfter: number | null, band: BalanceRow['band']): BalanceRow => ({
  variable, level, treatedMean: 0, allTreatedMean: 0, poolMean: 0, comparisonMean: 0, smdBefore: 0, smdAfter, band, varianceRatio: null,
});

describe('matchingQualityGate', () => {
  it('passes when every covariate row is well or reasonably matched, whatever the score row says', () => {
    const gate = matchingQualityGate([row('age_at_index', null, 4.9, 'well'), row('ethnicity', 'Black', -9.9, 'reasonably'), row('score', null, 30, 'poorly')], 71);
    expect(gate).toEqual({ passes: true, poorlyMatched: [], belowMinimumTreated: false });
  });

  it('fails on a poorly matched level or missing indicator and names each one in table order', () => {
    const gate = matchingQualityGate(
      [row('prev_offences', null, 18.9, 'poorly'), row('ethnicity', 'White', 3, 'well'), row('oasys_drugs', '(missing)', null, 'poorly')],
      71,
    );
    expect(gate.passes).toBe(false);
    expect(gate.poorlyMatched).toEqual([
      { variable: 'prev_offences', level: null, smdAfter: 18.9 },
      { variable: 'oasys_drugs', level: '(missing)', smdAfter: null },
    ]);
  });

  it('fails a well-matched analysis below the minimum of 60 treated people (METHOD.md section 8)', () => {
    expect(matchingQualityGate([row('age_at_index', null, 1, 'well')], 59)).toEqual({ passes: false, poorlyMatched: [], belowMinimumTreated: true });
    expect(matchingQualityGate([row('age_at_index', null, 1, 'well')], 60).passes).toBe(true);
  });
});
