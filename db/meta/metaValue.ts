// Small named JSON values kept in the store's `meta` table (e.g. the analysis set-up being edited),
// so that closing the app loses nothing.
import type { Db } from '../store';

export function readMetaJson<T>(db: Db, key: string): T | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function writeMetaJson(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
