// "How sure can we be?" for one analysis (METHOD.md section 11): how strong an unrecorded difference between the
// groups would have to be to explain the rate and frequency findings away, in words first (the report's sentences,
// shared/results/sensitivityText.ts), then the figures, and what they mean for someone who is not a statistician.
// An analysis whose findings are withheld by the matching-quality gate says nothing about hidden bias; its figures
// stay under the explanation for review, as its tables do.
import type { AnalysisResults } from '../../shared/results/runResults';
import { formatFixed, formatP } from '../../shared/format/numberFormat';
import { sensitivityItems, SENSITIVITY_LABELS } from '../../shared/results/sensitivityText';
import { formatEValue, SENSITIVITY_EXPLANATION, SENSITIVITY_HEADING, SENSITIVITY_MISSING, SENSITIVITY_WITHHELD, type SensitivityMeasure } from '../../shared/wording/sensitivitySentences';

const RATIOS: Record<SensitivityMeasure, string> = { rate: 'Risk ratio', frequency: 'Ratio of means' };

const ratioText = (x: number | null) => (x === null ? 'n/a' : formatFixed(x, 2));
const eText = (x: number | null) => (x === null ? 'n/a' : formatEValue(x));

export function SensitivityPanel({ analysis: a }: { analysis: AnalysisResults }) {
  const s = a.sensitivity;
  if (!s) {
    return (
      <section className="card sensitivity" data-testid="sensitivity">
        <h3>{SENSITIVITY_HEADING}</h3>
        <p className="muted">{SENSITIVITY_MISSING}</p>
      </section>
    );
  }
  const items = sensitivityItems(a, { significantOnly: false });
  return (
    <section className="card sensitivity" data-testid="sensitivity" aria-labelledby="sensitivity-title">
      <h3 id="sensitivity-title">{SENSITIVITY_HEADING}</h3>
      {a.findings.publishable ? (
        <ul className="sensitivity-sentences">
          {items.map((i) => (
            <li key={i.key} data-testid={`sensitivity-${i.key}`}>
              <strong>{i.label}: </strong>
              {i.sentence}
            </li>
          ))}
        </ul>
      ) : (
        <p className="sensitivity-withheld" data-testid="sensitivity-withheld">
          {SENSITIVITY_WITHHELD}
        </p>
      )}
      <details className="sensitivity-more">
        <summary>What this means, and the figures</summary>
        {SENSITIVITY_EXPLANATION.map((p) => (
          <p key={p.slice(0, 20)}>{p}</p>
        ))}
        <table className="figures">
          <caption className="small muted">E-values (VanderWeele and Ding, 2017): the strength of association, on the risk-ratio scale, that an unrecorded factor would need with both taking part and the outcome.</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Treatment / comparison</th>
              <th scope="col">E-value of the estimate</th>
              <th scope="col">E-value of the CI bound nearest no difference</th>
            </tr>
          </thead>
          <tbody>
            {(['rate', 'frequency'] as const).map((key) => (
              <tr key={key}>
                <th scope="row">{SENSITIVITY_LABELS[key]}</th>
                <td>
                  {RATIOS[key]} {ratioText(s[key].ratio)}
                </td>
                <td>{eText(s[key].estimate)}</td>
                <td>{s[key].bound === 1 && s[key].boundRatio === null ? '1 (the CI includes no difference)' : eText(s[key].bound)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {s.rosenbaum && (
          <table className="figures">
            <caption className="small muted">
              Rosenbaum bounds (matched 1:1 without replacement): the largest one-sided p-value of the pairs’ sign test if an unrecorded factor made one person of a pair Γ times as likely to take part as the other.
            </caption>
            <thead>
              <tr>
                <th scope="col">Hidden bias Γ</th>
                {s.rosenbaum.bounds.map((b) => (
                  <th scope="col" key={b.gamma}>
                    {formatFixed(b.gamma, 1)}
                  </th>
                ))}
                <th scope="col">Largest Γ still significant</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Upper bound of p</th>
                {s.rosenbaum.bounds.map((b) => (
                  <td key={b.gamma}>{formatP(b.p, s.rosenbaum!.alpha / 2)}</td>
                ))}
                <td>{s.rosenbaum.criticalGamma === null ? 'not significant at Γ = 1' : formatFixed(s.rosenbaum.criticalGamma, 2)}</td>
              </tr>
            </tbody>
          </table>
        )}
      </details>
    </section>
  );
}
