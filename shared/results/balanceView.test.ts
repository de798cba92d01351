import { describe, expect, it } from 'vitest';
import type { BalanceRow } from '../engine/balance';
import { balanceViewRows, bandCounts, leastWellMatched } from './balanceView';

const row = (variable: string, level: string | null, smdAfter: number | null, band: BalanceRow['band']): BalanceRow => ({
  variable, level, treatedMean: 0, allTreatedMean: 0, poolMean: 0, comparisonMean: 0, smdBefore: 20, smdAfter, band, varianceRatio: null,
});

describe('balanceViewRows', () => {
  const stored = { balance: [row('age', null, -4, 'well'), row('sex', 'F', 7, 'reasonably'), row('score', null, 12, 'poorly'), row('x', 'a', null, 'poorly')], distributions: [{ variable: 'age', x: [], allTreated: [], pool: [], treated: [], comparison: [], ksAfter: 0.083 }] };

  it('bands each row by the view thresholds, not the stored ones', () => {
    // With well < 8 and reasonably < 15: -4 and 7 are well, 12 reasonably, an undefined difference poorly.
    const rows = balanceViewRows(stored, { well: 8, reasonably: 15 });
    expect(rows.map((r) => r.band)).toEqual(['well', 'well', 'reasonably', 'poorly']);
    expect(bandCounts(rows)).toEqual({ well: 2, reasonably: 1, poorly: 1 });
    expect(rows.map((r) => r.key)).toEqual(['age|', 'sex|F', 'score|', 'x|a']);
  });

  it('carries the stored KS of a numeric row only', () => {
    expect(balanceViewRows(stored, { well: 5, reasonably: 10 }).map((r) => r.ksAfter)).toEqual([0.083, null, null, null]);
    expect(balanceViewRows({ balance: stored.balance }, { well: 5, reasonably: 10 })[0].ksAfter).toBeNull();
  });

  it('looks first at the row least well matched, an undefined difference before any number', () => {
    const rows = balanceViewRows(stored, { well: 5, reasonably: 10 });
    expect(leastWellMatched(rows)?.key).toBe('x|a');
    expect(leastWellMatched(rows.slice(0, 3))?.key).toBe('score|');
    expect(leastWellMatched([])).toBeNull();
  });
});
