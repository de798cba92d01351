import { describe, expect, it } from 'vitest';
import { exclusionSentence, participantStatusReason, statusLabel, submittedSentence, treatmentGroupSentence } from './funnelWording';

const settings = { extractDate: '2019-03-31', followUpDays: 365, waitingDays: 183, windowBeforeDays: 365, windowAfterDays: 90, minimumAge: 18 };

describe('funnelSentence', () => {
  it('words the reference report\'s steps (Southwark IOM, 103 submitted)', () => {
    expect(submittedSentence(103)).toBe('103 participants were submitted for analysis.');
    expect(exclusionSentence('not_identified', 0, 103, settings)).toBe('Nobody was excluded because they could not be identified in the extract (no person ID, or one not found in the cohort).');
    expect(exclusionSentence('no_record', 14, 103, settings)).toBe(
      '14 people (14%) were excluded because they did not have a record in the extract that corresponded to their time period of participation (an index date from 365 days before to 90 days after their start date).',
    );
    expect(exclusionSentence('under_18', 2, 103, settings)).toBe('2 people (2%) were excluded because they were under 18 years old when they started the programme.');
  });

  it('uses the singular, "<1%" for a share that rounds to 0, and thousands separators', () => {
    expect(exclusionSentence('duplicate', 1, 3000, settings)).toBe('1 person (<1%) was excluded because they were submitted more than once (the first row of each person is kept).');
    expect(submittedSentence(1)).toBe('1 participant was submitted for analysis.');
    expect(exclusionSentence('reoffended_before_start', 1500, 2000, settings)).toBe('1,500 people (75%) were excluded because they had reoffended before they started the intervention.');
  });

  it('follows the settings in force', () => {
    const s = { ...settings, followUpDays: 730, waitingDays: 90, minimumAge: 21, extractDate: '2020-01-31' };
    expect(exclusionSentence('incomplete_follow_up', 4, 100, s)).toBe('4 people (4%) were excluded because their record did not have a complete 730-day follow-up and 90-day waiting period by the extract date (31 January 2020).');
    expect(statusLabel('under_18', s)).toBe('Under 21 at the start');
  });
});

describe('treatmentGroupSentence', () => {
  it('gives the share of those submitted (71 of 103 is 69%)', () => {
    expect(treatmentGroupSentence(103, 71)).toBe(
      'The treatment group contained 71 people: 69% of the participants originally submitted.',
    );
  });
});

describe('participantStatusReason', () => {
  it('gives one person the cause the funnel gives the step', () => {
    expect(participantStatusReason('treated', settings)).toBe('In the treatment group.');
    expect(participantStatusReason('under_18', settings)).toBe('Not in the treatment group: they were under 18 years old when they started the programme.');
    expect(exclusionSentence('under_18', 2, 103, settings)).toContain(participantStatusReason('under_18', settings).slice('Not in the treatment group: '.length, -1));
  });
});
