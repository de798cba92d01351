// Why a submitted participant is or is not in the treatment group, as an analyst would pass it
// on to the programme ("why was my person left out?"). Steps of DATA-FORMAT.md section 5.
import type { ParticipantStatus } from '../cohort/funnelSteps';

export interface ReasonSettings {
  windowBeforeDays: number;
  windowAfterDays: number;
  minimumAge: number;
}

export function participantStatusReason(status: ParticipantStatus, s: ReasonSettings): string {
  switch (status) {
    case 'treated':
      return 'In the treatment group.';
    case 'duplicate':
      return 'Submitted more than once: an earlier row with the same person_id is used.';
    case 'not_identified':
      return 'Not identified: no person_id was given, or it matches no one in the cohort extract.';
    case 'no_record':
      return `No cohort record with an index date from ${s.windowBeforeDays} days before to ${s.windowAfterDays} days after the start date.`;
    case 'incomplete_follow_up':
      return 'The chosen record does not have a complete one-year follow-up (and waiting period) by the extract date.';
    case 'under_18':
      return `Under ${s.minimumAge} at the start date.`;
    case 'reoffended_before_start':
      return 'Committed a proven reoffence after the index date but before the start date.';
  }
}
