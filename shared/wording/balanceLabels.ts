// How a balance row and the balance table's figures are named and written, in the app's grid and charts and in the
// report alike. The groups are those of METHOD.md section 4: before matching, all treated units of the analysis and
// the whole unweighted pool; after matching, the matched treated and the weighted comparison group.
import type { BalanceRow, Band } from '../engine/balance';
import { formatFixed, formatSigned } from '../format/numberFormat';

/** A balance row's short name for chart labels: the column as the analyst named it, then the level. */
export function balanceRowLabel(row: Pick<BalanceRow, 'variable' | 'level'>): string {
  if (row.variable === 'score') return 'propensity score (logit)';
  if (row.level === null) return row.variable;
  if (row.level === '(missing)') return `${row.variable} (missing)`;
  return `${row.variable}: ${row.level}`;
}

/** Column headings of the balance table: what each figure is computed from. */
export const BALANCE_HEADINGS = {
  before: 'Before matching',
  after: 'After matching',
  allTreated: 'Treated (all)',
  pool: 'Pool',
  matchedTreated: 'Treated (matched)',
  comparison: 'Comparison (weighted)',
  smdBefore: 'SMD before (%)',
  smdAfter: 'SMD after (%)',
  band: 'Matched',
  varianceRatio: 'Variance ratio',
  ksAfter: 'KS after',
} as const;

/** What each heading means, for tooltips and the report's table note. */
export const BALANCE_HEADING_NOTES = {
  allTreated: 'Mean over every treated person of the analysis, matched or not: the "before" side of SMD before',
  pool: 'Unweighted mean over the whole comparison pool: the other side of SMD before',
  matchedTreated: 'Mean over the matched treatment group: the "after" side of SMD after',
  comparison: 'Mean over the comparison group, weighted by the matching weights: the other side of SMD after',
  smdBefore: '100 x (treated (all) - pool) / pooled SD before matching',
  smdAfter: '100 x (treated (matched) - comparison) / the same pooled SD, so before and after compare',
  band: 'Band of |SMD after|: well, reasonably (well) or poorly matched',
  varianceRatio: 'Treated variance / weighted comparison variance, for numeric covariates',
  ksAfter: 'Kolmogorov-Smirnov statistic after matching, for numeric covariates and the score: the largest gap (0 to 1) between the cumulative distributions of the matched treated and the weighted comparison group',
} as const;

export const BALANCE_TABLE_NOTE =
  'Before matching: every treated person of the analysis and every eligible non-participant (the pool), unweighted. After matching: the matched treated and the comparison group weighted by the matching weights. Standardised difference (SMD) = 100 × difference of means / pooled standard deviation before matching, the same before and after, so the two compare.';

export const BAND_WORDS: Record<Band, string> = { well: 'Well', reasonably: 'Reasonably', poorly: 'Poorly' };

/** A mean of the balance table: a share (a level, a missing indicator) as %, other means to 2 dp; "n/a" when none. */
export function formatBalanceMean(row: Pick<BalanceRow, 'level'>, x: number | null): string {
  if (x === null) return 'n/a';
  return row.level !== null ? `${formatFixed(x * 100, 1)}%` : formatFixed(x, 2);
}

/** A standardised difference, signed, 1 dp; "n/a" when it has no finite value. */
export function formatSmd(x: number | null): string {
  return x === null ? 'n/a' : formatSigned(x, 1);
}
