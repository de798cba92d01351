// Every branch of the plain-language statements (METHOD.md section 9). Figures are chosen so the
// rounded numbers are obvious by hand; rates and frequencies are spoken per 100 people.
import { describe, expect, it } from 'vitest';
import type { MeasureResult, Outcomes } from '../outcomes/computeOutcomes';
import type { HeadlineFigures } from './headlineMeasure';
import { matchingSummary } from './matchingSummary';
import { overallEstimateSentence, overallEstimatesHeading } from './overallEstimates';
import { sampleSizeSentence } from './sampleSizeSentence';
import { significantResults } from './significantResults';
import { subjectNouns } from './subjectNouns';
import { typicalHundredHeading, typicalHundredSentence } from './typicalHundred';
import { whatYouCanSay, whatYouCannotSay } from './whatYouCanSay';

const people = subjectNouns(null);
const men = subjectNouns('M');
const women = subjectNouns('F');
const ORG = 'The Example programme';
const fig = (treatmentMean: number, comparisonMean: number, ciLow: number, ciHigh: number): HeadlineFigures => ({
  treatmentMean,
  comparisonMean,
  difference: treatmentMean - comparisonMean,
  ciLow,
  ciHigh,
});

// Rate 0.50 vs 0.40, CI [+0.03, +0.17]: 3 to 17 more per 100.
const rateUp = fig(0.5, 0.4, 0.031, 0.169);
// Rate 0.30 vs 0.40, CI [-0.17, -0.03].
const rateDown = fig(0.3, 0.4, -0.169, -0.031);

describe('overall estimates', () => {
  it('both bounds above zero: higher by between, significant', () => {
    expect(overallEstimateSentence('rate', rateUp, people)).toBe(
      'The number of people who would commit a proven reoffence during the year after completion of the programme could be higher by between 3 and 17 people. This is a statistically significant result.',
    );
    expect(overallEstimateSentence('daysToFirst', fig(120, 100, 4.6, 35.2), people)).toBe(
      'On average, the time before a re-offender committed their first proven re-offence could be longer by between 5 and 35 days. This is a statistically significant result.',
    );
  });

  it('both bounds below zero: lower by between |U| and |L|', () => {
    expect(overallEstimateSentence('frequency', fig(1.2, 1.8, -0.904, -0.296), people)).toBe(
      'The number of proven reoffences committed during the year could be lower by between 30 and 90 offences. This is a statistically significant result.',
    );
    expect(overallEstimateSentence('daysToFirst', fig(80, 100, -35.2, -4.6), people)).toBe(
      'On average, the time before a re-offender committed their first proven re-offence could be shorter by between 5 and 35 days. This is a statistically significant result.',
    );
  });

  it('straddling zero: as many as, singular unit, men', () => {
    expect(overallEstimateSentence('rate', fig(0.4, 0.41, -0.01, 0.2), men)).toBe(
      'The number of men who would commit a proven reoffence during the year after completion of the programme could be lower by as many as 1 man, or higher by as many as 20 men.',
    );
    expect(overallEstimatesHeading(women)).toBe('For any 100 typical women who receive the intervention, compared with any 100 similar women who do not receive it:');
  });

  it('never says a significant bound is 0 (issue 11: CI +0.34 to +72.9 days read "between 0 and 73 days")', () => {
    expect(overallEstimateSentence('daysToFirst', fig(120, 100, 0.34, 72.9), people)).toBe(
      'On average, the time before a re-offender committed their first proven re-offence could be longer by between 0.3 and 73 days. This is a statistically significant result.',
    );
    expect(whatYouCanSay('daysToFirst', fig(120, 100, 0.34, 72.9), ORG, people)).toBe(
      'This analysis provides evidence that, for recipients who reoffend during the one-year follow up period, The Example programme lengthens the average time to first proven reoffence by between 0.3 and 73 days.',
    );
    // A rate CI of -0.004 to -0.2 per person: 0.4 to 20 people per 100, not "0 to 20".
    expect(overallEstimateSentence('rate', fig(0.3, 0.4, -0.2, -0.004), people)).toMatch(/lower by between 0\.4 and 20 people\./);
  });

  it('says nothing without a CI', () => {
    expect(overallEstimateSentence('rate', { ...rateUp, ciLow: null, ciHigh: null }, people)).toBeNull();
  });
});

