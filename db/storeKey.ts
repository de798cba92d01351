// The store's derived key, kept so that the key derivation is paid once per session. SQLCipher 4
// derives its page key as PBKDF2-HMAC-SHA512(passphrase, salt, 256,000 iterations), about 0.3 s
// of CPU, at every connection; a job's thread, or the service taking the store back after an
// import, would pay it again each time. Given the derived key and the salt raw (x'<key><salt>'),
// SQLCipher skips its derivation and reads the same file.
import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';

export const KDF_ITERATIONS = 256_000;
const KEY_BYTES = 32;
export const SALT_BYTES = 16;

/**
 * A store's derived key, its salt and page size. As secret as the passphrase (it opens the
 * store): held in memory only, passed only to this process's own job threads and the analysis job's second
 * thread (worker_threads workerData), never to a child process, never logged, never in an error message or the audit.
 */
export interface StoreKey {
  key: Uint8Array;
  salt: Uint8Array;
  pageBytes: number;
}

/** key = PBKDF2-HMAC-SHA512(passphrase as UTF-8, salt, 256,000 iterations, 32 bytes), SQLCipher 4's. */
export function deriveKeyBytes(passphrase: string, salt: Uint8Array): Buffer {
  return pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, KDF_ITERATIONS, KEY_BYTES, 'sha512');
}

/** The same, on libuv's thread pool, so that the thread asking goes on serving. */
export function deriveKeyBytesOffThread(passphrase: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(Buffer.from(passphrase, 'utf8'), salt, KDF_ITERATIONS, KEY_BYTES, 'sha512', (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The first SALT_BYTES of a file: an encrypted store's salt (SQLCipher keeps it in place of SQLite's header), or a plain database's header. */
export function fileSalt(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SALT_BYTES);
    readSync(fd, head, 0, SALT_BYTES, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

/** A derivation started ahead of the open that needs it (deriveStoreKeyAhead), by the store's full path. */
interface KeyAhead {
  passphrase: string;
  salt: Buffer;
  key: Promise<Buffer | null>;
}
const keysAhead = new Map<string, KeyAhead>();

/**
 * Starts deriving the key of the existing store at `file` on libuv's thread pool, for an open that will come once
 * the caller's modules have loaded: the command line starts it first thing, so that its third of a second runs
 * beside the module loading instead of after it. Does nothing when the file cannot be read (the open says why).
 * The derivation is as secret as the passphrase: kept in this process's memory only, taken once.
 */
export function deriveStoreKeyAhead(file: string, passphrase: string): void {
  let salt: Buffer;
  try {
    salt = fileSalt(file);
  } catch {
    return;
  }
  keysAhead.set(resolve(file), { passphrase, salt, key: deriveKeyBytesOffThread(passphrase, salt).catch(() => null) });
}

/**
 * The key derived ahead for the store at `file` with this passphrase, with the salt it was derived over (openStore
 * uses it only if the file still starts with that salt); null when none was started, it failed, or it was for
 * another passphrase. The first open of the file takes it either way: none is kept that no open will use.
 */
export async function takeStoreKeyAhead(file: string, passphrase: string): Promise<{ salt: Uint8Array; key: Uint8Array } | null> {
  const full = resolve(file);
  const ahead = keysAhead.get(full);
  keysAhead.delete(full);
  if (!ahead || ahead.passphrase !== passphrase) return null;
  const key = await ahead.key;
  return key && { salt: ahead.salt, key };
}

/** The value of SQLite3MC's `key` pragma for a raw key and salt. */
export function rawKeyPragmaValue({ key, salt }: StoreKey): string {
  return `"x'${Buffer.from(key).toString('hex')}${Buffer.from(salt).toString('hex')}'"`;
}

