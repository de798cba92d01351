// One analysis through the engine: rows in record_id byte order, design, score model, matching, balance.
// Everything results.json needs for an analysis except the outcomes. Pure: no I/O, no clock other than the timings.
import type { Bands, MatchingSpec } from './analysisSpec';
import type { BalanceRow } from './balance';
import { balanceTable } from './balance';
import { byteOrderPermutation } from './byteOrder';
import { caliperWidth } from './caliper';
import type { Column } from './column';
import { codeCovariates } from './covariateCoding';
import { numericDistribution, type NumericDistribution } from './covariateDistribution';
import { buildDesign } from './designMatrix';
import { effectiveSampleSize } from './effectiveSampleSize';
import { kernelMatch } from './kernelMatch';
import { fitLogistic } from './logisticRegression';
import type { MatchResult } from './matchResult';
import { nearestMatch, type NearestResult } from './nearestMatch';
import type { EngineInput } from './prepareAnalysis';
import { radiusMatch } from './radiusMatch';
import type { ScoreHistogram } from './scoreHistogram';
import { scoreHistogram } from './scoreHistogram';
import { poolScoreOrder, strataCount } from './scoreOrder';

/** Version of the engine's method, stored with each run. */
export const ENGINE_VERSION = '1.0.0';

export const DEFAULT_BANDS: Bands = { well: 5, reasonably: 10 };

export type EnginePhase = 'order' | 'design' | 'fit' | 'match' | 'balance';

export interface EngineCoefficient {
  name: string;
  estimate: number;
  standardError: number | null;
  z: number | null;
}

export interface EngineModel {
  converged: boolean;
  iterations: number;
  deviance: number;
  /** Design columns dropped as collinear with earlier ones. */
  droppedColumns: string[];
  separation: { fittedAtBounds: number; variables: string[] };
  /** Why the fit stopped early, if it did. */
  problem: string | null;
  coefficients: EngineCoefficient[];
}

export interface EngineTimings {
  order: number;
  design: number;
  fit: number;
  match: number;
  balance: number;
  total: number;
}

export interface EngineResult {
  /** Rows in record_id byte order; the arrays below are parallel to it. */
  recordIds: string[];
  /** The input row of each of those rows; null when the input was already in record_id byte order (the usual case). */
  inputRows: Int32Array | null;
  treated: Uint8Array;
  /** Logit of the propensity score. */
  score: Float64Array;
  /** Treated: 1 matched, 0 not; pool: comparison weight, 0 when not in the comparison group. */
  weight: Float64Array;
  matchedTreated: Uint8Array;
  strata: Int32Array;
  strataLabels: string[];
  /** Caliper (bandwidth for kernel) in logit units; null for nearest neighbour without caliper. */
  caliper: number | null;
  /** See MatchResult.setTotal. */
  setTotal: Float64Array;
  /** Nearest neighbour: the pairs made (rows), kept because they depend on the order of turns. */
  pairs: { treated: Int32Array; control: Int32Array } | null;
  /** Pool rows by (stratum, score, row): the order every method matched in, kept for the matched-set views. */
  poolOrder: Int32Array;
  treatment: { n: number; matched: number; notMatched: number };
  comparison: { records: number; totalWeight: number; effectiveSize: number };
  model: EngineModel;
  balance: BalanceRow[];
  /** Each numeric (not 0/1) covariate's CDF per group and its KS statistic after matching; the score's last. */
  distributions: NumericDistribution[];
  histogram: ScoreHistogram;
  timings: EngineTimings;
}

export type EngineProgress = (phase: EnginePhase, done: number, total: number) => void;

function isIdentity(order: Int32Array): boolean {
  for (let k = 0; k < order.length; k++) if (order[k] !== k) return false;
  return true;
}

function permute<T extends Float64Array | Int32Array | Uint8Array>(values: T, order: Int32Array, out: T): T {
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}

function permuteColumn(column: Column, order: Int32Array): Column {
  if (column.kind === 'numeric') return { ...column, values: permute(column.values, order, new Float64Array(order.length)) };
  return { ...column, codes: permute(column.codes, order, new Int32Array(order.length)) };
}

type OrderedInput = Pick<EngineInput, 'recordIds' | 'treated' | 'strata' | 'covariates'> & { inputRows: Int32Array | null };

