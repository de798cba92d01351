// SQLite's native addon built for Electron's ABI, for the Electron bundles (dist/electron/) and the
// packaged app. The checkout's own node_modules keep the addon built for Node, which the CLI, the
// browser host and the tests load: the package is copied to a temporary folder outside the
// checkout and rebuilt there by @electron/rebuild (a prebuilt binary when one is published for this
// Electron, else a compile), and only the resulting .node file is kept.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';
const ADDON_FILE = 'better_sqlite3.node';

const packageVersion = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/** The Electron version the checkout depends on (its package, whether or not its binary was downloaded). */
export const electronVersion = () => packageVersion('electron');

/** The addon the checkout's Node loads (the package's own build). */
export const checkoutAddon = () => join(ROOT, 'node_modules', SQLITE_PACKAGE, 'build', 'Release', ADDON_FILE);

/**
 * What @electron/rebuild is asked to do: rebuild only the copy in `buildPath`. Its search for
 * modules walks up from buildPath to projectRootPath, so both are the temporary folder: left to
 * electron-builder, whose project root is the checkout, it would reach and rebuild the checkout's
 * node_modules, after which Node can no longer load SQLite.
 */
export function rebuildOptions(buildPath, target) {
  return { buildPath, projectRootPath: buildPath, electronVersion: target.electronVersion, arch: target.arch, platform: target.platform, onlyModules: [SQLITE_PACKAGE], force: true, mode: 'sequential' };
}

/**
 * Writes `outFile`, the addon for `target` ({ electronVersion, platform, arch }), with a
 * `<outFile>.json` saying what it was built for; does nothing when that is already there.
 */
export async function buildElectronAddon(outFile, target, { rebuild } = {}) {
  const stamp = `${outFile}.json`;
  const wanted = JSON.stringify({ ...target, sqlite: packageVersion(SQLITE_PACKAGE) });
  if (existsSync(outFile) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  const work = mkdtempSync(join(tmpdir(), 'matchlab-electron-addon-'));
  try {
    const copy = join(work, 'node_modules', SQLITE_PACKAGE);
    // The sources (binding.gyp, src, deps) and lib, not the checkout's Node build.
    cpSync(join(ROOT, 'node_modules', SQLITE_PACKAGE), copy, { recursive: true, filter: (src) => !src.includes(`${SQLITE_PACKAGE}/build`) });
    // prebuild-install fetches the published Electron build; it is found from the copy's folders.
    symlinkSync(join(ROOT, 'node_modules', 'prebuild-install'), join(work, 'node_modules', 'prebuild-install'), 'junction');
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'matchlab-addon-build', private: true, dependencies: { [SQLITE_PACKAGE]: packageVersion(SQLITE_PACKAGE) } }));
    const run = rebuild ?? (await import('@electron/rebuild')).rebuild;
    await run(rebuildOptions(work, target));
    mkdirSync(dirname(outFile), { recursive: true });
    copyFileSync(join(copy, 'build', 'Release', ADDON_FILE), outFile);
    writeFileSync(stamp, wanted);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
