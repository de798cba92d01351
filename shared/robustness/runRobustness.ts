// A robustness check of one analysis (METHOD.md section 12): the specification grid run on the same treatment
// group and pool. The score model is fitted once per covariate set and every matching of the grid reuses it
// (and the pool's score order); each specification gets the headline estimates, the group sizes and the
// matching-quality gate, computed by the same functions as the analysis itself, so the analysis's own
// specification reproduces the run's figures exactly. Pure: the caller loads the data and stores the result.
import type { AnalysisSpec, Bands, MatchingSpec } from '../engine/analysisSpec';
import { balanceAfter, balanceBasis } from '../engine/balance';
import { matchingQualityGate, type MatchingQualityGate } from '../engine/matchingQualityGate';
import { prepareAnalysis } from '../engine/prepareAnalysis';
import { codeAnalysis, groupSizes, matchScored, poolOrderOf, scoreAnalysis, tableRows, type CodedAnalysis } from '../engine/runAnalysisEngine';
import { outcomesOfRows } from '../cohort/recordOutcomes';
import { computeHeadlineOutcomes } from '../outcomes/computeOutcomes';
import type { EstimateSettings } from '../outcomes/estimateMeasure';
import type { MeasureResult } from '../outcomes/computeOutcomes';
import type { CohortData } from '../results/buildRunResults';
import type { HeadlineMeasure } from '../wording/headlineMeasure';
import { covariateSets, gridMatchings, matchingLabel, sameMatching, type CovariateSet } from './robustnessGrid';
import { summariseRobustness, type RobustnessSummary } from './robustnessSummary';

export const HEADLINE_MEASURES: readonly HeadlineMeasure[] = ['rate', 'frequency', 'daysToFirst'];

/** A headline measure's estimate in one specification (natural units, as results.json). */
export type RobustnessEstimate = Pick<MeasureResult, 'treatmentMean' | 'comparisonMean' | 'difference' | 'ciLow' | 'ciHigh' | 'p' | 'significant' | 'shown'>;

export interface RobustnessEntry {
  /** Stable within a check: covariate set number and matching. */
  id: string;
  covariateSet: string;
  matching: MatchingSpec;
  /** The matching in words, e.g. "Radius, caliper 0.2 SD". */
  label: string;
  /** The analysis's own specification (its covariates and its matching). */
  own: boolean;
  treatment: { n: number; matched: number; notMatched: number };
  comparison: { records: number; effectiveSize: number };
  gate: MatchingQualityGate;
  measures: Record<HeadlineMeasure, RobustnessEstimate>;
}

export interface RobustnessCovariateSet extends CovariateSet {
  /** False when the set was not run; `note` says why. */
  run: boolean;
  note: string | null;
}

export interface AnalysisRobustness {
  analysis: string;
  covariateSets: RobustnessCovariateSet[];
  entries: RobustnessEntry[];
  summaries: Record<HeadlineMeasure, RobustnessSummary | null>;
}

export interface RobustnessTimings {
  /** Milliseconds spent preparing, coding and fitting score models and the shared balance figures (once per covariate set). */
  fit: number;
  /** Milliseconds spent matching, checking balance and estimating (once per specification). */
  specifications: number;
  total: number;
  /** Score models fitted (the run's own is reused when given). */
  fits: number;
}

export interface RobustnessSettings extends EstimateSettings {
  bands: Bands;
}

/**
 * The run's own records of the analysis: their score is the analysis's own covariate set's, reused rather than
 * fitted again (it is the same fit), once the rows are checked to be the run's.
 */
export interface RunReference {
  recordIds: readonly string[];
  treated: Uint8Array;
  score: Float64Array;
}

export class RobustnessDataChanged extends Error {
  readonly code = 'robustness_data_changed';
}

export class RobustnessSetInvalid extends Error {
  readonly code = 'robustness_invalid';
}

/** Progress in units: a score model counts as FIT_UNITS specifications (about what it costs at scale). */
export const FIT_UNITS = 5;
export type RobustnessProgress = (label: string, done: number, total: number) => void;

/** The matchings of one covariate set: the grid, with the analysis's own matching first when the grid lacks it. */
function matchingsOf(analysis: AnalysisSpec, ownSet: boolean): { matching: MatchingSpec; own: boolean }[] {
  const grid = gridMatchings().map((matching) => ({ matching, own: ownSet && sameMatching(matching, analysis.matching) }));
  if (!ownSet || grid.some((g) => g.own)) return grid;
  return [{ matching: analysis.matching, own: true }, ...grid];
}

/** Work units of a check, for one progress bar over several analyses. */
export function robustnessUnits(analysis: AnalysisSpec, extra: readonly CovariateSet[]): number {
  return covariateSets(analysis, extra).reduce((sum, _set, k) => sum + FIT_UNITS + matchingsOf(analysis, k === 0).length, 0);
}

