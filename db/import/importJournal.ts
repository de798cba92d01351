// The first import into a store runs under a rollback journal when it can. The store lives in WAL
// mode, and with this SQLCipher build a big import's commit through the WAL costs about three
// times as much as with a rollback journal (every page is encrypted once into the WAL and again
// at the checkpoint: 200k records, commit ~740 ms against 220-290 ms), while a first import's
// journal holds next to nothing (its pages are new). Atomicity is the same: the rollback journal
// is encrypted too, and a killed process's hot journal is rolled back by the next connection that
// opens the store.
// An import that replaces an extract stays in WAL. It writes the new extract into the old one's
// pages, so a rollback journal would hold every one of them and a rollback (a cancel) write them
// all back: 1.3 s for a 1M-record extract, where the WAL's rollback takes milliseconds. Re-importing
// the 1M shuffled benchmark extract: 11.8-12.2 s to the commit with a rollback journal, 10.7-10.9 s
// through the WAL, whose checkpoint (1.8 s) comes after the result (jobWorkerMain.ts checkpointAfterJob).
import type { Db } from '../store';
import { tableExists } from '../extract/extractSchema';

/**
 * Switches the connection to a rollback journal when the store holds no extract yet; false (and
 * still WAL) when it holds one, or when another connection has the store open, since SQLite leaves
 * WAL only for its sole user. Outside a transaction only.
 */
export function enterRollbackJournal(db: Db): boolean {
  if (tableExists(db, 'cohort')) return false;
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  // Another connection's lock is not going away for the import's sake: ask once, never wait.
  db.pragma('busy_timeout = 0');
  try {
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/** Back to WAL after the import's COMMIT or ROLLBACK, so that readers and writers can overlap again. */
export function leaveRollbackJournal(db: Db): void {
  try {
    db.pragma('journal_mode = WAL');
  } catch {
    // Only another connection's lock can refuse it (after busy_timeout): the store then stays in
    // rollback mode until the next openStore, which turns WAL on again. Throwing here would
    // report a committed import as failed; its data is committed or rolled back either way.
  }
}
