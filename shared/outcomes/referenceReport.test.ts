// Rebuilds the reference report (shared/reference/jdl-report-southwark-iom.txt) from its own published
// figures. Each test names the published figures used as inputs and the ones it checks. The report
// does not publish the comparison groups' effective sizes nor any variance of a frequency or a time,
// so: the comparison n is taken as its record count (the rounded results are checked to be the same
// at a much smaller effective size for Table 1); a rate's variance follows from its mean,
// p(1 - p) x n / (n - 1); a frequency's or time's treatment variance is inferred from the published CI
// width, so for those rows the CI width is an input and only the p-value, significance and wording
// are checks. Expected numbers are computed by hand or in R (independent route), quoted in comments.
import { describe, expect, it } from 'vitest';
import { formatCi, formatFixed, formatP, formatSignificant } from '../format/numberFormat';
import { overallEstimateSentence } from '../wording/overallEstimates';
import { sampleSizeSentence } from '../wording/sampleSizeSentence';
import { subjectNouns } from '../wording/subjectNouns';
import { typicalHundredSentence } from '../wording/typicalHundred';
import { whatYouCanSay, whatYouCannotSay } from '../wording/whatYouCanSay';
import { estimateMeasure, type ComparisonSummary } from './estimateMeasure';
import { measureGate } from './reportingGates';
import type { GroupSummary } from './weightedMoments';

const settings = { alpha: 0.05, power: 0.95 };
const ORG = "Southwark's IOM programme";
const people = subjectNouns(null);

/** A treatment rate from its event count: variance k/n (1 - k/n) n / (n - 1). */
const rateGroup = (k: number, n: number): GroupSummary => ({ n, mean: k / n, variance: (k / n) * (1 - k / n) * (n / (n - 1)) });
/** A comparison rate over `records` records taken as its effective size. */
const rateComparison = (p: number, records: number, n = records): ComparisonSummary => ({ n, records, mean: p, variance: p * (1 - p) * (n / (n - 1)) });
/** A comparison mean whose variance is unpublished: any plausible value is negligible over > 100,000 records. */
const meanComparison = (mean: number, records: number, variance: number): ComparisonSummary => ({ n: records, records, mean, variance });

describe('Table 1, national: rate', () => {
  // Inputs: 71 treated, 44 reoffenders; comparison rate 56.5% over 286,869 records.
  // By hand: y_T = 44/71 = 0.619718; s_T^2 = 0.619718 x 0.380282 x 71/70 = 0.239034; SE = sqrt(0.239034/71
  // + 0.245775/286869) = 0.058030; df = 70.04; t(0.975, 70.04) = 1.99443; d = 0.054718;
  // CI = 0.054718 -/+ 0.115737 = [-0.06102, 0.17046]; p = 2 pt(-0.94293, 70.04) = 0.34896 (R).
  const m = estimateMeasure(rateGroup(44, 71), rateComparison(0.565, 286869), settings);

  it('gives the published CI, p-value and significance', () => {
    expect(m.ciLow).toBeCloseTo(-0.06101878, 7); // R
    expect(m.ciHigh).toBeCloseTo(0.1704554, 7);
    expect(m.p).toBeCloseTo(0.3489613, 7);
    expect(formatCi(m.ciLow, m.ciHigh, 'rate')).toBe('-6 to +17');
    expect(formatP(m.p, 0.05)).toBe('0.35');
    expect(formatSignificant(m.significant)).toBe('No');
  });

  it('gives the same rounded figures if the effective comparison size is only 5,000', () => {
    // The effective size is not published; R at n_C = 5,000: CI [-0.0618, 0.1712], p = 0.3523.
    const small = estimateMeasure(rateGroup(44, 71), rateComparison(0.565, 286869, 5000), settings);
    expect(formatCi(small.ciLow, small.ciHigh, 'rate')).toBe('-6 to +17');
    expect(formatP(small.p, 0.05)).toBe('0.35');
  });

  it('needs a treatment group within the range the rounded comparison rate allows', () => {
    // (1.959964 + 1.644854)^2 = 12.99471; x 0.239034 / 0.054718^2 = 1037.44 -> 1,038 (R: 1037.436).
    // The published 56.5% spans [56.45, 56.55): 1018.7 to 1056.7, inside the 1,004-1,067.
    // The report printed 1,032, which lies in that span.
    expect(m.numberNeeded).toBe(1038);
    expect(sampleSizeSentence(m, people)).toBe(
      'More people would need to be available for analysis in order to determine the direction of the difference in the number of people who commit a proven reoffence during one year after release. It is estimated that a treatment group of 1,038 people would be needed.',
    );
  });

  it('says word for word what the report says about the rate', () => {
    expect(whatYouCanSay('rate', m, ORG, people)).toBe(
      "This analysis provides evidence that, for every 100 participants, Southwark's IOM programme may decrease the number of proven reoffenders during the one-year follow up period by up to 6 people, or may increase it by up to 17 people.",
    );
    expect(overallEstimateSentence('rate', m, people)).toBe(
      'The number of people who would commit a proven reoffence during the year after completion of the programme could be lower by as many as 6 people, or higher by as many as 17 people.',
    );
    expect(typicalHundredSentence('rate', 'treatment', m, people)).toBe(
      '62 of the 100 people would have committed a proven reoffence within a one-year period (a rate of 62%). This is 5 people more than in the comparison group.',
    );
    // 56.5 rounds half away from zero to 57, as the report has it.
    expect(typicalHundredSentence('rate', 'comparison', m, people)).toBe('57 of the 100 people would have committed a proven reoffence within a one-year period (a rate of 57%).');
    // The report names only "increases"; METHOD.md section 9 lists every unsupported claim (and drops "the").
    expect(whatYouCannotSay('rate', m, ORG)).toBe(
      "This analysis shows that Southwark's IOM programme increases/decreases/has no effect on the one-year proven reoffending rate of its participants.",
    );
  });
});

