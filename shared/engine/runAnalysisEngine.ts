// One analysis through the engine: rows in record_id byte order, design, score model, matching, balance.
// Everything results.json needs for an analysis except the outcomes. Pure: no I/O, no clock other than the timings.
import type { Bands, MatchingSpec } from './analysisSpec';
import type { BalanceRow } from './balance';
import { balanceTable } from './balance';
import { byteOrderPermutation } from './byteOrder';
import { caliperWidth } from './caliper';
import type { Column } from './column';
import { codeCovariates, type CodedCovariate, type CodedNumeric } from './covariateCoding';
import { numericDistribution, type NumericDistribution } from './covariateDistribution';
import { buildDesign } from './designMatrix';
import { effectiveSampleSize } from './effectiveSampleSize';
import { kernelMatch } from './kernelMatch';
import { fitLogistic } from './logisticRegression';
import { nearestMatch } from './nearestMatch';
import type { EngineInput, PreparedAnalysis } from './prepareAnalysis';
import { radiusMatch } from './radiusMatch';
import type { ScoreHistogram } from './scoreHistogram';
import { poolScoreOrder, rowsByScore, strataCount, type ScoreOrder } from './scoreOrder';
import { scoreHistogram } from './scoreHistogram';

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
  /** The input row of each row. */
  inputRows: Int32Array;
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

/** An analysis as soon as it is matched (before its balance table): what its outcomes, matches file and stored records read. */
export type MatchedAt = Pick<EngineResult, 'inputRows' | 'treated' | 'score' | 'matchedTreated' | 'weight' | 'pairs' | 'caliper' | 'setTotal' | 'poolOrder' | 'strata'>;

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

/**
 * The input's rows in record_id byte order (the input's arrays themselves when already in that order: nothing is
 * modified), and the input row of each (the order).
 */
function inByteOrder(input: EngineInput): { recordIds: string[]; treated: Uint8Array; strata: Int32Array; covariates: Column[]; order: Int32Array } {
  const order = byteOrderPermutation(input.recordIds);
  if (isIdentity(order)) return { ...input, order };
  const n = order.length;
  const recordIds = new Array<string>(n);
  for (let k = 0; k < n; k++) recordIds[k] = input.recordIds[order[k]];
  return {
    recordIds,
    treated: permute(input.treated, order, new Uint8Array(n)),
    strata: permute(input.strata, order, new Int32Array(n)),
    covariates: input.covariates.map((c) => permuteColumn(c, order)),
    order,
  };
}

/** The rows of one analysis in byte order with their coded covariates: what a score model and a balance table start from. */
export interface CodedAnalysis {
  recordIds: string[];
  /** The input row of each row (the byte-order permutation of the input). */
  inputRows: Int32Array;
  treated: Uint8Array;
  strata: Int32Array;
  strataLabels: string[];
  coded: CodedCovariate[];
}

/** The score of one analysis: its coded rows and the fitted model. */
export interface ScoredAnalysis extends CodedAnalysis {
  /** Logit of the propensity score. */
  score: Float64Array;
  model: EngineModel;
  timings: Pick<EngineTimings, 'order' | 'design' | 'fit'>;
}

/** What a matching needs of a scored analysis. */
export type MatchInput = Pick<ScoredAnalysis, 'score' | 'treated' | 'strata'>;

/** The groups one matching method makes from a score. */
export interface MatchedGroups {
  /** Treated: 1 matched, 0 not; pool: comparison weight. */
  weight: Float64Array;
  matchedTreated: Uint8Array;
  notMatched: number;
  /** Caliper (bandwidth for kernel) in logit units; null for nearest neighbour without caliper. */
  caliper: number | null;
  /** See MatchResult.setTotal. */
  setTotal: Float64Array;
  /** The matched pairs of nearest-neighbour matching (rows), in the order they were made; null for other methods. */
  pairs: { treated: Int32Array; control: Int32Array } | null;
}

