// What `matchlab info` and the Extract screen say about the store's health: every page checked
// against its HMAC (db/storePages.ts), SQLite's own integrity_check, and the audit chain.
import type { Db } from './store';
import { isDamageError, storeKey } from './store';
import { checkStorePages, describePageDamage } from './storePages';

export interface IntegrityCheck {
  ok: boolean;
  /** One sentence per problem found; empty when ok. */
  problems: string[];
}

/** Reads the whole store: seconds on a store of a million records, so it runs on request, not on every open. */
export function checkStoreIntegrity(db: Db, file: string): IntegrityCheck {
  const problems: string[] = [];
  // Pages are checked in the file itself: move what the WAL holds there first (pages a reader still
  // needs stay in the WAL, where SQLite's check below reads them).
  db.pragma('wal_checkpoint(PASSIVE)');
  // With the connection's kept key: no second key derivation.
  const pages = checkStorePages(file, storeKey(db));
  const damage = pages.pages === 0 ? null : pages.pageBytes === null ? 'no page passes its authentication check' : describePageDamage(pages);
  if (damage) problems.push(`the store file is damaged: ${damage}`);
  try {
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    for (const r of rows) if (r.integrity_check !== 'ok') problems.push(`SQLite's integrity check: ${r.integrity_check}`);
  } catch (err) {
    if (!isDamageError(err)) throw err;
    problems.push(`SQLite cannot read every page: ${(err as Error).message}`);
  }
  return { ok: problems.length === 0, problems };
}
