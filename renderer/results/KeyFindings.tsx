// The key findings of one analysis as the reference report words them (METHOD.md section 9): "For any 100
// typical people" for both groups, the overall estimates, the sample-size sentence, what you can and cannot say,
// and the significant results. Every sentence comes from shared/wording.
import type { AnalysisResults } from '../../shared/results/runResults';
import type { MeasureResult } from '../../shared/outcomes/computeOutcomes';
import { ROUNDING_NOTE, roundingDisagrees } from '../../shared/format/numberFormat';
import { per100Scale, type HeadlineMeasure } from '../../shared/wording/headlineMeasure';
import { overallEstimateSentence, overallEstimatesHeading } from '../../shared/wording/overallEstimates';
import { sampleSizeSentence } from '../../shared/wording/sampleSizeSentence';
import { significantResults } from '../../shared/wording/significantResults';
import { subjectNouns } from '../../shared/wording/subjectNouns';
import { typicalHundredHeading, typicalHundredSentence, type Group } from '../../shared/wording/typicalHundred';
import { whatYouCanSay, whatYouCanSayHeading, whatYouCannotSay, whatYouCannotSayHeading } from '../../shared/wording/whatYouCanSay';

function present<T>(x: T | null): x is T {
  return x !== null;
}

export function KeyFindings({ analysis: a, organisation }: { analysis: AnalysisResults; organisation: string }) {
  const nouns = subjectNouns(a.sex);
  const o = a.outcomes;
  // Time to first reoffence is left out below 30 treated reoffenders (METHOD.md section 8).
  const measures: [HeadlineMeasure, MeasureResult][] = [
    ['rate', o.rate],
    ['frequency', o.frequency],
    ...(o.daysToFirst.shown ? [['daysToFirst', o.daysToFirst] as [HeadlineMeasure, MeasureResult]] : []),
  ];
  const timeLeftOut = o.daysToFirst.shown ? null : o.daysToFirst.hiddenReason;
  const rounding = measures.some(
    ([k, m]) => m.treatmentMean !== null && m.comparisonMean !== null && roundingDisagrees(m.treatmentMean, m.comparisonMean, per100Scale(k), 0),
  );
  const sampleSize = sampleSizeSentence(o.rate, nouns);
  const significant = significantResults(o);

  const hundred = (group: Group) => (
    <>
      <h4>{typicalHundredHeading(group, nouns)}</h4>
      <ul className="plain-list">
        {measures
          .map(([k, m]) => typicalHundredSentence(k, group, m, nouns))
          .filter(present)
          .map((s) => (
            <li key={s}>{s}</li>
          ))}
      </ul>
    </>
  );

  return (
    <section className="key-findings" data-testid="key-findings">
      {a.warnings.map((w) => (
        <div key={w} className="warn-note">
          {w}
        </div>
      ))}
      <div className="findings-grid">
        <div className="card">
          <h3>Overall measurements of the treatment and comparison groups</h3>
          {hundred('treatment')}
          {hundred('comparison')}
          {timeLeftOut && <p className="muted small">{timeLeftOut}</p>}
          {rounding && <p className="muted small">{ROUNDING_NOTE}</p>}
        </div>
        <div className="card">
          <h3>Overall estimates of the impact of the intervention</h3>
          <p>{overallEstimatesHeading(nouns)}</p>
          <ul>
            {measures.map(([k, m]) => {
              const s = overallEstimateSentence(k, m, nouns);
              return <li key={k}>{s ?? m.unavailableReason ?? 'No estimate could be made.'}</li>;
            })}
          </ul>
          {sampleSize && <p data-testid="sample-size">{sampleSize}</p>}
        </div>
      </div>

      <div className="card can-say">
        {measures.map(([k, m]) => {
          const can = whatYouCanSay(k, m, organisation, nouns);
          const cannot = whatYouCannotSay(k, m, organisation);
          if (can === null || cannot === null) return null;
          return (
            <div key={k} className="can-say-pair" data-testid={`can-say-${k}`}>
              <h4>{whatYouCanSayHeading(k)}</h4>
              <p className="claim can">
                <span className="mark" aria-hidden="true">✓</span> “{can}”
              </p>
              <h4>{whatYouCannotSayHeading(k)}</h4>
              <p className="claim cannot">
                <span className="mark" aria-hidden="true">✗</span> “{cannot}”
              </p>
            </div>
          );
        })}
      </div>

      <div className="card significant-results" data-testid="significant-results">
        <h3>Significant results</h3>
        {significant.length === 0 ? (
          <p>No measure shows a statistically significant result that can be reported in this analysis.</p>
        ) : (
          <>
            <p>
              {significant.length === 1 ? 'One measure shows' : `${significant.length} measures show`} a statistically significant result in the {a.name.toLowerCase()} analysis. {significant.length === 1 ? 'This provides' : 'These provide'} significant evidence that:
            </p>
            <ul>
              {significant.map((r) => (
                <li key={`${r.measure}-${r.court ?? ''}`}>
                  <strong>{r.finding}</strong>
                  {r.sentence.slice(r.finding.length)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
