#!/usr/bin/env node
// `npm start`: opens the Electron app where Electron can run; otherwise (or with --browser)
// starts the browser host on 127.0.0.1, prints its URL and opens it. Builds what is out of date first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ensureBuilt } from './checkoutBuild.mjs';
import { buildElectronAddon, electronVersion } from './electronAddon.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const wantBrowser = args.includes('--browser');
const passOn = args.filter((a) => a !== '--browser');

await ensureBuilt({ renderer: true });

// Electron's binary is not fetched at install time (package.json allowScripts): fetch it on the
// first start, which works on a connected build machine and fails fast on an air-gapped one.
function electronBinary() {
  const require = createRequire(import.meta.url);
  const tryPath = () => {
    try {
      const p = require('electron');
      return typeof p === 'string' && existsSync(p) ? p : null;
    } catch {
      return null;
    }
  };
  const found = tryPath();
  if (found) return found;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  console.error('Fetching the Electron binary (first start)...');
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  return tryPath();
}

/** The Electron bundles load SQLite built for Electron, made once per Electron version. */
async function electronAddonReady() {
  try {
    const out = join(root, 'dist', 'electron', 'better_sqlite3.node');
    if (!existsSync(out)) console.error('Building SQLite for Electron (first start)...');
    await buildElectronAddon(out, { electronVersion: electronVersion(), platform: process.platform, arch: process.arch });
    return true;
  } catch (err) {
    console.error(`SQLite could not be built for Electron (${String(err.message ?? err).split('\n')[0]}).`);
    return false;
  }
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const electron = !wantBrowser && hasDisplay ? electronBinary() : null;
if (electron && (await electronAddonReady())) {
  spawn(electron, [root, ...passOn], { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!wantBrowser) console.error('Electron cannot run here; starting the browser host instead.');
  spawn(process.execPath, [join(root, 'dist', 'node', 'host.mjs'), '--open', ...passOn], { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
}
