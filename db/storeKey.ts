// The store's derived key, kept so that the key derivation is paid once per session. SQLCipher 4
// derives its page key as PBKDF2-HMAC-SHA512(passphrase, salt, 256,000 iterations), about 0.3 s
// of CPU, at every connection; a job's thread, or the service taking the store back after an
// import, would pay it again each time. Given the derived key and the salt raw (x'<key><salt>'),
// SQLCipher skips its derivation and reads the same file.
import { pbkdf2, pbkdf2Sync } from 'node:crypto';

export const KDF_ITERATIONS = 256_000;
const KEY_BYTES = 32;
export const SALT_BYTES = 16;

/**
 * A store's derived key, its salt and page size. As secret as the passphrase (it opens the
 * store): held in memory only, passed only to this process's own job threads (worker_threads
 * workerData), never to a child process, never logged, never in an error message or the audit.
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

/** The value of SQLite3MC's `key` pragma for a raw key and salt. */
export function rawKeyPragmaValue({ key, salt }: StoreKey): string {
  return `"x'${Buffer.from(key).toString('hex')}${Buffer.from(salt).toString('hex')}'"`;
}