const nullIfNaN = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The input's rows in byte order, with the covariates coded as the design and the balance table use them. */
export function codeAnalysis(input: EngineInput, onProgress?: EngineProgress): CodedAnalysis & { timings: Pick<EngineTimings, 'order' | 'design'> } {
  const t0 = performance.now();
  onProgress?.('order', 0, 1);
  const { recordIds, treated, strata, covariates, order } = inByteOrder(input);
  onProgress?.('order', 1, 1);
  const t1 = performance.now();
  onProgress?.('design', 0, 1);
  const coded = codeCovariates(covariates, treated);
  const t2 = performance.now();
  return { recordIds, inputRows: order, treated, strata, strataLabels: input.strataLabels, coded, timings: { order: t1 - t0, design: t2 - t1 } };
}

/** The cohort table's row of each row of a coded analysis, through its input's rows (no lookup by record id). */
export function tableRows(prepared: Pick<PreparedAnalysis, 'rows'>, coded: Pick<CodedAnalysis, 'inputRows'>): Int32Array {
  const rows = new Int32Array(coded.inputRows.length);
  for (let k = 0; k < rows.length; k++) rows[k] = prepared.rows[coded.inputRows[k]];
  return rows;
}

/** Order, design and score model: the part of an analysis that depends on the covariates, not on the matching. */
export function scoreAnalysis(input: EngineInput, onProgress?: EngineProgress): ScoredAnalysis {
  const { timings: codingTimings, ...codedAnalysis } = codeAnalysis(input, onProgress);
  const { treated, coded } = codedAnalysis;
  const t1 = performance.now();
  const { design, droppedColumns, first } = buildDesign(coded, treated);
  onProgress?.('design', 1, 1);

  const t2 = performance.now();
  const fit = fitLogistic(design, treated, { first, onIteration: (done, total) => onProgress?.('fit', done, total) });
  const t3 = performance.now();
  return {
    ...codedAnalysis,
    score: fit.linearPredictor,
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
    timings: { order: codingTimings.order, design: codingTimings.design + (t2 - t1), fit: t3 - t2 },
  };
}

/**
 * The pool's (stratum, score, row) order of a score: computed once, shared by every matching of that score.
 * `byScore`: every row in (score, row) order, when the caller has sorted them (rowsByScore).
 */
export function poolOrderOf(scored: MatchInput, byScore?: Int32Array): ScoreOrder {
  return poolScoreOrder(scored.score, scored.treated, scored.strata, strataCount(scored.strata), byScore);
}

/** One matching method applied to a score (METHOD.md section 3). */
export function matchScored(scored: MatchInput, matching: MatchingSpec, poolOrder: ScoreOrder = poolOrderOf(scored)): MatchedGroups {
  const { score, treated, strata } = scored;
  switch (matching.method) {
    case 'radius': {
      const caliper = caliperWidth(score, matching.caliper, matching.caliperUnit);
      const r = radiusMatch(score, treated, strata, { caliper, poolOrder });
      return { weight: r.weights, matchedTreated: r.matchedTreated, notMatched: r.notMatched, setTotal: r.setTotal, caliper, pairs: null };
    }
    case 'kernel': {
      const caliper = caliperWidth(score, matching.caliper, matching.caliperUnit);
      const r = kernelMatch(score, treated, strata, { bandwidth: caliper, poolOrder });
      return { weight: r.weights, matchedTreated: r.matchedTreated, notMatched: r.notMatched, setTotal: r.setTotal, caliper, pairs: null };
    }
    case 'nearest': {
      const caliper = matching.caliper === undefined ? null : caliperWidth(score, matching.caliper, matching.caliperUnit);
      const r = nearestMatch(score, treated, strata, { ratio: matching.ratio, replace: matching.replace, caliper, poolOrder });
      return { weight: r.weights, matchedTreated: r.matchedTreated, notMatched: r.notMatched, setTotal: r.setTotal, caliper, pairs: { treated: r.pairTreated, control: r.pairControl } };
    }
  }
}

