// Files that block or never end: a named pipe is refused at once (a preview of one used to hold
// Node's I/O threads for good), and a preview reads a bounded number of bytes.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { previewFile, PREVIEW_MAX_BYTES } from './previewFile';
import { openRegularFile } from './regularFile';
import { tempDir, writeExtract } from './extractFixture';
import { openStore } from '../store';
import { importExtract } from './importExtract';

describe('only regular files are read', () => {
  it('refuses a named pipe, a folder and a device by name, without blocking', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'cohort.csv');
    execFileSync('mkfifo', [fifo]);
    mkdirSync(join(dir, 'folder.csv'));
    await expect(previewFile(fifo, { kind: 'cohort' })).rejects.toThrow(/is not a regular file \(it is a named pipe\)/);
    await expect(previewFile(join(dir, 'folder.csv'), { kind: 'cohort' })).rejects.toThrow(/it is a folder/);
    await expect(previewFile('/dev/zero', { kind: 'cohort' })).rejects.toThrow(/it is a device/);
    expect(() => openRegularFile(fifo)).toThrow(/named pipe/);
    // An import of a pipe fails at once, naming it, and the store is as it was.
    mkdirSync(join(dir, 'x'));
    const files = writeExtract(join(dir, 'x'));
    const db = openStore(join(dir, 's.mlstore'), 'regular file passphrase', { mode: 'create' });
    await expect(importExtract(db, { ...files, reoffences: { path: fifo } })).rejects.toThrow(/named pipe/);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'cohort'`).pluck().get()).toBe(0);
    db.close();
  });

  it('a preview of a huge file without a line break stops after a bounded number of bytes', async () => {
    const file = join(tempDir(), 'one-line.csv');
    const fd = openSync(file, 'w');
    const block = Buffer.alloc(1 << 20, 'a');
    for (let k = 0; k < 40; k++) writeSync(fd, block);
    closeSync(fd);
    await expect(previewFile(file, { kind: 'cohort' })).rejects.toThrow(new RegExp(`no complete row in its first ${PREVIEW_MAX_BYTES / 1024 / 1024} MB`));
  });
});
