// "How sure can we be?" beside an analysis's key findings (METHOD.md section 11): printed with each significant
// finding of the rate and the frequency (E-values), and for a 1:1 analysis without replacement with a significant
// rate, the matched pairs' Rosenbaum bounds (shared/results/sensitivityText.ts). Nothing when there is no such
// finding, or when the analysis's findings are withheld (its gate box says why).
import type { AnalysisResults } from '../results/runResults';
import { sensitivityItems } from '../results/sensitivityText';
import { SENSITIVITY_HEADING, SENSITIVITY_LEAD, SENSITIVITY_READING } from '../wording/sensitivitySentences';
import { escapeHtml as h } from './escapeHtml';

export function sensitivityBlock(a: AnalysisResults): string {
  const items = sensitivityItems(a, { significantOnly: true });
  if (items.length === 0) return '';
  // One block, kept on one page: the note says how to read the sentences above it.
  return `<div class="sensitivity-block"><h3>${h(SENSITIVITY_HEADING)}</h3>
<p>${h(SENSITIVITY_LEAD)}</p>
<ul class="sensitivity">${items.map((i) => `<li><strong>${h(i.label)}:</strong> ${h(i.sentence)}</li>`).join('')}</ul>
<p class="note">${h(SENSITIVITY_READING)}</p></div>`;
}
