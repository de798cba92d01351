// One record's matched set from the stored run: for a treated person, the comparison records they were matched to
// (closest first, with distance and pair weight); for a comparison record, the treated people it serves. Every
// member opens its own set, so the analyst can walk from a participant to a match and on to whoever else it serves.
import type { MatchedSetView } from '../../shared/api';
import { ScrollRegion } from '../components/ScrollRegion';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';

/** Weights of large radius sets are tiny (1/91,685): three significant figures rather than zeros. */
function weightText(w: number): string {
  return w === 0 || w >= 0.01 ? formatFixed(w, 3) : String(Number(w.toPrecision(3)));
}

const METHOD: Record<MatchedSetView['method'], string> = { radius: 'radius', nearest: 'nearest neighbour', kernel: 'kernel' };

interface Props {
  set: MatchedSetView;
  onOpen: (recordId: string) => void;
  onBack: (() => void) | null;
}

export function MatchedSetCard({ set, onOpen, onBack }: Props) {
  const r = set.record;
  const who = r.treated ? `Treated ${r.participantRef ? `participant ${r.participantRef}` : 'record'}` : 'Comparison record';
  const [one, many] = r.treated ? ['comparison record', 'comparison records'] : ['treated person', 'treated people'];
  return (
    <section className="card matched-set" aria-labelledby="set-heading" data-testid="matched-set">
      <div className="set-head">
        <h3 id="set-heading">
          {who} <code>{r.recordId}</code>
        </h3>
        {onBack && (
          <button type="button" className="secondary small" onClick={onBack}>
            Back
          </button>
        )}
      </div>
      <dl className="facts set-facts">
        <div className="fact">
          <dt>Score (logit)</dt>
          <dd>{formatFixed(r.score, 4)}</dd>
        </div>
        <div className="fact">
          <dt>Stratum</dt>
          <dd>{r.stratum || 'none'}</dd>
        </div>
        <div className="fact">
          <dt>{r.treated ? 'Set (MatchIt subclass)' : 'Comparison weight'}</dt>
          <dd>{r.treated ? (r.set ?? 'not matched') : weightText(r.weight)}</dd>
        </div>
        <div className="fact">
          <dt>Matching</dt>
          <dd>
            {METHOD[set.method]}
            {set.caliper !== null ? `, caliper ${formatFixed(set.caliper, 4)}` : ', no caliper'}
          </dd>
        </div>
      </dl>
      <p className="small" data-testid="set-summary">
        {set.total === 0
          ? r.treated
            ? 'Not matched: no comparison record in the set.'
            : 'Serves no treated person: weight 0, not in the comparison group.'
          : `${r.treated ? 'Matched to' : 'Serves'} ${formatCount(set.total)} ${set.total === 1 ? one : many}${set.members.length < set.total ? `; the ${formatCount(set.members.length)} closest are listed` : ''}.`}
        {!r.treated && set.total > 0 && ' Its pair weights add up to its comparison weight.'}
      </p>
      {set.members.length > 0 && (
        <ScrollRegion label="Members of the matched set" className="sets-scroll">
          <table className="report-table" data-testid="set-members">
            <thead>
              <tr>
                <th scope="col">{r.treated ? 'Comparison record' : 'Treated record'}</th>
                {!r.treated && <th scope="col">Participant</th>}
                <th scope="col">Score (logit)</th>
                <th scope="col">Distance</th>
                <th scope="col" title="What this pair adds to the comparison record's weight">
                  Pair weight
                </th>
              </tr>
            </thead>
            <tbody>
              {set.members.map((m) => (
                <tr key={m.recordId}>
                  <th scope="row">
                    <button type="button" className="linkish" onClick={() => onOpen(m.recordId)} aria-label={`Open the matched set of ${m.recordId}`}>
                      {m.recordId}
                    </button>
                  </th>
                  {!r.treated && <td>{m.participantRef ?? '—'}</td>}
                  <td className="num">{formatFixed(m.score, 4)}</td>
                  <td className="num">{formatFixed(m.distance, 4)}</td>
                  <td className="num">{weightText(m.pairWeight)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
