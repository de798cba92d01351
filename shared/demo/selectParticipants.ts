// The programme's submission: about a hundred participants chosen with a preference for
// high-risk people (and for London, where the demo programme runs), each deliberately placed
// on one step of the exclusion funnel (DATA-FORMAT.md section 5) or in the treatment group.

import { ageInWholeYears } from '../cohort/ageInWholeYears';
import { civilFromEpochDay, epochDayFromCivil } from '../cohort/epochDay';
import type { ParticipantStatus } from '../cohort/funnelSteps';
import { LONDON } from './demoVocabulary';
import type { DemoCohort } from './generateCohort';
import type { ReoffenceOverride } from './generateReoffences';
import { Xoshiro128 } from './xoshiro128';

const PROOF_LIMIT_DAYS = 365 + 183;

export interface PlannedParticipant {
  status: ParticipantStatus;
  /** Person index into the cohort's people; -1 for a blank person_id, -2 for an id not in the cohort. */
  person: number;
  /** The cohort record the funnel should choose; -1 when it should choose none. */
  record: number;
  startDay: number;
  /** -1 when blank. */
  endDay: number;
}

export interface ParticipantPlan {
  /** In submission (file) order. */
  rows: PlannedParticipant[];
  /** Per treated or otherwise linked participant record: how its reoffences must be drawn. */
  overrides: Map<number, ReoffenceOverride>;
  /** People listed in the submission, for keeping them out of anything that needs a non-participant. */
  persons: Set<number>;
}

/** Numbers of participants on each case; the remainder of the submission is treated. */
function caseCounts(submitted: number) {
  const share = (s: number) => Math.max(1, Math.round(s * submitted));
  return {
    duplicate: share(0.03), blank: share(0.02), unknown: share(0.03), no_record: share(0.08),
    incomplete_follow_up: share(0.04), under_18: share(0.02), reoffended_before_start: share(0.1),
  };
}

export function planParticipants(
  cohort: DemoCohort,
  submitted: number,
  effect: number,
  extractDay: number,
  rng: Xoshiro128,
): ParticipantPlan {
  const n = cohort.size;
  // Weighted sampling without replacement (Efraimidis-Spirakis): key = log(u) / w, largest first,
  // w = exp(risk score) x 4 in London: participants are chosen on risk, which matching must undo.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = Math.exp(cohort.riskScore[i]) * (cohort.region[i] === LONDON ? 4 : 1);
    keys[i] = Math.log(rng.uniform()) / w;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b);

  const used = new Set<number>();
  const rows: PlannedParticipant[] = [];
  const overrides = new Map<number, ReoffenceOverride>();
  const complete = (r: number) => cohort.indexDay[r] + PROOF_LIMIT_DAYS <= extractDay;
  const endOf = (start: number) => (rng.chance(0.15) ? -1 : start + 60 + rng.int(300));

  /** Takes the first `count` records in key order whose start offset `propose` accepts. */
  const take = (count: number, status: ParticipantStatus, propose: (r: number) => number | null): PlannedParticipant[] => {
    const taken: PlannedParticipant[] = [];
    for (let k = 0; k < n && taken.length < count; k++) {
      const r = order[k];
      const person = cohort.personOf[r];
      if (used.has(person)) continue;
      const start = propose(r);
      if (start === null) continue;
      used.add(person);
      const row = { status, person, record: status === 'no_record' ? -1 : r, startDay: start, endDay: endOf(start) };
      taken.push(row);
      rows.push(row);
    }
    if (taken.length < count) throw new Error(`cohort too small to place ${count} demo participants as ${status}`);
    return taken;
  };
  const adultAt = (r: number, day: number) => ageInWholeYears(cohort.dobDay[r], day) >= 18;

  const counts = caseCounts(submitted);
  const treatedCount = submitted - Object.values(counts).reduce((a, b) => a + b, 0);
  if (treatedCount < 1) throw new Error('too few participants for every funnel case');

  // One treated participant starts on their 18th birthday (the boundary of step 6).
  const eighteenth = (r: number) => {
    const [y, m, d] = civilFromEpochDay(cohort.dobDay[r]);
    return epochDayFromCivil(y + 18, m, d);
  };
  const treated = take(1, 'treated', (r) => {
    const start = eighteenth(r);
    const offset = start - cohort.indexDay[r];
    return complete(r) && offset >= -60 && offset <= 120 ? start : null;
  });
  take(counts.under_18, 'under_18', (r) => {
    const start = cohort.indexDay[r] + rng.int(61);
    return complete(r) && !adultAt(r, start) ? start : null;
  });
  const before = take(counts.reoffended_before_start, 'reoffended_before_start', (r) => {
    const start = cohort.indexDay[r] + 30 + rng.int(61);
    return complete(r) && adultAt(r, start) ? start : null;
  });
  take(counts.incomplete_follow_up, 'incomplete_follow_up', (r) => {
    const start = Math.min(cohort.indexDay[r] - 60 + rng.int(181), extractDay);
    return !complete(r) && adultAt(r, start) ? start : null;
  });
  // A record is in the window when start - 365 <= index date <= start + 90. Participants start
  // from 60 days before to 120 days after their record's index date. A no-record participant
  // starts 91 to 270 days before one: outside its window, and (records of a person being at
  // least DEMO_MIN_RECORD_GAP apart) more than 365 days after any earlier record.
  take(counts.no_record, 'no_record', (r) => {
    const start = cohort.indexDay[r] - 91 - rng.int(180);
    return adultAt(r, start) ? start : null;
  });
  treated.push(...take(treatedCount - 1, 'treated', (r) => {
    const start = cohort.indexDay[r] - 60 + rng.int(181);
    return complete(r) && adultAt(r, start) ? start : null;
  }));

  for (const row of treated) {
    const r = row.record;
    overrides.set(r, {
      p: Math.min(0.99, Math.max(0.01, cohort.p0[r] + effect)),
      earliestDay: Math.max(1, row.startDay - cohort.indexDay[r]),
      forceBeforeDay: 0,
    });
  }
  for (const row of before) {
    overrides.set(row.record, { p: 1, earliestDay: 1, forceBeforeDay: row.startDay - cohort.indexDay[row.record] });
  }

  const someStart = () => cohort.indexDay[order[rng.int(n)]] + rng.int(91);
  for (let k = 0; k < counts.blank; k++) {
    const start = someStart();
    rows.push({ status: 'not_identified', person: -1, record: -1, startDay: start, endDay: endOf(start) });
  }
  for (let k = 0; k < counts.unknown; k++) {
    const start = someStart();
    rows.push({ status: 'not_identified', person: -2, record: -1, startDay: start, endDay: endOf(start) });
  }

  // Fisher-Yates shuffle, then each duplicate goes somewhere after the treated row it repeats.
  for (let k = rows.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [rows[k], rows[j]] = [rows[j], rows[k]];
  }
  for (let k = 0; k < counts.duplicate; k++) {
    const original = treated[k % treated.length];
    const at = rows.indexOf(original);
    const start = original.startDay + 30 + rng.int(200);
    const dup: PlannedParticipant = { status: 'duplicate', person: original.person, record: -1, startDay: start, endDay: endOf(start) };
    rows.splice(at + 1 + rng.int(rows.length - at), 0, dup);
  }
  return { rows, overrides, persons: used };
}
