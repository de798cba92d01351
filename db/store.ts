// The encrypted store: one SQLCipher-format SQLite file per analyst workspace.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { MIGRATIONS } from './migrations';
import { checkStorePages, describePageDamage, type PageCheck } from './storePages';
import { newPassphraseProblem, passphraseTextProblem } from '../shared/store/passphraseRules';
import { sqliteAddonOption } from './sqliteAddon';
import { deriveKeyBytes, deriveKeyBytesOffThread, fileSalt, rawKeyPragmaValue, SALT_BYTES, type StoreKey } from './storeKey';

export type { StoreKey } from './storeKey';

export type Db = Database.Database;

export type StoreErrorCode =
  | 'wrong_passphrase'
  | 'not_found'
  | 'exists'
  | 'bad_passphrase'
  | 'newer_schema'
  /** The file is a store, the passphrase is right, but pages are damaged or missing. */
  | 'damaged'
  /** The file is not a Matchlab store at all (empty, plain SQLite, a folder, a FIFO...). */
  | 'not_a_store'
  | 'busy';

/** Raised when a store cannot be opened; `code` lets the UI say the right thing. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

// SQLCipher 4 defaults (PBKDF2-HMAC-SHA512, 256k iterations, over the salt the file starts with).
// An existing store's key is derived here, once, and given to SQLCipher raw (db/storeKey.ts): the
// page check (a failed open, `matchlab info`) and every other connection of the session (job
// threads) use that key rather than derive it again; the passphrase itself is never stored. A new
// store is keyed the same way, with a salt drawn here (as SQLCipher would draw it, from the system's
// CSPRNG), so that creating a store derives the key once, not once in SQLCipher and again for its
// job thread (0.2-0.3 s each).
// Pages of 16 KiB rather than SQLCipher's 4 KiB: each page carries its own IV and HMAC, and a
// bulk import writes a million rows, so fewer, larger pages cut the import's encryption and
// checkpoint time by about a fifth. The page size is not readable without the key, so it must be
// given identically whenever the file is opened (SQLite3MC calls it legacy_page_size).
export const STORE_PAGE_BYTES = 16384;

const SQLITE_DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** True for SQLite's errors that mean the file's content is damaged (not a busy lock, not a full disk). */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SQLITE_DAMAGE_CODES.has(code);
}

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function applyKey(db: Db, secret: string | StoreKey, pageBytes: number): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`legacy=4`);
  db.pragma(`legacy_page_size=${pageBytes}`);
  db.pragma(`key=${typeof secret === 'string' ? quoted(secret) : rawKeyPragmaValue(secret)}`);
}

/**
 * Opens the file with the passphrase (or kept key) and page size, or returns null when they do
 * not decrypt it. Whatever SQLite said is dropped: nothing about the key reaches a message.
 */
