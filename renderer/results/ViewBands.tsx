// The well/reasonably thresholds for looking only: they re-band the grid and the Love plot, while the run, its
// matching-quality gate (METHOD.md 4a) and its report keep the thresholds it was made with. A value is applied once
// both make a valid pair (positive, well not above reasonably); until then the fields say what is wrong.
import { useState } from 'react';
import { bandsSchema, type Bands } from '../../shared/engine/analysisSpec';

export function ViewBands({ runBands, viewBands, onChange }: { runBands: Bands; viewBands: Bands | null; onChange: (b: Bands | null) => void }) {
  const bands = viewBands ?? runBands;
  const [text, setText] = useState({ well: String(bands.well), reasonably: String(bands.reasonably) });
  const [shownFor, setShownFor] = useState(bands);
  // Another run (or "back to the run's") changes the bands from outside: the fields follow. Compared by value, so that
  // a value being typed ("7." on the way to "7.5") is not rewritten when it is applied.
  if (shownFor.well !== bands.well || shownFor.reasonably !== bands.reasonably) {
    setShownFor(bands);
    setText({ well: String(bands.well), reasonably: String(bands.reasonably) });
  }
  const parsed = bandsSchema.safeParse({ well: Number(text.well), reasonably: Number(text.reasonably) });
  const invalid = !parsed.success || text.well.trim() === '' || text.reasonably.trim() === '';
  const edit = (field: keyof Bands, value: string) => {
    const next = { ...text, [field]: value };
    setText(next);
    const candidate = bandsSchema.safeParse({ well: Number(next.well), reasonably: Number(next.reasonably) });
    if (candidate.success && next.well.trim() !== '' && next.reasonably.trim() !== '') {
      setShownFor(candidate.data);
      const same = candidate.data.well === runBands.well && candidate.data.reasonably === runBands.reasonably;
      onChange(same ? null : candidate.data);
    }
  };
  return (
    <fieldset className={viewBands ? 'view-bands changed' : 'view-bands'} data-testid="view-bands">
      <legend>Thresholds for this view only</legend>
      <label>
        Well under
        <input type="number" min={0.1} step={0.5} value={text.well} aria-invalid={invalid} onChange={(e) => edit('well', e.target.value)} />%
      </label>
      <label>
        Reasonably under
        <input type="number" min={0.1} step={0.5} value={text.reasonably} aria-invalid={invalid} onChange={(e) => edit('reasonably', e.target.value)} />%
      </label>
      {invalid && <span className="field-error" role="alert">Both must be above 0, and well not above reasonably.</span>}
      <span className="muted small">
        {viewBands ? (
          <>
            Not the run’s: the run, its gate and its report keep {runBands.well}% and {runBands.reasonably}%.{' '}
            <button type="button" className="linkish small" onClick={() => onChange(null)}>
              Back to the run’s
            </button>
          </>
        ) : (
          'The run’s thresholds. Changing them here re-bands this view only, not the run, its gate or its report.'
        )}
      </span>
    </fieldset>
  );
}
