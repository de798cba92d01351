// The extract at a glance: what the store holds, and what is running.
import { useState } from 'react';
import type { AppState } from '../../shared/api';
import type { Section } from '../App';
import { formatCount } from '../../shared/format/numberFormat';
import { ExtractProvenance } from '../home/ExtractProvenance';
import { AuditTrail } from '../home/AuditTrail';
import { ChangePassphrase } from '../home/ChangePassphrase';

const FILES = [
  { key: 'cohort', label: 'Cohort records', hint: 'one row per index event of an offender' },
  { key: 'reoffences', label: 'Proven offences', hint: 'one row per proven offence' },
  { key: 'participants', label: 'Participants', hint: "the programme's submission" },
] as const;

export function HomeScreen({ state, onNavigate }: { state: AppState; onNavigate: (s: Section) => void }) {
  const store = state.store!;
  const [changes, setChanges] = useState(0);
  return (
    <section>
      <h2>Extract</h2>
      {store.counts ? (
        <>
          <div className="counts" data-testid="counts">
            {FILES.map((f) => (
              <div className="count-card" key={f.key} data-testid={`count-${f.key}`}>
                <div className="count-value">{formatCount(store.counts![f.key])}</div>
                <div className="count-label">{f.label}</div>
                <div className="muted small">{f.hint}</div>
              </div>
            ))}
          </div>
          <ExtractProvenance refreshKey={`${store.path}:${store.extractDate}:${formatCount(store.counts.cohort)}`} />
        </>
      ) : (
        <div className="card">
          <p>This store holds no extract yet.</p>
          <button onClick={() => onNavigate('import')}>Import an extract</button>
        </div>
      )}
      <AuditTrail refreshKey={`${store.path}:${state.jobs.filter((j) => j.status !== 'running').length}:${changes}`} />
      <ChangePassphrase disabled={state.jobs.some((j) => j.status === 'running')} onChanged={() => setChanges((n) => n + 1)} />
    </section>
  );
}
