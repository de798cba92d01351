// "Numbers of people in the treatment and comparison groups" (reference report, page 14): the exclusion funnel
// (DATA-FORMAT.md section 5) as a flow of chevrons, each step with "N people (P%) were excluded because ...", then
// per analysis the people not matched and the final treatment and comparison groups.
import type { FunnelCount, FunnelStep } from '../cohort/funnelSteps';
import { formatCount, formatPercent } from '../format/numberFormat';
import type { RunResults } from '../results/runResults';
import { escapeHtml as h } from './escapeHtml';
import { submittedCount } from './summaryParagraphs';

function because(step: Exclude<FunnelStep, 'submitted'>, minimumAge: number): string {
  switch (step) {
    case 'duplicate':
      return 'they had been submitted more than once';
    case 'not_identified':
      return 'they could not be identified on the Police National Computer (PNC)';
    case 'no_record':
      return 'they did not have a record in the reoffending database that corresponded to their time period of participation in the programme';
    case 'incomplete_follow_up':
      return 'their record did not have a complete one-year follow-up period by the date of the extract';
    case 'under_18':
      return `they were under ${minimumAge} years old before starting the programme`;
    case 'reoffended_before_start':
      return 'they had reoffended before they had started the intervention';
  }
}

/** "14 people (14%) were excluded because ..." with the share of those submitted; "Nobody was excluded because ...". */
export function exclusionSentence(dropped: number, submitted: number, reason: string, verb = 'excluded'): string {
  if (dropped === 0) return `Nobody was ${verb} because ${reason}.`;
  const share = submitted > 0 ? ` (${formatPercent(dropped / submitted)})` : '';
  return `${formatCount(dropped)} ${dropped === 1 ? 'person' : 'people'}${share} ${dropped === 1 ? 'was' : 'were'} ${verb} because ${reason}.`;
}

function step(count: number, text: string, kind = ''): string {
  return `<div class="flow-step ${kind}"><div class="chevron">${formatCount(count)}</div><p>${text}</p></div>`;
}

export function funnelSection(run: RunResults): string {
  const submitted = submittedCount(run.funnel);
  const minimumAge = typeof run.cohortSettings.minimumAge === 'number' ? run.cohortSettings.minimumAge : 18;
  const steps: string[] = [];
  let remaining = submitted;
  for (const s of run.funnel as FunnelCount[]) {
    if (s.step === 'submitted') {
      steps.push(step(s.remaining, `${formatCount(s.remaining)} ${s.remaining === 1 ? 'record was' : 'records were'} submitted for analysis by ${h(run.spec.organisation)}.`));
      continue;
    }
    steps.push(step(s.remaining, h(exclusionSentence(s.dropped, submitted, because(s.step, minimumAge)))));
    remaining = s.remaining;
  }
  const kept = submitted > 0 ? `The treatment group contained ${formatPercent(remaining / submitted)} of the participants originally submitted.` : '';
  const branches = run.analyses
    .map((a) => {
      const lines = [
        a.treatment.outsideFilter > 0 ? exclusionSentence(a.treatment.outsideFilter, submitted, 'they were outside the analysis’s pool filter', 'left out') : '',
        a.treatment.notMatched === 0
          ? 'Every person in the treatment group was matched.'
          : exclusionSentence(a.treatment.notMatched, submitted, 'no similar enough person could be found for them in the comparison pool', 'left unmatched'),
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
