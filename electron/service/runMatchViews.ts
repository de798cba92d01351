// Who was matched to whom in a stored run (api `runs.treated`, `runs.matchedSet`, the matches and pairs exports):
// lookups over the run's stored arrays (shared/engine/matchedSets.ts), never a new matching. Reading a national
// analysis's 300k records takes a while, so the last few analyses looked at stay indexed in memory.
import type { Db } from '../../db/store';
import { readRunRecords, type RunRecords, type StoredRunRecords } from '../../db/runs/runStore';
import { readCohortDerivation } from '../../db/cohort/deriveCohort';
import type { MatchedSetView, TreatedPage, TreatedRecordView } from '../../shared/api';
import { buildMatchedSetIndex, comparisonSet, rowOfRecord, setNumbers, treatedServed, unmatchedTreated, type MatchFacts, type MatchedSetIndex } from '../../shared/engine/matchedSets';
import type { AnalysisResults, RunResults } from '../../shared/results/runResults';
import { ApiError } from './apiError';
import { matchFacts } from '../exports/matchesCsv';

const CACHED_ANALYSES = 3;

interface Indexed {
  records: RunRecords;
  /** Null for a run stored before matched sets were kept. */
  index: MatchedSetIndex | null;
  analysis: AnalysisResults;
  /** Every treated record of the analysis, in record_id order (then those outside the pool filter). */
  treated: TreatedRecordView[];
  participantRef: Map<string, string>;
}

export interface TreatedQuery {
  runId: string;
  analysis: string;
  offset: number;
  limit: number;
  status: 'all' | 'matched' | 'unmatched';
  search?: string;
}

/** The participant_ref of each treated record, when the run was made on the extract the store holds now. */
function participantRefs(db: Db, run: RunResults): Map<string, string> {
  const derivation = readCohortDerivation(db);
  if (!derivation || derivation.settings.importedAt !== run.cohortSettings.importedAt) return new Map();
  const rows = db.prepare(`SELECT record_id, participant_ref FROM participant_status WHERE status = 'treated'`).raw().all() as [string, string][];
  return new Map(rows);
}

function treatedViews(index: MatchedSetIndex, analysis: AnalysisResults, refs: Map<string, string>): TreatedRecordView[] {
  const { stored } = index;
  const strata = analysis.matching.strata;
  const unmatched = new Map(unmatchedTreated(index).map((u) => [u.recordId, u]));
  const out: TreatedRecordView[] = [];
  for (let i = 0; i < stored.recordIds.length; i++) {
    if (stored.treated[i] !== 1) continue;
    const recordId = stored.recordIds[i];
    const u = unmatched.get(recordId);
    out.push({
      recordId,
      participantRef: refs.get(recordId) ?? null,
      score: stored.score[i],
      matched: !u,
      set: index.setNumber[i] > 0 ? index.setNumber[i] : null,
      setSize: u ? 0 : comparisonSet(index, i, 0).total,
      reason: u?.reason ?? null,
      nearestDistance: u?.nearestDistance ?? null,
      stratum: strata[stored.strata[i]] ?? null,
    });
  }
  for (const recordId of stored.outsideFilterIds) {
    out.push({ recordId, participantRef: refs.get(recordId) ?? null, score: null, matched: false, set: null, setSize: 0, reason: 'outside_filter', nearestDistance: null, stratum: null });
  }
  return out;
}

export interface RunMatchViews {
  treatedPage(db: Db, run: RunResults, query: TreatedQuery): TreatedPage;
  matchedSet(db: Db, run: RunResults, analysis: string, recordId: string, limit: number): MatchedSetView;
  /** The stored records and, for runs that kept them, the matched-set index (for the exports). */
  indexed(db: Db, run: RunResults, analysis: string): { records: RunRecords; index: MatchedSetIndex | null };
  /**
   * For the matches export: the stored records and, when `wantSets` says so, MatchIt's set number of each row (null
   * for a run stored before matched sets were kept). An analysis not indexed already is read without indexing it:
   * a radius analysis's matches file needs no matched sets, and indexing a national pool takes a while.
   */
  setNumbered(db: Db, run: RunResults, analysis: string, wantSets: (facts: MatchFacts) => boolean): { records: RunRecords; setNumber: Int32Array | null };
  /** Drops what is kept of a run (deleted, or the store closed). */
  forget(runId?: string): void;
}

