// Plain-language wording of the exclusion funnel (DATA-FORMAT.md section 5), close to the reference
// report's "Numbers of people in the treatment and comparison groups", and the short status labels
// of the participants grid.
import { formatDate } from '../../shared/format/dateFormat';
import type { CohortSettingsView, FunnelStepView } from '../../shared/api';
import { formatCount, formatPercent } from '../../shared/format/numberFormat';

/** A short label for a participant's status (a funnel step id, or `treated`). */
export function statusLabel(status: string, settings: Pick<CohortSettingsView, 'minimumAge'>): string {
  switch (status) {
    case 'treated':
      return 'In the treatment group';
    case 'duplicate':
      return 'Submitted more than once';
    case 'not_identified':
      return 'Not identified';
    case 'no_record':
      return 'No record for the participation period';
    case 'incomplete_follow_up':
      return 'Follow-up not complete';
    case 'under_18':
      return `Under ${settings.minimumAge} at the start`;
    case 'reoffended_before_start':
      return 'Reoffended before the start';
    case 'not_matched':
      return 'Not matched';
    default:
      return status;
  }
}

/** Why the people of an exclusion step were dropped, ending the report's "were excluded because ...". */
export function exclusionCause(step: string, s: CohortSettingsView): string {
  switch (step) {
    case 'duplicate':
      return 'they were submitted more than once (the first row of each person is kept)';
    case 'not_identified':
      return 'they could not be identified in the extract (no person ID, or one not found in the cohort)';
    case 'no_record':
      return `they did not have a record in the extract that corresponded to their time period of participation (an index date from ${s.windowBeforeDays} days before to ${s.windowAfterDays} days after their start date)`;
    case 'incomplete_follow_up':
      return `their record did not have a complete ${s.followUpDays}-day follow-up and ${s.waitingDays}-day waiting period by the extract date (${formatDate(s.extractDate)})`;
    case 'under_18':
      return `they were under ${s.minimumAge} years old when they started the programme`;
    case 'reoffended_before_start':
      return 'they had reoffended before they started the intervention';
    default:
      return `of step ${step}`;
  }
}

function people(n: number): string {
  return n === 1 ? '1 person' : `${formatCount(n)} people`;
}

/** The sentence of one funnel step ("14 people (14%) were excluded because ..."). */
export function funnelSentence(step: FunnelStepView, s: CohortSettingsView): string {
  if (step.step === 'submitted') {
    return step.remaining === 1 ? '1 participant was submitted for analysis' : `${formatCount(step.remaining)} participants were submitted for analysis`;
  }
  const cause = exclusionCause(step.step, s);
  if (step.dropped === 0) return `Nobody was excluded because ${cause}`;
  const verb = step.dropped === 1 ? 'was' : 'were';
  return `${people(step.dropped)} (${formatPercent(step.percentOfSubmitted / 100)}) ${verb} excluded because ${cause}`;
}

/** The closing line under the last box ("The treatment group contained 70% of the participants originally submitted."). */
export function treatmentGroupSentence(funnel: FunnelStepView[]): string {
  const submitted = funnel[0]?.remaining ?? 0;
  const treated = funnel[funnel.length - 1]?.remaining ?? 0;
  const share = submitted === 0 ? 0 : treated / submitted;
  return `The treatment group contained ${people(treated)}: ${formatPercent(share)} of the participants originally submitted.`;
}
