// The encrypted store: one SQLCipher-format SQLite file per analyst workspace.
import Database from 'better-sqlite3-multiple-ciphers';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
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

// Pages of 16 KiB rather than SQLCipher's 4 KiB: each page carries its own IV and HMAC, and a
// bulk import writes a million rows, so fewer, larger pages cut the import's encryption and
// checkpoint time by about a fifth. The page size is not readable without the key, so it must be
// given identically whenever the file is opened (SQLite3MC calls it legacy_page_size).
export const STORE_PAGE_BYTES = 16384;
// Stores created before the page size was raised.
const EARLIER_PAGE_BYTES = 4096;

// SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512, 256,000 iterations, over the 16-byte salt
// that opens the file. It is done here rather than by SQLCipher so that it is done ONCE per
// session: it costs about 0.3-0.5 s, and a job's thread, or the service taking the store back
// after an import, would otherwise pay it again at every connection. The key is then given to
// SQLCipher raw (x'key salt'), which is how SQLCipher itself keys the file after its derivation:
// the file is the same, and SQLCipher opens it with the passphrase alone.
const KDF_ITERATIONS = 256_000;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

/**
 * The store's derived key and salt: as secret as the passphrase (it opens the store), held in
 * memory only and passed only to this process's own job threads.
 */
export interface StoreKey {
  key: Uint8Array;
  salt: Uint8Array;
}

const keys = new WeakMap<Db, StoreKey>();

/** The salt at the start of an existing store file; null for a new (or empty) file. */
function fileSalt(file: string): Uint8Array | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const salt = new Uint8Array(SALT_BYTES);
    return readSync(fd, salt, 0, SALT_BYTES, 0) === SALT_BYTES ? salt : null;
  } finally {
    closeSync(fd);
  }
}

/** SQLCipher 4's key for a passphrase and salt. */
export function deriveStoreKey(passphrase: string, salt: Uint8Array): StoreKey {
  return { key: new Uint8Array(pbkdf2Sync(passphrase, salt, KDF_ITERATIONS, KEY_BYTES, 'sha512')), salt };
}

/** The key a store was opened with, for another connection to the same store (a job's thread). */
export function storeKey(db: Db): StoreKey {
  const key = keys.get(db);
  if (!key) throw new Error('this connection was not opened by openStore');
  return key;
}

function applyKey(db: Db, { key, salt }: StoreKey, pageBytes: number): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`legacy=4`);
  db.pragma(`legacy_page_size=${pageBytes}`);
  db.pragma(`key="x'${Buffer.from(key).toString('hex')}${Buffer.from(salt).toString('hex')}'"`);
}

/** Opens the file with the key and page size, or returns null when they do not decrypt it. */
function openKeyed(file: string, key: StoreKey, pageBytes: number, readonly: boolean): Db | null {
  const db = new Database(file, { readonly, ...sqliteAddonOption() });
  try {
    applyKey(db, key, pageBytes);
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

/**
 * Opens (or creates) an encrypted store and brings its schema up to date. `secret` is the
 * passphrase, or the key another connection to the same store was opened with (storeKey).
 */
export function openStore(file: string, secret: string | StoreKey, options: OpenStoreOptions = {}): Db {
  const mode = options.mode ?? 'any';
  const exists = existsSync(file);
  if (mode === 'open' && !exists) throw new StoreError('not_found', `No store at ${file}`);
  if (mode === 'create' && exists) throw new StoreError('exists', `A file already exists at ${file}`);
  if (!exists && typeof secret === 'string' && secret.length < MIN_PASSPHRASE_LENGTH) {
    throw new StoreError('bad_passphrase', `A new store needs a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  const readonly = options.readonly === true && exists;
  // A new store gets a random salt, as SQLCipher would give it.
  const key = typeof secret === 'string' ? deriveStoreKey(secret, fileSalt(file) ?? randomBytes(SALT_BYTES)) : secret;
  const db = openKeyed(file, key, STORE_PAGE_BYTES, readonly) ?? (exists ? openKeyed(file, key, EARLIER_PAGE_BYTES, readonly) : null);
  if (!db) throw new StoreError('wrong_passphrase', 'The passphrase does not open this store (or the file is not a Matchlab store)');
  try {
    // SQLite's temporary files (sorts, index builds, temp tables) are not encrypted: keep them in memory on every
    // connection, so that no person-level row ever reaches the temp folder in plaintext (ARCHITECTURE.md).
    db.pragma('temp_store = MEMORY');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db);
    keys.set(db, key);
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
