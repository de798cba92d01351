// From the submission to the treatment group: the exclusion funnel, every participant with the
// reason they were kept or left out, the group profiles, and the settings the cohort step ran under.
import { formatDate } from '../../shared/format/dateFormat';
import { useState } from 'react';
import type { AppState, CohortSettingsView } from '../../shared/api';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { Tabs, type TabItem } from '../components/Tabs';
import { useCohortView } from '../cohort/useCohortView';
import { FunnelDiagram } from '../cohort/FunnelDiagram';
import { ParticipantsGrid } from '../cohort/ParticipantsGrid';
import { GroupProfile } from '../cohort/GroupProfile';
import { SettingsPanel } from '../cohort/SettingsPanel';

type Tab = 'funnel' | 'participants' | 'profile' | 'settings';
const TABS: TabItem<Tab>[] = [
  { id: 'funnel', label: 'Funnel' },
  { id: 'participants', label: 'Participants' },
  { id: 'profile', label: 'Group profiles' },
  { id: 'settings', label: 'Derivation settings' },
];

function settingsSummary(s: CohortSettingsView): string {
  return `Extract date ${formatDate(s.extractDate)} · ${s.followUpDays}-day follow-up + ${s.waitingDays}-day waiting period · record from ${s.windowBeforeDays} days before to ${s.windowAfterDays} days after the start · aged ${s.minimumAge} or over`;
}

export function CohortScreen({ state }: { state: AppState }) {
  const { view, error, version } = useCohortView(state);
  const [tab, setTab] = useState<Tab>('funnel');
  const [status, setStatus] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const busy = state.jobs.some((j) => j.status === 'running');
  const derivation = view?.derivation ?? null;

  if (error) return <ErrorNote message={error} />;
  if (!view) return <p className="muted">Loading the cohort step's results…</p>;
  if (!derivation) {
    const run = () => call('cohort.derive', { settings: {} }).catch((e: Error) => setStartError(`The cohort step could not start: ${e.message}`));
    return (
      <section>
        <h2>Cohort &amp; funnel</h2>
        <div className="card">
          <p>{busy ? 'The cohort step runs when the current job ends.' : 'The cohort step has not run on this extract yet.'}</p>
          <ErrorNote message={startError} />
          <button onClick={() => void run()} disabled={busy}>
            Run the cohort step with the standard settings
          </button>
        </div>
      </section>
    );
  }

  const showStep = (step: string) => {
    setStatus(step);
    setTab('participants');
  };
  return (
    <section className="cohort">
      <h2>Cohort &amp; funnel</h2>
      <p className="muted small cohort-settings-line" data-testid="settings-in-force">
        {settingsSummary(derivation.settings)}.{' '}
        <button className="linkish" onClick={() => setTab('settings')}>
          Change…
        </button>
      </p>
      <Tabs items={TABS} selected={tab} onSelect={setTab} label="Cohort views" idPrefix="cohort">
        {tab === 'funnel' && <FunnelDiagram funnel={derivation.funnel} settings={derivation.settings} onShowStep={showStep} />}
        {tab === 'participants' && <ParticipantsGrid settings={derivation.settings} status={status} onStatusChange={setStatus} version={version} />}
        {tab === 'profile' && <GroupProfile profile={derivation.profile} />}
        {tab === 'settings' && <SettingsPanel inForce={derivation.settings} importExtractDate={state.store?.extractDate ?? derivation.settings.extractDate} busy={busy} />}
      </Tabs>
    </section>
  );
}
