// "The results in detail" (reference report, pages 8-11): the analyses, group sizes, the significant results box and
// Tables 1-7 with the reporting gates applied (a hidden row or table shows why it is hidden).
import { formatCi, formatCount, formatMean, formatP, formatSignificant } from '../format/numberFormat';
import type { AnalysisResults, RunResults } from '../results/runResults';
import { listOf } from '../wording/matchingSummary';
import { noSignificantResults, numberWord, significantResultsIntro } from '../wording/significantResults';
import { analysisSentence, controlsForRegion } from './analysisDescription';
import { escapeHtml as h } from './escapeHtml';
import { COURT_LABELS, MEASURE_TABLES, tableRows, type MeasureTable } from './measureTables';


function analysesList(analyses: AnalysisResults[]): string {
  const items = analyses.map((a, k) => `<li><strong>${k + 1}. ${h(a.name)} analysis:</strong> ${h(analysisSentence(a.spec))}</li>`).join('');
  return `<p>${numberWord(analyses.length)} ${analyses.length === 1 ? 'analysis was' : 'analyses were'} conducted in total.</p>
<h3>Analyses</h3><ul class="plain">${items}</ul>`;
}

function groupSizeTable(analyses: AnalysisResults[]): string {
  const rows = analyses
    .map((a) => `<tr><th scope="row">${h(a.name)}</th><td class="c">${controlsForRegion(a.spec) ? '✕' : ''}</td><td>${formatCount(a.treatment.n)}</td><td>${formatCount(a.treatment.reoffenders)}</td><td>${formatCount(a.comparison.records)}</td><td>${formatCount(a.comparison.reoffenders)}</td><td>${formatCount(a.comparison.effectiveSize)}</td></tr>`)
    .join('');
  return `<p>Size of treatment and comparison groups for reoffending rate and frequency analyses provided below (the 'time to first reoffence' analyses focus on those who reoffend only):</p>
<table class="data sizes"><thead><tr><th>Analysis</th><th>Controlled for region</th><th>Treatment group size</th><th>Reoffenders in treatment group</th><th>Comparison group size</th><th>Reoffenders in comparison group</th><th>Effective comparison group size</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">The effective size of the weighted comparison group, (sum of weights)² / sum of squared weights, is the number of equally weighted records it is worth.</p>`;
}

const MEASURES_LIST = `<ol class="measures">
<li><strong>Rate of reoffending</strong></li><li><strong>Frequency of reoffending</strong></li><li><strong>Time to first reoffence</strong></li>
<li>Rate of first reoffence by court outcome</li><li>Frequency of reoffences by court outcome</li><li>Rate of custodial sentencing for first reoffence</li><li>Frequency of custodial sentencing</li></ol>`;

/** Significant findings grouped by the analyses that show them: first those every analysis shows. */
function significantBox(all: AnalysisResults[]): string {
  // An analysis that does not pass the matching-quality gate (METHOD.md 4a) lists nothing, unless justified.
  const withheld = all.filter((a) => !a.findings.publishable);
  const withheldNote = withheld.length === 0 ? '' : `<p class="note">${h(withheldSentence(withheld))}</p>`;
  const analyses = all.filter((a) => a.findings.publishable);
  if (analyses.length === 0) return `<div class="box significant"><h3>Significant results</h3>${withheldNote}</div>`;
  const byFinding = new Map<string, { finding: string; sentence: string; analyses: string[] }>();
  for (const a of analyses) {
    for (const r of a.findings.significantResults) {
      const entry = byFinding.get(r.sentence) ?? { finding: r.finding, sentence: r.sentence, analyses: [] };
      entry.analyses.push(a.name);
      byFinding.set(r.sentence, entry);
    }
  }
  const item = (e: { finding: string; sentence: string }) => `<li><strong>${h(e.finding)}</strong>${h(e.sentence.slice(e.finding.length))}</li>`;
  const entries = [...byFinding.values()];
  if (entries.length === 0) {
    const where = analyses.length === 1 ? (all.length === 1 ? 'in this analysis' : `in the ${analyses[0].name.toLowerCase()} analysis`) : 'in any of the analyses';
    return `<div class="box significant"><h3>Significant results</h3><p>${h(noSignificantResults(where))}</p>${withheldNote}</div>`;
  }
  const groups = new Map<string, typeof entries>();
  for (const e of entries) groups.set(e.analyses.join('\u0000'), [...(groups.get(e.analyses.join('\u0000')) ?? []), e]);
  const parts = [...groups.entries()]
    .sort(([a], [b]) => b.split('\u0000').length - a.split('\u0000').length)
    .map(([key, list]) => {
      const names = key.split('\u0000');
      const where =
        analyses.length === 1 ? '' : names.length === analyses.length ? ` across ${analyses.length === 2 ? 'both' : 'all'} the ${analyses.map((a) => a.name.toLowerCase()).join(' and ')} analyses` : ` in the ${names.map((n) => n.toLowerCase()).join(' and ')} ${names.length === 1 ? 'analysis' : 'analyses'} only`;
      return `<p>${h(significantResultsIntro(list.length, where))}</p><ul>${list.map(item).join('')}</ul>`;
    });
  return `<div class="box significant"><h3>Significant results</h3>${parts.join('')}${withheldNote}</div>`;
}

function withheldSentence(withheld: AnalysisResults[]): string {
  const names = listOf(withheld.map((a) => `the ${a.name.toLowerCase()}`));
  return `${names.charAt(0).toUpperCase()}${names.slice(1)} ${withheld.length === 1 ? 'analysis is' : 'analyses are'} left out of this list: ${withheld.length === 1 ? 'its' : 'their'} groups were not adequately matched, so ${withheld.length === 1 ? 'its' : 'their'} results are shown in the tables for review only (marked ${NOT_RELIABLE_MARK}).`;
}