describe('Table 1, regional: rate', () => {
  // Inputs: 44/71; comparison rate 58.1% over 44,961 records. Checked: CI "-8 to +15", p 0.50, "No".
  // R at 58.1%: CI [-0.0771, 0.1545], p = 0.5071 ("0.51"); the published 58.1% spans [58.05, 58.15):
  // at 58.055% R gives CI [-0.07664, 0.15498], p = 0.50221, i.e. the published row, so the report's p
  // fits its rounded rate near the bottom of the span.
  it('gives the published CI at the published rate', () => {
    const m = estimateMeasure(rateGroup(44, 71), rateComparison(0.581, 44961), settings);
    expect(formatCi(m.ciLow, m.ciHigh, 'rate')).toBe('-8 to +15');
    expect(m.p).toBeCloseTo(0.5071131, 6);
  });

  it('gives the whole published row within the rounding of the published rate', () => {
    const m = estimateMeasure(rateGroup(44, 71), rateComparison(0.58055, 44961), settings);
    expect(formatCi(m.ciLow, m.ciHigh, 'rate')).toBe('-8 to +15');
    expect(m.p).toBeCloseTo(0.5022051, 6);
    expect(formatP(m.p, 0.05)).toBe('0.50');
    expect(formatSignificant(m.significant)).toBe('No');
  });
});

describe('Table 2, national: frequency', () => {
  // Inputs: "189 proven reoffences ... by the 100 people" with n = 71 -> 134 offences (133.8 to 134.5
  // allowed), y_T = 134/71 = 1.887324; comparison "241" per 100 -> y_C = 2.41; the CI's half-width
  // (+0.05 - -1.10)/2 = 0.575 -> SE = 0.575 / t(0.975, 70) = 0.288302 -> s_T = 2.429275 (R). The
  // comparison variance is not published: set to s_T^2, which over 286,869 records adds 0.02% to SE.
  // Checked: p 0.07 (R: 0.07416), "No", CI per 100 "-110 to +5" (R: [-1.09774, 0.05239]), wording.
  const sT2 = 5.901377;
  const m = estimateMeasure({ n: 71, mean: 134 / 71, variance: sT2 }, meanComparison(2.41, 286869, sT2), settings);

  it('gives the published p-value and significance', () => {
    expect(m.p).toBeCloseTo(0.0741603, 5);
    expect(formatP(m.p, 0.05)).toBe('0.07');
    expect(formatSignificant(m.significant)).toBe('No');
    expect(formatCi(m.ciLow, m.ciHigh, 'frequency')).toBe('-1.1 to +0.1');
  });

  it('words the frequency as the report does (METHOD.md pattern for the overall estimate)', () => {
    expect(typicalHundredSentence('frequency', 'treatment', m, people)).toBe(
      '189 proven reoffences were committed by the 100 people during the year (a frequency of 1.9 offences per person), 52 offences fewer than the comparison group.',
    );
    expect(typicalHundredSentence('frequency', 'comparison', m, people)).toBe(
      '241 proven reoffences were committed by the 100 people during the year (a frequency of 2.4 offences per person).',
    );
    expect(overallEstimateSentence('frequency', m, people)).toBe(
      'The number of proven reoffences committed during the year could be lower by as many as 110 offences, or higher by as many as 5 offences.',
    );
    expect(whatYouCanSay('frequency', m, ORG, people)).toBe(
      "This analysis provides evidence that, for every 100 participants, Southwark's IOM programme may decrease the number of proven reoffences during the one-year follow up period by up to 110 reoffences, or may increase it by up to 5 reoffences.",
    );
  });
});

