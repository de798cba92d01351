// The packaging step as `npm run dist -- --dir` runs it, against a local stand-in Electron
// distribution (this machine cannot download Electron) and without the native rebuild (which needs
// the network): the produced app.asar holds the bundled entry and the renderer and nothing else,
// the worker files and SQLite's addon are unpacked beside it, and the fuses are set in the binary.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, type Configuration } from 'electron-builder';
import { stageApp } from './stageApp.mjs';
import { checkoutAddon, electronVersion } from '../bin/electronAddon.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'matchlab-dist-'));
const unpacked = join(work, 'out', 'linux-unpacked');
const asar = join(unpacked, 'resources', 'app.asar');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
// Electron's binary carries its fuses after this marker: a version byte, a length byte, then one
// '0'/'1' per fuse (@electron/fuses). The stand-in carries Electron 38's defaults.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001';

function standInElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho stand-in Electron\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES)]);
  writeFileSync(join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), electronVersion());
}

let checkoutAddonBefore = '';
let entries: string[] = [];

beforeAll(async () => {
  checkoutAddonBefore = sha256(checkoutAddon());
  standInElectronDist(join(work, 'electron-dist'));
  stageApp(join(work, 'app'), { addon: 'checkout' });
  const config = JSON.parse(readFileSync(join(root, 'build', 'electron-builder.json'), 'utf8')) as Configuration;
  await build({
    projectDir: root,
    linux: ['dir'],
    publish: 'never',
    config: {
      ...config,
      directories: { ...config.directories, app: join(work, 'app'), output: join(work, 'out') },
      electronDist: join(work, 'electron-dist'),
      electronVersion: electronVersion(),
      // The real hook fetches SQLite for the target's Electron (network); the checkout's is staged instead.
      beforeBuild: async () => false,
    },
  });
  entries = listPackage(asar, { isPack: false }).map((e) => e.replace(/\\/g, '/'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder --dir', () => {
  it('packs the entry named by package.json and the renderer', () => {
    const pkg = JSON.parse(extractFile(asar, 'package.json').toString()) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(entries).toContain(`/${pkg.main}`);
    expect(entries).toContain('/dist/electron/preload.cjs');
    expect(entries).toContain('/dist/renderer/index.html');
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
  });

  it('packs no sources, tests, fixtures, benchmarks, node_modules, tsx or esbuild', () => {
    const unwanted = /\.(ts|tsx|map)$|\.(test|spec)\.|(^|\/)(tests?|e2e|bench|fixtures?|reference|node_modules|tsx|esbuild)(\/|$)/i;
    expect(entries.filter((e) => unwanted.test(e))).toEqual([]);
    const main = extractFile(asar, 'dist/electron/main.cjs').toString();
    expect(main).not.toMatch(/require\(["'](tsx|esbuild)/);
  });

  it('unpacks the workers and the native addon, which cannot load from inside the archive', () => {
    for (const file of ['dist/electron/better_sqlite3.node', 'dist/electron/jobWorker.mjs', 'dist/electron/fileWorker.mjs']) {
      expect(statFile(asar, file)).toMatchObject({ unpacked: true });
      expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', file))).toBe(true);
    }
    expect(statFile(asar, 'dist/electron/main.cjs')).not.toHaveProperty('unpacked');
  });

  it('sets the fuses: no run-as-node, no NODE_OPTIONS or inspect flags, asar integrity and only the asar app', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'matchlab'));
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });

  it("leaves the checkout's own SQLite (built for Node) as it was", () => {
    expect(sha256(checkoutAddon())).toBe(checkoutAddonBefore);
  });
});
