// Refuses binary or non-UTF-8 content chunk by chunk, carrying a character split across chunks.
import { isUtf8 } from 'node:buffer';

export type Utf8Verdict = { ok: true } | { ok: false; reason: 'binary' | 'not_utf8'; offset: number };

/** Length of the prefix of `buf` that ends on a character boundary (at most 3 bytes are held back). */
function completePrefixLength(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

export class Utf8Guard {
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;

  /** Checks the next chunk; `final` when it is the last one. */
  check(chunk: Buffer, final = false): Utf8Verdict {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const start = this.offset;
    const nul = buf.indexOf(0);
    if (nul !== -1) return { ok: false, reason: 'binary', offset: start + nul };
    const cut = final ? buf.length : completePrefixLength(buf);
    const body = buf.subarray(0, cut);
    if (!isUtf8(body)) return { ok: false, reason: 'not_utf8', offset: start + firstInvalidByte(body) };
    this.carry = Buffer.from(buf.subarray(cut));
    this.offset = start + cut;
    return { ok: true };
  }
}

/** Byte offset of the first invalid sequence: where the lenient decoder first substitutes U+FFFD. */
function firstInvalidByte(buf: Buffer): number {
  const text = buf.toString('utf8');
  const at = text.indexOf('\uFFFD');
  return at === -1 ? 0 : Buffer.byteLength(text.slice(0, at), 'utf8');
}
