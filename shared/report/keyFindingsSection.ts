// The key findings of one analysis (reference report, pages 1-3): summary, "For any 100 typical people", overall
// estimates, the sample size needed, how sure we can be (sensitivity to hidden differences), and what you can and
// cannot say. Every sentence comes from shared/wording.
import type { AnalysisResults } from '../results/runResults';
import { keyFindingsText, type KeyFindingsText } from '../results/keyFindingsText';
import type { Group } from '../wording/typicalHundred';
import { gateWording, justifiedFindingsNote, WITHHELD_FINDINGS } from '../wording/matchingQualityWording';
import { formatDateTime } from '../format/dateFormat';
import { escapeHtml as h } from './escapeHtml';
import { summaryParagraphs } from './summaryParagraphs';
import { sensitivityBlock } from './sensitivityBlock';
import type { ParticipationPeriod } from '../cohort/participationPeriod';

function typicalBlock(t: KeyFindingsText, group: Group): string {
  const block = t.typical[group];
  return `<div class="group-card ${group}"><h4>${h(block.heading)}</h4><ul>${block.sentences.map((s) => `<li>${h(s)}</li>`).join('')}</ul></div>`;
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

function overallEstimates(t: KeyFindingsText): string {
  return `<h3>Overall estimates of the impact of the intervention</h3>
<p class="lead-in">${h(t.estimatesHeading)}</p>
<ul class="estimates">${t.estimates.map((e) => estimateItem(e.sentence)).join('')}</ul>
${t.sampleSize === null ? '' : `<p class="sample-size">${h(t.sampleSize)}</p>`}`;
}

/** The gate's verdict where "What you can say" would be: what went wrong and what to try; the justification if any. */
function gateBlock(a: AnalysisResults): string {
  const gate = gateWording(a.matchingQuality, a.name, a.treatment.n);
  if (gate === null) return '';
  const justified = a.justification
    ? `<p>${h(justifiedFindingsNote(formatDateTime(a.justification.recordedAt)))}</p><blockquote class="justification">${h(a.justification.text)}</blockquote>`
    : `<p>${h(WITHHELD_FINDINGS)}</p>`;
  return `<div class="box gate" role="note"><h3>${h(gate.headline)}</h3>${gate.reasons.map((r) => `<p>${h(r)}</p>`).join('')}
<p class="try">What the analyst can try:</p><ul>${gate.suggestions.map((t) => `<li>${h(t)}</li>`).join('')}</ul>${justified}</div>`;
}

function canSay(a: AnalysisResults): string {
  return a.findings.whatYouCanSay
    .map(
      (p) => `<div class="say-pair">
<div class="say can"><h4>${h(p.canHeading)}</h4><p><span class="mark" aria-label="can say">✓</span><q>${h(p.can)}</q></p></div>
<div class="say cannot"><h4>${h(p.cannotHeading)}</h4><p><span class="mark" aria-label="cannot say">✗</span><q>${h(p.cannot)}</q></p></div>
</div>`,
    )
    .join('');
}

/**
 * The analysis's warnings (shared/wording/analysisNotices.ts; the gate's are told in its own box) and a pointer to
 * its caveats, which the caveats section prints in full with the general ones.
 */
function noticesHtml(a: AnalysisResults): string {
  const warnings = a.notices.filter((n) => n.level === 'warning' && n.kind !== 'matchingQuality' && n.kind !== 'justified');
  const caveats = a.notices.filter((n) => n.level === 'caveat').length;
  const pointer = caveats === 0 ? '' : `<p class="note">This analysis has ${caveats === 1 ? 'a caveat' : `${caveats} caveats`} to bear in mind: see <a href="#caveats">What these results can and cannot tell you</a>.</p>`;
  return warnings.map((n) => `<p class="warning">${h(n.text)}</p>`).join('') + pointer;
}

/** `preamble` (HTML) goes above the heading: the report's title block on the first page. */
export function keyFindingsSection(a: AnalysisResults, organisation: string, submitted: number, participation: ParticipationPeriod | null | undefined, headline: boolean, id: string, preamble = ''): string {
  const title = headline ? 'Key findings' : `Key findings: ${a.name.toLowerCase()} analysis`;
  const sub = headline ? `<p class="kicker">Headline results: the ${h(a.name.toLowerCase())} analysis</p>` : '';
  const gate = gateWording(a.matchingQuality, a.name, a.treatment.n);
  const cautions = (gate ? `<p class="warning gate-line"><strong>${h(gate.headline)}</strong> See “What you can and cannot say” below.</p>` : '') + noticesHtml(a);
  const t = keyFindingsText(a);
  return `<section class="major key-findings" id="${h(id)}">${preamble}
<h2>${h(title)}</h2>${sub}
${cautions}
${summaryParagraphs(a, organisation, submitted, participation).map((p, i) => `<p${i === 0 ? ' class="summary"' : ''}>${h(p)}</p>`).join('\n')}
<h3>Overall measurements of the treatment and comparison groups</h3>
<div class="group-cards">${typicalBlock(t, 'treatment')}${typicalBlock(t, 'comparison')}</div>
${t.roundingNote === null ? '' : `<p class="note">${h(t.roundingNote)}</p>`}
${overallEstimates(t)}
${sensitivityBlock(a)}
<h3>What you can and cannot say</h3>
${gateBlock(a)}
<div class="say-list">${canSay(a)}</div>
</section>`;
}