/** The input's rows in record_id byte order (the input itself when already in that order: nothing is modified). */
function inByteOrder(input: EngineInput): OrderedInput {
  const order = byteOrderPermutation(input.recordIds);
  if (isIdentity(order)) return { ...input, inputRows: null };
  const n = order.length;
  const recordIds = new Array<string>(n);
  for (let k = 0; k < n; k++) recordIds[k] = input.recordIds[order[k]];
  return {
    inputRows: order,
    recordIds,
    treated: permute(input.treated, order, new Uint8Array(n)),
    strata: permute(input.strata, order, new Int32Array(n)),
    covariates: input.covariates.map((c) => permuteColumn(c, order)),
  };
}

function runMatching(matching: MatchingSpec, score: Float64Array, treated: Uint8Array, strata: Int32Array): { result: MatchResult | NearestResult; caliper: number | null } {
  switch (matching.method) {
    case 'radius': {
      const caliper = caliperWidth(score, matching.caliper, matching.caliperUnit);
      return { result: radiusMatch(score, treated, strata, { caliper }), caliper };
    }
    case 'kernel': {
      const caliper = caliperWidth(score, matching.caliper, matching.caliperUnit);
      return { result: kernelMatch(score, treated, strata, { bandwidth: caliper }), caliper };
    }
    case 'nearest': {
      const caliper = matching.caliper === undefined ? null : caliperWidth(score, matching.caliper, matching.caliperUnit);
      return { result: nearestMatch(score, treated, strata, { ratio: matching.ratio, replace: matching.replace, caliper }), caliper };
    }
  }
}

const nullIfNaN = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function runAnalysisEngine(input: EngineInput & { bands?: Bands }, onProgress?: EngineProgress): EngineResult {
  const bands = input.bands ?? DEFAULT_BANDS;
  const t0 = performance.now();
  onProgress?.('order', 0, 1);
  const { recordIds, inputRows, treated, strata, covariates } = inByteOrder(input);
  const n = recordIds.length;
  onProgress?.('order', 1, 1);

  const t1 = performance.now();
  onProgress?.('design', 0, 1);
  const coded = codeCovariates(covariates, treated);
  const { design, droppedColumns } = buildDesign(coded, n);
  onProgress?.('design', 1, 1);

  const t2 = performance.now();
  const fit = fitLogistic(design, treated, { onIteration: (done, total) => onProgress?.('fit', done, total) });
  const score = fit.linearPredictor;

  const t3 = performance.now();
  onProgress?.('match', 0, 1);
  const { result: matched, caliper } = runMatching(input.matching, score, treated, strata);
  onProgress?.('match', 1, 1);

  const t4 = performance.now();
  onProgress?.('balance', 0, 1);
  const groups = { treated, matchedTreated: matched.matchedTreated, weights: matched.weights };
  const balance = balanceTable(coded, score, groups, bands);
  const distributions = coded.flatMap((c) => (c.kind === 'numeric' && !c.binary ? [numericDistribution(c.variable, c.values, c.missing, groups)] : []));
  distributions.push(numericDistribution('score', score, null, groups));
  const pool = Uint8Array.from(treated, (t) => 1 - t);
  let nTreated = 0, comparisonRecords = 0, totalWeight = 0;
  for (let i = 0; i < n; i++) {
    if (treated[i] === 1) nTreated++;
    else if (matched.weights[i] > 0) {
      comparisonRecords++;
      totalWeight += matched.weights[i];
    }
  }
  const histogram = scoreHistogram(score, treated, matched.matchedTreated, matched.weights);
  onProgress?.('balance', 1, 1);
  const t5 = performance.now();

  return {
    recordIds,
    inputRows,
    treated,
    score,
    weight: matched.weights,
    matchedTreated: matched.matchedTreated,
    setTotal: matched.setTotal,
    pairs: 'pairTreated' in matched ? { treated: matched.pairTreated, control: matched.pairControl } : null,
    poolOrder: poolScoreOrder(score, treated, strata, strataCount(strata)).rows,
    strata,
    strataLabels: input.strataLabels,
    caliper,
    treatment: { n: nTreated, matched: nTreated - matched.notMatched, notMatched: matched.notMatched },
    comparison: { records: comparisonRecords, totalWeight, effectiveSize: effectiveSampleSize(matched.weights, pool) },
    model: {
      converged: fit.converged,
      iterations: fit.iterations,
      deviance: fit.deviance,
      droppedColumns,
      separation: fit.separation,
      problem: fit.problem,
      coefficients: fit.names.map((name, j) => ({
        name,
        estimate: fit.coefficients[j],
        standardError: nullIfNaN(fit.standardErrors[j]),
        z: nullIfNaN(fit.zValues[j]),
      })),
    },
    balance,
    distributions,
    histogram,
    timings: { order: t1 - t0, design: t2 - t1, fit: t3 - t2, match: t4 - t3, balance: t5 - t4, total: t5 - t0 },
  };
}
