// The audit log: every import, analysis and export leaves a row (ARCHITECTURE.md, security).
// It is append-only (triggers refuse UPDATE and DELETE) and hash-chained: each entry's hash is
// SHA-256 over the previous entry's hash and the entry itself, and the last entry's id and hash
// are kept in `meta` as the chain's head. Changing an entry breaks its hash, deleting one leaves
// a gap in the ids (or a head that no entry matches), so `matchlab info` and the Extract screen
// can say what was done to the log. Someone holding the passphrase who rewrites every later hash
// and the head is not caught from inside the store: the head hash, printed by `info`, is what an
// analyst can note elsewhere to catch that too (SECURITY.md).
import { createHash } from 'node:crypto';
import type { Db } from './store';
import { readMetaJson, writeMetaJson } from './meta/metaValue';

export type AuditAction =
  | 'store_created'
  | 'import'
  | 'derive'
  | 'analysis'
  | 'robustness'
  | 'export'
  | 'justification'
  | 'run_deleted'
  | 'run_restored'
  | 'passphrase_changed';

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  detail: Record<string, unknown>;
}

/** meta `audit_chain`: entries up to `from` predate the chain (none in a store made since); the head is the last entry. */
interface ChainHead {
  from: number;
  id: number;
  hash: string;
}

const HEAD_KEY = 'audit_chain';

// hash_k = SHA-256(JSON [hash_(k-1), id, at, action, detail]), with '' before the first entry.
function entryHash(previous: string, id: number, at: string, action: string, detail: string): string {
  return createHash('sha256').update(JSON.stringify([previous, id, at, action, detail])).digest('hex');
}

export function writeAudit(db: Db, action: AuditAction, detail: Record<string, unknown>, at = new Date()): void {
  // Reading the head and appending after it must not interleave with another connection's entry.
  const append = () => {
    const head = readMetaJson<ChainHead>(db, HEAD_KEY) ?? { from: 0, id: 0, hash: '' };
    const id = head.id + 1;
    const when = at.toISOString();
    const text = JSON.stringify(detail);
    const hash = entryHash(head.hash, id, when, action, text);
    db.prepare('INSERT INTO audit (id, at, action, detail, hash) VALUES (?, ?, ?, ?, ?)').run(id, when, action, text, hash);
    writeMetaJson(db, HEAD_KEY, { ...head, id, hash });
  };
  if (db.inTransaction) append();
  else db.transaction(append).immediate();
}

export function readAudit(db: Db, limit = 200): AuditEntry[] {
  const rows = db.prepare('SELECT id, at, action, detail FROM audit ORDER BY id DESC LIMIT ?').all(limit) as
    { id: number; at: string; action: AuditAction; detail: string }[];
  return rows.map((r) => ({ ...r, detail: safeDetail(r.detail) }));
}

function safeDetail(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { unreadable: text.slice(0, 200) };
  }
}

export interface AuditCheck {
  ok: boolean;
  entries: number;
  /** The last entry's hash: noted elsewhere, it shows later whether the log was rewritten. */
  head: string | null;
  /** What was done to the log, one sentence each (at most 20). */
  problems: string[];
}

/** Walks the chain from its start and says which entries were changed, deleted or added. */
export function verifyAudit(db: Db): AuditCheck {
  const head = readMetaJson<ChainHead>(db, HEAD_KEY);
  const rows = db.prepare('SELECT id, at, action, detail, hash FROM audit ORDER BY id').all() as
    { id: number; at: string; action: string; detail: string; hash: string | null }[];
  const problems: string[] = [];
  const say = (p: string) => {
    if (problems.length < 20) problems.push(p);
  };
  if (!head) {
    if (rows.length > 0) say('the record of the audit chain is missing from the store');
    return { ok: problems.length === 0, entries: rows.length, head: null, problems };
  }
  let previous = '';
  let expectedId = head.from + 1;
  for (const row of rows) {
    if (row.id <= head.from) continue;
    if (row.id > head.id) {
      say(`entry ${row.id} (${row.action}, ${row.at}) was added outside Matchlab`);
      continue;
    }
    if (row.id > expectedId) say(row.id - expectedId === 1 ? `entry ${expectedId} was deleted` : `entries ${expectedId} to ${row.id - 1} were deleted`);
    const hash = entryHash(previous, row.id, row.at, row.action, row.detail);
    if (row.hash !== hash) {
      say(`entry ${row.id} (${row.action}, ${row.at}) was changed after it was written`);
      // Carry on from the stored hash, so that one changed entry is not reported as many.
      previous = row.hash ?? hash;
    } else {
      previous = hash;
    }
    expectedId = row.id + 1;
  }
  if (expectedId <= head.id) say(head.id === expectedId ? `the last entry (${head.id}) was deleted` : `the last entries (${expectedId} to ${head.id}) were deleted`);
  else if (previous !== head.hash && head.id > head.from) say(`the audit chain's head does not match its last entry`);
  return { ok: problems.length === 0, entries: rows.length, head: head.id > head.from ? head.hash : null, problems };
}