function openKeyed(file: string, secret: string | StoreKey, pageBytes: number, readonly: boolean, create: boolean): Db | null {
  const db = new Database(file, { readonly, fileMustExist: !create, ...sqliteAddonOption() });
  try {
    applyKey(db, secret, pageBytes);
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
  /** A key derived ahead for this passphrase (storeKey.ts takeStoreKeyAhead): used when the file's salt is `salt`. */
  derived?: { salt: Uint8Array; key: Uint8Array } | null;
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A plain SQLite database's header where an encrypted store has its salt. */
function startsWithPlainSqlite(file: string): boolean {
  return fileSalt(file).toString('latin1') === 'SQLite format 3\u0000';
}

/**
 * Why an existing file did not open with this passphrase: damage (named), not a store, or the
 * passphrase. Checked page by page outside SQLite (db/storePages.ts), since SQLite says
 * "file is not a database" for all three.
 */
function openFailure(file: string, check: PageCheck, size: number, byKey: boolean, sqliteSaid?: string): StoreError {
  if (startsWithPlainSqlite(file)) return new StoreError('not_a_store', `${file} is an unencrypted SQLite database, not a Matchlab store`);
  if (check.pageBytes === null) {
    if (size % 4096 !== 0) {
      return new StoreError('damaged', `${file} is damaged or not a Matchlab store: its ${size} bytes are not a whole number of pages, and no page passes its check with this passphrase`);
    }
    return byKey
      ? new StoreError('wrong_passphrase', `This session's key no longer opens ${file} (its passphrase was changed, or the file was replaced): open it again with its passphrase`)
      : new StoreError('wrong_passphrase', 'The passphrase does not open this store (or the file is not a Matchlab store)');
  }
  const damage = describePageDamage(check) ?? `SQLite cannot read it${sqliteSaid ? ` (${sqliteSaid})` : ''} although every page passes its check`;
  return new StoreError('damaged', `The store ${file} is damaged: ${damage}. The ${byKey ? 'key' : 'passphrase'} is right. Restore the store from a backup.`);
}

// Each connection's key, kept for other connections to the same store (storeKey): the key it was
// opened with; after a rekey (SQLCipher derived that key) only the salt and page size are read,
// and the key is derived when first asked for.
interface KeptKey {
  passphrase: string | null;
  salt: Uint8Array;
  pageBytes: number;
  key: StoreKey | null;
}
const keptKeys = new WeakMap<Db, KeptKey>();

/** The salt SQLite3MC keys the open file with (read from it after a rekey too). */
function connectionSalt(db: Db): Uint8Array {
  return Buffer.from(db.pragma('cipher_salt', { simple: true }) as string, 'hex');
}

function keepKey(db: Db, secret: string | StoreKey): void {
  if (typeof secret !== 'string') {
    keptKeys.set(db, { passphrase: null, salt: secret.salt, pageBytes: secret.pageBytes, key: secret });
    return;
  }
  keptKeys.set(db, { passphrase: secret, salt: connectionSalt(db), pageBytes: db.pragma('page_size', { simple: true }) as number, key: null });
}

/**
 * The key this connection's store opens with, for another connection to it in this process (a
 * job's thread, the service taking the store back). Derived once per connection and passphrase.
 */
export function storeKey(db: Db): StoreKey {
  const kept = keptKeys.get(db);
  if (!kept) throw new Error('This connection was not opened by openStore');
  if (!kept.key) {
    kept.key = { key: deriveKeyBytes(kept.passphrase!, kept.salt), salt: kept.salt, pageBytes: kept.pageBytes };
    kept.passphrase = null;
  }
  return kept.key;
}

/**
 * Derives the connection's kept key off this thread, so that the app's first job does not make
 * the service wait a third of a second for it. A rekey meanwhile keeps a new entry, which this
 * does not touch.
 */
export async function prepareStoreKey(db: Db): Promise<void> {
  const kept = keptKeys.get(db);
  if (!kept || kept.key || kept.passphrase === null) return;
  // Should the pool fail, storeKey derives the key itself when it is first asked for.
  const key = await deriveKeyBytesOffThread(kept.passphrase, kept.salt).catch(() => null);
  if (key && !kept.key) {
    kept.key = { key, salt: kept.salt, pageBytes: kept.pageBytes };
    kept.passphrase = null;
  }
}

/**
 * Opens (or creates) an encrypted store and brings its schema up to date. An existing file is
 * never initialised. `secret` is the passphrase, or the key another connection of this session
 * opened the same store with (storeKey), which opens an existing store only.
 */
export function openStore(file: string, secret: string | StoreKey, options: OpenStoreOptions = {}): Db {
  const mode = options.mode ?? 'any';
  const byKey = typeof secret !== 'string';
  const passphrase = byKey ? null : secret;
  const textProblem = passphrase === null ? null : passphraseTextProblem(passphrase);
  if (textProblem) throw new StoreError('bad_passphrase', textProblem);
  const st = statOrNull(file);
  if ((mode === 'open' || byKey) && !st) throw new StoreError('not_found', `No store at ${file}`);
  if (mode === 'create' && st) throw new StoreError('exists', `A file already exists at ${file}`);
  if (st && !st.isFile()) throw new StoreError('not_a_store', `${file} is not a regular file, so it is not a Matchlab store`);
  if (!st && passphrase !== null) {
    const problem = newPassphraseProblem(passphrase);
    if (problem) throw new StoreError('bad_passphrase', problem);
  }
  // An empty file is not a store, whatever it is called: SQLite would happily initialise it, and a
  // store cut to 0 bytes would silently become a new, empty one.
  if (st && st.size === 0) {
    throw new StoreError('not_a_store', `${file} is empty (0 bytes): it is not a Matchlab store. If it was one, it has been cut to nothing; restore it from a backup`);
  }
  const readonly = options.readonly === true && st !== null;
  // What the file is keyed with: a kept key as it is; for an existing file and a passphrase, the
  // key derived here from the file's salt (16 KiB pages first); for a new file, from a new salt.
  const salt = passphrase === null ? null : st ? (st.size >= SALT_BYTES ? fileSalt(file) : null) : randomBytes(SALT_BYTES);
  const derived = options.derived && salt && Buffer.from(options.derived.salt).equals(salt) ? options.derived.key : null;
  let keyed: string | StoreKey = salt ? { key: derived ?? deriveKeyBytes(passphrase!, salt), salt, pageBytes: STORE_PAGE_BYTES } : secret;
  let db = openKeyed(file, keyed, typeof keyed === 'string' ? STORE_PAGE_BYTES : keyed.pageBytes, readonly, !st);
  if (!db && st) {
    const check = checkStorePages(file, keyed);
    // Stores created before the page size was raised have 4 KiB pages: the check tells which.
    if (!byKey && check.pageBytes === 4096 && check.badCount === 0 && check.trailingBytes === 0) {
      keyed = typeof keyed === 'string' ? keyed : { ...keyed, pageBytes: 4096 };
      db = openKeyed(file, keyed, 4096, readonly, false);
    }
    if (!db) throw openFailure(file, check, st.size, byKey);
  }
  if (!db) throw new StoreError('not_found', `Cannot create a store at ${file}`);
  try {
    if (st && (db.pragma('user_version', { simple: true }) as number) === 0) {
      throw new StoreError('not_a_store', `${file} opens with this passphrase but holds no Matchlab store; it is left as it is`);
    }
    // SQLite writes whole pages only: a part page at the end means the file was cut (SQLite itself
    // would notice only when it reads that far).
    if (st && st.size % (db.pragma('page_size', { simple: true }) as number) !== 0) {
      throw openFailure(file, checkStorePages(file, keyed), st.size, byKey);
    }
    // SQLite's temporary files (sorts, index builds, temp tables) are not encrypted: keep them in memory on every
    // connection, so that no person-level row ever reaches the temp folder in plaintext (ARCHITECTURE.md).
    db.pragma('temp_store = MEMORY');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db);
    keepKey(db, keyed);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    if (isDamageError(err) && st) throw openFailure(file, checkStorePages(file, keyed), st.size, byKey, (err as Error).message);
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

/**
 * Re-encrypts the store under a new passphrase (SQLite3MC's rekey rewrites every page in one
 * transaction, so a crash leaves the old key in force). The connection must be the store's only
 * one: rekeying is not possible in WAL mode, and leaving WAL needs every other connection gone.
 */
export function changePassphrase(db: Db, next: string): void {
  const problem = newPassphraseProblem(next);
  if (problem) throw new StoreError('bad_passphrase', problem);
  db.pragma('wal_checkpoint(TRUNCATE)');
  if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') {
    throw new StoreError('busy', 'Another program has the store open: close it before changing the passphrase');
  }
  try {
    db.pragma(`rekey=${quoted(next)}`);
    // The kept key is the old passphrase's: replace it, with the salt the file has now (SQLite3MC
    // may keep it or draw a new one).
    keepKey(db, next);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}