describe('Table 2, regional: frequency', () => {
  // Inputs: the national row's y_T and s_T (same treatment group); y_C from the published p 0.14:
  // d = qt(0.93, 70) x 0.288302 = 0.430359 -> y_C = 2.317683 (R), which must round to the published 2.3.
  // Checked: the CI "-1.0 to +0.1" at 1 dp, an independent check of the national s_T (R: [-1.0058, 0.1451]).
  it('is consistent with the national row s_T', () => {
    const m = estimateMeasure({ n: 71, mean: 134 / 71, variance: 5.901377 }, meanComparison(2.317683, 44961, 5.901377), settings);
    expect(formatFixed(m.comparisonMean ?? NaN, 1)).toBe('2.3');
    expect(formatCi(m.ciLow, m.ciHigh, 'frequency')).toBe('-1.0 to +0.1');
    expect(formatP(m.p, 0.05)).toBe('0.14');
  });
});

describe('Table 3, national: days to first reoffence', () => {
  // Inputs: 44 reoffenders; CI width (+31 - -28) -> half-width 29.5 -> SE = 29.5 / t(0.975, 43) = 14.62791
  // -> s_T^2 = 9414.938 (R); means 108.4 and 107.0 are rounded: d spans [1.3, 1.5]; we take the ends
  // of their spans that give d = 1.3, i.e. y_T = 108.35, y_C = 107.05 (at d = 1.4, p = 0.924 -> "0.92").
  // Checked: CI "-28 to +31" (R: [-28.20, 30.80]), p 0.93 (R: 0.92961), "No", "1 day later", wording.
  const v = 9414.938;
  const m = estimateMeasure({ n: 44, mean: 108.35, variance: v }, meanComparison(107.05, 137012, v), settings);

  it('gives the published CI, p and significance', () => {
    expect(formatCi(m.ciLow, m.ciHigh, 'daysToFirst')).toBe('-28 to +31');
    expect(m.p).toBeCloseTo(0.9296079, 6);
    expect(formatP(m.p, 0.05)).toBe('0.93');
    expect(m.significant).toBe(false);
    expect(measureGate('daysToFirst', 44, m.events).shown).toBe(true);
  });

  it('words the time with longer/shorter (METHOD.md) and the singular day', () => {
    expect(typicalHundredSentence('daysToFirst', 'treatment', m, people)).toBe(
      '108 days was the average time before a reoffender committed their first proven reoffence, 1 day later than in the comparison group.',
    );
    expect(typicalHundredSentence('daysToFirst', 'comparison', m, people)).toBe('107 days was the average time before a reoffender committed their first proven reoffence.');
    expect(overallEstimateSentence('daysToFirst', m, people)).toBe(
      'On average, the time before a re-offender committed their first proven re-offence could be shorter by as many as 28 days, or longer by as many as 31 days.',
    );
    expect(whatYouCanSay('daysToFirst', m, ORG, people)).toBe(
      "This analysis provides evidence that, for recipients who reoffend during the one-year follow up period, Southwark's IOM programme may shorten the average time to first proven reoffence by up to 28 days, or may lengthen it by up to 31 days.",
    );
    expect(whatYouCannotSay('daysToFirst', m, ORG)).toBe(
      "This analysis shows that Southwark's IOM programme increases/decreases/has no effect on the average time to first reoffence of its participants.",
    );
  });
});

