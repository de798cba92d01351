// What an analysis run produces: `results.json` of CLI.md (a contract: its field names stay; more
// may be added), also what the UI and the report read. Aggregates only: no record-level data.
import type { FunnelCount } from '../cohort/funnelSteps';
import type { Outcomes } from '../outcomes/computeOutcomes';
import type { BalanceRow } from '../engine/balance';
import type { ScoreHistogram } from '../engine/scoreHistogram';
import type { NumericDistribution } from '../engine/covariateDistribution';
import type { SampleSizes } from '../engine/sampleSizes';
import type { EngineCoefficient } from '../engine/runAnalysisEngine';
import type { AnalysisSpec, Spec } from '../engine/analysisSpec';
import type { GroupProfile } from '../cohort/treatmentProfile';
import type { Sensitivity } from '../sensitivity/analysisSensitivity';
import type { ParticipationPeriod } from '../cohort/participationPeriod';
import type { MatchingQualityGate } from '../engine/matchingQualityGate';
import type { Findings, Justification } from './analysisFindings';
import type { Notice } from '../wording/analysisNotices';

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
  /** MatchIt's sample-size summary; absent in runs stored before it was added. */
  sampleSizes?: SampleSizes;
  /** Numeric covariates' and the score's CDFs per group with the weighted KS after matching; absent in older runs. */
  distributions?: NumericDistribution[];
  histogram: ScoreHistogram;
  outcomes: Outcomes;
  /** E-values and Rosenbaum bounds (METHOD.md section 11); absent from runs stored before they were computed. */
  sensitivity?: Sensitivity;
  /** METHOD.md section 4a: whether the analysis passes the matching-quality gate, and why not. */
  matchingQuality: MatchingQualityGate;
  /** The analyst's reason for publishing an analysis that does not pass; null when none was recorded. */
  justification: Justification | null;
  /** What may be stated: none of it for an analysis that does not pass, unless justified. */
  findings: Findings;
  /** Every warning and caveat of the analysis, as the app and the report print them. */
  notices: Notice[];
}

/** What the engine computes for an analysis; the verdict (gate, findings, notices) is derived from it. */
export type AnalysisCore = Omit<AnalysisResults, 'matchingQuality' | 'justification' | 'findings' | 'notices'>;

export interface RunResults {
  runId: string;
  createdAt: string;
  engineVersion: string;
  spec: Spec;
  /** The cohort step's settings in force (extract date, windows). */
  cohortSettings: Record<string, unknown>;
  funnel: FunnelCount[];
  /** The treatment group's profile before any analysis, and the submitted-but-not-analysed one. */
  profile: {
    treatment: GroupProfile;
    notAnalysed: GroupProfile & { submittedNotAnalysed: number; withoutData: number; duplicates: number };
    /** When the treatment group took part (first and last start date); absent from older runs. */
    participation?: ParticipationPeriod | null;
  };
  analyses: AnalysisResults[];
}
