// From the submission to the treatment group (DATA-FORMAT.md section 5, steps 1-7), and the
// comparison pool's eligibility. Step 8 (not matched) belongs to each analysis.

import { ageInWholeYears } from './ageInWholeYears';
import { STANDARD_COHORT_SETTINGS } from './standardCohortSettings';
import type { CohortArrays, ParticipantRows } from './cohortArrays';
import { compareRecordIds } from './compareRecordIds';
import { FUNNEL_STEPS, type FunnelCount, type ParticipantStatus } from './funnelSteps';
import { ROWS_PER_REPORT, type DerivedRecords, type RowProgress } from './deriveOutcomes';

export interface FunnelSettings {
  /** A record belongs to the participation when start - windowBeforeDays <= index date (default 365). */
  windowBeforeDays: number;
  /** ... and index date <= start + windowAfterDays (default 90). */
  windowAfterDays: number;
  /** Youngest age at start kept (default 18). */
  minimumAge: number;
}

const { windowBeforeDays, windowAfterDays, minimumAge } = STANDARD_COHORT_SETTINGS;
export const DEFAULT_FUNNEL_SETTINGS: FunnelSettings = { windowBeforeDays, windowAfterDays, minimumAge };

export interface FunnelStepCount extends FunnelCount {
  /** dropped (for `submitted`: remaining) as a percentage of those submitted, unrounded. */
  percentOfSubmitted: number;
}

export interface FunnelResult {
  /** Per participant row, in submission order. */
  status: ParticipantStatus[];
  /** Per participant row: the chosen cohort record (step 4), or -1 when none was chosen. */
  record: Int32Array;
  steps: FunnelStepCount[];
  /** Chosen records of the treated participants, ascending. */
  treatmentRecords: Int32Array;
  /** Per cohort record: 1 when it may join the comparison pool (before any analysis's pool filter). */
  poolEligible: Uint8Array;
}

export function exclusionFunnel(
  cohort: CohortArrays,
  derived: DerivedRecords,
  participants: ParticipantRows,
  settings: Partial<FunnelSettings> = {},
  progress: RowProgress = () => undefined,
): FunnelResult {
  const { windowBeforeDays, windowAfterDays, minimumAge } = { ...DEFAULT_FUNNEL_SETTINGS, ...settings };
  const { outcomes, completeFollowUp, ageAtIndex } = derived;
  const n = cohort.recordId.length;
  const { person, persons } = cohort;
  // The records of each person, by person number (records ascending within a person), and which persons the
  // submission lists: one map lookup per distinct person in the submission's few ids, not a map of the whole cohort
  // (1M records: about 1 s of CPU and its garbage).
  const firstOf = new Int32Array(persons + 1);
  for (let i = 0; i < n; i++) firstOf[person[i] + 1]++;
  for (let p = 0; p < persons; p++) firstOf[p + 1] += firstOf[p];
  const recordsByPerson = new Int32Array(n);
  const next = firstOf.slice(0, persons);
  const listedIds = new Set(participants.personId);
  const numberOfListed = new Map<string, number>();
  const listed = new Uint8Array(persons);
  for (let i = 0; i < n; i++) {
    if ((i & (ROWS_PER_REPORT - 1)) === 0) progress(i / n / 2);
    const p = person[i];
    // A person's first record: its id is looked up once.
    if (next[p] === firstOf[p] && listedIds.has(cohort.personId[i])) {
      listed[p] = 1;
      numberOfListed.set(cohort.personId[i], p);
    }
    recordsByPerson[next[p]++] = i;
  }

  const m = participants.participantRef.length;
  const status: ParticipantStatus[] = new Array(m);
  const record = new Int32Array(m).fill(-1);
  const seen = new Set<string>();
  for (let k = 0; k < m; k++) {
    const id = participants.personId[k];
    const start = participants.startDay[k];
    // A blank person_id is never a duplicate of another blank one: it is simply not identified.
    if (id !== '' && seen.has(id)) {
      status[k] = 'duplicate';
      continue;
    }
    seen.add(id);
    const p = id === '' ? undefined : numberOfListed.get(id);
    if (p === undefined) {
      status[k] = 'not_identified';
      continue;
    }
    let chosen = -1;
    for (let q = firstOf[p]; q < firstOf[p + 1]; q++) {
      const i = recordsByPerson[q];
      const index = cohort.indexDay[i];
      if (index < start - windowBeforeDays || index > start + windowAfterDays) continue;
      if (
        chosen < 0 ||
        index > cohort.indexDay[chosen] ||
        (index === cohort.indexDay[chosen] && compareRecordIds(cohort.recordId[i], cohort.recordId[chosen]) > 0)
      ) {
        chosen = i;
      }
    }
    if (chosen < 0) {
      status[k] = 'no_record';
      continue;
    }
    record[k] = chosen;
    // A counted offence after the index date and before the start: the first one is the earliest.
    const firstOffenceDay = cohort.indexDay[chosen] + outcomes.daysToFirst[chosen];
    if (!completeFollowUp[chosen]) status[k] = 'incomplete_follow_up';
    else if (ageInWholeYears(cohort.dobDay[chosen], start) < minimumAge) status[k] = 'under_18';
    else if (outcomes.reoffended[chosen] && firstOffenceDay < start) status[k] = 'reoffended_before_start';
    else status[k] = 'treated';
  }

  const steps: FunnelStepCount[] = [];
  let remaining = m;
  for (const step of FUNNEL_STEPS) {
    const dropped = step === 'submitted' ? 0 : status.filter((s) => s === step).length;
    remaining -= dropped;
    const shown = step === 'submitted' ? remaining : dropped;
    steps.push({ step, dropped, remaining, percentOfSubmitted: m === 0 ? 0 : (100 * shown) / m });
  }

  const treated: number[] = [];
  for (let k = 0; k < m; k++) if (status[k] === 'treated') treated.push(record[k]);
  const treatmentRecords = Int32Array.from(treated).sort();

  // The pool: records of people not listed in the submission at all, adult at index, with complete follow-up.
  const poolEligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if ((i & (ROWS_PER_REPORT - 1)) === 0) progress((1 + i / n) / 2);
    poolEligible[i] = completeFollowUp[i] && ageAtIndex[i] >= minimumAge && listed[person[i]] === 0 ? 1 : 0;
  }
  return { status, record, steps, treatmentRecords, poolEligible };
}
