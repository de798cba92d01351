// Checks each page of a store file against its HMAC, outside SQLite, to tell damage from a wrong
// passphrase. SQLCipher 4 pages (SQLite3MC's `legacy=4`) carry, in their last 80 bytes, a 16-byte
// IV and an HMAC-SHA512 of (ciphertext || IV || page number, 4 bytes little-endian), keyed by
// PBKDF2-SHA512(encryption key, salt XOR 0x3a, 2 iterations); the encryption key is
// PBKDF2-SHA512(passphrase, salt, 256,000 iterations), and the salt is the file's first 16 bytes.
// A page that fails with the right key is damaged; a key under which no page passes is wrong.
import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { deriveKeyBytes, SALT_BYTES, type StoreKey } from './storeKey';

const RESERVE_BYTES = 80;
const HMAC_BYTES = 64;
const HMAC_KDF_ITERATIONS = 2;
/** The page sizes a Matchlab store can have (db/store.ts): 16 KiB, and SQLCipher's 4 KiB before. */
export const STORE_PAGE_SIZES = [16384, 4096] as const;

export interface PageCheck {
  /** The page size under which the key authenticates pages; null when no page passes. */
  pageBytes: number | null;
  pages: number;
  /** 1-based numbers of the pages that fail their check (at most 20 kept), and how many fail. */
  badPages: number[];
  badCount: number;
  /** Bytes after the last whole page (a cut file). */
  trailingBytes: number;
}

// The key derivation costs a third of a second; a failed open derives it once for SQLite and
// once here. The last few keys are kept so a retry of the same file and passphrase does not pay
// twice (they live in this process's memory only, like the open store's own key).
const derivedKeys = new Map<string, Buffer>();

/** HMAC key = PBKDF2-SHA512(encryption key, salt XOR 0x3a, 2 iterations). */
function hmacKeyOf(encryption: Uint8Array, salt: Buffer): Buffer {
  return pbkdf2Sync(encryption, Buffer.from(salt.map((b) => b ^ 0x3a)), HMAC_KDF_ITERATIONS, 32, 'sha512');
}

function hmacKey(secret: string | StoreKey, salt: Buffer): Buffer {
  // A kept key (db/storeKey.ts) is checked against the file's own salt: if the file was rekeyed
  // to another salt since, no page passes, as with a wrong passphrase.
  if (typeof secret !== 'string') return hmacKeyOf(secret.key, salt);
  const id = `${salt.toString('hex')}:${createHmac('sha256', salt).update(secret).digest('hex')}`;
  let key = derivedKeys.get(id);
  if (!key) {
    const encryption = deriveKeyBytes(secret, salt);
    key = hmacKeyOf(encryption, salt);
    encryption.fill(0);
    derivedKeys.set(id, key);
    if (derivedKeys.size > 4) derivedKeys.delete(derivedKeys.keys().next().value!);
  }
  return key;
}

function pagePasses(page: Buffer, pageNo: number, key: Buffer): boolean {
  const size = page.length;
  const pgno = Buffer.alloc(4);
  pgno.writeUInt32LE(pageNo);
  const mac = createHmac('sha512', key)
    .update(page.subarray(pageNo === 1 ? SALT_BYTES : 0, size - HMAC_BYTES))
    .update(pgno)
    .digest();
  return timingSafeEqual(mac, page.subarray(size - HMAC_BYTES));
}

/** Reads the file page by page and checks every page under each possible page size, with a passphrase or a kept key. */
export function checkStorePages(file: string, secret: string | StoreKey): PageCheck {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < SALT_BYTES + RESERVE_BYTES) return { pageBytes: null, pages: 0, badPages: [], badCount: 0, trailingBytes: size };
    const salt = Buffer.alloc(SALT_BYTES);
    readSync(fd, salt, 0, SALT_BYTES, 0);
    const key = hmacKey(secret, salt);
    for (const pageBytes of STORE_PAGE_SIZES) {
      const pages = Math.floor(size / pageBytes);
      const page = Buffer.alloc(pageBytes);
      const badPages: number[] = [];
      let badCount = 0;
      for (let n = 1; n <= pages; n++) {
        readSync(fd, page, 0, pageBytes, (n - 1) * pageBytes);
        if (pagePasses(page, n, key)) continue;
        badCount++;
        if (badPages.length < 20) badPages.push(n);
      }
      if (badCount < pages) return { pageBytes, pages, badPages, badCount, trailingBytes: size - pages * pageBytes };
    }
    return { pageBytes: null, pages: Math.floor(size / STORE_PAGE_SIZES[0]), badPages: [], badCount: 0, trailingBytes: size % STORE_PAGE_SIZES[1] };
  } finally {
    closeSync(fd);
  }
}

/** One sentence naming the damage a check found; null when every page passed. */
export function describePageDamage(check: PageCheck): string | null {
  const parts: string[] = [];
  if (check.badCount > 0) {
    const listed = check.badPages.join(', ') + (check.badCount > check.badPages.length ? ', …' : '');
    parts.push(`${check.badCount} of its ${check.pages} pages ${check.badCount === 1 ? 'fails' : 'fail'} the authentication check (page ${listed})`);
  }
  if (check.trailingBytes > 0) parts.push(`it ends ${check.trailingBytes} bytes into a page (the file was cut short)`);
  return parts.length > 0 ? parts.join('; ') : null;
}
