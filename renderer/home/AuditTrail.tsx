// The store's audit log: every import, cohort step, analysis and export, newest first.
import { formatDateTime } from '../../shared/format/dateFormat';
import { useEffect, useState } from 'react';
import type { AuditCheckView, AuditEntryView } from '../../shared/api';
import { call } from '../api/client';
import { formatCount } from '../../shared/format/numberFormat';

const ACTION_LABEL: Record<string, string> = {
  store_created: 'Store created',
  passphrase_changed: 'Passphrase changed',
  import: 'Extract imported',
  derive: 'Cohort step run',
  analysis: 'Analysis run',
  export: 'Export',
  run_deleted: 'Run deleted',
  run_restored: 'Run restored',
  justification: 'Justification',
};

/** One line saying what happened, from the entry's details. */
function describe(e: AuditEntryView): string {
  const d = e.detail;
  switch (e.action) {
    case 'import':
      return ((d.files as { kind: string; fileName: string; rows: number }[]) ?? []).map((f) => `${f.kind}: ${f.fileName} (${formatCount(f.rows)} rows)`).join('; ');
    case 'derive':
      return `${formatCount(Number(d.treated))} in the treatment group, ${formatCount(Number(d.poolEligible))} records eligible for the pool`;
    case 'analysis':
    case 'run_deleted':
    case 'run_restored':
      return `run ${d.runId}`;
    case 'export':
      return `${d.recordLevel ? 'record-level ' : ''}${String(d.path)}`;
    case 'justification':
      return d.withdrawn ? `withdrawn for ${String(d.analysis)} (run ${String(d.runId)})` : `${String(d.analysis)} (run ${String(d.runId)}): “${String(d.text)}”`;
    default:
      return '';
  }
}

export function AuditTrail({ refreshKey }: { refreshKey: string }) {
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [check, setCheck] = useState<AuditCheckView | null>(null);
  useEffect(() => {
    call('audit.list', { limit: 50 }).then(setEntries, () => setEntries([]));
    call('audit.verify', {}).then(setCheck, () => setCheck(null));
  }, [refreshKey]);
  if (entries.length === 0 && !check?.problems.length) return null;
  return (
    <section className="card provenance" data-testid="audit-trail">
      <h3>Audit trail</h3>
      {check && !check.ok && (
        <div className="error-note" role="alert" data-testid="audit-altered">
          <p>The audit log has been altered outside Matchlab:</p>
          <ul>
            {check.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {check?.ok && check.head && (
        <p className="muted small" data-testid="audit-intact">
          Intact: {formatCount(check.entries)} {check.entries === 1 ? 'entry' : 'entries'}, each chained to the one before. Last hash{' '}
          <code className="hash" title={check.head}>
            {check.head.slice(0, 16)}…
          </code>{' '}
          (note it elsewhere to be able to show later that nothing was rewritten).
        </p>
      )}
      <table className="plain-table">
        <thead>
          <tr>
            <th>When</th>
            <th>What</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td className="nowrap">{ACTION_LABEL[e.action] ?? e.action}</td>
              <td className={e.detail.recordLevel ? 'record-level' : undefined}>{describe(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
