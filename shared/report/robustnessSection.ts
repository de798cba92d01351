// "Robustness across specifications" (METHOD.md section 12), in the report when a check was run: what the check
// did, then per analysis the summary sentence and the specification curve of each headline measure it shows. An
// analysis whose findings the matching-quality gate withholds gets its curves for review, without the sentence.
import { formatCount } from '../format/numberFormat';
import type { RobustnessCheck } from '../robustness/robustnessCheck';
import { HEADLINE_MEASURES, type AnalysisRobustness } from '../robustness/runRobustness';
import { CURVE_MEASURES, specificationCurve } from '../charts/specificationCurveGeometry';
import type { AnalysisResults, RunResults } from '../results/runResults';
import { robustnessStatement } from '../wording/robustnessSentence';
import { escapeHtml as h } from './escapeHtml';
import { specificationCurveSvg } from './specificationCurveSvg';

export const ROBUSTNESS_TITLE = 'Robustness across specifications';

function analysisRobustness(analysis: AnalysisResults, a: AnalysisRobustness, alpha: number): string {
  const sets = a.covariateSets
    .map((s) => `<li><strong>${h(s.name)}</strong>: ${h(s.covariates.join(', '))}${s.note ? ` <span class="small">(${h(s.note)})</span>` : ''}</li>`)
    .join('');
  const figures = HEADLINE_MEASURES.map((id) => {
    const { title } = CURVE_MEASURES[id];
    const summary = a.summaries[id];
    const layout = specificationCurve(a.entries, id);
    if (!summary || !layout) return '';
    const publishable = analysis.findings.publishable;
    const sentence = robustnessStatement(id, summary, publishable);
    return `<figure class="spec-curve-figure"><figcaption>${h(title)}: ${h(a.analysis.toLowerCase())} analysis</figcaption>
<p class="${publishable ? 'robustness-sentence' : 'note robustness-withheld'}">${h(sentence)}</p>
${specificationCurveSvg(layout, { alpha, label: `${title}, ${a.analysis} analysis: ${sentence}` })}</figure>`;
  }).join('\n');
  return `<div class="analysis-robustness"><h3>${h(a.analysis)} analysis</h3>
<p>${formatCount(a.entries.length)} specifications, with these covariate sets:</p><ul>${sets}</ul>
${figures}</div>`;
}

export function robustnessSection(run: RunResults, check: RobustnessCheck): string {
  const analyses = run.analyses.flatMap((a) => {
    const r = check.analyses.find((x) => x.analysis === a.name);
    return r ? [analysisRobustness(a, r, check.alpha)] : [];
  });
  return `<section class="major" id="robustness"><h2>${ROBUSTNESS_TITLE}</h2>
<p>A finding that holds for one caliper or one matching method only is fragile. To test this, the comparison was made again with other reasonable choices on the same treatment group and pool: radius and kernel matching and nearest-neighbour matching (one to one without replacement, one to three with replacement), with calipers of 0.05, 0.1, 0.2 and 0.5 standard deviations of the score (and none for nearest neighbour), each with the analysis's own covariates, the same without the OASys assessments${check.addedCovariateSets.length > 0 ? ', and the covariate sets the analyst added' : ''}.</p>
<p>Each chart shows every specification's estimated difference (treatment minus comparison) with its 95% confidence interval, ordered from the lowest to the highest. Filled points are specifications whose groups pass the matching-quality gate; hollow ones do not, and their estimates should not be relied on. The analysis reported above is ringed. The rows below each chart show the choices each specification made.</p>
${analyses.join('\n')}
</section>`;
}
