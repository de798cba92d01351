// The whole report as ONE self-contained HTML document: inline CSS and SVG, no script, no external resource (a CSP
// meta forbids any), printable on A4. Pure: the same run gives the same bytes (no clock: the date is the run's).
import type { AnalysisResults, RunResults } from '../results/runResults';
import { escapeHtml as h } from './escapeHtml';
import { funnelSection } from './funnelSection';
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
  /** Shown under the title; defaults to the run's creation time. */
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

function contents(others: AnalysisResults[], ownWords: { id: string; title: string }[], contacts: { id: string; title: string } | null, robustness: boolean): string {
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
    ...(contacts ? [[contacts.id, contacts.title] as [string, string]] : []),
    ['methods', 'Annex: methods and settings'],
  ];
  return `<nav class="contents"><h3>Contents</h3><ol>${items.map(([id, label]) => `<li><a href="#${id}">${h(label)}</a></li>`).join('')}</ol></nav>`;
}

export function renderReportHtml(run: RunResults, options: ReportOptions = {}): string {
  if (run.analyses.length === 0) throw new Error('The run has no analyses to report.');
  const org = run.spec.organisation;
  const title = options.title ?? `Reoffending analysis: ${org}`;
  const generated = options.generatedAt ?? run.createdAt;
  const [headline, ...others] = orderedAnalyses(run);
  const submitted = submittedCount(run.funnel);
  // The title block and contents sit on the first page, above the headline key findings.
  const ownWords = ownWordsSections(org, run.spec.programme ?? {});
  const contacts = contactsSection(run.spec.programme ?? {});
  const titleBlock = `<div class="title-block"><h1>${h(title)}</h1><p class="meta">One-year proven reoffending of the participants of ${h(org)}, compared with matched comparison groups. Produced ${h(generated)} by Matchlab (run ${h(run.runId)}).</p></div>${contents(others, ownWords, contacts, Boolean(options.robustness))}`;
  const first = keyFindingsSection(headline, org, submitted, true, 'key-findings', titleBlock);
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
${others.map((a, k) => keyFindingsSection(a, org, submitted, false, `key-findings-${k + 2}`)).join('\n')}
${outcomeChartsSection([headline, ...others], org)}
${ownWords.map((s) => s.html).join('\n')}
${resultsSection(run, headline)}
${profileSection(run)}
${matchingSection(run)}
${options.robustness ? robustnessSection(run, options.robustness) : ''}
${funnelSection(run)}
${contacts?.html ?? ''}
${methodsAnnex(run)}
</body>
</html>
`;
}
