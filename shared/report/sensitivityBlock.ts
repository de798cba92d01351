// "How sure can we be?" beside an analysis's key findings (METHOD.md section 11): printed with each significant
// finding of the rate and the frequency (E-values), and for a 1:1 analysis without replacement with a significant
// rate, the matched pairs' Rosenbaum bounds. Nothing when neither finding is significant.
import type { AnalysisResults } from '../results/runResults';
import { eValueSentence, rosenbaumSentence, SENSITIVITY_READING, type SensitivityMeasure } from '../wording/sensitivitySentences';
import { escapeHtml as h } from './escapeHtml';

const NAMES: Record<SensitivityMeasure, string> = { rate: 'Reoffending rate', frequency: 'Reoffending frequency' };

export function sensitivityBlock(a: AnalysisResults): string {
  const s = a.sensitivity;
  if (!s) return '';
  const items = (['rate', 'frequency'] as const)
    .filter((m) => a.outcomes[m].significant)
    .map((m) => [m, eValueSentence(m, s[m], true)] as const)
    .filter((x): x is readonly [SensitivityMeasure, string] => x[1] !== null)
    .map(([m, sentence]) => `<li><strong>${NAMES[m]}:</strong> ${h(sentence)}</li>`);
  if (s.rosenbaum && a.outcomes.rate.significant) items.push(`<li><strong>Matched pairs:</strong> ${h(rosenbaumSentence(s.rosenbaum))}</li>`);
  if (items.length === 0) return '';
  return `<h3>How sure can we be? Hidden differences between the groups</h3>
<p>Matching makes the groups alike in what was recorded, never in what was not, such as motivation to change.</p>
<ul class="sensitivity">${items.join('')}</ul>
<p class="note">${h(SENSITIVITY_READING)}</p>`;
}
