// The balance table as the matching-quality view shows it: each stored row banded by the view's thresholds (which
// may differ from the run's: the run, its gate and its report keep their own) and, for a numeric covariate or the
// score, the weighted KS statistic after matching stored with the run. Nothing is recomputed from records.
import type { Bands } from '../engine/analysisSpec';
import { balanceBand, balanceRowKey, type BalanceRow, type Band } from '../engine/balance';
import type { AnalysisResults } from './runResults';

export interface BalanceViewRow extends BalanceRow {
  /** `variable|level`: the row's identity in the grid, the Love plot and the workspace. */
  key: string;
  /** Weighted KS after matching, max |F_T - F_C| (0..1); null for a level, a 0/1 or missing-indicator row, or an older run. */
  ksAfter: number | null;
}

export function balanceViewRows(a: Pick<AnalysisResults, 'balance' | 'distributions'>, bands: Bands): BalanceViewRow[] {
  const ks = new Map((a.distributions ?? []).map((d) => [d.variable, d.ksAfter]));
  return a.balance.map((r) => ({
    ...r,
    key: balanceRowKey(r),
    band: balanceBand(r.smdAfter, bands),
    ksAfter: r.level === null ? (ks.get(r.variable) ?? null) : null,
  }));
}

export const BANDS: readonly Band[] = ['well', 'reasonably', 'poorly'];

/** How many rows fall in each band. */
export function bandCounts(rows: readonly Pick<BalanceRow, 'band'>[]): Record<Band, number> {
  const counts: Record<Band, number> = { well: 0, reasonably: 0, poorly: 0 };
  for (const r of rows) counts[r.band]++;
  return counts;
}

/** The row looked at when none is chosen (or the chosen one is filtered out): the largest |SMD after|, n/a first. */
export function leastWellMatched(rows: readonly BalanceViewRow[]): BalanceViewRow | null {
  const size = (r: BalanceRow) => (r.smdAfter === null ? Infinity : Math.abs(r.smdAfter));
  return rows.reduce<BalanceViewRow | null>((worst, r) => (worst === null || size(r) > size(worst) ? r : worst), null);
}
