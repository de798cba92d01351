// The audit log: every import, analysis and export leaves a row (ARCHITECTURE.md, security).
import type { Db } from './store';

export type AuditAction = 'store_created' | 'import' | 'derive' | 'analysis' | 'export' | 'justification' | 'run_deleted' | 'run_restored';

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  detail: Record<string, unknown>;
}

export function writeAudit(db: Db, action: AuditAction, detail: Record<string, unknown>, at = new Date()): void {
  db.prepare('INSERT INTO audit (at, action, detail) VALUES (?, ?, ?)').run(at.toISOString(), action, JSON.stringify(detail));
}

export function readAudit(db: Db, limit = 200): AuditEntry[] {
  const rows = db.prepare('SELECT id, at, action, detail FROM audit ORDER BY id DESC LIMIT ?').all(limit) as
    { id: number; at: string; action: AuditAction; detail: string }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
