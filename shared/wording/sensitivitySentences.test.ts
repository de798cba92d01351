import { describe, expect, it } from 'vitest';
import { eValueSentence, formatEValue, rosenbaumSentence } from './sensitivitySentences';
import { rosenbaumBounds } from '../sensitivity/rosenbaumBounds';

describe('sensitivity sentences', () => {
  it('say how strong an unrecorded factor would need to be, for a significant rate and frequency', () => {
    // METHOD.md's check: RR 0.80 -> 1.81; its CI bound 0.91 -> 1.43.
    expect(eValueSentence('rate', { ratio: 0.8, estimate: 1.809017, boundRatio: 0.91, bound: 1.428571 }, true)).toBe(
      'An unrecorded factor, such as motivation, would need to be associated with both taking part and reoffending by a risk ratio of 1.81 each to explain this result away, and by a risk ratio of 1.43 each to make it no longer statistically significant.',
    );
    expect(eValueSentence('frequency', { ratio: 0.76, estimate: 1.960392, boundRatio: 0.96, bound: 1.25 }, true)).toMatch(/taking part and the number of reoffences by a ratio of 1\.96 each .* by a ratio of 1\.25 each/);
  });

  it('say there is no finding to explain away when the result is not significant', () => {
    expect(eValueSentence('rate', { ratio: 1.0968, estimate: 1.42277, boundRatio: null, bound: 1 }, false)).toBe(
      'This difference is not statistically significant, so there is no finding for a hidden difference between the groups to explain away; an unrecorded factor, such as motivation, would need to be associated with both taking part and reoffending by a risk ratio of 1.42 each to explain away the estimated difference itself.',
    );
    expect(eValueSentence('rate', { ratio: null, estimate: null, boundRatio: null, bound: null }, false)).toBeNull();
  });

  it('never print an E-value above 1 as 1.00', () => {
    expect(formatEValue(1.0004)).toBe('1.0004');
    expect(formatEValue(1.2)).toBe('1.20');
    expect(formatEValue(1)).toBe('1.00');
  });

  it('word the Rosenbaum bounds for a robust, a fragile and a non-significant finding', () => {
    // 30 against 12 discordant pairs of 42: significant to Gamma 1.20 (bounds 0.0040, 0.086, 0.32).
    expect(rosenbaumSentence(rosenbaumBounds(80, 30, 12, 0.05))).toBe(
      'Of the 80 pairs of a participant and their match, only the participant reoffended in 30 and only the comparison person in 12. The finding stays statistically significant as long as an unrecorded factor makes one person of a pair no more than 1.20 times as likely to take part as the other (at 1.5 times the one-sided p-value could be up to 0.09, at 2 times up to 0.32).',
    );
    expect(rosenbaumSentence(rosenbaumBounds(40, 15, 5, 0.05))).toMatch(/significant without hidden bias \(one-sided p 0\.02\), but .* even 1\.05 times .*: it is fragile\.$/);
    expect(rosenbaumSentence(rosenbaumBounds(68, 16, 17, 0.05))).toMatch(/not statistically significant even if there is no hidden bias \(one-sided p 0\.50 against the 0\.025 needed\)/);
  });
});