describe('Table 4: rate of first reoffence by court outcome (reoffenders only)', () => {
  // Inputs: 44 treated reoffenders; 63.6% = 28/44 either way, 34.1% = 15/44 summary (so 1 indictable);
  // comparison rates over 136,309 (national) / 23,329 (regional) records. Checked: CI at 1 dp, p, gates.
  it('national either way: CI -28.0 to +1.6, p 0.08', () => {
    // R: CI [-0.279594, 0.016322], p = 0.07981.
    const m = estimateMeasure(rateGroup(28, 44), rateComparison(0.768, 136309), settings);
    expect(formatCi(m.ciLow, m.ciHigh, 'courtOutcomeRate')).toBe('-28.0 to +1.6');
    expect(formatP(m.p, 0.05)).toBe('0.08');
    expect(measureGate('courtOutcomeRate', 44, m.events, 'either_way').shown).toBe(true);
  });

  it('national summary: CI -1.3 to +27.8 needs the comparison rate in the upper part of 20.8', () => {
    // R at 20.8%: upper bound 0.278704 -> "27.9"; at 20.84%: [-0.013286, 0.278404] -> "-1.3 to +27.8", p 0.0736.
    const m = estimateMeasure(rateGroup(15, 44), rateComparison(0.2084, 136309), settings);
    expect(formatCi(m.ciLow, m.ciHigh, 'courtOutcomeRate')).toBe('-1.3 to +27.8');
    expect(formatP(m.p, 0.05)).toBe('0.07');
    expect(m.events).toBe(15);
  });

  it('hides the indictable row: 1 treated reoffender (44 - 28 - 15) is fewer than 10 events', () => {
    const m = estimateMeasure(rateGroup(1, 44), rateComparison(0.01, 136309), settings);
    expect(m.events).toBe(1);
    const gate = measureGate('courtOutcomeRate', 44, m.events, 'indictable');
    expect(gate.shown).toBe(false);
    expect(gate.hiddenReason).toBe(
      'Not shown because only 1 reoffender in the treatment group had a first reoffence with an indictable court outcome; at least 10 are needed for a reliable estimate.',
    );
  });

  it('regional rows: CI -25.4 to +4.2, p 0.15 and -3.9 to +25.3, p 0.15', () => {
    // Either way: at 74.3% R gives [-0.25468, 0.04141] -> "-25.5 to +4.1"; within 74.25-74.35%, 74.27%
    // gives [-0.25434, 0.04174], p 0.1549 (R) -> the published row. Summary at 23.4%: R [-0.03897, 0.25278], p 0.1467.
    const either = estimateMeasure(rateGroup(28, 44), rateComparison(0.7427, 23329), settings);
    expect(formatCi(either.ciLow, either.ciHigh, 'courtOutcomeRate')).toBe('-25.4 to +4.2');
    expect(formatP(either.p, 0.05)).toBe('0.15');
    const summary = estimateMeasure(rateGroup(15, 44), rateComparison(0.234, 23329), settings);
    expect(formatCi(summary.ciLow, summary.ciHigh, 'courtOutcomeRate')).toBe('-3.9 to +25.3');
    expect(formatP(summary.p, 0.05)).toBe('0.15');
  });
});

describe('Tables 5 and 7: significant frequencies of reoffenders', () => {
  it('Table 5 national either way: significant, p < 0.01, enough events', () => {
    // Inputs: y_T 1.9 -> 83/44 = 1.8864 (44 x 1.9 = 83.6; 83 or 84 offences round to 1.9); y_C from
    // the CI's midpoint (-1.9 + -0.8)/2 = -1.35 -> 3.236 (rounds to the published 3.2); half-width 0.55
    // -> s^2 = 3.272644 (R). Checked: "Yes", p "<0.001" (published "0.000"; R p ~ 1e-5), CI at 1 dp as published.
    const m = estimateMeasure({ n: 44, mean: 83 / 44, variance: 3.272644 }, meanComparison(3.236, 136309, 3.272644), settings);
    expect(formatSignificant(m.significant)).toBe('Yes');
    expect(formatP(m.p, 0.05)).toBe('<0.001');
    expect(formatCi(m.ciLow, m.ciHigh, 'courtOutcomeFrequency')).toBe('-1.9 to -0.8');
    expect(m.events).toBe(83);
    expect(measureGate('courtOutcomeFrequency', 44, m.events, 'either_way').shown).toBe(true);
  });

  it('Table 7 national: sentences per person, p 0.001 published, significant', () => {
    // The table prints 115.9 and 222.3 (sentences per 100 reoffenders): y_T = 1.159, y_C = 2.223;
    // half-width (-49.2 - -163.6)/200 = 0.572 -> s^2 = 3.539692 (R). Checked: CI midpoint and
    // bounds at 1 dp per 100 (R: [-1.63608, -0.49192]), p (R: 0.000522 -> "0.001" at 3 dp), "Yes".
    const m = estimateMeasure({ n: 44, mean: 1.159, variance: 3.539692 }, meanComparison(2.223, 136309, 3.539692), settings);
    expect(formatFixed((m.ciLow ?? NaN) * 100, 1)).toBe('-163.6');
    expect(formatFixed((m.ciHigh ?? NaN) * 100, 1)).toBe('-49.2');
    expect(m.p).toBeCloseTo(0.000522, 5);
    expect(formatP(m.p, 0.05)).toBe('<0.001');
    expect(formatSignificant(m.significant)).toBe('Yes');
  });
});

// Table 6 is not rebuilt: headed "rate (%)" and "sentences per person" at once, with 0.3 and 0.4, a CI
// of "-0.3 to +0.0" and p 0.08, its units contradict each other, and read as proportions (0.3 of 44 is
// 11 to 15 people) no combination of its published values pins the row down.
