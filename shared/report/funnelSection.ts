// "Numbers of people in the treatment and comparison groups" (reference report, page 14): the exclusion funnel
// (DATA-FORMAT.md section 5) as a flow of chevrons, each step with "N people (P%) were excluded because ...", then
// per analysis the people not matched and the final treatment and comparison groups.
import type { FunnelCount } from '../cohort/funnelSteps';
import { formatCount } from '../format/numberFormat';
import type { RunResults } from '../results/runResults';
import { exclusionSentence, submittedSentence, treatmentGroupSentence, type FunnelWordingSettings } from '../wording/funnelWording';
import { escapeHtml as h } from './escapeHtml';
import { submittedCount } from './summaryParagraphs';

/** The run's cohort settings as the funnel's words name them. */
export function funnelSettings(run: RunResults): FunnelWordingSettings {
  const c = run.cohortSettings as Partial<FunnelWordingSettings>;
  return {
    extractDate: String(c.extractDate ?? ''),
    followUpDays: Number(c.followUpDays ?? 365),
    waitingDays: Number(c.waitingDays ?? 183),
    windowBeforeDays: Number(c.windowBeforeDays ?? 365),
    windowAfterDays: Number(c.windowAfterDays ?? 90),
    minimumAge: Number(c.minimumAge ?? 18),
  };
}

function step(count: number, text: string, kind = ''): string {
  return `<div class="flow-step ${kind}"><div class="chevron">${formatCount(count)}</div><p>${text}</p></div>`;
}

export function funnelSection(run: RunResults): string {
  const submitted = submittedCount(run.funnel);
  const settings = funnelSettings(run);
  const steps: string[] = [];
  let remaining = submitted;
  for (const s of run.funnel as FunnelCount[]) {
    if (s.step === 'submitted') {
      steps.push(step(s.remaining, h(submittedSentence(s.remaining))));
      continue;
    }
    steps.push(step(s.remaining, h(exclusionSentence(s.step, s.dropped, submitted, settings))));
    remaining = s.remaining;
  }
  const kept = treatmentGroupSentence(submitted, remaining);
  const branches = run.analyses
    .map((a) => {
      const lines = [
        a.treatment.outsideFilter > 0 ? exclusionSentence('outside_filter', a.treatment.outsideFilter, submitted, settings, 'left out') : '',
        a.treatment.notMatched === 0
          ? 'Every person in the treatment group was matched.'
          : exclusionSentence('not_matched', a.treatment.notMatched, submitted, settings, 'left unmatched'),
      ].filter((l) => l !== '');
      return `<div class="branch"><div class="chevron final">${formatCount(a.treatment.n)}</div><div><p class="branch-name">${h(a.name)} treatment group</p><p>${lines.map(h).join(' ')}</p><p class="small">Comparison group: ${formatCount(a.comparison.records)} records (${formatCount(a.comparison.reoffenders)} reoffenders), from a pool of ${formatCount(a.comparison.poolRecords)}.</p></div></div>`;
    })
    .join('');
  return `<section class="major" id="numbers"><h2>Numbers of people in the treatment and comparison groups</h2>
<div class="flow">${steps.join('')}</div>
<p class="kept">${h(kept)}</p>
<div class="branches">${branches}</div>
</section>`;
}
