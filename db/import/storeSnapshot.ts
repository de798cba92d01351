// A test helper: everything a store holds, as one comparable value (schema and every row).
import type { Db } from '../store';

export function storeSnapshot(db: Db): string {
  const schema = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { type: string; name: string; sql: string | null }[];
  const tables = schema.filter((s) => s.type === 'table').map((s) => s.name);
  const rows = tables.map((t) => [t, db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`).all().map((r) => JSON.stringify(r)).sort()]);
  return JSON.stringify({ schema, rows, userVersion: db.pragma('user_version', { simple: true }) });
}
