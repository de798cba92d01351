// The summary of a robustness check for one measure (METHOD.md section 12): among the specifications that pass
// the matching-quality gate, in how many the estimate points the same way as the analysis's own, and how many of
// those are significant.
import type { HeadlineMeasure } from '../wording/headlineMeasure';
import type { RobustnessEntry } from './runRobustness';

export interface RobustnessSummary {
  /** Sign of the analysis's own estimate: 1 higher, -1 lower, 0 no difference. */
  direction: -1 | 0 | 1;
  /** Specifications with an estimate of this measure (those where the measure is shown). */
  specifications: number;
  /** Y: those that pass the matching-quality gate. */
  passing: number;
  /** X: of those, the ones whose estimate has the own estimate's sign. */
  holding: number;
  /** Z: of the X, the significant ones. */
  significant: number;
  /** Passing specifications significant in the other direction (a warning sign worth saying). */
  significantOpposite: number;
}

/** Null when the analysis's own specification has no estimate of the measure (e.g. time left out for low numbers). */
export function summariseRobustness(entries: readonly RobustnessEntry[], measure: HeadlineMeasure): RobustnessSummary | null {
  const own = entries.find((e) => e.own)?.measures[measure];
  if (!own || !own.shown || own.difference === null) return null;
  const direction = Math.sign(own.difference) as -1 | 0 | 1;
  const withEstimate = entries.filter((e) => e.measures[measure].shown && e.measures[measure].difference !== null);
  const passing = withEstimate.filter((e) => e.gate.passes);
  const sign = (e: RobustnessEntry) => Math.sign(e.measures[measure].difference!);
  const holding = passing.filter((e) => sign(e) === direction);
  return {
    direction,
    specifications: withEstimate.length,
    passing: passing.length,
    holding: holding.length,
    significant: holding.filter((e) => e.measures[measure].significant).length,
    significantOpposite: passing.filter((e) => e.measures[measure].significant && sign(e) !== direction).length,
  };
}
