// "How sure can we be?" of one analysis (METHOD.md section 11), built once for the app's Results tab and the
// report: a sentence per headline measure and one for the matched pairs. Like every finding it follows the
// matching-quality gate (METHOD.md 4a): an analysis whose findings are withheld says nothing about hidden bias,
// since its groups already differ in what was recorded.
import type { AnalysisResults } from './runResults';
import { eValueSentence, rosenbaumSentence, type SensitivityMeasure } from '../wording/sensitivitySentences';

export type SensitivityKey = SensitivityMeasure | 'pairs';

export interface SensitivityItem {
  key: SensitivityKey;
  label: string;
  sentence: string;
}

export const SENSITIVITY_LABELS: Record<SensitivityKey, string> = {
  rate: 'Reoffending rate',
  frequency: 'Reoffending frequency',
  pairs: 'Matched pairs',
};

/**
 * The sentences to print; empty when the findings are withheld or the run has no sensitivity figures. The report
 * prints them only with a significant finding (`significantOnly`, as METHOD.md 11 says); the app also says why a
 * result that is not significant has nothing to explain away.
 */
export function sensitivityItems(a: AnalysisResults, { significantOnly }: { significantOnly: boolean }): SensitivityItem[] {
  const s = a.sensitivity;
  if (!s || !a.findings.publishable) return [];
  const items: SensitivityItem[] = [];
  for (const m of ['rate', 'frequency'] as const) {
    const { shown, significant } = a.outcomes[m];
    if (!shown || (significantOnly && !significant)) continue;
    const sentence = eValueSentence(m, s[m], significant);
    if (sentence !== null) items.push({ key: m, label: SENSITIVITY_LABELS[m], sentence });
  }
  if (s.rosenbaum && a.outcomes.rate.shown && (!significantOnly || a.outcomes.rate.significant)) {
    items.push({ key: 'pairs', label: SENSITIVITY_LABELS.pairs, sentence: rosenbaumSentence(s.rosenbaum) });
  }
  return items;
}
