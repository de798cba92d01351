// A page of the participants grid: each submitted row with what became of it.
import type { Db } from '../store';
import type { ParticipantStatus } from '../../shared/cohort/funnelSteps';

export interface ParticipantStatusRow {
  rowNo: number;
  participantRef: string;
  personId: string | null;
  status: ParticipantStatus;
  recordId: string | null;
}

export interface ParticipantStatusQuery {
  offset: number;
  limit: number;
  status?: string;
  /** Matches participant_ref, person_id or record_id, anywhere in the text. */
  search?: string;
}

export function participantStatusPage(db: Db, q: ParticipantStatusQuery) {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.status) {
    where.push('status = ?');
    params.push(q.status);
  }
  if (q.search) {
    where.push(`(participant_ref LIKE ? ESCAPE '\\' OR person_id LIKE ? ESCAPE '\\' OR record_id LIKE ? ESCAPE '\\')`);
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM participant_status ${clause}`).pluck().get(...params) as number;
  const rows = db
    .prepare(
      `SELECT row_no AS rowNo, participant_ref AS participantRef, person_id AS personId, status, record_id AS recordId
       FROM participant_status ${clause} ORDER BY row_no LIMIT ? OFFSET ?`,
    )
    .all(...params, q.limit, q.offset) as ParticipantStatusRow[];
  const byStatus = Object.fromEntries(
    (db.prepare('SELECT status, count(*) AS n FROM participant_status GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
  );
  return { rows, total, byStatus };
}
