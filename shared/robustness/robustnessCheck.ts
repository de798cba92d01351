// A stored robustness check of a run: `robustness.json` of CLI.md (aggregates only).
import type { AnalysisRobustness } from './runRobustness';
import type { CovariateSet } from './robustnessGrid';

export interface RobustnessCheck {
  runId: string;
  checkedAt: string;
  engineVersion: string;
  /** The run's significance level, which the specifications' "significant" uses. */
  alpha: number;
  /** The covariate sets the analyst added (the analysis's own and "without OASys items" are always run). */
  addedCovariateSets: CovariateSet[];
  analyses: AnalysisRobustness[];
}
