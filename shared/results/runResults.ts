// What an analysis run produces: `results.json` of CLI.md (a contract: its field names stay; more
// may be added), also what the UI and the report read. Aggregates only: no record-level data.
import type { FunnelCount } from '../cohort/funnelSteps';
import type { Outcomes } from '../outcomes/computeOutcomes';
import type { BalanceRow } from '../engine/balance';
import type { ScoreHistogram } from '../engine/scoreHistogram';
import type { EngineCoefficient } from '../engine/runAnalysisEngine';
import type { AnalysisSpec, Spec } from '../engine/analysisSpec';
import type { GroupProfile } from '../cohort/treatmentProfile';
import type { Sensitivity } from '../sensitivity/analysisSensitivity';

export interface AnalysisResults {
  name: string;
  spec: AnalysisSpec;
  /** Single-sex analyses say "men"/"women" in the statements; null when both sexes are in it. */
  sex: 'M' | 'F' | null;
  treatment: {
    /** Matched treated people: the treatment group of this analysis. */
    n: number;
    reoffenders: number;
    /** Step 8 of the funnel: treated people the matching could not place. */
    notMatched: number;
    /** Treated people outside the analysis's pool filter (e.g. a men-only analysis). */
    outsideFilter: number;
  };
  comparison: { records: number; reoffenders: number; effectiveSize: number; poolRecords: number };
  model: {
    converged: boolean;
    iterations: number;
    droppedColumns: string[];
    /** Covariates that were constant in this analysis, or patterns that matched no column. */
    droppedCovariates: string[];
    separation: { fittedAtBounds: number; variables: string[] };
    problem: string | null;
    coefficients: EngineCoefficient[];
  };
  matching: { method: string; caliper: number | null; strata: string[] };
  balance: BalanceRow[];
  histogram: ScoreHistogram;
  outcomes: Outcomes;
  /** E-values and Rosenbaum bounds (METHOD.md section 11); absent from runs stored before they were computed. */
  sensitivity?: Sensitivity;
  /** A warning the report prints: e.g. fewer than 60 treated people. */
  warnings: string[];
}

export interface RunResults {
  runId: string;
  createdAt: string;
  engineVersion: string;
  spec: Spec;
  /** The cohort step's settings in force (extract date, windows). */
  cohortSettings: Record<string, unknown>;
  funnel: FunnelCount[];
  /** The treatment group's profile before any analysis, and the submitted-but-not-analysed one. */
  profile: { treatment: GroupProfile; notAnalysed: GroupProfile & { submittedNotAnalysed: number; withoutData: number; duplicates: number } };
  analyses: AnalysisResults[];
}
