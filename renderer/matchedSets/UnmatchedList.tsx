// Every treated person the matching could not place, with why and how far the nearest pool record of their stratum
// was: the question "why was my person left out?" for step 8 of the funnel, answered from the stored run.
import type { TreatedRecordView } from '../../shared/api';
import { ScrollRegion } from '../components/ScrollRegion';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';
import { UNMATCHED_LABEL, unmatchedReason } from '../../shared/wording/unmatchedReason';

interface Props {
  rows: TreatedRecordView[];
  total: number;
  caliper: number | null;
  poolFilter: string;
}

export function UnmatchedList({ rows, total, caliper, poolFilter }: Props) {
  return (
    <section className="card unmatched" aria-labelledby="unmatched-heading" data-testid="unmatched-list">
      <h3 id="unmatched-heading">Not matched ({formatCount(total)})</h3>
      {total === 0 ? (
        <p className="muted small">Every treated person of this analysis was matched.</p>
      ) : (
        <ScrollRegion label="Treated people not matched" className="sets-scroll">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">Participant</th>
                <th scope="col">Record</th>
                <th scope="col">Score (logit)</th>
                <th scope="col" title="Distance on the logit score to the nearest pool record of the same stratum">
                  Nearest pool record
                </th>
                <th scope="col" className="reason-col">
                  Why
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.recordId} data-testid="unmatched-row">
                  <th scope="row">{r.participantRef ?? '—'}</th>
                  <td>
                    <code>{r.recordId}</code>
                  </td>
                  <td className="num">{r.score === null ? 'not scored' : formatFixed(r.score, 3)}</td>
                  <td className="num">{r.nearestDistance === null ? '—' : `${formatFixed(r.nearestDistance, 4)} away`}</td>
                  <td>
                    <strong>{r.reason ? UNMATCHED_LABEL[r.reason] : ''}</strong>
                    <span className="small reason-text"> {r.reason && unmatchedReason({ reason: r.reason, nearestDistance: r.nearestDistance, caliper, stratum: r.stratum, poolFilter })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length < total && <p className="muted small">The first {formatCount(rows.length)} are shown.</p>}
        </ScrollRegion>
      )}
    </section>
  );
}
