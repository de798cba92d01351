// The store's audit log: every import, cohort step, analysis and export, newest first.
import { formatDateTime } from '../../shared/format/dateFormat';
import { useEffect, useState } from 'react';
import type { AuditEntryView } from '../../shared/api';
import { call } from '../api/client';
import { formatCount } from '../../shared/format/numberFormat';

const ACTION_LABEL: Record<string, string> = {
  store_created: 'Store created',
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
  useEffect(() => {
    call('audit.list', { limit: 50 }).then(setEntries, () => setEntries([]));
  }, [refreshKey]);
  if (entries.length === 0) return null;
  return (
    <section className="card provenance" data-testid="audit-trail">
      <h3>Audit trail</h3>
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
