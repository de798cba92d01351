// One analysis run, from the cohort's arrays to results.json: for each analysis of the spec,
// prepare (pool filter, strata, covariates), score, match, balance (shared/engine), then the
// outcome estimates (shared/outcomes). Pure: the caller loads the data and stores the result.
import type { CohortTable, PreparedAnalysis } from '../engine/prepareAnalysis';
import { prepareAnalysis } from '../engine/prepareAnalysis';
import { runAnalysisEngine, tableRows, ENGINE_VERSION, type EnginePhase, type EngineResult, type MatchedAt } from '../engine/runAnalysisEngine';
import type { Spec } from '../engine/analysisSpec';
import type { TableColumn } from '../engine/column';
import { outcomesOfRows, type RecordOutcomes } from '../cohort/recordOutcomes';
import type { FunnelCount } from '../cohort/funnelSteps';
import { computeOutcomes } from '../outcomes/computeOutcomes';
import { analysisSensitivity } from '../sensitivity/analysisSensitivity';
import { sampleSizes } from '../engine/sampleSizes';
import type { StoredMatch } from '../engine/matchedSets';
import type { AnalysisCore, RunResults } from './runResults';
import { completeRun } from './completeRun';

export interface CohortData {
  table: CohortTable;
  /** 1 for a record of the treatment group (after funnel steps 1-7). */
  treated: Uint8Array;
  /** 1 for a record that may join a comparison pool. */
  poolEligible: Uint8Array;
  outcomes: RecordOutcomes;
}

export interface RunContext {
  runId: string;
  createdAt: string;
  cohortSettings: Record<string, unknown>;
  funnel: FunnelCount[];
  profile: RunResults['profile'];
}

/** What a run keeps per analysis at record level: scores, weights and what the matched sets are read back from. */
export type AnalysisRecords = StoredMatch;

/** What an analysis run is doing: analysis `analysis` (0-based, in spec order) is at `step`, `fraction` of it done. */
export type RunStep = 'preparing' | EnginePhase | 'outcomes';
export type RunProgress = (analysis: number, step: RunStep, fraction: number) => void;

/** 'M' or 'F' when everyone in the treatment and comparison groups is of that sex; else null. */
function singleSex(sex: TableColumn | undefined, rows: Int32Array, inGroup: (k: number) => boolean): 'M' | 'F' | null {
  if (!sex || sex.kind !== 'categorical') return null;
  let seen: string | null = null;
  for (let k = 0; k < rows.length; k++) {
    if (!inGroup(k)) continue;
    const code = sex.codes[rows[k]];
    const level = code < 0 ? null : sex.levels[code];
    if (level !== 'M' && level !== 'F') return null;
    if (seen === null) seen = level;
    else if (seen !== level) return null;
  }
  return seen as 'M' | 'F' | null;
}

/** One analysis of a run, built on its own: analyses share nothing but the cohort's data, so they may run in any order, or side by side. */
export interface BuiltAnalysis {
  core: AnalysisCore;
  records: AnalysisRecords;
}

/**
 * What an analysis's outcome part and its matches file read of its matching: the cohort table's row of each analysis
 * row (in the engine's record_id order) and the groups made. Typed arrays only, so that they can be handed to another
 * thread (electron/jobs/analysisTail.ts).
 */
export interface MatchedRows extends Omit<MatchedAt, 'inputRows'> {
  rows: Int32Array;
}

/** The part of an analysis that reads only its matching and the cohort's outcomes (METHOD.md sections 5-7 and 11). */
export interface OutcomePart {
  outcomes: AnalysisCore['outcomes'];
  sensitivity: AnalysisCore['sensitivity'];
  sex: AnalysisCore['sex'];
  treatedReoffenders: number;
  comparisonReoffenders: number;
  poolRecords: number;
}

/** Analysis `a`'s outcome part from its matched rows: the same on whichever thread it is computed. */
export function outcomePart(data: CohortData, spec: Spec, a: number, m: MatchedRows): OutcomePart {
  const rowOutcomes = outcomesOfRows(data.outcomes, m.rows);
  const outcomes = computeOutcomes({ outcomes: rowOutcomes, treated: m.matchedTreated, weights: m.weight }, { alpha: spec.alpha, power: spec.power });
  let treatedReoffenders = 0;
  let comparisonReoffenders = 0;
  let poolRecords = 0;
  for (let k = 0; k < m.rows.length; k++) {
    if (m.matchedTreated[k]) treatedReoffenders += rowOutcomes.reoffended[k];
    if (!m.treated[k]) {
      poolRecords++;
      if (m.weight[k] > 0) comparisonReoffenders += rowOutcomes.reoffended[k];
    }
  }
  const inGroups = (k: number) => m.matchedTreated[k] === 1 || (!m.treated[k] && m.weight[k] > 0);
  return {
    outcomes,
    sensitivity: analysisSensitivity({ outcomes, matching: spec.analyses[a].matching, pairs: m.pairs, reoffended: rowOutcomes.reoffended, alpha: spec.alpha }),
    sex: singleSex(data.table.columns.get('sex'), m.rows, inGroups),
    treatedReoffenders,
    comparisonReoffenders,
    poolRecords,
  };
}

