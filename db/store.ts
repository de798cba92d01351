// The encrypted store: one SQLCipher-format SQLite file per analyst workspace.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { MIGRATIONS } from './migrations';
import { sqliteAddonOption } from './sqliteAddon';

export type Db = Database.Database;

/** Raised when a store cannot be opened; `code` lets the UI say the right thing. */
export class StoreError extends Error {
  constructor(
    readonly code: 'wrong_passphrase' | 'not_found' | 'exists' | 'bad_passphrase' | 'newer_schema',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const MIN_PASSPHRASE_LENGTH = 8;

// SQLCipher 4 defaults (PBKDF2-HMAC-SHA512, 256k iterations): the key is derived from the
// passphrase by SQLCipher itself, so the passphrase is never stored anywhere.
// Pages of 16 KiB rather than SQLCipher's 4 KiB: each page carries its own IV and HMAC, and a
// bulk import writes a million rows, so fewer, larger pages cut the import's encryption and
// checkpoint time by about a fifth. The page size is not readable without the key, so it must be
// given identically whenever the file is opened (SQLite3MC calls it legacy_page_size).
export const STORE_PAGE_BYTES = 16384;
// Stores created before the page size was raised.
const EARLIER_PAGE_BYTES = 4096;

function applyKey(db: Db, passphrase: string, pageBytes: number): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`legacy=4`);
  db.pragma(`legacy_page_size=${pageBytes}`);
  db.pragma(`key='${passphrase.replace(/'/g, "''")}'`);
}

/** Opens the file with the key and page size, or returns null when they do not decrypt it. */
function openKeyed(file: string, passphrase: string, pageBytes: number, readonly: boolean): Db | null {
  const db = new Database(file, { readonly, ...sqliteAddonOption() });
  try {
    applyKey(db, passphrase, pageBytes);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch {
    db.close();
    return null;
  }
}

export interface OpenStoreOptions {
  /** 'create' fails if the file exists, 'open' fails if it does not; 'any' does either. */
  mode?: 'create' | 'open' | 'any';
  readonly?: boolean;
}

/** Opens (or creates) an encrypted store and brings its schema up to date. */
export function openStore(file: string, passphrase: string, options: OpenStoreOptions = {}): Db {
  const mode = options.mode ?? 'any';
  const exists = existsSync(file);
  if (mode === 'open' && !exists) throw new StoreError('not_found', `No store at ${file}`);
  if (mode === 'create' && exists) throw new StoreError('exists', `A file already exists at ${file}`);
  if (!exists && passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new StoreError('bad_passphrase', `A new store needs a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  const readonly = options.readonly === true && exists;
  const db = openKeyed(file, passphrase, STORE_PAGE_BYTES, readonly) ?? (exists ? openKeyed(file, passphrase, EARLIER_PAGE_BYTES, readonly) : null);
  if (!db) throw new StoreError('wrong_passphrase', 'The passphrase does not open this store (or the file is not a Matchlab store)');
  try {
    // SQLite's temporary files (sorts, index builds, temp tables) are not encrypted: keep them in memory on every
    // connection, so that no person-level row ever reaches the temp folder in plaintext (ARCHITECTURE.md).
    db.pragma('temp_store = MEMORY');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Applies every migration newer than the store's user_version, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreError('newer_schema', `This store was written by a newer Matchlab (schema ${current}); update Matchlab to open it`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
