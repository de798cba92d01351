// The submitted-but-not-analysed participants whose data exist (METHOD.md section 10), as one
// cohort record per person for their profile.

import type { CohortArrays, ParticipantRows } from './cohortArrays';
import { compareRecordIds } from './compareRecordIds';
import type { FunnelResult } from './exclusionFunnel';

export interface NotAnalysedGroup {
  /** Participants submitted but not in the treatment group: every row but the treated ones, plus `notMatched`. */
  submittedNotAnalysed: number;
  /** One record per such person found in the cohort, ascending. */
  records: Int32Array;
  /** Of them, not identified: no cohort record, so no personal information. */
  withoutData: number;
  /** Of them, rows repeating a person submitted earlier (that person is profiled once, or is treated). */
  duplicates: number;
}

/**
 * A person's record is the one the funnel chose; for someone dropped at step 4 (no record in the
 * window) it is their latest record (equal dates: greater record_id), which carries their sex,
 * ethnicity and nationality but says nothing about the participation: profile this group with
 * `personLevelOnly`. `notMatched` lists treated records an analysis could not match (step 8).
 */
export function notAnalysedRecords(
  cohort: CohortArrays,
  participants: ParticipantRows,
  funnel: FunnelResult,
  notMatched: ArrayLike<number> = [],
): NotAnalysedGroup {
  const wanted = new Set<string>();
  let submittedNotAnalysed = notMatched.length;
  let withoutData = 0;
  let duplicates = 0;
  const chosen: number[] = Array.from(notMatched);
  participants.personId.forEach((person, k) => {
    const status = funnel.status[k];
    if (status === 'treated') return;
    submittedNotAnalysed++;
    if (funnel.record[k] >= 0) chosen.push(funnel.record[k]);
    else if (status === 'no_record') wanted.add(person);
    else if (status === 'duplicate') duplicates++;
    else withoutData++;
  });

  const latest = new Map<string, number>();
  for (let i = 0; i < cohort.recordId.length; i++) {
    const person = cohort.personId[i];
    if (!wanted.has(person)) continue;
    const j = latest.get(person);
    if (j === undefined || cohort.indexDay[i] > cohort.indexDay[j] ||
      (cohort.indexDay[i] === cohort.indexDay[j] && compareRecordIds(cohort.recordId[i], cohort.recordId[j]) > 0)) {
      latest.set(person, i);
    }
  }
  const records = Int32Array.from([...chosen, ...latest.values()]).sort();
  return { submittedNotAnalysed, records, withoutData, duplicates };
}
