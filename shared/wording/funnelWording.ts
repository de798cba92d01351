// The words of the exclusion funnel (DATA-FORMAT.md section 5), once for the app's funnel and participants grid,
// the report's "Numbers of people in the treatment and comparison groups" and a participant's own status: each
// step's cause is written one way and read in every sentence.
import type { CohortSettingsView } from '../api';
import type { ParticipantStatus } from '../cohort/funnelSteps';
import { formatDate } from '../format/dateFormat';
import { formatCount, formatPercent } from '../format/numberFormat';

/** The cohort settings the wording names (DATA-FORMAT.md section 4). */
export type FunnelWordingSettings = CohortSettingsView;

/** A short label for a participant's status (a funnel step id, `treated` or `not_matched`). */
export function statusLabel(status: string, s: Pick<FunnelWordingSettings, 'minimumAge'>): string {
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
      return `Under ${s.minimumAge} at the start`;
    case 'reoffended_before_start':
      return 'Reoffended before the start';
    case 'not_matched':
      return 'Not matched';
    default:
      return status;
  }
}

/** Why the people of an exclusion step were dropped, ending "were excluded because ...". */
export function exclusionCause(step: string, s: FunnelWordingSettings): string {
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
    case 'not_matched':
      return 'no similar enough person could be found for them in the comparison pool';
    case 'outside_filter':
      return 'they were outside the analysis’s pool filter';
    default:
      return `of step ${step}`;
  }
}

function people(n: number): string {
  return n === 1 ? '1 person' : `${formatCount(n)} people`;
}

/** "14 people (14%) were excluded because ...", the share of those submitted; "Nobody was excluded because ...". */
export function exclusionSentence(step: string, dropped: number, submitted: number, s: FunnelWordingSettings, verb = 'excluded'): string {
  const cause = exclusionCause(step, s);
  if (dropped === 0) return `Nobody was ${verb} because ${cause}.`;
  const share = submitted > 0 ? ` (${formatPercent(dropped / submitted)})` : '';
  return `${people(dropped)}${share} ${dropped === 1 ? 'was' : 'were'} ${verb} because ${cause}.`;
}

/** The sentence of the funnel's first box. */
export function submittedSentence(submitted: number): string {
  return submitted === 1 ? '1 participant was submitted for analysis.' : `${formatCount(submitted)} participants were submitted for analysis.`;
}

/** The closing line under the last box ("The treatment group contained 71 people: 69% of the participants originally submitted."). */
export function treatmentGroupSentence(submitted: number, treated: number): string {
  const share = submitted === 0 ? 0 : treated / submitted;
  return `The treatment group contained ${people(treated)}: ${formatPercent(share)} of the participants originally submitted.`;
}

/** Why one submitted participant is or is not in the treatment group, as an analyst would pass it on. */
export function participantStatusReason(status: ParticipantStatus, s: FunnelWordingSettings): string {
  if (status === 'treated') return 'In the treatment group.';
  const cause = exclusionCause(status, s);
  return `Not in the treatment group: ${cause}.`;
}
