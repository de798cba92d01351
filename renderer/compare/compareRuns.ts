// What "Compare runs" sets side by side for one analysis name in two to four stored runs: the set-up (rows that
// differ marked), group and effective sizes, the balance summary with each run's worst rows, the headline measures'
// estimates with their CIs, and whether each passes the matching-quality gate (METHOD.md 4a). Pure: from stored runs.
import { SAME_AS_TREATMENT } from '../../shared/engine/analysisSpec';
import type { Band } from '../../shared/engine/balance';
import { matchingQualityGate, type MatchingQualityGate } from '../../shared/engine/matchingQualityGate';
import type { MeasureResult } from '../../shared/outcomes/computeOutcomes';
import type { AnalysisResults, RunResults } from '../../shared/results/runResults';
import { balanceRowLabel } from '../../shared/wording/balanceLabels';
import { formatDateTime } from '../../shared/format/dateFormat';

export interface SetupRow {
  label: string;
  /** One value per run (empty when the run has no such analysis). */
  values: string[];
  differs: boolean;
}

export interface BalanceSummary {
  /** Covariate rows (the score row excluded) per band after matching. */
  bands: Record<Band, number>;
  /** Largest |SMD after| over the covariate rows; null when one is undefined (counted as the worst). */
  largest: number | null;
  /** The rows with the largest |SMD after|, worst first. */
  worst: { label: string; smdAfter: number | null; band: Band }[];
}

export type HeadlineMeasure = 'rate' | 'frequency' | 'daysToFirst';
export const HEADLINE_MEASURES: { id: HeadlineMeasure; label: string; unit: 'rate' | 'frequency' | 'days' }[] = [
  { id: 'rate', label: 'Reoffending rate (% points)', unit: 'rate' },
  { id: 'frequency', label: 'Reoffences per person', unit: 'frequency' },
  { id: 'daysToFirst', label: 'Days to first reoffence', unit: 'days' },
];

export interface ComparedRun {
  run: RunResults;
  analysis: AnalysisResults | null;
  gate: MatchingQualityGate | null;
  balance: BalanceSummary | null;
  measures: Record<HeadlineMeasure, MeasureResult> | null;
}

const WORST_ROWS = 3;

export function balanceSummary(a: AnalysisResults): BalanceSummary {
  const rows = a.balance.filter((r) => r.variable !== 'score');
  const bands: Record<Band, number> = { well: 0, reasonably: 0, poorly: 0 };
  for (const r of rows) bands[r.band]++;
  const size = (x: number | null) => (x === null ? Infinity : Math.abs(x));
  const sorted = [...rows].sort((x, y) => size(y.smdAfter) - size(x.smdAfter));
  const top = sorted[0];
  return {
    bands,
    largest: top === undefined ? 0 : top.smdAfter === null ? null : Math.abs(top.smdAfter),
    worst: sorted.slice(0, WORST_ROWS).map((r) => ({ label: balanceRowLabel(r), smdAfter: r.smdAfter, band: r.band })),
  };
}

function matchingText(a: AnalysisResults): string {
  const m = a.spec.matching;
  if (m.method === 'nearest') return `nearest neighbour ${m.ratio}:1 ${m.replace ? 'with' : 'without'} replacement`;
  return m.method === 'radius' ? 'radius' : 'kernel (Epanechnikov)';
}

function caliperText(a: AnalysisResults): string {
  const m = a.spec.matching;
  return m.caliper === undefined ? 'none' : `${m.caliper} ${m.caliperUnit === 'sd' ? 'SD' : 'logit'}`;
}

function poolText(a: AnalysisResults): string {
  const parts = Object.entries(a.spec.pool).map(([k, v]) => (v === SAME_AS_TREATMENT ? `same ${k} as the treated` : `${k} = ${v}`));
  return parts.length ? parts.join(', ') : 'all eligible records';
}

/** The set-up of each run's analysis, row by row; `differs` when the runs do not all agree. */
export function setupRows(compared: ComparedRun[]): SetupRow[] {
  const rows: { label: string; of: (c: ComparedRun) => string }[] = [
    { label: 'Matching method', of: (c) => (c.analysis ? matchingText(c.analysis) : '') },
    { label: 'Caliper', of: (c) => (c.analysis ? caliperText(c.analysis) : '') },
    { label: 'Caliper in logit units', of: (c) => (c.analysis?.matching.caliper === null || !c.analysis ? 'none' : c.analysis.matching.caliper.toFixed(4)) },
    { label: 'Comparison pool', of: (c) => (c.analysis ? poolText(c.analysis) : '') },
    { label: 'Exact matching on', of: (c) => c.analysis?.spec.exact.join(', ') || 'nothing' },
    { label: 'Covariates', of: (c) => c.analysis?.spec.covariates.join(', ') ?? '' },
    { label: 'Well / reasonably thresholds (%)', of: (c) => `${c.run.spec.bands.well} / ${c.run.spec.bands.reasonably}` },
    { label: 'Alpha', of: (c) => String(c.run.spec.alpha) },
    { label: 'Extract date', of: (c) => String(c.run.cohortSettings.extractDate ?? '') },
    { label: 'Extract imported', of: (c) => (typeof c.run.cohortSettings.importedAt === 'string' ? formatDateTime(c.run.cohortSettings.importedAt) : '') },
  ];
  return rows.map(({ label, of }) => {
    const values = compared.map(of);
    return { label, values, differs: values.some((v) => v !== values[0]) };
  });
}

export function compareRun(run: RunResults, analysisName: string): ComparedRun {
  const analysis = run.analyses.find((a) => a.name === analysisName) ?? null;
  if (!analysis) return { run, analysis, gate: null, balance: null, measures: null };
  const o = analysis.outcomes;
  return {
    run,
    analysis,
    gate: matchingQualityGate(analysis.balance, analysis.treatment.n),
    balance: balanceSummary(analysis),
    measures: { rate: o.rate, frequency: o.frequency, daysToFirst: o.daysToFirst },
  };
}

/** Analysis names present in any of the runs, those in every run first. */
export function analysisNames(runs: RunResults[]): string[] {
  const all = [...new Set(runs.flatMap((r) => r.analyses.map((a) => a.name)))];
  const inAll = (n: string) => runs.every((r) => r.analyses.some((a) => a.name === n));
  return [...all.filter(inAll), ...all.filter((n) => !inAll(n))];
}
