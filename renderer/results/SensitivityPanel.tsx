// "How sure can we be?" for one analysis (METHOD.md section 11): how strong an unrecorded difference between the
// groups would have to be to explain the rate and frequency findings away, in words first, then the figures, and
// what they mean for someone who is not a statistician. Every sentence comes from shared/wording.
import type { AnalysisResults } from '../../shared/results/runResults';
import { formatFixed, formatP } from '../../shared/format/numberFormat';
import { eValueSentence, formatEValue, rosenbaumSentence, SENSITIVITY_EXPLANATION, type SensitivityMeasure } from '../../shared/wording/sensitivitySentences';

const MEASURES: { key: SensitivityMeasure; label: string; ratio: string }[] = [
  { key: 'rate', label: 'Reoffending rate', ratio: 'Risk ratio' },
  { key: 'frequency', label: 'Reoffending frequency', ratio: 'Ratio of means' },
];

const ratioText = (x: number | null) => (x === null ? 'n/a' : formatFixed(x, 2));
const eText = (x: number | null) => (x === null ? 'n/a' : formatEValue(x));

export function SensitivityPanel({ analysis: a }: { analysis: AnalysisResults }) {
  const s = a.sensitivity;
  if (!s) {
    return (
      <section className="card sensitivity" data-testid="sensitivity">
        <h3>How sure can we be? Hidden differences between the groups</h3>
        <p className="muted">This run was made before Matchlab computed sensitivity figures: run the analysis again to see them.</p>
      </section>
    );
  }
  return (
    <section className="card sensitivity" data-testid="sensitivity" aria-labelledby="sensitivity-title">
      <h3 id="sensitivity-title">How sure can we be? Hidden differences between the groups</h3>
      <ul className="sensitivity-sentences">
        {MEASURES.map(({ key, label }) => {
          const sentence = eValueSentence(key, s[key], a.outcomes[key].significant);
          return sentence && (
            <li key={key} data-testid={`sensitivity-${key}`}>
              <strong>{label}: </strong>
              {sentence}
            </li>
          );
        })}
        {s.rosenbaum && (
          <li data-testid="sensitivity-pairs">
            <strong>Matched pairs: </strong>
            {rosenbaumSentence(s.rosenbaum)}
          </li>
        )}
      </ul>
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
            {MEASURES.map(({ key, label, ratio }) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>
                  {ratio} {ratioText(s[key].ratio)}
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
