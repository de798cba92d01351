// "Matching the treatment and comparison groups" (reference report, page 13; METHOD.md section 4): the summary
// sentence of each analysis, then for each its matching facts, Love plot, score overlap and balance table.
import type { Bands } from '../engine/analysisSpec';
import type { BalanceRow } from '../engine/balance';
import { formatCount, formatFixed } from '../format/numberFormat';
import type { AnalysisResults, RunResults } from '../results/runResults';
import { analysisMatchingSummary, describeBalanceRow } from '../wording/matchingSummary';
import { matchingWords } from './analysisDescription';
import { lovePlot, scoreOverlap } from './balanceCharts';
import { escapeHtml as h } from './escapeHtml';

const BAND_WORDS = { well: 'Well', reasonably: 'Reasonably', poorly: 'Poorly' } as const;

/** Proportions (a level of a categorical covariate, a missing indicator) as %, other means to 2 dp. */
function mean(r: BalanceRow, x: number | null): string {
  if (x === null) return 'n/a';
  return r.level !== null ? `${formatFixed(x * 100, 1)}%` : formatFixed(x, 2);
}

const smd = (x: number | null): string => (x === null ? 'n/a' : formatFixed(x, 1));

function balanceTable(rows: BalanceRow[]): string {
  const body = rows
    .map((r) => `<tr class="band-${r.band}"><td class="l"><span class="var">${h(r.variable)}</span>${r.level === null ? '' : ` <span class="level">${h(r.level)}</span>`}<br><span class="small">${h(describeBalanceRow(r.variable, r.level))}</span></td><td>${mean(r, r.allTreatedMean)}</td><td>${mean(r, r.poolMean)}</td><td>${mean(r, r.treatedMean)}</td><td>${mean(r, r.comparisonMean)}</td><td>${smd(r.smdBefore)}</td><td>${smd(r.smdAfter)}</td><td class="band">${BAND_WORDS[r.band]}</td></tr>`)
    .join('');
  const cols = [32, 8, 8, 8, 12, 9, 9, 14].map((w) => `<col style="width:${w}%">`).join('');
  return `<table class="data balance"><colgroup>${cols}</colgroup><thead><tr><th rowspan="2">Variable and level</th><th colspan="2">Before matching</th><th colspan="2">After matching</th><th colspan="2">Standardised difference (%)</th><th rowspan="2">Matched</th></tr>
<tr><th>Treated</th><th>Pool</th><th>Treated</th><th>Comparison</th><th>Before</th><th>After</th></tr></thead><tbody>${body}</tbody></table>`;
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
<figure><figcaption>Standardised differences before and after matching</figcaption>${lovePlot(a.balance, bands)}</figure>
<figure><figcaption>Overlap of the propensity score: share of each group in each score band</figcaption>${scoreOverlap(a.histogram)}</figure>
<p class="table-title"><strong>Balance of the ${h(a.name.toLowerCase())} analysis.</strong> Treated before matching: every treated person of the analysis; pool: every eligible non-participant, unweighted; after matching: the matched treated and the weighted comparison group. Standardised difference = 100 × difference of means / pooled standard deviation before matching.</p>
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
