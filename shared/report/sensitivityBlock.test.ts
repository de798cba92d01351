// "How sure can we be?" in the report: with each significant rate or frequency finding, not otherwise, and never for
// an analysis whose findings the matching-quality gate withholds (unless the analyst justified publishing them).
import { describe, expect, it } from 'vitest';
import { southwarkRun } from './reportFixture';
import { completeRun } from '../results/completeRun';
import { renderReportHtml } from './renderReportHtml';
import { sensitivityBlock } from './sensitivityBlock';
import { rosenbaumBounds } from '../sensitivity/rosenbaumBounds';

describe('sensitivity beside the findings', () => {
  it('is left out when neither the rate nor the frequency is significant (the reference report’s analyses)', () => {
    const run = southwarkRun();
    expect(run.analyses[0].sensitivity!.rate.estimate).toBeCloseTo(1.42277, 5);
    expect(sensitivityBlock(run.analyses[0])).toBe('');
    expect(renderReportHtml(run)).not.toContain('How sure can we be?');
  });

  it('prints the E-value sentence of a significant rate, and the pairs’ bounds of a 1:1 analysis', () => {
    const run = southwarkRun();
    const [national, regional] = run.analyses;
    national.outcomes.rate = { ...national.outcomes.rate, significant: true };
    national.sensitivity = { ...national.sensitivity!, rate: { ratio: 0.8, estimate: 1.809017, boundRatio: 0.91, bound: 1.428571 } };
    regional.outcomes.rate = { ...regional.outcomes.rate, significant: true };
    regional.sensitivity = { ...regional.sensitivity!, rosenbaum: rosenbaumBounds(80, 30, 12, 0.05) };
    const html = renderReportHtml(run);
    expect(html).toContain('<strong>Reoffending rate:</strong> An unrecorded factor, such as motivation, would need to be associated with both taking part and reoffending by a risk ratio of 1.81 each to explain this result away, and by a risk ratio of 1.43 each to make it no longer statistically significant.');
    // Frequency not significant: no sentence for it.
    expect(sensitivityBlock(national)).not.toContain('Reoffending frequency');
    expect(sensitivityBlock(regional)).toContain('<strong>Matched pairs:</strong> Of the 80 pairs of a participant and their match, only the participant reoffended in 30');
    expect(html.match(/How sure can we be\?/g)).toHaveLength(2);
  });

  it('says nothing about hidden bias for an analysis that does not pass the gate, unless its findings are justified', () => {
    /** Regional with a significant rate, matched 1:1, and prev_offences poorly matched after matching. */
    const failing = (justification?: { text: string; recordedAt: string }) => {
      const run = southwarkRun();
      const regional = run.analyses[1];
      regional.outcomes.rate = { ...regional.outcomes.rate, significant: true };
      regional.sensitivity = { ...regional.sensitivity!, rate: { ratio: 0.8, estimate: 1.809017, boundRatio: 0.91, bound: 1.428571 }, rosenbaum: rosenbaumBounds(80, 30, 12, 0.05) };
      regional.balance = regional.balance.map((r) => (r.variable === 'prev_offences' ? { ...r, smdAfter: 18.9, band: 'poorly' as const } : r));
      return completeRun(run, justification ? new Map([['Regional', justification]]) : new Map()).analyses[1];
    };
    const withheld = failing();
    expect(withheld.matchingQuality.passes).toBe(false);
    expect(sensitivityBlock(withheld)).toBe('');
    const justified = failing({ text: 'Previous offences were capped at 40 in this force area; checked by hand.', recordedAt: '2017-07-15T10:05:00.000Z' });
    expect(sensitivityBlock(justified)).toContain('<strong>Reoffending rate:</strong> An unrecorded factor');
    expect(sensitivityBlock(justified)).toContain('<strong>Matched pairs:</strong>');
  });
});
