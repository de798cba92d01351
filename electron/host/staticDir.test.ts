// The browser host run from a checkout whose path holds a space (as "C:\Users\Jo Bloggs\..." or a
// Mac's "~/Work Files/"): it finds and serves the built renderer.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultStaticDir } from './staticDir';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'matchlab host '));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the browser host from a path with a space', () => {
  it('finds dist/renderer of the checkout from the source and from the bundle', () => {
    const checkout = join(work, 'Jo Bloggs', 'matchlab');
    mkdirSync(join(checkout, 'electron', 'host'), { recursive: true });
    mkdirSync(join(checkout, 'dist', 'node'), { recursive: true });
    writeFileSync(join(checkout, 'package.json'), '{}');
    const expected = join(checkout, 'dist', 'renderer');
    expect(defaultStaticDir(pathToFileURL(join(checkout, 'electron', 'host', 'hostMain.ts')).href)).toBe(expected);
    expect(defaultStaticDir(pathToFileURL(join(checkout, 'dist', 'node', 'host.mjs')).href)).toBe(expected);
  });

  it('serves the app when the bundled host runs from there', async () => {
    const checkout = join(work, 'my checkout');
    mkdirSync(join(checkout, 'dist'), { recursive: true });
    cpSync(join(root, 'package.json'), join(checkout, 'package.json'));
    cpSync(join(root, 'dist', 'node'), join(checkout, 'dist', 'node'), { recursive: true });
    cpSync(join(root, 'dist', 'renderer'), join(checkout, 'dist', 'renderer'), { recursive: true });
    // SQLite, the one package the bundle does not hold, from the real checkout.
    symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'), 'junction');
    const host = spawn(process.execPath, [join(checkout, 'dist', 'node', 'host.mjs'), '--data-dir', join(work, 'data dir')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: host.stdout }).once('line', resolve);
        host.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
      });
      const page = await fetch((JSON.parse(line) as { url: string }).url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
    } finally {
      host.kill('SIGTERM');
    }
  });
});