describe('what you can and cannot say', () => {
  it('both bounds above zero', () => {
    expect(whatYouCanSay('rate', rateUp, ORG, people)).toBe(
      'This analysis provides evidence that, for every 100 participants, The Example programme increases the number of proven reoffenders during the one-year follow up period by between 3 and 17 people.',
    );
    expect(whatYouCannotSay('rate', rateUp, ORG)).toBe('This analysis shows that The Example programme decreases/has no effect on the one-year proven reoffending rate of its participants.');
  });

  it('both bounds below zero', () => {
    expect(whatYouCanSay('frequency', fig(1.2, 1.8, -0.904, -0.296), ORG, people)).toBe(
      'This analysis provides evidence that, for every 100 participants, The Example programme decreases the number of proven reoffences during the one-year follow up period by between 30 and 90 reoffences.',
    );
    expect(whatYouCannotSay('frequency', rateDown, ORG)).toBe('This analysis shows that The Example programme increases/has no effect on the frequency of reoffending of its participants.');
    expect(whatYouCanSay('daysToFirst', fig(80, 100, -35.2, -4.6), ORG, people)).toBe(
      'This analysis provides evidence that, for recipients who reoffend during the one-year follow up period, The Example programme shortens the average time to first proven reoffence by between 5 and 35 days.',
    );
  });

  it('straddling zero, with a singular bound', () => {
    expect(whatYouCanSay('frequency', fig(1.8, 1.8, -0.01, 0.3), ORG, people)).toBe(
      'This analysis provides evidence that, for every 100 participants, The Example programme may decrease the number of proven reoffences during the one-year follow up period by up to 1 reoffence, or may increase it by up to 30 reoffences.',
    );
    expect(whatYouCanSay('daysToFirst', fig(101, 100, -0.9, 12), ORG, people)).toBe(
      'This analysis provides evidence that, for recipients who reoffend during the one-year follow up period, The Example programme may shorten the average time to first proven reoffence by up to 1 day, or may lengthen it by up to 12 days.',
    );
  });
});

describe('for any 100 typical people', () => {
  it('says more/fewer, later/earlier', () => {
    expect(typicalHundredHeading('treatment', people)).toBe('For any 100 typical people in the treatment group:');
    expect(typicalHundredSentence('rate', 'treatment', rateDown, women)).toBe(
      '30 of the 100 women would have committed a proven reoffence within a one-year period (a rate of 30%). This is 10 women fewer than in the comparison group.',
    );
    expect(typicalHundredSentence('frequency', 'treatment', fig(2.5, 2.0, 0, 1), people)).toBe(
      '250 proven reoffences were committed by the 100 people during the year (a frequency of 2.5 offences per person), 50 offences more than the comparison group.',
    );
    expect(typicalHundredSentence('daysToFirst', 'treatment', fig(90.2, 100.1, -20, 1), people)).toBe(
      '90 days was the average time before a reoffender committed their first proven reoffence, 10 days earlier than in the comparison group.',
    );
  });

  it('says "similar to" when the difference rounds to 0', () => {
    // 100 x (0.403 - 0.398) = 0.5 -> rounds away from zero to 1; 100 x (0.402 - 0.398) = 0.4 -> 0.
    expect(typicalHundredSentence('rate', 'treatment', fig(0.402, 0.398, -0.1, 0.1), people)).toBe(
      '40 of the 100 people would have committed a proven reoffence within a one-year period (a rate of 40%). This is similar to the comparison group.',
    );
    expect(typicalHundredSentence('frequency', 'treatment', fig(2.001, 2.0, -0.1, 0.1), people)).toBe(
      '200 proven reoffences were committed by the 100 people during the year (a frequency of 2.0 offences per person), similar to the comparison group.',
    );
    expect(typicalHundredSentence('daysToFirst', 'treatment', fig(100.3, 100, -9, 9), people)).toBe(
      '100 days was the average time before a reoffender committed their first proven reoffence, similar to the comparison group.',
    );
  });

  it('uses the singular for one person, offence and day', () => {
    expect(typicalHundredSentence('rate', 'treatment', fig(0.01, 0.0, 0, 0.02), people)).toBe(
      '1 of the 100 people would have committed a proven reoffence within a one-year period (a rate of 1%). This is 1 person more than in the comparison group.',
    );
    expect(typicalHundredSentence('frequency', 'comparison', fig(0.02, 0.01, 0, 0.02), people)).toBe(
      '1 proven reoffence was committed by the 100 people during the year (a frequency of 0.0 offences per person).',
    );
    expect(typicalHundredSentence('frequency', 'treatment', fig(0.02, 0.01, 0, 0.02), people)).toMatch(/, 1 offence more than the comparison group\.$/);
    expect(typicalHundredSentence('daysToFirst', 'comparison', fig(2, 1, 0, 2), people)).toBe('1 day was the average time before a reoffender committed their first proven reoffence.');
  });
});

