// Where the extract came from: the files as imported, with their SHA-256, so an analyst can show
// which extract a report was made from.
import { formatDate, formatDateTime } from '../../shared/format/dateFormat';
import { useEffect, useState } from 'react';
import type { ExtractProvenance as Provenance } from '../../shared/api';
import { call } from '../api/client';
import { formatCount } from '../../shared/format/numberFormat';

const KIND_LABEL = { cohort: 'Cohort', reoffences: 'Proven offences', participants: 'Participants' } as const;

function bytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function ExtractProvenance({ refreshKey }: { refreshKey: string }) {
  const [info, setInfo] = useState<Provenance | null>(null);
  useEffect(() => {
    call('store.info', {}).then(setInfo, () => setInfo(null));
  }, [refreshKey]);
  const extract = info?.extract;
  if (!extract) return null;
  return (
    <section className="card provenance">
      <h3>Imported files</h3>
      <p className="small muted">
        Imported {formatDateTime(extract.importedAt)}. Extract date {formatDate(extract.extractDate)} (
        {extract.extractDateSource === 'given' ? 'given at import' : 'the latest disposal date in the offences file'}).
      </p>
      <table className="plain-table">
        <thead>
          <tr>
            <th>File</th>
            <th>Name</th>
            <th className="num">Rows</th>
            <th className="num">Size</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {extract.files.map((f) => (
            <tr key={f.kind}>
              <td>{KIND_LABEL[f.kind]}</td>
              <td>
                {f.fileName}
                {f.sheet ? ` (sheet ${f.sheet})` : ''}
              </td>
              <td className="num">{formatCount(f.rows)}</td>
              <td className="num">{bytes(f.bytes)}</td>
              <td>
                <code className="hash" title={f.sha256}>
                  {f.sha256.slice(0, 16)}…
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
