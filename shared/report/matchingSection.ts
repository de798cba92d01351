// "Matching the treatment and comparison groups" (reference report, page 13; METHOD.md section 4): the summary
// sentence of each analysis, then for each its matching facts, score overlap, Love plot and balance table (the tall
// Love plot after the overlap, so that a page is not left half empty before it).
import type { Bands } from '../engine/analysisSpec';
import type { BalanceRow } from '../engine/balance';
import { formatCount, formatFixed } from '../format/numberFormat';
import type { AnalysisResults, RunResults } from '../results/runResults';
import { analysisMatchingSummary, describeBalanceRow } from '../wording/matchingSummary';
import { matchingWords } from './analysisDescription';
import { lovePlot, lovePlotLegend, scoreOverlap } from './balanceCharts';
import { BALANCE_HEADINGS, BALANCE_TABLE_NOTE, BAND_WORDS, formatBalanceMean, formatSmd } from '../wording/balanceLabels';
import { escapeHtml as h } from './escapeHtml';

function balanceTable(rows: BalanceRow[]): string {
  const H = BALANCE_HEADINGS;
  const body = rows
    .map((r) => `<tr class="band-${r.band}"><td class="l"><span class="var">${h(r.variable)}</span>${r.level === null ? '' : ` <span class="level">${h(r.level)}</span>`}<br><span class="small">${h(describeBalanceRow(r.variable, r.level))}</span></td><td>${formatBalanceMean(r, r.allTreatedMean)}</td><td>${formatBalanceMean(r, r.poolMean)}</td><td>${formatSmd(r.smdBefore)}</td><td>${formatBalanceMean(r, r.treatedMean)}</td><td>${formatBalanceMean(r, r.comparisonMean)}</td><td>${formatSmd(r.smdAfter)}</td><td class="band">${BAND_WORDS[r.band]}</td></tr>`)
    .join('');
  const cols = [30, 9, 9, 9, 10, 12, 9, 12].map((w) => `<col style="width:${w}%">`).join('');
  return `<table class="data balance"><colgroup>${cols}</colgroup><thead><tr><th rowspan="2">Variable and level</th><th colspan="3">${H.before}</th><th colspan="3">${H.after}</th><th rowspan="2">${H.band}</th></tr>
<tr><th>${H.allTreated}</th><th>${H.pool}</th><th>${H.smdBefore}</th><th>${H.matchedTreated}</th><th>${H.comparison}</th><th>${H.smdAfter}</th></tr></thead><tbody>${body}</tbody></table>`;
}

function analysisMatching(a: AnalysisResults, bands: Bands): string {
  const t = a.treatment;
  const facts = [
    `Method: ${matchingWords(a.spec)}${a.matching.caliper === null ? '' : ` (${formatFixed(a.matching.caliper, 3)} on the logit score)`}.`,
    `${formatCount(t.n)} of ${formatCount(t.n + t.notMatched)} treated people were matched${t.notMatched > 0 ? `; ${formatCount(t.notMatched)} could not be` : ''}.`,
    `Comparison group: ${formatCount(a.comparison.records)} of ${formatCount(a.comparison.poolRecords)} pool records, worth ${formatCount(a.comparison.effectiveSize)} equally weighted records (effective size).`,
  ];
  return `<div class="analysis-matching">
<h3>${h(a.name)} analysis</h3>
<ul class="facts">${facts.map((f) => `<li>${h(f)}</li>`).join('')}</ul>
<figure><figcaption>Overlap of the propensity score: share of each group in each score band</figcaption>${scoreOverlap(a.histogram)}</figure>
<figure><figcaption>Standardised differences before and after matching</figcaption>${lovePlotLegend(bands)}${lovePlot(a.balance, bands)}</figure>
<p class="table-title"><strong>Balance of the ${h(a.name.toLowerCase())} analysis.</strong> ${h(BALANCE_TABLE_NOTE)}</p>
${balanceTable(a.balance)}
</div>`;
}

export function matchingSection(run: RunResults): string {
  const n = run.analyses.length;
  const summaries = run.analyses.map((a) => `<li>${h(analysisMatchingSummary(a))}</li>`).join('');
  const bands = run.spec.bands;
  return `<section class="major" id="matching"><h2>Matching the treatment and comparison groups</h2>
<p>${n === 1 ? 'The analysis' : n === 2 ? 'Both analyses' : `All ${n} analyses`} matched a comparison group to the relevant treatment group. A summary of the matching quality is as follows:</p>
<ul>${summaries}</ul>
<p>A variable is <strong>well matched</strong> when its standardised difference after matching is under ${bands.well}% in absolute value, <strong>reasonably well matched</strong> under ${bands.reasonably}%, and <strong>poorly matched</strong> otherwise. Further details, including every variable's figures, are in the tables below and in the Excel annex accompanying this report.</p>
${run.analyses.map((a) => analysisMatching(a, bands)).join('\n')}
</section>`;
}
