// The methods and settings annex: everything needed to rerun or audit the analysis (cohort settings, each analysis's
// spec, the score model's fit, significance settings, engine version and run id).
import { formatFixed } from '../format/numberFormat';
import type { AnalysisResults, RunResults } from '../results/runResults';
import { formatDate, formatDateTime } from '../format/dateFormat';
import { matchingWords, poolWords } from './analysisDescription';
import { escapeHtml as h } from './escapeHtml';

const COHORT_LABELS: Record<string, string> = {
  extractDate: 'Extract date',
  followUpDays: 'Follow-up period (days)',
  waitingDays: 'Waiting period for a reoffence to be proven (days)',
  windowBeforeDays: 'Record window before the start date (days)',
  windowAfterDays: 'Record window after the start date (days)',
  minimumAge: 'Minimum age at the start date',
  importedAt: 'Extract imported',
};

function settingValue(v: unknown): string {
  if (v === null || v === undefined) return 'not set (the extract date set at import)';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function rows(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td class="l">${h(v)}</td></tr>`).join('');
}

const list = (items: string[], none = 'none'): string => (items.length === 0 ? none : items.join(', '));

function modelLine(a: AnalysisResults): string {
  const m = a.model;
  return `${m.converged ? 'converged' : 'did not converge'} after ${m.iterations} ${m.iterations === 1 ? 'iteration' : 'iterations'}${m.problem ? ` (${m.problem})` : ''}`;
}

function analysisTable(a: AnalysisResults): string {
  const m = a.model;
  const pairs: [string, string][] = [
    ['Comparison pool', poolWords(a.spec)],
    ['Exact-match variables', list(a.spec.exact)],
    ['Strata', list(a.matching.strata)],
    ['Covariates', list(a.spec.covariates)],
    ['Matching', matchingWords(a.spec)],
    ['Caliper on the logit score', a.matching.caliper === null ? 'none' : formatFixed(a.matching.caliper, 4)],
    ['Score model', `logistic regression, ${modelLine(a)}`],
    ['Collinear design columns dropped', list(m.droppedColumns)],
    ['Covariates dropped (constant or matching no column)', list(m.droppedCovariates)],
    ['Separation', m.separation.variables.length === 0 && m.separation.fittedAtBounds === 0 ? 'none detected' : `${m.separation.fittedAtBounds} fitted probabilities at 0 or 1; variables: ${list(m.separation.variables)}`],
  ];
  pairs.push(['Matching-quality gate (METHOD.md 4a)', a.matchingQuality.passes ? 'passed' : `not passed${a.justification ? `; published on the analyst's justification (${formatDateTime(a.justification.recordedAt)})` : '; findings withheld'}`]);
  if (a.notices.length > 0) pairs.push(['Warnings and caveats', a.notices.map((n) => n.text).join(' ')]);
  return `<h3>${h(a.name)} analysis</h3><table class="data settings"><tbody>${rows(pairs)}</tbody></table>`;
}

export function methodsAnnex(run: RunResults): string {
  const cohort = Object.entries(run.cohortSettings).map(([k, v]): [string, string] => [COHORT_LABELS[k] ?? k, settingValue(v)]);
  const general: [string, string][] = [
    ['Organisation', run.spec.organisation],
    ['Headline analysis', run.spec.headline],
    ['Significance level (two-sided)', String(run.spec.alpha)],
    ['Power for the sample size needed', String(run.spec.power)],
    ['Matching bands (standardised difference, %)', `well under ${run.spec.bands.well}, reasonably under ${run.spec.bands.reasonably}`],
    ['Run', run.runId],
    ['Run created', formatDateTime(run.createdAt)],
    ['Engine version', run.engineVersion],
  ];
  return `<section class="major" id="methods"><h2>Annex: methods and settings</h2>
<p>Each analysis fits a logistic regression of taking part in the programme on the covariates, matches each participant to non-participants with a similar score (the logit of the fitted probability) within the exact-match strata, and compares the one-year proven reoffending of the matched groups. Differences are treatment minus comparison, tested with Welch's t-test; the 95% confidence intervals use the Welch–Satterthwaite degrees of freedom. Comparison group means are weighted by the matching weights.</p>
<h3>Settings of the run</h3><table class="data settings"><tbody>${rows(general)}</tbody></table>
<h3>Cohort settings</h3><table class="data settings"><tbody>${rows(cohort)}</tbody></table>
${run.analyses.map(analysisTable).join('\n')}
</section>`;
}
