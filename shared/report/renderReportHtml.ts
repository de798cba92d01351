// The whole report as ONE self-contained HTML document: inline CSS and SVG, no script, no external resource (a CSP
// meta forbids any), printable on A4. Pure: the same run gives the same bytes (no clock: the date is the run's).
import { formatDateTime } from '../format/dateFormat';
import { gateWording } from '../wording/matchingQualityWording';
import type { AnalysisResults, RunResults } from '../results/runResults';
import { escapeHtml as h } from './escapeHtml';
import { funnelSection, funnelSettings } from './funnelSection';
import { generalCaveats } from '../wording/caveats';
import { keyFindingsSection } from './keyFindingsSection';
import { matchingSection } from './matchingSection';
import { methodsAnnex } from './methodsAnnex';
import { outcomeChartsSection } from './outcomeCharts';
import { profileSection } from './profileSection';
import { REPORT_CSS } from './reportStyles';
import { resultsSection } from './resultsSection';
import { robustnessSection, ROBUSTNESS_TITLE } from './robustnessSection';
import type { RobustnessCheck } from '../robustness/robustnessCheck';
import { SPECIFICATION_CURVE_CSS } from './specificationCurveSvg';
import { submittedCount } from './summaryParagraphs';
import { contactsSection, ownWordsSections } from './programmeTextSections';

export interface ReportOptions {
  title?: string;
  /** Page of each section id in the printed PDF, for the contents; absent in HTML, which has no pages. */
  pageNumbers?: ReadonlyMap<string, number>;
  /** Shown under the title as given; defaults to the run's creation time ("14 July 2017, 09:30"). */
  generatedAt?: string;
  /** The run's robustness check, when one was run: the report gains its section. */
  robustness?: RobustnessCheck | null;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The headline analysis first, then the others in run order. */
export function orderedAnalyses(run: RunResults): AnalysisResults[] {
  const headline = run.analyses.find((a) => a.name === run.spec.headline) ?? run.analyses[0];
  return [headline, ...run.analyses.filter((a) => a !== headline)];
}

function contents(others: AnalysisResults[], ownWords: { id: string; title: string }[], contacts: { id: string; title: string } | null, robustness: boolean, pages: ReadonlyMap<string, number> | undefined): string {
  const items: [string, string][] = [
    ['key-findings', 'Key findings'],
    ...others.map((a, k): [string, string] => [`key-findings-${k + 2}`, `Key findings: ${a.name.toLowerCase()} analysis`]),
    ['charts', 'Charts'],
    ...ownWords.map((s): [string, string] => [s.id, s.title]),
    ['results', 'The results in detail'],
    ['profile', 'Profile of the treatment group'],
    ['matching', 'Matching the treatment and comparison groups'],
    ...(robustness ? [['robustness', ROBUSTNESS_TITLE] as [string, string]] : []),
    ['numbers', 'Numbers of people in the treatment and comparison groups'],
    ['caveats', 'What these results can and cannot tell you'],
    ...(contacts ? [[contacts.id, contacts.title] as [string, string]] : []),
    ['methods', 'Annex: methods and settings'],
  ];
  // Every entry keeps a page cell, empty until the PDF's first printing gives the pages: the layout never moves.
  const page = (id: string) => `<span class="page">${pages?.get(id) ?? ''}</span>`;
  return `<nav class="contents"><h3>Contents</h3><ol>${items.map(([id, label]) => `<li><a href="#${id}"><span class="entry">${h(label)}</span>${page(id)}</a></li>`).join('')}</ol></nav>`;
}

/** On the title page: each analysis that does not pass the matching-quality gate (METHOD.md 4a), and what that means. */
function gateLines(run: RunResults): string {
  const lines = run.analyses
    .map((a) => {
      const gate = gateWording(a.matchingQuality, a.name, a.treatment.n);
      if (gate === null) return null;
      return `<li>${h(gate.headline)} ${h(a.justification ? 'Its findings are published on the analyst’s justification, printed beside them.' : 'No findings are stated for it.')}</li>`;
    })
    .filter((l): l is string => l !== null);
  return lines.length === 0 ? '' : `<div class="box gate title-gate"><h3>Matching quality</h3><ul>${lines.join('')}</ul></div>`;
}

/** The caveats for non-statisticians, then every analysis's own warnings and caveats (the app's list). */
function caveatsSection(run: RunResults): string {
  const settings = funnelSettings(run);
  const general = generalCaveats({ followUpDays: settings.followUpDays, waitingDays: settings.waitingDays, alpha: run.spec.alpha })
    .map((c) => `<h3>${h(c.heading)}</h3>${c.paragraphs.map((p) => `<p>${h(p)}</p>`).join('')}`)
    .join('');
  const own = orderedAnalyses(run)
    .filter((a) => a.notices.length > 0)
    .map((a) => `<h4>${h(a.name)} analysis</h4><ul class="notices">${a.notices.map((n) => `<li class="${n.level}">${h(n.text)}</li>`).join('')}</ul>`)
    .join('');
  return `<section class="major" id="caveats"><h2>What these results can and cannot tell you</h2>
${general}
${own === '' ? '' : `<h3>Warnings and caveats of each analysis</h3>${own}`}
</section>`;
}

export function renderReportHtml(run: RunResults, options: ReportOptions = {}): string {
  if (run.analyses.length === 0) throw new Error('The run has no analyses to report.');
  const org = run.spec.organisation;
  const title = options.title ?? `Reoffending analysis: ${org}`;
  const generated = options.generatedAt ?? formatDateTime(run.createdAt);
  const [headline, ...others] = orderedAnalyses(run);
  const submitted = submittedCount(run.funnel);
  // The title block and contents sit on the first page, above the headline key findings.
  const ownWords = ownWordsSections(org, run.spec.programme ?? {});
  const contacts = contactsSection(run.spec.programme ?? {});
  const titleBlock = `<div class="title-block"><h1>${h(title)}</h1><p class="meta">One-year proven reoffending of the participants of ${h(org)}, compared with matched comparison groups. Produced ${h(generated)} by Matchlab (run ${h(run.runId)}).</p>${gateLines(run)}</div>${contents(others, ownWords, contacts, Boolean(options.robustness), options.pageNumbers)}`;
  const first = keyFindingsSection(headline, org, submitted, run.profile.participation, true, 'key-findings', titleBlock);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${REPORT_CSS}${options.robustness ? SPECIFICATION_CURVE_CSS : ''}</style>
</head>
<body>
${first}
${others.map((a, k) => keyFindingsSection(a, org, submitted, run.profile.participation, false, `key-findings-${k + 2}`)).join('\n')}
${outcomeChartsSection([headline, ...others], org)}
${ownWords.map((s) => s.html).join('\n')}
${resultsSection(run, headline)}
${profileSection(run)}
${matchingSection(run)}
${options.robustness ? robustnessSection(run, options.robustness) : ''}
${funnelSection(run)}
${caveatsSection(run)}
${contacts?.html ?? ''}
${methodsAnnex(run)}
</body>
</html>
`;
}