describe('sample size sentence', () => {
  it('is said only when the rate is not significant', () => {
    expect(sampleSizeSentence({ significant: true, numberNeeded: 300 }, people)).toBeNull();
    expect(sampleSizeSentence({ significant: false, numberNeeded: 2500 }, men)).toBe(
      'More men would need to be available for analysis in order to determine the direction of the difference in the number of men who commit a proven reoffence during one year after release. It is estimated that a treatment group of 2,500 men would be needed.',
    );
    expect(sampleSizeSentence({ significant: false, numberNeeded: null }, people)).toMatch(/after release\.$/);
  });
});

describe('significant results', () => {
  const measure = (over: Partial<MeasureResult>): MeasureResult => ({
    nTreatment: 44, nComparison: 1000, effectiveSize: 800, treatmentMean: 1, comparisonMean: 1, difference: 0,
    standardError: 0.1, df: 50, ciLow: -0.1, ciHigh: 0.1, p: 0.5, significant: false, numberNeeded: null,
    treatmentHalfWidth: 0.1, comparisonHalfWidth: 0.01, events: 40, unavailableReason: null, shown: true, hiddenReason: null, ...over,
  });
  const plain = measure({});
  const outcomes: Outcomes = {
    rate: plain, frequency: plain, daysToFirst: plain,
    courtOutcomeRate: { indictable: measure({ significant: true, difference: 0.2, events: 9 }), either_way: plain, summary: measure({ significant: true, difference: 0.1, events: 15 }) },
    courtOutcomeFrequency: { indictable: plain, either_way: measure({ significant: true, difference: -1.3, events: 84 }), summary: plain },
    custodialRate: measure({ significant: true, difference: -0.2, shown: false }),
    custodialFrequency: measure({ significant: true, difference: -1.06, events: 51 }),
  };

  it('lists the significant measures that pass the gates, with the reference wording', () => {
    expect(significantResults(outcomes).map((r) => r.sentence)).toEqual([
      'Participants who reoffend within a one-year period are more likely to have a summary offence as their first reoffence, when compared with non-participants (Table 4).',
      'Participants who reoffend within a one-year period commit fewer either way reoffences, when compared with non-participants (Table 5).',
      'Participants who reoffend within a one-year period receive fewer custodial sentences, when compared with non-participants (Table 7).',
    ]);
  });
});

describe('matching summary', () => {
  it('names the reasonably and poorly matched variables in plain words', () => {
    expect(
      matchingSummary('National', [
        { variable: 'age_at_index', smdAfter: 1.2, band: 'well' },
        { variable: 'ethnicity', level: 'White', smdAfter: -2, band: 'well' },
        { variable: 'prev_offences', smdAfter: 3, band: 'well' },
        { variable: 'uk_national', smdAfter: 0.4, band: 'well' },
        { variable: 'index_offence', level: 'Violence_against_the_person', smdAfter: 6.1, band: 'reasonably' },
        { variable: 'index_disposal', level: 'custody_lt_6m', smdAfter: -7, band: 'reasonably' },
        { variable: 'oasys_accommodation', level: '(missing)', smdAfter: 12, band: 'poorly' },
      ]),
    ).toBe(
      'In the national analysis, most variables were well matched. The groups were reasonably well matched on an index offence of violence against the person and an index custodial sentence of under 6 months. The groups were poorly matched on missing accommodation (OASys).',
    );
  });

  it('says "all" when nothing is named, "half" and "fewer than half" when most are not well matched', () => {
    expect(matchingSummary('Regional', [{ variable: 'sex', level: 'M', smdAfter: 0, band: 'well' }])).toBe('In the regional analysis, all variables were well matched.');
    expect(
      matchingSummary('Regional', [
        { variable: 'score', smdAfter: 15, band: 'poorly' },
        { variable: 'uk_national', smdAfter: 1, band: 'well' },
      ]),
    ).toBe('In the regional analysis, half of the variables were well matched. The groups were poorly matched on the propensity score.');
    expect(
      matchingSummary('Regional', [
        { variable: 'score', smdAfter: 15, band: 'poorly' },
        { variable: 'ethnicity', level: 'Asian', smdAfter: 8, band: 'reasonably' },
        { variable: 'uk_national', smdAfter: 1, band: 'well' },
      ]),
    ).toBe('In the regional analysis, fewer than half of the variables were well matched. The groups were reasonably well matched on Asian ethnicity. The groups were poorly matched on the propensity score.');
  });
});
