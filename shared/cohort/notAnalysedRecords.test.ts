import { describe, expect, it } from 'vitest';
import { cohortOf, day, participantsOf, reoffencesOf } from './cohortFixtures';
import { deriveOutcomes } from './deriveOutcomes';
import { exclusionFunnel } from './exclusionFunnel';
import { notAnalysedRecords } from './notAnalysedRecords';

describe('notAnalysedRecords', () => {
  it('takes the chosen record, or a no-record person\'s latest one, once per person', () => {
    const cohort = cohortOf([
      { recordId: 'A1', personId: 'A', index: '2016-01-01', dob: '1980-01-01' },
      { recordId: 'B1', personId: 'B', index: '2014-01-01', dob: '1980-01-01' },
      { recordId: 'B3', personId: 'B', index: '2015-01-01', dob: '1980-01-01' },
      { recordId: 'B2', personId: 'B', index: '2015-01-01', dob: '1980-01-01' },
      { recordId: 'C1', personId: 'C', index: '2016-01-01', dob: '2000-01-01' },
      { recordId: 'Q1', personId: 'Q', index: '2016-01-01', dob: '1980-01-01' },
    ]);
    const participants = participantsOf([
      { ref: 'P1', personId: 'A', start: '2016-02-01' },
      { ref: 'P2', personId: 'B', start: '2017-06-01' },
      { ref: 'P3', personId: 'C', start: '2016-02-01' },
      { ref: 'P4', personId: 'D', start: '2016-02-01' },
      { ref: 'P5', personId: 'A', start: '2016-05-01' },
      { ref: 'P6', personId: '', start: '2016-05-01' },
    ]);
    const derived = deriveOutcomes(cohort, reoffencesOf([], cohort), { extractDay: day('2020-01-01') });
    const funnel = exclusionFunnel(cohort, derived, participants);
    expect(funnel.status).toEqual(['treated', 'no_record', 'under_18', 'not_identified', 'duplicate', 'not_identified']);

    const group = notAnalysedRecords(cohort, participants, funnel);
    // B's latest records tie on 2015-01-01: B3 > B2. C's chosen record. Not Q (not a participant).
    expect(Array.from(group.records, (i) => cohort.recordId[i])).toEqual(['B3', 'C1']);
    expect(group).toMatchObject({ submittedNotAnalysed: 5, withoutData: 2, duplicates: 1 });

    const withUnmatched = notAnalysedRecords(cohort, participants, funnel, [0]);
    expect(Array.from(withUnmatched.records, (i) => cohort.recordId[i])).toEqual(['A1', 'B3', 'C1']);
    expect(withUnmatched.submittedNotAnalysed).toBe(6);
  });
});
