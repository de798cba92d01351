// A complete synthetic extract (cohort, reoffences, participants) with the generator's own
// record of what the analysis should find: each participant's funnel case and the true effect.

import { isoFromEpochDay } from '../cohort/epochDay';
import { FUNNEL_STEPS, type FunnelCount, type ParticipantStatus } from '../cohort/funnelSteps';
import { DEMO_EXTRACT_DAY, generateCohort, type DemoCohort } from './generateCohort';
import { generateReoffences, type DemoReoffences } from './generateReoffences';
import { demoParticipantRef, demoPersonId, demoRecordId } from './demoIds';
import { planParticipants } from './selectParticipants';
import { Xoshiro128 } from './xoshiro128';

export interface DemoOptions {
  /** Cohort records (default 20,000). */
  records?: number;
  /** Rows of the submission, duplicates included (default 100). */
  participants?: number;
  /** Default 1. */
  seed?: number;
  /** Programme effect on the one-year proven reoffending probability (default -0.08). */
  effect?: number;
}

export const DEMO_DEFAULTS = { records: 20_000, participants: 100, seed: 1, effect: -0.08 } as const;

export interface DemoParticipants {
  participantRef: string[];
  /** '' when blank. */
  personId: string[];
  startDay: Int32Array;
  /** -1 when blank. */
  endDay: Int32Array;
}

/** What the generator knows to be true: demo-truth.json. */
export interface DemoTruth {
  seed: number;
  records: number;
  submitted: number;
  /** ISO date; also the latest disposal_date of reoffences.csv. */
  extractDate: string;
  /** The effect setting: added to each treated participant's probability, clipped to [0.01, 0.99]. */
  effect: number;
  /** Mean of p1 - p0 over the treatment group's chosen records (differs from `effect` by the clipping). */
  trueAverageEffect: number;
  /** Mean p0 and p1 over the same records. */
  treatedMeanP0: number;
  treatedMeanP1: number;
  /** The funnel the analysis should report, in the shape of results.json. */
  funnel: FunnelCount[];
  /** participant_ref -> funnel step that drops it, or 'treated'. */
  cases: Record<string, ParticipantStatus>;
  /** participant_ref -> record_id the funnel should choose, for everyone who gets past step 4. */
  chosenRecord: Record<string, string>;
}

export interface DemoExtract {
  cohort: DemoCohort;
  /** person_id of each of the cohort's people. */
  personIds: string[];
  reoffences: DemoReoffences;
  participants: DemoParticipants;
  truth: DemoTruth;
}

export function generateDemoExtract(options: DemoOptions = {}): DemoExtract {
  const records = options.records ?? DEMO_DEFAULTS.records;
  const submitted = options.participants ?? DEMO_DEFAULTS.participants;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const effect = options.effect ?? DEMO_DEFAULTS.effect;
  if (!Number.isInteger(records) || records < 1000) throw new Error('records must be a whole number of at least 1000');
  if (!Number.isInteger(submitted) || submitted < 20) throw new Error('participants must be a whole number of at least 20');
  if (records < 20 * submitted) throw new Error('records must be at least 20 times the participants');
  if (!(Math.abs(effect) <= 0.5)) throw new Error('effect must be between -0.5 and 0.5');
  if (!Number.isInteger(seed)) throw new Error('seed must be a whole number');

  const rng = Xoshiro128.fromSeed(seed);
  const extractDay = DEMO_EXTRACT_DAY;
  const cohort = generateCohort(records, rng);
  const plan = planParticipants(cohort, submitted, effect, extractDay, rng);

  // The extract-date anchor: the latest record of someone not in the submission.
  let anchor = -1;
  for (let i = 0; i < cohort.size; i++) {
    if (!plan.persons.has(cohort.personOf[i]) && (anchor < 0 || cohort.indexDay[i] > cohort.indexDay[anchor])) anchor = i;
  }
  const reoffences = generateReoffences(cohort, plan.overrides, extractDay, anchor, rng);

  const personIds = Array.from({ length: cohort.personCount }, (_, p) => demoPersonId(p));
  const participants: DemoParticipants = {
    participantRef: [], personId: [], startDay: new Int32Array(plan.rows.length), endDay: new Int32Array(plan.rows.length),
  };
  const cases: Record<string, ParticipantStatus> = {};
  const chosenRecord: Record<string, string> = {};
  let unknown = 0;
  let sumP0 = 0;
  let sumP1 = 0;
  let treated = 0;
  plan.rows.forEach((row, k) => {
    const ref = demoParticipantRef(k);
    participants.participantRef.push(ref);
    // Ids not in the cohort are valid-looking PNC ids with serials beyond the cohort's people.
    participants.personId.push(row.person >= 0 ? personIds[row.person] : row.person === -1 ? '' : demoPersonId(cohort.personCount + 1 + 7919 * unknown++));
    participants.startDay[k] = row.startDay;
    participants.endDay[k] = row.endDay;
    cases[ref] = row.status;
    if (row.record >= 0) chosenRecord[ref] = demoRecordId(row.record);
    if (row.status === 'treated') {
      treated++;
      sumP0 += cohort.p0[row.record];
      sumP1 += plan.overrides.get(row.record)!.p;
    }
  });

  const funnel: FunnelCount[] = [];
  let remaining = plan.rows.length;
  for (const step of FUNNEL_STEPS) {
    const dropped = step === 'submitted' ? 0 : plan.rows.filter((r) => r.status === step).length;
    remaining -= dropped;
    funnel.push({ step, dropped, remaining });
  }

  const truth: DemoTruth = {
    seed, records, submitted: plan.rows.length, extractDate: isoFromEpochDay(extractDay), effect,
    trueAverageEffect: (sumP1 - sumP0) / treated, treatedMeanP0: sumP0 / treated, treatedMeanP1: sumP1 / treated,
    funnel, cases, chosenRecord,
  };
  return { cohort, personIds, reoffences, participants, truth };
}
