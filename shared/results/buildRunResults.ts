// One analysis run, from the cohort's arrays to results.json: for each analysis of the spec,
// prepare (pool filter, strata, covariates), score, match, balance (shared/engine), then the
// outcome estimates (shared/outcomes). Pure: the caller loads the data and stores the result.
import type { CohortTable } from '../engine/prepareAnalysis';
import { prepareAnalysis } from '../engine/prepareAnalysis';
import { runAnalysisEngine, tableRows, ENGINE_VERSION, type EnginePhase } from '../engine/runAnalysisEngine';
import type { Spec } from '../engine/analysisSpec';
import type { Column } from '../engine/column';
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
function singleSex(sex: Column | undefined, rows: Int32Array, inGroup: (k: number) => boolean): 'M' | 'F' | null {
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

/** Analysis `a` of the spec, from the cohort's arrays to its part of results.json and its record-level arrays. */
export function buildAnalysis(data: CohortData, spec: Spec, a: number, progress: RunProgress = () => undefined): BuiltAnalysis {
  const analysis = spec.analyses[a];
  progress(a, 'preparing', 0);
  const prepared = prepareAnalysis(data.table, data.treated, data.poolEligible, analysis);
  const engine = runAnalysisEngine({ ...prepared, bands: spec.bands }, (phase: EnginePhase, done, total) => progress(a, phase, total > 0 ? done / total : 0));
  progress(a, 'outcomes', 0);
  const rows = tableRows(prepared, engine);
  const rowOutcomes = outcomesOfRows(data.outcomes, rows);
  const outcomes = computeOutcomes(
    { outcomes: rowOutcomes, treated: engine.matchedTreated, weights: engine.weight },
    { alpha: spec.alpha, power: spec.power },
  );
  let treatedReoffenders = 0;
  let comparisonReoffenders = 0;
  let poolRecords = 0;
  for (let k = 0; k < rows.length; k++) {
    if (engine.matchedTreated[k]) treatedReoffenders += rowOutcomes.reoffended[k];
    if (!engine.treated[k]) {
      poolRecords++;
      if (engine.weight[k] > 0) comparisonReoffenders += rowOutcomes.reoffended[k];
    }
  }
  const inGroups = (k: number) => engine.matchedTreated[k] === 1 || (!engine.treated[k] && engine.weight[k] > 0);
  const core: AnalysisCore = {
    name: analysis.name,
    spec: analysis,
    sex: singleSex(data.table.columns.get('sex'), rows, inGroups),
    treatment: {
      n: engine.treatment.matched,
      reoffenders: treatedReoffenders,
      notMatched: engine.treatment.notMatched,
      outsideFilter: prepared.treatedOutsideFilter,
    },
    comparison: {
      records: engine.comparison.records,
      reoffenders: comparisonReoffenders,
      effectiveSize: engine.comparison.effectiveSize,
      poolRecords,
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
      poolInAnalysis: poolRecords,
      comparisonRecords: engine.comparison.records,
      comparisonEffective: engine.comparison.effectiveSize,
      poolOutsideFilter: prepared.poolOutsideFilter,
    }),
    distributions: engine.distributions,
    histogram: engine.histogram,
    outcomes,
    sensitivity: analysisSensitivity({ outcomes, matching: analysis.matching, pairs: engine.pairs, reoffended: rowOutcomes.reoffended, alpha: spec.alpha }),
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
