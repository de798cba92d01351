// Where SQLite's native addon is. From a checkout the package finds its own, built for Node. The
// desktop app's bundles have no node_modules: their build (build/bundle.mjs) defines
// MATCHLAB_SQLITE_ADDON, the path of the addon built for Electron, relative to the bundle.
import { fileURLToPath } from 'node:url';

declare const MATCHLAB_SQLITE_ADDON: string | undefined;

/** better-sqlite3's `nativeBinding` option where a build named the addon; nothing otherwise. */
export function sqliteAddonOption(): { nativeBinding?: string } {
  return typeof MATCHLAB_SQLITE_ADDON === 'string' ? { nativeBinding: fileURLToPath(new URL(MATCHLAB_SQLITE_ADDON, import.meta.url)) } : {};
}
