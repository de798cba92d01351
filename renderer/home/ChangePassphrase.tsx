// Changing the store's passphrase: the current one again, the new one twice. The store is
// re-encrypted under the new one, and the old one no longer opens it.
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { newPassphrasePairProblem } from '../../shared/store/passphraseRules';

export function ChangePassphrase({ disabled, onChanged }: { disabled: boolean; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const problem = newPassphrasePairProblem(next, again);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('store.changePassphrase', { current, next });
      setDone(true);
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setCurrent('');
      setNext('');
      setAgain('');
      setBusy(false);
    }
  }

  return (
    <details className="card provenance">
      <summary>Change the store's passphrase</summary>
      <form onSubmit={(e) => void submit(e)} className="passphrase-form">
        <label>
          Current passphrase
          <input type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />
        </label>
        <label>
          New passphrase
          <input type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" />
        </label>
        <label>
          New passphrase again
          <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
        </label>
        <p className="muted small">At least 8 characters, not spaces alone. The old passphrase stops working at once; copies of the store made before keep the old one.</p>
        <ErrorNote message={error} />
        {done && (
          <p className="export-done" role="status">
            The passphrase is changed.
          </p>
        )}
        <button type="submit" className="start" disabled={busy || disabled}>
          Change passphrase
        </button>
      </form>
    </details>
  );
}
