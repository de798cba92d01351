// The organisation's own words for the report: printed as supplied, each section only when given.
import type { ProgrammeText } from '../../shared/engine/analysisSpec';

const FIELDS: { key: keyof ProgrammeText; label: string; hint: string; rows: number }[] = [
  { key: 'description', label: 'The programme in its own words', hint: 'What the programme does and who it works with.', rows: 5 },
  { key: 'response', label: "The organisation's response to the analysis", hint: 'Its comments on the results, once it has seen them.', rows: 4 },
  { key: 'profileNote', label: 'Note for the profile of the treatment group', hint: 'Where the programme runs and how people are referred to it.', rows: 2 },
  { key: 'contact', label: 'Contacts', hint: 'Who to ask about the analysis (one item per line).', rows: 3 },
];

export function ProgrammeTexts({ value, onChange }: { value: ProgrammeText; onChange: (next: ProgrammeText) => void }) {
  const given = FIELDS.filter((f) => (value[f.key] ?? '').trim() !== '').length;
  return (
    <details className="card programme-texts" open={given > 0}>
      <summary>
        The organisation's own words for the report <span className="muted small">({given === 0 ? 'none given' : `${given} of ${FIELDS.length} given`})</span>
      </summary>
      <p className="muted small">Printed in the report as supplied, like a Justice Data Lab report's "in their own words" and response sections. Leave a box empty to leave its section out; a blank line starts a new paragraph.</p>
      {FIELDS.map((f) => (
        <label key={f.key}>
          {f.label} <span className="muted small">{f.hint}</span>
          <textarea rows={f.rows} value={value[f.key] ?? ''} onChange={(e) => onChange({ ...value, [f.key]: e.target.value })} data-testid={`programme-${f.key}`} />
        </label>
      ))}
    </details>
  );
}
