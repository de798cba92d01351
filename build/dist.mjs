// `npm run dist [-- electron-builder options]`: stages the built app (build/stageApp.mjs) and packs
// it with electron-builder (build/electron-builder.json), e.g. `npm run dist -- --dir` for an
// unpacked app only. Runs on a connected build machine: electron-builder downloads Electron and the
// packaging tools, and SQLite's addon is fetched (or compiled) for each target's Electron.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './bundle.mjs';
import { stageApp } from './stageApp.mjs';
import { electronVersion } from '../bin/electronAddon.mjs';

stageApp(join(ROOT, 'dist', 'app'));
const builder = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
const args = ['--config', 'build/electron-builder.json', `-c.electronVersion=${electronVersion()}`, ...process.argv.slice(2)];
const result = spawnSync(process.execPath, [builder, ...args], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