/** Numbers of treated, matched treated, comparison records and their total weight and effective size. */
export function groupSizes(treated: Uint8Array, matched: MatchedGroups): Pick<EngineResult, 'treatment' | 'comparison'> {
  let nTreated = 0, comparisonRecords = 0, totalWeight = 0;
  for (let i = 0; i < treated.length; i++) {
    if (treated[i] === 1) nTreated++;
    else if (matched.weight[i] > 0) {
      comparisonRecords++;
      totalWeight += matched.weight[i];
    }
  }
  // A plain loop: Uint8Array.from with a map function costs a call per row (seconds over a robustness grid).
  const pool = new Uint8Array(treated.length);
  for (let i = 0; i < treated.length; i++) pool[i] = 1 - treated[i];
  return {
    treatment: { n: nTreated, matched: nTreated - matched.notMatched, notMatched: matched.notMatched },
    comparison: { records: comparisonRecords, totalWeight, effectiveSize: effectiveSampleSize(matched.weight, pool) },
  };
}

/** `onMatched`: told the matching as soon as it is made, so that work reading only the matching can start elsewhere. */
export function runAnalysisEngine(input: EngineInput & { bands?: Bands }, onProgress?: EngineProgress, onMatched?: (m: MatchedAt) => void): EngineResult {
  const bands = input.bands ?? DEFAULT_BANDS;
  const scored = scoreAnalysis(input, onProgress);
  const { treated, score } = scored;

  const t3 = performance.now();
  // Progress after each part of these phases too: each report is a cancel point, and a national pool's balance
  // phase takes about a second, longer on a loaded machine.
  onProgress?.('match', 0, 2);
  // One sort of the score serves the pool order and the score's distribution.
  const byScore = rowsByScore(score);
  const poolOrder = poolOrderOf(scored, byScore);
  onProgress?.('match', 1, 2);
  const matched = matchScored(scored, input.matching, poolOrder);
  onProgress?.('match', 2, 2);
  onMatched?.({
    inputRows: scored.inputRows,
    treated,
    score,
    matchedTreated: matched.matchedTreated,
    weight: matched.weight,
    pairs: matched.pairs,
    caliper: matched.caliper,
    setTotal: matched.setTotal,
    poolOrder: poolOrder.rows,
    strata: scored.strata,
  });

  const t4 = performance.now();
  const numeric = scored.coded.filter((c): c is CodedNumeric => c.kind === 'numeric' && !c.binary);
  const balanceSteps = numeric.length + 2;
  onProgress?.('balance', 0, balanceSteps);
  const groups = { treated, matchedTreated: matched.matchedTreated, weights: matched.weight };
  const balance = balanceTable(scored.coded, score, groups, bands);
  onProgress?.('balance', 1, balanceSteps);
  const distributions = numeric.map((c, k) => {
    const d = numericDistribution(c.variable, c.values, c.missing, groups);
    onProgress?.('balance', 2 + k, balanceSteps);
    return d;
  });
  distributions.push(numericDistribution('score', score, null, groups, byScore));
  const sizes = groupSizes(treated, matched);
  const histogram = scoreHistogram(score, treated, matched.matchedTreated, matched.weight);
  onProgress?.('balance', balanceSteps, balanceSteps);
  const t5 = performance.now();

  const { order, design, fit } = scored.timings;
  return {
    recordIds: scored.recordIds,
    inputRows: scored.inputRows,
    treated,
    score,
    weight: matched.weight,
    matchedTreated: matched.matchedTreated,
    setTotal: matched.setTotal,
    pairs: matched.pairs,
    poolOrder: poolOrder.rows,
    strata: scored.strata,
    strataLabels: scored.strataLabels,
    caliper: matched.caliper,
    ...sizes,
    model: scored.model,
    balance,
    distributions,
    histogram,
    timings: { order, design, fit, match: t4 - t3, balance: t5 - t4, total: order + design + fit + (t5 - t3) },
  };
}
