import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeDemoExtract } from '../../electron/cli/demoCommand';
import { cohortOf, cohortPersons, day, offenderNumbers, participantsOf, reoffencesOf, type CohortRow } from './cohortFixtures';
import { deriveOutcomes } from './deriveOutcomes';
import { epochDayFromIso } from './epochDay';
import { exclusionFunnel } from './exclusionFunnel';
import { COURT_OUTCOMES, type CourtOutcome } from './recordOutcomes';

const ADULT = '1980-01-01';
const cohortRows: CohortRow[] = [
  { recordId: 'A1', personId: 'A', index: '2016-01-01', dob: ADULT },
  { recordId: 'B1', personId: 'B', index: '2016-01-01', dob: ADULT },
  { recordId: 'D1', personId: 'D', index: '2016-01-01', dob: ADULT },
  { recordId: 'E1', personId: 'E', index: '2016-01-01', dob: ADULT },
  { recordId: 'F1', personId: 'F', index: '2016-04-01', dob: ADULT },
  { recordId: 'G1', personId: 'G', index: '2016-04-02', dob: ADULT },
  { recordId: 'H1', personId: 'H', index: '2016-01-01', dob: ADULT },
  { recordId: 'H2', personId: 'H', index: '2016-03-01', dob: ADULT },
  { recordId: '9', personId: 'I', index: '2016-01-01', dob: ADULT },
  { recordId: '10', personId: 'I', index: '2016-01-01', dob: ADULT },
  { recordId: 'J1', personId: 'J', index: '2018-12-01', dob: ADULT },
  { recordId: 'K1', personId: 'K', index: '2016-01-01', dob: '1998-02-01' },
  { recordId: 'L1', personId: 'L', index: '2016-01-01', dob: '1998-02-01' },
  { recordId: 'M1', personId: 'M', index: '2016-01-01', dob: ADULT },
  { recordId: 'N1', personId: 'N', index: '2016-01-01', dob: ADULT },
  { recordId: 'O1', personId: 'O', index: '2016-01-01', dob: ADULT },
  { recordId: 'T1', personId: 'T', index: '2018-12-01', dob: '2001-06-01' },
  { recordId: 'Q1', personId: 'Q', index: '2016-01-01', dob: ADULT },
  { recordId: 'R1', personId: 'R', index: '2016-01-01', dob: '2000-01-01' },
  { recordId: 'S1', personId: 'S', index: '2019-06-01', dob: ADULT },
  { recordId: 'U1', personId: 'U', index: '2016-01-01', dob: '1998-01-01' },
];
const reoffenceRows = [
  { personId: 'M', offence: '2016-02-01', disposal: '2016-03-15' },
  { personId: 'N', offence: '2016-03-01', disposal: '2016-03-15' },
  { personId: 'O', offence: '2016-02-01', disposal: '2016-02-01', pnd: true },
  { personId: 'O', offence: '2016-02-02', disposal: '2017-07-03' },
];
const participantRows = [
  { ref: 'P01', personId: 'A', start: '2016-02-01' },
  { ref: 'P02', personId: 'B', start: '2016-02-01', end: '2016-08-01' },
  { ref: 'P03', personId: 'B', start: '2016-06-01' },
  { ref: 'P04', personId: 'C', start: '2016-02-01' },
  { ref: 'P05', personId: '', start: '2016-02-01' },
  { ref: 'P06', personId: '', start: '2016-03-01' },
  { ref: 'P07', personId: 'D', start: '2017-01-01' },
  { ref: 'P08', personId: 'E', start: '2016-12-31' },
  { ref: 'P09', personId: 'F', start: '2016-01-02' },
  { ref: 'P10', personId: 'G', start: '2016-01-02' },
  { ref: 'P11', personId: 'H', start: '2016-02-01' },
  { ref: 'P12', personId: 'I', start: '2016-02-01' },
  { ref: 'P13', personId: 'J', start: '2018-12-15' },
  { ref: 'P14', personId: 'K', start: '2016-01-31' },
  { ref: 'P15', personId: 'L', start: '2016-02-01' },
  { ref: 'P16', personId: 'M', start: '2016-03-01' },
  { ref: 'P17', personId: 'N', start: '2016-03-01' },
  { ref: 'P18', personId: 'O', start: '2016-03-01' },
  { ref: 'P19', personId: 'T', start: '2018-12-15' },
];
const EXPECTED: Record<string, [string, string | null]> = {
  P01: ['treated', 'A1'],
  P02: ['treated', 'B1'],
  P03: ['duplicate', null],
  P04: ['not_identified', null], // not in the cohort
  P05: ['not_identified', null], // blank
  P06: ['not_identified', null], // a second blank is not a duplicate
  P07: ['no_record', null], // index date 366 days before the start
  P08: ['treated', 'E1'], // index date exactly 365 days before the start
  P09: ['treated', 'F1'], // index date exactly 90 days after the start
  P10: ['no_record', null], // index date 91 days after the start
  P11: ['treated', 'H2'], // the latest of two records in the window
  P12: ['treated', '10'], // equal dates: the greater record_id, 10 > 9
  P13: ['incomplete_follow_up', 'J1'],
  P14: ['under_18', 'K1'], // 18 the day after the start
  P15: ['treated', 'L1'], // 18 exactly on the start date
  P16: ['reoffended_before_start', 'M1'],
  P17: ['treated', 'N1'], // offence on the start date itself is not before it
  P18: ['treated', 'O1'], // a PND, and an offence proven after the waiting period, before the start
  P19: ['incomplete_follow_up', 'T1'], // also under 18: the earlier step wins
};

