// The matching-quality gate of one analysis (METHOD.md 4a) on the Results and Matching quality tabs: which variables
// were poorly matched, why the findings are withheld and what to try, in the report's words; and the analyst's
// written justification for publishing them anyway (recorded with the run, audited, printed beside the findings).
import { useState } from 'react';
import type { AnalysisResults } from '../../shared/results/runResults';
import { formatDateTime } from '../../shared/format/dateFormat';
import { gateWording, justifiedFindingsNote, WITHHELD_FINDINGS } from '../../shared/wording/matchingQualityWording';
import { ErrorNote } from '../components/ErrorNote';

interface Props {
  analysis: AnalysisResults;
  /** Records (text) or withdraws ('') the justification; rejects with the reason when refused. */
  onJustify: (text: string) => Promise<void>;
}

export function GateBanner({ analysis: a, onJustify }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const gate = gateWording(a.matchingQuality, a.name, a.treatment.n);
  if (gate === null) return null;
  const send = (value: string) => {
    setBusy(true);
    setError(null);
    onJustify(value).then(
      () => (setBusy(false), setText('')),
      (e: Error) => (setBusy(false), setError(e.message)),
    );
  };
  const id = `justify-${a.name.replace(/\W+/g, '-')}`;
  return (
    <div className="gate-banner" role="alert" data-testid="gate-banner">
      <h3>{gate.headline}</h3>
      {gate.reasons.map((r) => (
        <p key={r}>{r}</p>
      ))}
      <p className="gate-try">What you can try:</p>
      <ul>
        {gate.suggestions.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      {a.justification ? (
        <div className="gate-justified" data-testid="gate-justification">
          <p>{justifiedFindingsNote(formatDateTime(a.justification.recordedAt))}</p>
          <blockquote>{a.justification.text}</blockquote>
          <button type="button" className="secondary small" disabled={busy} onClick={() => send('')}>
            Withdraw the justification
          </button>
        </div>
      ) : (
        <>
          <p className="gate-withheld">{WITHHELD_FINDINGS}</p>
          <details className="gate-justify">
            <summary>Publish the findings anyway, with a written justification</summary>
            <label htmlFor={id}>
              Why are these findings reliable despite the poor match? Your words are kept with the run, written to the audit log and printed beside the findings.
            </label>
            <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} />
            <button type="button" disabled={busy || text.trim() === ''} onClick={() => send(text)}>
              Record the justification
            </button>
          </details>
        </>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