/** An analysis up to its outcome part: prepared, scored, matched, balanced. */
export interface EngineStage {
  prepared: PreparedAnalysis;
  engine: EngineResult;
  matched: MatchedRows;
}

/**
 * Prepare (pool filter, strata, covariates) and the engine (score, match, balance) of analysis `a`. `onMatched` is
 * told the matched rows as soon as the matching is made, before the balance table, so that the outcome part can
 * start elsewhere.
 */
export function analysisEngineStage(data: CohortData, spec: Spec, a: number, progress: RunProgress = () => undefined, onMatched?: (m: MatchedRows) => void): EngineStage {
  const analysis = spec.analyses[a];
  progress(a, 'preparing', 0);
  const prepared = prepareAnalysis(data.table, data.treated, data.poolEligible, analysis);
  // runAnalysisEngine reports every matching it makes, so `matched` is set once it returns.
  let matched!: MatchedRows;
  const engine = runAnalysisEngine(
    { ...prepared, bands: spec.bands },
    (phase: EnginePhase, done, total) => progress(a, phase, total > 0 ? done / total : 0),
    ({ inputRows, ...m }) => {
      matched = { ...m, rows: tableRows(prepared, { inputRows }) };
      onMatched?.(matched);
    },
  );
  return { prepared, engine, matched };
}

/** The analysis from its engine stage and its outcome part. */
export function assembleAnalysis(spec: Spec, a: number, { prepared, engine }: EngineStage, part: OutcomePart): BuiltAnalysis {
  const analysis = spec.analyses[a];
  const core: AnalysisCore = {
    name: analysis.name,
    spec: analysis,
    sex: part.sex,
    treatment: {
      n: engine.treatment.matched,
      reoffenders: part.treatedReoffenders,
      notMatched: engine.treatment.notMatched,
      outsideFilter: prepared.treatedOutsideFilter,
    },
    comparison: {
      records: engine.comparison.records,
      reoffenders: part.comparisonReoffenders,
      effectiveSize: engine.comparison.effectiveSize,
      poolRecords: part.poolRecords,
    },
    model: {
      converged: engine.model.converged,
      iterations: engine.model.iterations,
      droppedColumns: engine.model.droppedColumns,
      droppedCovariates: [...prepared.droppedConstant, ...prepared.emptyPatterns],
      separation: engine.model.separation,
      problem: engine.model.problem,
      coefficients: engine.model.coefficients,
    },
    matching: { method: analysis.matching.method, caliper: engine.caliper, strata: engine.strataLabels },
    balance: engine.balance,
    sampleSizes: sampleSizes({
      treatedInAnalysis: engine.treatment.n,
      treatedMatched: engine.treatment.matched,
      treatedOutsideFilter: prepared.treatedOutsideFilter,
      poolInAnalysis: part.poolRecords,
      comparisonRecords: engine.comparison.records,
      comparisonEffective: engine.comparison.effectiveSize,
      poolOutsideFilter: prepared.poolOutsideFilter,
    }),
    distributions: engine.distributions,
    histogram: engine.histogram,
    outcomes: part.outcomes,
    sensitivity: part.sensitivity,
  };
  const records: AnalysisRecords = {
    recordIds: engine.recordIds,
    treated: engine.treated,
    score: engine.score,
    weight: engine.weight,
    strata: engine.strata,
    setTotal: engine.setTotal,
    pairs: engine.pairs,
    poolOrder: engine.poolOrder,
    outsideFilterIds: prepared.treatedOutsideFilterIds,
  };
  return { core, records };
}

/** Analysis `a` of the spec, from the cohort's arrays to its part of results.json and its record-level arrays. */
export function buildAnalysis(data: CohortData, spec: Spec, a: number, progress: RunProgress = () => undefined): BuiltAnalysis {
  const stage = analysisEngineStage(data, spec, a, progress);
  progress(a, 'outcomes', 0);
  return assembleAnalysis(spec, a, stage, outcomePart(data, spec, a, stage.matched));
}

/** The run from its analyses, given in the spec's order. */
export function assembleRun(spec: Spec, context: RunContext, built: readonly BuiltAnalysis[]): { results: RunResults; records: Map<string, AnalysisRecords> } {
  const results: RunResults = completeRun({
    runId: context.runId,
    createdAt: context.createdAt,
    engineVersion: ENGINE_VERSION,
    spec,
    cohortSettings: context.cohortSettings,
    funnel: context.funnel,
    profile: context.profile,
    analyses: built.map((b) => b.core),
  });
  return { results, records: new Map(built.map((b) => [b.core.name, b.records])) };
}

export function buildRunResults(
  data: CohortData,
  spec: Spec,
  context: RunContext,
  progress: RunProgress = () => undefined,
): { results: RunResults; records: Map<string, AnalysisRecords> } {
  return assembleRun(spec, context, spec.analyses.map((_, a) => buildAnalysis(data, spec, a, progress)));
}