/** Marks an analysis's rows in Tables 1-7 whose findings may not be published. */
export const NOT_RELIABLE_MARK = '†';

/** Tables 1-7; a row whose measure is hidden by the gates shows the reason across its figures. */
function measureTable(table: MeasureTable, analyses: AnalysisResults[], organisation: string, alpha: number): string {
  const caption = `<p class="table-title"><strong>Table ${table.number}:</strong> ${h(table.title(organisation))}</p>`;
  const perAnalysis = analyses.map((a) => ({ a, rows: tableRows(table, a.outcomes) }));
  const all = perAnalysis.flatMap((p) => p.rows);
  if (all.every((r) => !r.measure.shown)) {
    const reasons = perAnalysis.map((p) => `<p class="hidden-reason">${analyses.length > 1 ? `${h(p.a.name)} analysis: ` : ''}${h(p.rows[0].measure.hiddenReason ?? '')}</p>`);
    // One reason for every analysis is said once.
    const unique = new Set(perAnalysis.map((p) => p.rows[0].measure.hiddenReason));
    return `<div class="table-block">${caption}${unique.size === 1 ? `<p class="hidden-reason">${h(perAnalysis[0].rows[0].measure.hiddenReason ?? '')}</p>` : reasons.join('')}</div>`;
  }
  const figureColumns = table.byCourt ? 6 : 5;
  // Fixed column widths so that the seven tables line up down the pages.
  const widths = table.byCourt ? [11, 10, 11, 10, 11, 11, 14, 11, 11] : [12, 11, 12, 13, 13, 15, 12, 12];
  const cols = `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;
  const head = `${cols}<thead><tr><th rowspan="2">Analysis</th><th rowspan="2">Number in treatment group</th><th rowspan="2">Number in comparison group</th><th colspan="${figureColumns}" class="group">${h(table.heading)}</th></tr>
<tr>${table.byCourt ? '<th>Court outcome</th>' : ''}${table.columns.map((c) => `<th>${h(c)}</th>`).join('')}<th>Significant difference?</th><th>p-value</th></tr></thead>`;
  const notes: string[] = [];
  const body = perAnalysis
    .map(({ a, rows }) => {
      const span = rows.length > 1 ? ` rowspan="${rows.length}"` : '';
      const first = rows[0].measure;
      const mark = a.findings.publishable ? '' : `<span class="mark-unreliable" title="Not adequately matched: for review only">${NOT_RELIABLE_MARK}</span>`;
      const lead = `<th scope="row"${span}>${h(a.name)}${mark}</th><td${span}>${formatCount(first.nTreatment)}</td><td${span}>${formatCount(first.nComparison)}</td>`;
      return rows
        .map((r, k) => {
          const m = r.measure;
          const court = r.court === null ? '' : `<td class="l court">${COURT_LABELS[r.court]}</td>`;
          const cells = m.shown
            ? `<td>${formatMean(m.treatmentMean, table.unit)}</td><td>${formatMean(m.comparisonMean, table.unit)}</td><td class="ci">${formatCi(m.ciLow, m.ciHigh, table.key)}</td><td class="${m.significant ? 'yes' : ''}">${formatSignificant(m.significant)}</td><td>${formatP(m.p, alpha)}</td>`
            : `<td colspan="5" class="hidden-reason">${h(m.hiddenReason ?? '')}</td>`;
          if (m.shown && m.unavailableReason) notes.push(`${a.name}${r.court === null ? '' : `, ${COURT_LABELS[r.court].toLowerCase()}`}: ${m.unavailableReason}`);
          return `<tr class="${k === 0 ? 'first' : ''}">${k === 0 ? lead : ''}${court}${cells}</tr>`;
        })
        .join('');
    })
    .join('');
  if (analyses.some((a) => !a.findings.publishable)) notes.push(`${NOT_RELIABLE_MARK} The groups of this analysis were not adequately matched (see its key findings): its figures are shown for review only.`);
  const noteHtml = notes.map((n) => `<p class="note">${h(n)}</p>`).join('');
  return `<div class="table-block">${caption}<table class="data results">${head}<tbody>${body}</tbody></table>${noteHtml}</div>`;
}

export function resultsSection(run: RunResults, headline: AnalysisResults): string {
  const analyses = run.analyses;
  const org = run.spec.organisation;
  const tables = MEASURE_TABLES.map((t) => measureTable(t, analyses, org, run.spec.alpha));
  return `<section class="major" id="results"><h2>The results in detail</h2>
${analysesList(analyses)}
${groupSizeTable(analyses)}
<p>The headline results in this report refer to the <strong>${h(headline.name.toLowerCase())} analysis</strong>.</p>
<p>In each analysis, the <strong>three headline measures</strong> of one-year reoffending were analysed (see results in Tables 1-3):</p>
${MEASURES_LIST}
${significantBox(analyses)}
<p>Tables 1-3 show the overall measures of reoffending. Rates are expressed as percentages and frequencies are expressed per person. The average time to first reoffence includes reoffenders only. The estimated difference is the 95% confidence interval of the treatment group's figure minus the comparison group's.</p>
${tables.slice(0, 3).join('\n')}
<p>Tables 4-7 show the measures of reoffending for those who reoffended. Rates are expressed as percentages and frequencies are expressed per person.</p>
${tables.slice(3).join('\n')}
</section>`;
}
