// The packaged app's files, gathered in one folder that electron-builder packs as it is
// (build/electron-builder.json `directories.app`): a package.json naming the bundled entry, the
// built renderer, the Electron bundles and SQLite's addon. No node_modules (everything else is
// bundled), no sources, tests, fixtures, benchmarks, tsx or esbuild: what is not copied here
// cannot end up in the installer.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ELECTRON_ADDON_FILE } from './bundle.mjs';
import { buildElectronAddon, checkoutAddon } from '../bin/electronAddon.mjs';

const DIST = join(ROOT, 'dist');

/**
 * Fills `stageDir` (emptied first). `addon: 'checkout'` copies the checkout's SQLite, built for
 * Node, for tests that run the app in plain Node or only look at the package; for an installer
 * electron-builder's beforeBuild hook puts in the build for each target (stageElectronAddon).
 */
export function stageApp(stageDir, { addon } = {}) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const built of [join(DIST, 'renderer', 'index.html'), join(ROOT, pkg.main), join(DIST, 'electron', 'preload.cjs')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(join(stageDir, 'dist', 'electron'), { recursive: true });
  const { name, productName, version, description, license, author, main } = pkg;
  writeFileSync(join(stageDir, 'package.json'), JSON.stringify({ name, productName, version, description, license, author, main }, null, 2) + '\n');
  cpSync(join(DIST, 'renderer'), join(stageDir, 'dist', 'renderer'), { recursive: true });
  for (const file of readdirSync(join(DIST, 'electron'))) {
    if (/\.(cjs|mjs)$/.test(file)) copyFileSync(join(DIST, 'electron', file), join(stageDir, 'dist', 'electron', file));
  }
  if (addon === 'checkout') copyFileSync(checkoutAddon(), join(stageDir, 'dist', 'electron', ELECTRON_ADDON_FILE));
  return { main: join(stageDir, main) };
}

/** Puts SQLite built for `target` ({ electronVersion, platform, arch }) into the staged app. */
export async function stageElectronAddon(stageDir, target) {
  // Kept between runs in dist/, one per target: it takes a download or a compile to make.
  const cached = join(DIST, 'electron-addons', `${target.platform}-${target.arch}-electron-${target.electronVersion}`, ELECTRON_ADDON_FILE);
  await buildElectronAddon(cached, target);
  copyFileSync(cached, join(stageDir, 'dist', 'electron', ELECTRON_ADDON_FILE));
}
