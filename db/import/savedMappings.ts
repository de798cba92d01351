// Column mappings saved by name, offered again on the next import.
import type { Db } from '../store';
import type { ColumnMapping } from './columnMapping';
import type { FileKind } from './importProblems';

export interface SavedMappingEntry {
  name: string;
  kind: FileKind;
  savedAt: string;
}

/** Saves (or replaces) the mapping `name` for one file kind. */
export function saveMapping(db: Db, name: string, kind: FileKind, mapping: ColumnMapping, at = new Date()): void {
  const trimmed = name.trim();
  if (trimmed === '') throw new RangeError('a saved mapping needs a name');
  db.prepare(`INSERT INTO mappings (name, kind, mapping, saved_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (name, kind) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at`)
    .run(trimmed, kind, JSON.stringify(mapping), at.toISOString());
}

/** Saved mappings, newest first; only those of `kind` when given. */
export function listMappings(db: Db, kind?: FileKind): SavedMappingEntry[] {
  const rows = (kind === undefined
    ? db.prepare('SELECT name, kind, saved_at FROM mappings ORDER BY saved_at DESC, name').all()
    : db.prepare('SELECT name, kind, saved_at FROM mappings WHERE kind = ? ORDER BY saved_at DESC, name').all(kind)) as
    { name: string; kind: FileKind; saved_at: string }[];
  return rows.map((r) => ({ name: r.name, kind: r.kind, savedAt: r.saved_at }));
}

export function loadMapping(db: Db, name: string, kind: FileKind): ColumnMapping | null {
  const row = db.prepare('SELECT mapping FROM mappings WHERE name = ? AND kind = ?').get(name.trim(), kind) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as ColumnMapping) : null;
}

export function deleteMapping(db: Db, name: string, kind: FileKind): boolean {
  return db.prepare('DELETE FROM mappings WHERE name = ? AND kind = ?').run(name.trim(), kind).changes > 0;
}
