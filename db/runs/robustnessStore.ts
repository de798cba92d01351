// The latest robustness check of each run, as JSON (shared/robustness/robustnessCheck.ts); a new check replaces it.
import type { Db } from '../store';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';

export function saveRobustness(db: Db, check: RobustnessCheck): void {
  db.prepare('INSERT OR REPLACE INTO robustness_checks (run_id, checked_at, result) VALUES (?, ?, ?)').run(check.runId, check.checkedAt, JSON.stringify(check));
}

export function readRobustness(db: Db, runId: string): RobustnessCheck | null {
  const row = db.prepare('SELECT result FROM robustness_checks WHERE run_id = ?').get(runId) as { result: string } | undefined;
  return row ? (JSON.parse(row.result) as RobustnessCheck) : null;
}
