// The key findings of one analysis as the reference report words them (METHOD.md section 9): "For any 100
// typical people" for both groups, the overall estimates, the sample-size sentence, what you can and cannot say,
// and the significant results. The text is the report's (shared/results/keyFindingsText.ts, `findings`): an
// analysis that does not pass the matching-quality gate states nothing unless justified (METHOD.md 4a).
import type { AnalysisResults } from '../../shared/results/runResults';
import { keyFindingsText } from '../../shared/results/keyFindingsText';
import type { Group } from '../../shared/wording/typicalHundred';
import { noSignificantResults, significantResultsIntro } from '../../shared/wording/significantResults';
import { GateBanner } from './GateBanner';
import { NoticeList } from './NoticeList';

interface Props {
  analysis: AnalysisResults;
  onJustify: (text: string) => Promise<void>;
}

export function KeyFindings({ analysis: a, onJustify }: Props) {
  const t = keyFindingsText(a);
  const f = a.findings;

  const hundred = (group: Group) => (
    <>
      <h4>{t.typical[group].heading}</h4>
      <ul className="plain-list">
        {t.typical[group].sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </>
  );

  return (
    <section className="key-findings" data-testid="key-findings">
      <GateBanner analysis={a} onJustify={onJustify} />
      <NoticeList notices={a.notices} />
      <div className="findings-grid">
        <div className="card">
          <h3>Overall measurements of the treatment and comparison groups</h3>
          {hundred('treatment')}
          {hundred('comparison')}
          {t.roundingNote && <p className="muted small">{t.roundingNote}</p>}
        </div>
        <div className="card">
          <h3>Overall estimates of the impact of the intervention</h3>
          <p>{t.estimatesHeading}</p>
          <ul>
            {t.estimates.map((e) => (
              <li key={e.measure}>{e.sentence}</li>
            ))}
          </ul>
          {t.sampleSize && <p data-testid="sample-size">{t.sampleSize}</p>}
        </div>
      </div>

      {f.publishable && (
        <div className="card can-say">
          {f.whatYouCanSay.map((p) => (
            <div key={p.measure} className="can-say-pair" data-testid={`can-say-${p.measure}`}>
              <h4>{p.canHeading}</h4>
              <p className="claim can">
                <span className="mark" aria-hidden="true">✓</span> “{p.can}”
              </p>
              <h4>{p.cannotHeading}</h4>
              <p className="claim cannot">
                <span className="mark" aria-hidden="true">✗</span> “{p.cannot}”
              </p>
            </div>
          ))}
        </div>
      )}

      {f.publishable && (
        <div className="card significant-results" data-testid="significant-results">
          <h3>Significant results</h3>
          {f.significantResults.length === 0 ? (
            <p>{noSignificantResults(`in the ${a.name.toLowerCase()} analysis`)}</p>
          ) : (
            <>
              <p>{significantResultsIntro(f.significantResults.length, ` in the ${a.name.toLowerCase()} analysis`)}</p>
              <ul>
                {f.significantResults.map((r) => (
                  <li key={`${r.measure}-${r.court ?? ''}`}>
                    <strong>{r.finding}</strong>
                    {r.sentence.slice(r.finding.length)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
