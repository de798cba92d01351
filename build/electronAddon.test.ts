// SQLite for Electron is rebuilt in a copy outside the checkout, never in its node_modules (which
// Node, the CLI and the tests load), and only when the target changes. @electron/rebuild is stood
// in (the real one downloads a prebuilt binary or Electron's headers).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElectronAddon, checkoutAddon, SQLITE_PACKAGE } from '../bin/electronAddon.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'matchlab-addon-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('buildElectronAddon', () => {
  const target = { electronVersion: '38.8.6', platform: 'linux', arch: 'x64' };
  const out = join(work, 'addon', 'better_sqlite3.node');
  const calls: Record<string, unknown>[] = [];
  const rebuild = async (options: Record<string, unknown>) => {
    calls.push(options);
    const copy = join(options.buildPath as string, 'node_modules', SQLITE_PACKAGE);
    // What the copy holds when the rebuild starts: the sources, not the checkout's Node build.
    expect(existsSync(join(copy, 'binding.gyp'))).toBe(true);
    expect(existsSync(join(copy, 'build'))).toBe(false);
    mkdirSync(join(copy, 'build', 'Release'), { recursive: true });
    writeFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), `built for electron ${String(options.electronVersion)}`);
  };

  it('rebuilds a copy outside the checkout, searching no further than the copy', async () => {
    const before = sha256(checkoutAddon());
    await buildElectronAddon(out, target, { rebuild });
    expect(calls).toHaveLength(1);
    const [options] = calls;
    expect(relative(root, options.buildPath as string).startsWith('..')).toBe(true);
    expect(options).toMatchObject({ projectRootPath: options.buildPath, electronVersion: '38.8.6', platform: 'linux', arch: 'x64', onlyModules: [SQLITE_PACKAGE] });
    expect(readFileSync(out, 'utf8')).toBe('built for electron 38.8.6');
    expect(existsSync(options.buildPath as string)).toBe(false);
    expect(sha256(checkoutAddon())).toBe(before);
  });

  it('reuses the addon for the same target and rebuilds for another', async () => {
    await buildElectronAddon(out, target, { rebuild });
    expect(calls).toHaveLength(1);
    await buildElectronAddon(out, { ...target, electronVersion: '39.0.0' }, { rebuild });
    expect(calls).toHaveLength(2);
    expect(readFileSync(out, 'utf8')).toBe('built for electron 39.0.0');
  });
});
