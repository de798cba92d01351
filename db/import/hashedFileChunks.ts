// Reads a file once in chunks, counting bytes and hashing them on the way (SHA-256 for `info`).
import { createHash } from 'node:crypto';
import { createReadStream, fstatSync } from 'node:fs';
import { openRegularFile } from './regularFile';
import { ReadError } from './importProblems';

export const READ_CHUNK_BYTES = 256 * 1024;

export interface HashedFile {
  chunks: AsyncGenerator<Buffer>;
  bytesTotal: number;
  bytesRead(): number;
  sha256(): string;
}

export interface ReadLimits {
  /** Stop with a ReadError after this many bytes (a preview need not read a whole file). */
  maxBytes?: number;
  /** Stop with a ReadError once this is aborted (a preview's time limit). */
  signal?: AbortSignal;
}

export function readHashedFile(path: string, limits: ReadLimits = {}): HashedFile {
  // Opened here, once, as a regular file: never a FIFO, whatever the name points to later.
  const fd = openRegularFile(path);
  const bytesTotal = fstatSync(fd).size;
  const hash = createHash('sha256');
  let bytesRead = 0;
  let digest: string | null = null;
  async function* chunks(): AsyncGenerator<Buffer> {
    const stream = createReadStream('', { fd, highWaterMark: READ_CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (limits.signal?.aborted) throw new ReadError(`took too long to read (${String(limits.signal.reason ?? 'time limit')})`);
        if (limits.maxBytes !== undefined && bytesRead + chunk.length > limits.maxBytes) {
          throw new ReadError(`has no complete row in its first ${Math.round(limits.maxBytes / 1024 / 1024)} MB: is it a CSV file with one record per line?`);
        }
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
