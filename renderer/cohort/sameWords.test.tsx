// One voice: the app's Cohort screen and the report say the same sentences about the same group (issue 11), for
// the profile and the exclusion funnel. The app's components are rendered as a user would read them.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CohortSettingsView, FunnelStepView, GroupProfileView } from '../../shared/api';
import { southwarkRun } from '../../shared/report/reportFixture';
import { profileSection } from '../../shared/report/profileSection';
import { funnelSection, funnelSettings } from '../../shared/report/funnelSection';
import { textOf } from '../../shared/report/htmlText';
import { GroupProfile } from './GroupProfile';
import { FunnelDiagram } from './FunnelDiagram';

const run = southwarkRun();

/** The sentences of a text, split at full stops and list items, without the report's and the app's framing. */
function sentencesOf(html: string): string[] {
  return html
    .split(/<\/(?:li|p|h3)>/)
    .map((part) => textOf(part).trim())
    .filter((t) => t.length > 0);
}

describe('the same words in the app and the report', () => {
  it('profile: every line the app shows of both groups is in the report', () => {
    const app = renderToStaticMarkup(<GroupProfile profile={run.profile as { treatment: GroupProfileView; notAnalysed: GroupProfileView & RunProfileExtras }} />);
    const report = textOf(profileSection(run));
    const lines = sentencesOf(app).filter((l) => !l.startsWith('Participants an analysis cannot match') && !l.startsWith('None of them'));
    expect(lines).toContain('86% male, 14% female');
    expect(lines).toContain('Aged 18 to 55 at the index date (mean age 36 years)');
    expect(lines).toContain('69% had some or significant problems with employment history (of the 64 assessed on it)');
    for (const line of lines) expect(report, line).toContain(line);
  });

  it('funnel: every step sentence of the app is in the report', () => {
    const settings = funnelSettings(run) as CohortSettingsView;
    const submitted = run.funnel[0].remaining;
    const funnel: FunnelStepView[] = run.funnel.map((s) => ({ ...s, percentOfSubmitted: (100 * (s.step === 'submitted' ? s.remaining : s.dropped)) / submitted }));
    const app = renderToStaticMarkup(<FunnelDiagram funnel={funnel} settings={settings} onShowStep={() => undefined} />);
    const report = textOf(funnelSection(run));
    // The sentence beside each chevron, and the closing one under the treatment group's.
    const lines = [...app.matchAll(/<p class="funnel-sentence"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1].replace(/<strong>[^<]*<\/strong>/, '')).trim());
    expect(lines).toContain('14 people (14%) were excluded because they did not have a record in the extract that corresponded to their time period of participation (an index date from 365 days before to 90 days after their start date).');
    expect(lines.length).toBeGreaterThanOrEqual(run.funnel.length);
    for (const line of lines) expect(report, line).toContain(line);
  });
});

type RunProfileExtras = { submittedNotAnalysed: number; withoutData: number; duplicates: number };
