// "Who was matched" for one analysis of a stored run: MatchIt's sample sizes, every treated person not matched and
// why, the matched treated with their set sizes, and the matched set of whichever record is opened. All read from
// the stored run (api runs.treated / runs.matchedSet): nothing is matched again to look.
import { useEffect, useState } from 'react';
import type { MatchedSetView, TreatedPage } from '../../shared/api';
import { SAME_AS_TREATMENT } from '../../shared/engine/analysisSpec';
import type { AnalysisResults } from '../../shared/results/runResults';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { MatchedSetCard } from './MatchedSetCard';
import { SampleSizesTable } from './SampleSizesTable';
import { TreatedFinder } from './TreatedFinder';
import { UnmatchedList } from './UnmatchedList';

function poolFilterText(a: AnalysisResults): string {
  return Object.entries(a.spec.pool)
    .map(([k, v]) => (v === SAME_AS_TREATMENT ? `${k} as the treated person's` : `${k} = ${v}`))
    .join(', ');
}

export function MatchedSetsPanel({ runId, analysis }: { runId: string; analysis: AnalysisResults }) {
  const [unmatched, setUnmatched] = useState<TreatedPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The records opened, the last one shown: Back returns along the way taken.
  const [trail, setTrail] = useState<string[]>([]);
  const [set, setSet] = useState<MatchedSetView | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const name = analysis.name;

  useEffect(() => {
    call('runs.treated', { runId, analysis: name, offset: 0, limit: 1000, status: 'unmatched' }).then(setUnmatched, (e: Error) => setError(e.message));
  }, [runId, name]);

  const openId = trail[trail.length - 1] ?? null;
  useEffect(() => {
    if (!openId) return;
    let current = true;
    call('runs.matchedSet', { runId, analysis: name, recordId: openId, limit: 200 }).then(
      (s) => current && (setSet(s), setOpenError(null)),
      (e: Error) => current && setOpenError(e.message),
    );
    return () => {
      current = false;
    };
  }, [runId, name, openId]);

  if (error) return <ErrorNote message={`Who was matched to whom cannot be shown: ${error}`} />;
  return (
    <div className="matched-sets">
      <div className="sets-top">
        {analysis.sampleSizes && <SampleSizesTable sizes={analysis.sampleSizes} />}
        {unmatched ? <UnmatchedList rows={unmatched.rows} total={unmatched.total} caliper={unmatched.caliper} poolFilter={poolFilterText(analysis)} /> : <p className="muted">Reading the stored run…</p>}
      </div>
      <div className="sets-columns">
        <div className="sets-column">
          <TreatedFinder runId={runId} analysis={name} openId={openId} onOpen={(id) => setTrail([id])} />
        </div>
        <div className="sets-column">
          <ErrorNote message={openError} />
          {set && openId && set.record.recordId === openId ? (
            <MatchedSetCard set={set} onOpen={(id) => setTrail((t) => [...t, id])} onBack={trail.length > 1 ? () => setTrail((t) => t.slice(0, -1)) : null} />
          ) : (
            <p className="muted card">Open a treated person’s matched set from the list: their comparison records, closest first, each of which opens the treated people it serves.</p>
          )}
        </div>
      </div>
    </div>
  );
}
