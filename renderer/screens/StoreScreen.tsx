// The first screen: open or create an encrypted store, or open the demo in one click.
import { useState, type FormEvent } from 'react';
import { call, nativeDialogs } from '../api/client';
import { STORE_FILTERS } from '../api/fileChoice';
import { ErrorNote } from '../components/ErrorNote';
import { Tabs, type TabItem } from '../components/Tabs';
import { newPassphrasePairProblem } from '../../shared/store/passphraseRules';

const MODES: TabItem<'create' | 'open'>[] = [
  { id: 'create', label: 'Create a store' },
  { id: 'open', label: 'Open a store' },
];

export function StoreScreen({ dataDir }: { dataDir: string }) {
  const [mode, setMode] = useState<'open' | 'create'>('create');
  const [path, setPath] = useState(`${dataDir}/analysis.mlstore`);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mode === 'create') {
      const problem = newPassphrasePairProblem(passphrase, confirm);
      if (problem) {
        setError(problem);
        return;
      }
    }
    setBusy(true);
    setError(null);
    try {
      await call(mode === 'create' ? 'store.create' : 'store.open', { path, passphrase });
    } catch (err) {
      setError((err as Error).message);
      setPassphrase('');
      setConfirm('');
    } finally {
      setBusy(false);
    }
  }

  /** In the desktop app: the system's dialog, a save dialog for a new store (it never replaces one: creating refuses an existing file). */
  async function chooseStoreFile() {
    if (!nativeDialogs) return;
    try {
      const request = { title: mode === 'create' ? 'Where to create the store' : 'Open a store', defaultPath: path, filters: STORE_FILTERS };
      const chosen = await (mode === 'create' ? nativeDialogs.saveFile(request) : nativeDialogs.openFile(request));
      if (chosen !== null) setPath(chosen);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function openDemo() {
    setBusy(true);
    setError(null);
    try {
      await call('demo.open', {});
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const pathInput = <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} name="path" />;
  return (
    <main className="welcome">
      <header>
        <h1>Matchlab</h1>
        <p className="lede">
          Measure a programme's effect on one-year proven reoffending against a matched comparison group, the Justice Data
          Lab way, on this machine and offline.
        </p>
      </header>
      <div className="welcome-grid">
        <section className="card">
          <h2>New here?</h2>
          <p>Open a demo store filled with a synthetic extract (about 20,000 offender records and a programme of 100 participants with a known effect).</p>
          <button onClick={() => void openDemo()} disabled={busy} data-testid="open-demo">
            Open the demo
          </button>
        </section>
        <section className="card">
          <Tabs items={MODES} selected={mode} onSelect={setMode} label="Create or open a store" idPrefix="store">
            <form onSubmit={(e) => void submit(e)}>
              <label>
                Store file
                {nativeDialogs ? (
                  <span className="inline-pair">
                    {pathInput}
                    <button type="button" className="secondary" onClick={() => void chooseStoreFile()} disabled={busy}>
                      Choose…
                    </button>
                  </span>
                ) : (
                  pathInput
                )}
              </label>
              <label>
                Passphrase
                <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} name="passphrase" autoFocus />
              </label>
              {mode === 'create' && (
                <label>
                  Passphrase again
                  <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} name="confirm" />
                </label>
              )}
              <p className="muted small">
                {mode === 'create'
                  ? 'The store is encrypted with this passphrase (at least 8 characters, not spaces alone). It cannot be recovered if lost.'
                  : 'The passphrase the store was created with.'}
              </p>
              <ErrorNote message={error} />
              <button type="submit" disabled={busy}>
                {mode === 'create' ? 'Create encrypted store' : 'Open store'}
              </button>
            </form>
          </Tabs>
        </section>
      </div>
    </main>
  );
}
