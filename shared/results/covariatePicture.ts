// What to draw for one balance row's covariate, before and after matching, from the stored run only: a numeric
// covariate (or the score) by its stored CDFs; a categorical covariate by every level's share (the balance rows'
// means are shares), the chosen level marked; a 0/1 covariate or a missing indicator by its two shares (1 - p, p).
import type { BalanceRow } from '../engine/balance';
import type { NumericDistribution } from '../engine/covariateDistribution';
import { MISSING_LEVEL } from '../engine/covariateCoding';
import type { LevelShares } from '../charts/distributionGeometry';
import type { AnalysisResults } from './runResults';

export type CovariatePicture =
  | { kind: 'ecdf'; distribution: NumericDistribution }
  | { kind: 'levels'; levels: LevelShares[] }
  | { kind: 'none'; reason: string };

const complement = (p: number | null) => (p === null ? null : 1 - p);

function shares(r: BalanceRow): Omit<LevelShares, 'label' | 'selected'> {
  return { before: { treated: r.allTreatedMean, other: r.poolMean }, after: { treated: r.treatedMean, other: r.comparisonMean } };
}

function complementShares(r: BalanceRow): Omit<LevelShares, 'label' | 'selected'> {
  const s = shares(r);
  return {
    before: { treated: complement(s.before.treated), other: complement(s.before.other) },
    after: { treated: complement(s.after.treated), other: complement(s.after.other) },
  };
}

export function covariatePicture(a: Pick<AnalysisResults, 'balance' | 'distributions'>, row: Pick<BalanceRow, 'variable' | 'level'>): CovariatePicture {
  const r = a.balance.find((b) => b.variable === row.variable && b.level === row.level);
  if (!r) return { kind: 'none', reason: 'This row is not in the analysis.' };
  if (r.level === MISSING_LEVEL && a.balance.some((b) => b.variable === r.variable && b.level === null)) {
    return { kind: 'levels', levels: [{ label: 'observed', selected: false, ...complementShares(r) }, { label: MISSING_LEVEL, selected: true, ...shares(r) }] };
  }
  if (r.level !== null) {
    const levels = a.balance.filter((b) => b.variable === r.variable && b.level !== null);
    return { kind: 'levels', levels: levels.map((b) => ({ label: b.level as string, selected: b.level === r.level, ...shares(b) })) };
  }
  const distribution = a.distributions?.find((d) => d.variable === r.variable);
  if (distribution) return { kind: 'ecdf', distribution };
  // Numeric rows without a stored CDF are the 0/1 covariates (no variance ratio either), unless the run predates CDFs.
  if (r.varianceRatio === null && a.distributions) return { kind: 'levels', levels: [{ label: '0', selected: false, ...complementShares(r) }, { label: '1', selected: true, ...shares(r) }] };
  return { kind: 'none', reason: 'This run was stored before distributions were kept: run it again to see them.' };
}