function sameArray(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkReference(coded: CodedAnalysis, reference: RunReference): void {
  if (!sameArray(coded.recordIds, reference.recordIds) || !sameArray(coded.treated, reference.treated)) {
    throw new RobustnessDataChanged('The extract or the cohort step has changed since this run was made, so its robustness cannot be checked on the same data: run the analysis again, then check the new run.');
  }
}

const estimateOf = (m: MeasureResult): RobustnessEstimate => ({
  treatmentMean: m.treatmentMean,
  comparisonMean: m.comparisonMean,
  difference: m.difference,
  ciLow: m.ciLow,
  ciHigh: m.ciHigh,
  p: m.p,
  significant: m.significant,
  shown: m.shown,
});

const matchingKey = (m: MatchingSpec): string =>
  [m.method, m.method === 'nearest' ? `1:${m.ratio}${m.replace ? 'r' : ''}` : '', m.caliper ?? 'none', m.caliperUnit].join(':');

export function runRobustness(
  data: CohortData,
  analysis: AnalysisSpec,
  settings: RobustnessSettings,
  extra: readonly CovariateSet[],
  options: { reference?: RunReference; progress?: RobustnessProgress } = {},
): { result: AnalysisRobustness; timings: RobustnessTimings } {
  const progress = options.progress ?? (() => undefined);
  const total = robustnessUnits(analysis, extra);
  const timings: RobustnessTimings = { fit: 0, specifications: 0, total: 0, fits: 0 };
  const t0 = performance.now();
  let done = 0;
  const entries: RobustnessEntry[] = [];
  const sets: RobustnessCovariateSet[] = [];
  const seenColumns = new Map<string, string>();

  covariateSets(analysis, extra).forEach((set, k) => {
    const matchings = matchingsOf(analysis, k === 0);
    progress(`${analysis.name}, ${set.name}: fitting the score model`, done, total);
    const tFit = performance.now();
    let prepared;
    try {
      prepared = prepareAnalysis(data.table, data.treated, data.poolEligible, { ...analysis, covariates: set.covariates });
    } catch (err) {
      // prepareAnalysis names unknown covariates and the like: say which set they came from.
      throw new RobustnessSetInvalid(`Covariate set “${set.name}”: ${(err as Error).message}`);
    }
    const columns = JSON.stringify(prepared.covariates.map((c) => c.name).sort());
    const earlier = seenColumns.get(columns);
    if (earlier !== undefined) {
      sets.push({ ...set, run: false, note: `The same covariates as “${earlier}” in this analysis, so not run twice.` });
      done += FIT_UNITS + matchings.length;
      return;
    }
    seenColumns.set(columns, set.name);
    let scored: CodedAnalysis & { score: Float64Array; converged: boolean; iterations: number };
    if (k === 0 && options.reference) {
      const coded = codeAnalysis(prepared);
      checkReference(coded, options.reference);
      scored = { ...coded, score: options.reference.score, converged: true, iterations: 0 };
    } else {
      // Each IRLS iteration reports (so a cancel is heard during the fit, too); the bar moves on when it is done.
      const fitted = scoreAnalysis(prepared, () => progress(`${analysis.name}, ${set.name}: fitting the score model`, done, total));
      scored = { ...fitted, converged: fitted.model.converged, iterations: fitted.model.iterations };
      timings.fits++;
    }
    const poolOrder = poolOrderOf(scored);
    const basis = balanceBasis(scored.coded, scored.score, scored.treated);
    const rowOutcomes = outcomesOfRows(data.outcomes, tableRows(prepared, scored));
    timings.fit += performance.now() - tFit;
    done += FIT_UNITS;
    sets.push({ ...set, run: true, note: scored.converged ? null : `The score model did not converge in ${scored.iterations} iterations.` });

    for (const { matching, own } of matchings) {
      progress(`${analysis.name}, ${set.name}: ${matchingLabel(matching)}`, done, total);
      const tSpec = performance.now();
      const matched = matchScored(scored, matching, poolOrder);
      const sizes = groupSizes(scored.treated, matched);
      const groups = { treated: scored.treated, matchedTreated: matched.matchedTreated, weights: matched.weight };
      const balance = balanceAfter(basis, groups, settings.bands);
      const outcomes = computeHeadlineOutcomes({ outcomes: rowOutcomes, treated: matched.matchedTreated, weights: matched.weight }, settings);
      entries.push({
        id: `${k}:${matchingKey(matching)}`,
        covariateSet: set.name,
        matching,
        label: matchingLabel(matching),
        own,
        treatment: sizes.treatment,
        comparison: { records: sizes.comparison.records, effectiveSize: sizes.comparison.effectiveSize },
        gate: matchingQualityGate(balance, sizes.treatment.matched),
        measures: { rate: estimateOf(outcomes.rate), frequency: estimateOf(outcomes.frequency), daysToFirst: estimateOf(outcomes.daysToFirst) },
      });
      timings.specifications += performance.now() - tSpec;
      done++;
    }
  });
  progress(`${analysis.name}: done`, total, total);
  timings.total = performance.now() - t0;
  const summaries = Object.fromEntries(HEADLINE_MEASURES.map((m) => [m, summariseRobustness(entries, m)])) as AnalysisRobustness['summaries'];
  return { result: { analysis: analysis.name, covariateSets: sets, entries, summaries }, timings };
}
