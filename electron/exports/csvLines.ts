// Streams rows to a CSV file in 64 KiB chunks (a national pool's pairs can be millions of rows), written beside the
// target and renamed into place so that a failure never leaves half a file. Cells are quoted and defused by csvField.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { csvField } from '../../shared/format/csvField';

/** Writes the header and rows; returns the number of rows. */
export async function writeCsvLines(path: string, header: string[], rows: Iterable<(string | number)[]>): Promise<number> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let count = 0;
  try {
    let chunk = header.join(',') + '\n';
    for (const row of rows) {
      let line = csvField(row[0]);
      for (let k = 1; k < row.length; k++) line += ',' + csvField(row[k]);
      chunk += line + '\n';
      count++;
      if (chunk.length > 1 << 16) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    await rename(partial, path);
    return count;
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}
