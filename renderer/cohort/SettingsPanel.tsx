// The derivation settings in force, and a form to re-run the cohort step under others
// (`cohort.derive`, a job: its progress shows in the job bar, and the screen refreshes when it ends).
import { useEffect, useState, type FormEvent } from 'react';
import type { CohortSettingsView } from '../../shared/api';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { NUMBER_FIELDS, checkSettingsForm, formDiffers, formFromSettings, standardForm, type SettingsField, type SettingsForm } from './settingsForm';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function SettingsPanel(props: { inForce: CohortSettingsView; importExtractDate: string; busy: boolean }) {
  const { inForce, importExtractDate, busy } = props;
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(inForce));
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A new derivation (ours or another's) resets the form to what is now in force.
  useEffect(() => {
    setForm(formFromSettings(inForce));
  }, [inForce]);

  const check = checkSettingsForm(form, importExtractDate, todayIso());
  const changed = formDiffers(form, inForce);
  const set = (field: SettingsField, value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!check.settings) {
      const first = Object.keys(check.errors)[0];
      document.getElementById(`setting-${first}`)?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await call('cohort.derive', { settings: check.settings });
    } catch (err) {
      setError(`The cohort step could not start: ${(err as Error).message}`);
    } finally {
      setSubmitting(false);
    }
  };

  const messageOf = (field: SettingsField) => {
    const text = check.errors[field] ?? check.warnings[field];
    if (!text) return null;
    return (
      <span id={`setting-${field}-msg`} className={check.errors[field] ? 'field-error' : 'field-warning'}>
        {text}
      </span>
    );
  };
  const field = (name: SettingsField, label: string, hint: string, input: { type: string; unit?: string }) => {
    const invalid = check.errors[name] !== undefined;
    return (
      <div className="setting" key={name}>
        <label htmlFor={`setting-${name}`}>{label}</label>
        <div className="setting-input">
          <input
            id={`setting-${name}`}
            type={input.type}
            inputMode={input.type === 'text' ? 'numeric' : undefined}
            value={form[name]}
            aria-invalid={invalid}
            aria-describedby={`setting-${name}-hint${invalid || check.warnings[name] ? ` setting-${name}-msg` : ''}`}
            onChange={(e) => set(name, e.target.value)}
          />
          {input.unit && <span className="muted small">{input.unit}</span>}
        </div>
        <span id={`setting-${name}-hint`} className="muted small">
          {hint}
        </span>
        {messageOf(name)}
      </div>
    );
  };

  return (
    <form className="card settings-panel" onSubmit={submit} noValidate aria-labelledby="settings-title">
      <h3 id="settings-title">Derivation settings</h3>
      <p className="muted small">
        They decide each record's one-year outcome and which participants reach the treatment group. Re-running replaces the stored funnel,
        outcomes and profile; analyses run afterwards use the new settings.
      </p>
      <div className="settings-grid">
        {field('extractDate', 'Extract date', `Follow-up is complete when it and the waiting period end by this date. Set at import: ${importExtractDate}.`, { type: 'text' })}
        {NUMBER_FIELDS.map((f) => field(f.field, f.label, `${f.hint} Standard: ${f.standard}.`, { type: 'text', unit: f.unit }))}
      </div>
      <ErrorNote message={error} />
      <div className="settings-actions">
        <button type="submit" disabled={busy || submitting || !changed}>
          Re-run the cohort step
        </button>
        <button type="button" className="secondary" onClick={() => setForm(standardForm(importExtractDate))} disabled={busy || submitting}>
          Standard settings
        </button>
        <button type="button" className="secondary" onClick={() => setForm(formFromSettings(inForce))} disabled={!changed}>
          Undo changes
        </button>
        <span className="muted small" role="status">
          {busy ? 'A job is running: see its progress above.' : !changed ? 'These are the settings in force.' : Object.keys(check.errors).length > 0 ? 'Correct the fields marked above.' : ''}
        </span>
      </div>
    </form>
  );
}