function run(rows = cohortRows, settings = {}) {
  const cohort = cohortOf(rows);
  const derived = deriveOutcomes(cohort, reoffencesOf(reoffenceRows, cohort), { extractDay: day('2020-01-01') });
  return { cohort, funnel: exclusionFunnel(cohort, derived, participantsOf(participantRows), settings) };
}

describe('exclusionFunnel (DATA-FORMAT.md section 5)', () => {
  it('has the window arithmetic of the fixtures right', () => {
    expect(day('2016-12-31') - day('2016-01-01')).toBe(365);
    expect(day('2017-01-01') - day('2016-01-01')).toBe(366);
    expect(day('2016-04-01') - day('2016-01-02')).toBe(90);
  });

  it('puts each participant on the expected step with the expected record', () => {
    const { cohort, funnel } = run();
    participantRows.forEach((p, k) => {
      const [status, recordId] = EXPECTED[p.ref];
      expect([p.ref, funnel.status[k]]).toEqual([p.ref, status]);
      const r = funnel.record[k];
      expect(r === -1 ? null : cohort.recordId[r]).toBe(recordId);
    });
  });

  it('counts every step with its percentage of those submitted', () => {
    const { funnel } = run();
    expect(funnel.steps.map((s) => [s.step, s.dropped, s.remaining])).toEqual([
      ['submitted', 0, 19],
      ['duplicate', 1, 18],
      ['not_identified', 3, 15],
      ['no_record', 2, 13],
      ['incomplete_follow_up', 2, 11],
      ['under_18', 1, 10],
      ['reoffended_before_start', 1, 9],
    ]);
    expect(funnel.steps[0].percentOfSubmitted).toBe(100);
    expect(funnel.steps[2].percentOfSubmitted).toBeCloseTo(300 / 19, 12);
  });

  it('lists the treated records ascending, and the same ones whatever the cohort row order', () => {
    const ids = (r: ReturnType<typeof run>) => Array.from(r.funnel.treatmentRecords, (i) => r.cohort.recordId[i]);
    const forward = run();
    expect(ids(forward)).toEqual(['A1', 'B1', 'E1', 'F1', 'H2', '10', 'L1', 'N1', 'O1']);
    expect(Array.from(forward.funnel.treatmentRecords)).toEqual([...forward.funnel.treatmentRecords].sort((a, b) => a - b));
    expect(ids(run([...cohortRows].reverse())).sort()).toEqual(ids(forward).sort());
  });

  it('makes the pool of non-participants aged 18 or over at index with complete follow-up', () => {
    const { cohort, funnel } = run();
    const pool = cohort.recordId.filter((_, i) => funnel.poolEligible[i]);
    // Q adult; U exactly 18 at index. Not R (16 at index), not S (incomplete), not any listed person.
    expect(pool).toEqual(['Q1', 'U1']);
  });

  it('takes the participation window as a setting', () => {
    const { funnel } = run(cohortRows, { windowBeforeDays: 366 });
    expect(funnel.status[6]).toBe('treated');
    expect(run(cohortRows, { windowAfterDays: 89 }).funnel.status[8]).toBe('no_record');
  });
});

describe('exclusionFunnel on a demo extract read back from its CSV files', () => {
  it('puts every participant where demo-truth.json says the generator put it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'matchlab-funnel-'));
    try {
      await writeDemoExtract(dir, { records: 6000, participants: 120, seed: 21 });
      const read = async (name: string): Promise<Record<string, string>[]> => parse(await readFile(join(dir, name), 'utf8'), { columns: true });
      const [c, r, p] = await Promise.all([read('cohort.csv'), read('reoffences.csv'), read('participants.csv')]);
      const truth = JSON.parse(await readFile(join(dir, 'demo-truth.json'), 'utf8'));
      const cohort = {
        recordId: c.map((x) => x.record_id),
        ...cohortPersons(c.map((x) => x.person_id)),
        indexDay: Int32Array.from(c, (x) => epochDayFromIso(x.index_date)),
        dobDay: Int32Array.from(c, (x) => epochDayFromIso(x.date_of_birth)),
        male: Uint8Array.from(c, (x) => (x.sex === 'M' ? 1 : 0)),
        region: new Uint16Array(c.length),
        regionLevels: [],
      };
      const reoffences = {
        person: offenderNumbers(cohort, r.map((x) => x.person_id)),
        offenceDay: Int32Array.from(r, (x) => epochDayFromIso(x.offence_date)),
        disposalDay: Int32Array.from(r, (x) => epochDayFromIso(x.disposal_date)),
        court: Int8Array.from(r, (x) => COURT_OUTCOMES.indexOf(x.court_outcome as CourtOutcome)),
        custodial: Uint8Array.from(r, (x) => Number(x.custodial)),
        pnd: Uint8Array.from(r, (x) => Number(x.pnd)),
      };
      const participants = {
        participantRef: p.map((x) => x.participant_ref),
        personId: p.map((x) => x.person_id),
        startDay: Int32Array.from(p, (x) => epochDayFromIso(x.start_date)),
        endDay: Float64Array.from(p, (x) => (x.end_date ? epochDayFromIso(x.end_date) : NaN)),
      };
      const derived = deriveOutcomes(cohort, reoffences);
      const funnel = exclusionFunnel(cohort, derived, participants);

      const cases: Record<string, string> = {};
      const chosen: Record<string, string> = {};
      participants.participantRef.forEach((ref, k) => {
        cases[ref] = funnel.status[k];
        if (funnel.record[k] >= 0) chosen[ref] = cohort.recordId[funnel.record[k]];
      });
      expect(cases).toEqual(truth.cases);
      expect(chosen).toEqual(truth.chosenRecord);
      expect(funnel.steps.map(({ step, dropped, remaining }) => ({ step, dropped, remaining }))).toEqual(truth.funnel);
      expect(derived.completeFollowUp.length).toBe(6000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
