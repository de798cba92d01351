// The latest robustness check of each run, as JSON (shared/robustness/robustnessCheck.ts); a new check replaces it.
// It follows its run: hidden while the run is marked deleted, back when it is restored, removed with it for good
// (ON DELETE CASCADE when db/runs/runStore.ts purges the marked runs).
import type { Db } from '../store';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';

export function saveRobustness(db: Db, check: RobustnessCheck): void {
  db.prepare('INSERT OR REPLACE INTO robustness_checks (run_id, checked_at, result) VALUES (?, ?, ?)').run(check.runId, check.checkedAt, JSON.stringify(check));
}

export function readRobustness(db: Db, runId: string): RobustnessCheck | null {
  const row = db.prepare('SELECT result FROM robustness_checks JOIN runs USING (run_id) WHERE run_id = ? AND deleted_at IS NULL').get(runId) as { result: string } | undefined;
  return row ? (JSON.parse(row.result) as RobustnessCheck) : null;
}
