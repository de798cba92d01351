// The text of an analysis's key findings (reference report, pages 1-3; METHOD.md section 9), built once for the
// app's Results tab and the report: "For any 100 typical people" for both groups, the overall estimates and the
// sample size needed. "What you can say" and the significant results are in `findings` (METHOD.md 4a).
import { ROUNDING_NOTE, roundingDisagrees } from '../format/numberFormat';
import { per100Scale, type HeadlineMeasure } from '../wording/headlineMeasure';
import { overallEstimateSentence, overallEstimatesHeading } from '../wording/overallEstimates';
import { sampleSizeSentence } from '../wording/sampleSizeSentence';
import { subjectNouns } from '../wording/subjectNouns';
import { typicalHundredHeading, typicalHundredSentence, type Group } from '../wording/typicalHundred';
import { shownHeadlineMeasures } from './analysisFindings';
import type { AnalysisResults } from './runResults';

export interface KeyFindingsText {
  typical: Record<Group, { heading: string; sentences: string[] }>;
  /** Said when the rounded figures of the two groups do not differ by the rounded difference said. */
  roundingNote: string | null;
  estimatesHeading: string;
  /** One per headline measure shown: its sentence, or why there is none. */
  estimates: { measure: HeadlineMeasure; sentence: string }[];
  sampleSize: string | null;
}

const MEASURE_NAMES: Record<HeadlineMeasure, string> = {
  rate: 'One-year reoffending rate',
  frequency: 'One-year reoffending frequency',
  daysToFirst: 'Time to first reoffence',
};

export function keyFindingsText(a: AnalysisResults): KeyFindingsText {
  const nouns = subjectNouns(a.sex);
  const shown = shownHeadlineMeasures(a.outcomes);
  const group = (g: Group) => ({
    heading: typicalHundredHeading(g, nouns),
    sentences: shown.map((m) => typicalHundredSentence(m, g, a.outcomes[m], nouns)).filter((s): s is string => s !== null),
  });
  const disagrees = shown.some((m) => {
    const x = a.outcomes[m];
    return x.treatmentMean !== null && x.comparisonMean !== null && roundingDisagrees(x.treatmentMean, x.comparisonMean, per100Scale(m), 0);
  });
  return {
    typical: { treatment: group('treatment'), comparison: group('comparison') },
    roundingNote: disagrees ? ROUNDING_NOTE : null,
    estimatesHeading: overallEstimatesHeading(nouns),
    estimates: shown.map((m) => ({
      measure: m,
      sentence:
        overallEstimateSentence(m, a.outcomes[m], nouns, a.findings.publishable) ??
        `${MEASURE_NAMES[m]}: ${a.outcomes[m].unavailableReason ?? 'no confidence interval could be computed.'}`,
    })),
    sampleSize: sampleSizeSentence(a.outcomes.rate, nouns),
  };
}
