// Reads a file once in chunks, counting bytes and hashing them on the way (SHA-256 for `info`).
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';

export const READ_CHUNK_BYTES = 256 * 1024;

export interface HashedFile {
  chunks: AsyncGenerator<Buffer>;
  bytesTotal: number;
  bytesRead(): number;
  sha256(): string;
}

export function readHashedFile(path: string): HashedFile {
  const bytesTotal = statSync(path).size;
  const hash = createHash('sha256');
  let bytesRead = 0;
  let digest: string | null = null;
  async function* chunks(): AsyncGenerator<Buffer> {
    const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytesRead += chunk.length;
        hash.update(chunk);
        yield chunk;
      }
    } finally {
      stream.destroy();
    }
  }
  return {
    chunks: chunks(),
    bytesTotal,
    bytesRead: () => bytesRead,
    sha256: () => (digest ??= hash.digest('hex')),
  };
}
