// The key findings of one analysis (reference report, pages 1-3): summary, "For any 100 typical people", overall
// estimates, the sample size needed, how sure we can be (sensitivity to hidden differences), and what you can and
// cannot say. Every sentence comes from shared/wording.
import { ROUNDING_NOTE, roundingDisagrees } from '../format/numberFormat';
import type { MeasureResult } from '../outcomes/computeOutcomes';
import type { AnalysisResults } from '../results/runResults';
import { per100Scale, type HeadlineMeasure } from '../wording/headlineMeasure';
import { overallEstimateSentence, overallEstimatesHeading } from '../wording/overallEstimates';
import { sampleSizeSentence } from '../wording/sampleSizeSentence';
import { subjectNouns } from '../wording/subjectNouns';
import { typicalHundredHeading, typicalHundredSentence, type Group } from '../wording/typicalHundred';
import { whatYouCanSay, whatYouCanSayHeading, whatYouCannotSay, whatYouCannotSayHeading } from '../wording/whatYouCanSay';
import { escapeHtml as h } from './escapeHtml';
import { summaryParagraphs } from './summaryParagraphs';
import { sensitivityBlock } from './sensitivityBlock';

const HEADLINE_MEASURES: HeadlineMeasure[] = ['rate', 'frequency', 'daysToFirst'];

const MEASURE_NAMES: Record<HeadlineMeasure, string> = {
  rate: 'One-year reoffending rate',
  frequency: 'One-year reoffending frequency',
  daysToFirst: 'Time to first reoffence',
};

/** The headline measures that pass the reporting gates (time to first reoffence needs 30 reoffenders). */
function shownMeasures(a: AnalysisResults): HeadlineMeasure[] {
  return HEADLINE_MEASURES.filter((m) => a.outcomes[m].shown);
}

function hiddenNotes(a: AnalysisResults): string {
  return HEADLINE_MEASURES.filter((m) => !a.outcomes[m].shown)
    .map((m) => `<p class="note">${h(a.outcomes[m].hiddenReason ?? '')}</p>`)
    .join('');
}

function typicalBlock(a: AnalysisResults, group: Group): string {
  const nouns = subjectNouns(a.sex);
  const items = shownMeasures(a)
    .map((m) => typicalHundredSentence(m, group, a.outcomes[m], nouns))
    .filter((s): s is string => s !== null)
    .map((s) => `<li>${h(s)}</li>`)
    .join('');
  return `<div class="group-card ${group}"><h4>${h(typicalHundredHeading(group, nouns))}</h4><ul>${items}</ul></div>`;
}

/** The rounded per-100 figures of the two groups may not differ by the rounded difference the sentence says. */
function typicalRoundingNote(a: AnalysisResults): string {
  const disagrees = shownMeasures(a).some((m) => {
    const x: MeasureResult = a.outcomes[m];
    return x.treatmentMean !== null && x.comparisonMean !== null && roundingDisagrees(x.treatmentMean, x.comparisonMean, per100Scale(m), 0);
  });
  return disagrees ? `<p class="note">${h(ROUNDING_NOTE)}</p>` : '';
}

/** The bound figures (after "could be") are bold, as in the reference; the significance sentence is not. */
function estimateItem(sentence: string): string {
  const at = sentence.indexOf(' could be ');
  if (at < 0) return `<li>${h(sentence)}</li>`;
  const head = sentence.slice(0, at + ' could be '.length);
  const rest = sentence.slice(head.length);
  const end = rest.indexOf('. ');
  const bold = end < 0 ? rest : rest.slice(0, end + 1);
  const tail = end < 0 ? '' : rest.slice(end + 1);
  return `<li>${h(head)}<strong>${h(bold)}</strong>${h(tail)}</li>`;
}

function overallEstimates(a: AnalysisResults): string {
  const nouns = subjectNouns(a.sex);
  const items = shownMeasures(a)
    .map((m) => {
      const sentence = overallEstimateSentence(m, a.outcomes[m], nouns);
      return sentence === null ? `<li>${h(MEASURE_NAMES[m])}: ${h(a.outcomes[m].unavailableReason ?? 'no confidence interval could be computed.')}</li>` : estimateItem(sentence);
    })
    .join('');
  const sample = sampleSizeSentence(a.outcomes.rate, nouns);
  return `<h3>Overall estimates of the impact of the intervention</h3>
<p class="lead-in">${h(overallEstimatesHeading(nouns))}</p>
<ul class="estimates">${items}</ul>
${sample === null ? '' : `<p class="sample-size">${h(sample)}</p>`}`;
}

function canSay(a: AnalysisResults, organisation: string): string {
  const nouns = subjectNouns(a.sex);
  return shownMeasures(a)
    .map((m) => {
      const can = whatYouCanSay(m, a.outcomes[m], organisation, nouns);
      const cannot = whatYouCannotSay(m, a.outcomes[m], organisation);
      if (can === null || cannot === null) return '';
      return `<div class="say-pair">
<div class="say can"><h4>${h(whatYouCanSayHeading(m))}</h4><p><span class="mark" aria-label="can say">✓</span><q>${h(can)}</q></p></div>
<div class="say cannot"><h4>${h(whatYouCannotSayHeading(m))}</h4><p><span class="mark" aria-label="cannot say">✗</span><q>${h(cannot)}</q></p></div>
</div>`;
    })
    .join('');
}

/** The analysis's own cautions: its warnings and a score model that did not fit cleanly. */
export function analysisCautions(a: AnalysisResults): string[] {
  const cautions = [...a.warnings];
  if (!a.model.converged) cautions.push(`The propensity score model of the ${a.name.toLowerCase()} analysis did not converge${a.model.problem ? `: ${a.model.problem}` : '.'}`);
  else if (a.model.problem) cautions.push(a.model.problem);
  if (a.model.separation.variables.length > 0) cautions.push(`Possible separation in the propensity score model of the ${a.name.toLowerCase()} analysis (${a.model.separation.variables.join(', ')}): see the methods annex.`);
  return cautions;
}

/** `preamble` (HTML) goes above the heading: the report's title block on the first page. */
export function keyFindingsSection(a: AnalysisResults, organisation: string, submitted: number, headline: boolean, id: string, preamble = ''): string {
  const title = headline ? 'Key findings' : `Key findings: ${a.name.toLowerCase()} analysis`;
  const sub = headline ? `<p class="kicker">Headline results: the ${h(a.name.toLowerCase())} analysis</p>` : '';
  const cautions = analysisCautions(a).map((c) => `<p class="warning">${h(c)}</p>`).join('');
  return `<section class="major key-findings" id="${h(id)}">${preamble}
<h2>${h(title)}</h2>${sub}
${cautions}
${summaryParagraphs(a, organisation, submitted).map((p, i) => `<p${i === 0 ? ' class="summary"' : ''}>${h(p)}</p>`).join('\n')}
<h3>Overall measurements of the treatment and comparison groups</h3>
<div class="group-cards">${typicalBlock(a, 'treatment')}${typicalBlock(a, 'comparison')}</div>
${typicalRoundingNote(a)}${hiddenNotes(a)}
${overallEstimates(a)}
${sensitivityBlock(a)}
<h3>What you can and cannot say</h3>
<div class="say-list">${canSay(a, organisation)}</div>
</section>`;
}