function readStored(db: Db, run: RunResults, name: string): { analysis: AnalysisResults; stored: StoredRunRecords; facts: MatchFacts } {
  const analysis = run.analyses.find((a) => a.name === name);
  const stored = analysis ? readRunRecords(db, run.runId, name) : null;
  if (!analysis || !stored) throw new ApiError('not_found', `Run ${run.runId} has no analysis named ${name}`);
  return { analysis, stored, facts: matchFacts(analysis) };
}

export function createRunMatchViews(): RunMatchViews {
  // Most recently used last.
  const cache = new Map<string, Indexed>();

  function load(db: Db, run: RunResults, name: string): Indexed {
    const key = `${run.runId}\n${name}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const { analysis, stored, facts } = readStored(db, run, name);
    const index = stored.match ? buildMatchedSetIndex(stored.match, facts) : null;
    const participantRef = participantRefs(db, run);
    const entry: Indexed = { records: stored.records, index, analysis, participantRef, treated: index ? treatedViews(index, analysis, participantRef) : [] };
    cache.set(key, entry);
    while (cache.size > CACHED_ANALYSES) cache.delete(cache.keys().next().value!);
    return entry;
  }

  function requireIndex(entry: Indexed, run: RunResults): MatchedSetIndex {
    if (!entry.index) throw new ApiError('not_kept', `Run ${run.runId} was stored by an earlier version of Matchlab, which did not keep who was matched to whom: run it again to see the matched sets`);
    return entry.index;
  }

  return {
    treatedPage(db, run, q) {
      const entry = load(db, run, q.analysis);
      requireIndex(entry, run);
      const needle = q.search?.trim().toLowerCase() ?? '';
      const rows = entry.treated.filter(
        (t) =>
          (q.status === 'all' || (q.status === 'matched') === t.matched) &&
          (needle === '' || t.recordId.toLowerCase().includes(needle) || (t.participantRef ?? '').toLowerCase().includes(needle)),
      );
      const matched = entry.treated.filter((t) => t.matched).length;
      return { rows: rows.slice(q.offset, q.offset + q.limit), total: rows.length, matched, unmatched: entry.treated.length - matched, caliper: entry.analysis.matching.caliper };
    },

    matchedSet(db, run, name, recordId, limit) {
      const entry = load(db, run, name);
      const index = requireIndex(entry, run);
      const row = rowOfRecord(index, recordId);
      if (row === undefined) {
        const outside = index.stored.outsideFilterIds.includes(recordId);
        throw new ApiError('not_found', outside ? `Record ${recordId} is outside the pool filter of the ${name} analysis: it has no matched set` : `Record ${recordId} is not in the ${name} analysis`);
      }
      const { stored } = index;
      const treated = stored.treated[row] === 1;
      const set = treated ? comparisonSet(index, row, limit) : treatedServed(index, row, limit);
      const ref = (id: string) => entry.participantRef.get(id) ?? null;
      return {
        record: {
          recordId,
          treated,
          participantRef: ref(recordId),
          score: stored.score[row],
          weight: stored.weight[row],
          set: index.setNumber[row] > 0 ? index.setNumber[row] : null,
          stratum: entry.analysis.matching.strata[stored.strata[row]] ?? '',
        },
        members: set.members.map((m) => ({ recordId: stored.recordIds[m.row], participantRef: ref(stored.recordIds[m.row]), score: stored.score[m.row], distance: m.distance, pairWeight: m.pairWeight })),
        total: set.total,
        method: index.facts.method,
        caliper: index.facts.caliper,
      };
    },

    indexed(db, run, name) {
      const entry = load(db, run, name);
      return { records: entry.records, index: entry.index };
    },

    setNumbered(db, run, name, wantSets) {
      const hit = cache.get(`${run.runId}\n${name}`);
      if (hit) return { records: hit.records, setNumber: hit.index && wantSets(hit.index.facts) ? hit.index.setNumber : null };
      const { stored, facts } = readStored(db, run, name);
      return { records: stored.records, setNumber: stored.match && wantSets(facts) ? setNumbers(stored.match, facts.replace) : null };
    },

    forget(runId) {
      for (const key of [...cache.keys()]) if (runId === undefined || key.startsWith(`${runId}\n`)) cache.delete(key);
    },
  };
}
