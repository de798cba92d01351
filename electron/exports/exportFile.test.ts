import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeExportFile, ExportError } from './exportFile';

const tmp = () => mkdtempSync(join(tmpdir(), 'matchlab-exportfile-'));
const refusal = (p: Promise<unknown>) => p.then(() => 'written', (e: ExportError) => e.code);

/** A disk that fills up after `room` bytes: write() then fails with ENOSPC, as on a full disk. */
function fullDiskAfter(room: number) {
  let written = 0;
  return async (path: string) => {
    const real = await open(path, 'wx', 0o600);
    return {
      write: async (buf: Uint8Array, offset = 0, length = buf.length - offset) => {
        if (written + length > room) {
          const fits = Math.max(0, room - written);
          if (fits > 0) await real.write(buf, offset, fits);
          written += fits;
          if (fits === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          return { bytesWritten: fits, buffer: buf };
        }
        written += length;
        return real.write(buf, offset, length);
      },
      sync: () => real.sync(),
      close: () => real.close(),
    } as unknown as Awaited<ReturnType<typeof open>>;
  };
}

describe('writeExportFile', () => {
  it('writes the whole file and leaves nothing else beside it', async () => {
    const dir = tmp();
    await writeExportFile(join(dir, 'a.csv'), ['x,y\n', Buffer.from('1,2\n')], { overwrite: false });
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('x,y\n1,2\n');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('replaces an existing file only when asked', async () => {
    const dir = tmp();
    const file = join(dir, 'r.html');
    writeFileSync(file, 'the analyst\'s own file');
    expect(await refusal(writeExportFile(file, ['new'], { overwrite: false }))).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe('the analyst\'s own file');
    await writeExportFile(file, ['new'], { overwrite: true });
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('never writes through a symbolic link, into a folder or a FIFO, nor to a relative path', async () => {
    const dir = tmp();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(dir, 'link.csv'));
    for (const overwrite of [false, true]) expect(await refusal(writeExportFile(join(dir, 'link.csv'), ['x'], { overwrite }))).toBe('not_a_file');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    mkdirSync(join(dir, 'folder.csv'));
    expect(await refusal(writeExportFile(join(dir, 'folder.csv'), ['x'], { overwrite: true }))).toBe('not_a_file');
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    expect(await refusal(writeExportFile(join(dir, 'pipe.csv'), ['x'], { overwrite: true }))).toBe('not_a_file');
    expect(await refusal(writeExportFile('exports/r.csv', ['x'], { overwrite: true }))).toBe('relative_path');
  });

  it('leaves no file when the disk fills up, whatever was there before stays', async () => {
    const dir = tmp();
    const big = 'x'.repeat(100_000);
    let faults = 0;
    for (const room of [0, 1, 4096, 65_536, 99_999]) {
      const fresh = join(dir, `fresh-${room}.csv`);
      expect(await refusal(writeExportFile(fresh, [big], { overwrite: false, openTemp: fullDiskAfter(room) }))).toBe('export_failed');
      faults++;
      const kept = join(dir, `kept-${room}.csv`);
      writeFileSync(kept, 'before');
      expect(await refusal(writeExportFile(kept, [big], { overwrite: true, openTemp: fullDiskAfter(room) }))).toBe('export_failed');
      faults++;
      expect(readFileSync(kept, 'utf8')).toBe('before');
    }
    expect(readdirSync(dir).sort()).toEqual([0, 1, 4096, 65_536, 99_999].map((r) => `kept-${r}.csv`).sort());
    console.log(`exportFile: ${faults} full-disk faults injected, no partial file left`);
  });

  it('when publishing fails (the audit could not be written) the file does not appear', async () => {
    const dir = tmp();
    const file = join(dir, 'p.csv');
    const failing = () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    expect(await refusal(writeExportFile(file, ['x'], { overwrite: false, publish: failing }))).toBe('export_failed');
    const afterMove = (move: () => void) => {
      move();
      throw new Error('commit failed');
    };
    expect(await refusal(writeExportFile(file, ['x'], { overwrite: false, publish: afterMove }))).toBe('export_failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('20 exports racing to one path: with overwrite all succeed and one whole file is left; without, exactly one wins', async () => {
    const dir = tmp();
    const file = join(dir, 'race.csv');
    const body = (k: number) => [`export ${k}\n`, 'y'.repeat(200_000), '\n'];
    const all = await Promise.all(Array.from({ length: 20 }, (_, k) => refusal(writeExportFile(file, body(k), { overwrite: true }))));
    expect(all.filter((r) => r === 'written')).toHaveLength(20);
    expect(readFileSync(file, 'utf8')).toMatch(/^export \d+\ny{200000}\n$/);
    const other = join(dir, 'once.csv');
    const once = await Promise.all(Array.from({ length: 20 }, (_, k) => refusal(writeExportFile(other, body(k), { overwrite: false }))));
    expect(once.filter((r) => r === 'written')).toHaveLength(1);
    expect(once.filter((r) => r === 'exists')).toHaveLength(19);
    expect(readdirSync(dir).sort()).toEqual(['once.csv', 'race.csv']);
  });
});
