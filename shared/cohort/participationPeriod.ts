// When the treatment group took part: the first and last start date of its participants (the reference report's
// "participated some time between 2011 and 2015").
import type { ParticipantStatus } from './funnelSteps';
import { isoFromEpochDay } from './epochDay';

export interface ParticipationPeriod {
  /** ISO dates (YYYY-MM-DD) of the earliest and latest start among the treatment group's participants. */
  firstStart: string;
  lastStart: string;
}

/** Null when nobody is in the treatment group. */
export function participationPeriod(startDay: Int32Array, status: readonly ParticipantStatus[]): ParticipationPeriod | null {
  let first = Infinity, last = -Infinity;
  status.forEach((s, k) => {
    if (s !== 'treated') return;
    if (startDay[k] < first) first = startDay[k];
    if (startDay[k] > last) last = startDay[k];
  });
  return first === Infinity ? null : { firstStart: isoFromEpochDay(first), lastStart: isoFromEpochDay(last) };
}
