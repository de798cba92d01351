// One voice for "How sure can we be?" (METHOD.md 11): the app's panel says the report's sentences for a significant
// finding, adds why a result that is not significant has nothing to explain away, and for an analysis whose findings
// the matching-quality gate withholds it states no sentence at all. Rendered as a user reads them.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { southwarkRun } from '../../shared/report/reportFixture';
import { sensitivityBlock } from '../../shared/report/sensitivityBlock';
import { textOf } from '../../shared/report/htmlText';
import { completeRun } from '../../shared/results/completeRun';
import { rosenbaumBounds } from '../../shared/sensitivity/rosenbaumBounds';
import { SENSITIVITY_WITHHELD } from '../../shared/wording/sensitivitySentences';
import { SensitivityPanel } from './SensitivityPanel';

/** The Southwark run's Regional analysis with a significant rate, matched 1:1; poorly matched on prev_offences when asked. */
function regional(poorlyMatched: boolean) {
  const run = southwarkRun();
  const a = run.analyses[1];
  a.outcomes.rate = { ...a.outcomes.rate, significant: true };
  a.sensitivity = { ...a.sensitivity!, rate: { ratio: 0.8, estimate: 1.809017, boundRatio: 0.91, bound: 1.428571 }, rosenbaum: rosenbaumBounds(80, 30, 12, 0.05) };
  if (poorlyMatched) a.balance = a.balance.map((r) => (r.variable === 'prev_offences' ? { ...r, smdAfter: 18.9, band: 'poorly' as const } : r));
  return completeRun(run).analyses[1];
}

const sentences = (html: string) => html.split(/<\/li>/).map((part) => textOf(part).trim()).filter((t) => t.length > 0);

describe('sensitivity in the app and the report', () => {
  it('the app says every sentence the report prints, and the not-significant frequency’s as well', () => {
    const a = regional(false);
    const app = textOf(renderToStaticMarkup(<SensitivityPanel analysis={a} />));
    const report = sentences(sensitivityBlock(a).split('<ul class="sensitivity">')[1].split('</ul>')[0]);
    expect(report).toHaveLength(2);
    for (const line of report) expect(app).toContain(line);
    expect(app).toContain('Reoffending frequency: This difference is not statistically significant, so there is no finding for a hidden difference between the groups to explain away');
    expect(app).not.toContain(SENSITIVITY_WITHHELD);
  });

  it('an analysis whose findings are withheld gets no sentence in the app either, only why', () => {
    const a = regional(true);
    const app = renderToStaticMarkup(<SensitivityPanel analysis={a} />);
    expect(textOf(app)).toContain(SENSITIVITY_WITHHELD);
    expect(app).not.toContain('data-testid="sensitivity-rate"');
    expect(app).not.toContain('data-testid="sensitivity-pairs"');
    expect(textOf(app)).not.toContain('explain this result away');
    // The figures stay for review, under the explanation.
    expect(textOf(app)).toContain('E-value of the estimate');
  });
});
