// Bundles the Node side (main process, preload, job and import workers, browser host, CLI) with
// esbuild, so that nothing TypeScript is compiled at run time (tsx is a development tool only).
//
//   dist/node/      host.mjs, cli.mjs and their workers: run by Node from a checkout (`npm start
//                   -- --browser`, `npx matchlab`); SQLite comes from the checkout's node_modules.
//   dist/electron/  main.cjs, preload.cjs and their workers: the packaged app's code. Everything is
//                   inlined but Electron and SQLite's native addon (better_sqlite3.node, put beside
//                   the bundle by bin/electronAddon.mjs for the Electron in use), so the app needs no
//                   node_modules at all.
//
// Workers are found in the sources, not listed here: every `new URL('./NAME.mjs', import.meta.url)`
// names a worker, whose file beside the source is a development shim importing its TypeScript
// entry (`await import('./NAMEMain.ts')`). That entry is bundled as NAME.mjs next to the bundle
// that starts it, so the same expression finds the shim when run from source and the bundled
// worker when run from dist/. A reference without such a shim stops the build.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['electron', 'db', 'shared'];
const WORKER_REF = /new URL\(\s*['"]\.\/([\w-]+)\.mjs['"]\s*,\s*import\.meta\.url\s*\)/g;
const SHIM_IMPORT = /import\(\s*['"]\.\/([\w-]+\.ts)['"]\s*\)/;
/** The SQLite addon file the Electron bundles load, relative to themselves. */
export const ELECTRON_ADDON_FILE = 'better_sqlite3.node';

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every worker the sources start: its bundle name and its TypeScript entry. */
export function findWorkers(root = ROOT) {
  const workers = new Map();
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d)))) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(WORKER_REF)) {
      const shim = join(dirname(file), `${name}.mjs`);
      const where = relative(root, file);
      if (!existsSync(shim)) throw new Error(`${where} starts the worker ${name}.mjs, but there is no ${relative(root, shim)}`);
      const entry = SHIM_IMPORT.exec(readFileSync(shim, 'utf8'))?.[1];
      if (!entry) throw new Error(`${relative(root, shim)} must import its TypeScript entry as await import('./NAME.ts')`);
      const known = workers.get(name);
      const entryPath = join(dirname(shim), entry);
      if (known && known !== entryPath) throw new Error(`two workers are called ${name}.mjs: ${relative(root, known)} and ${relative(root, entryPath)}`);
      workers.set(name, entryPath);
    }
  }
  return workers;
}

// ESM bundles of CommonJS packages (csv-parse, exceljs, ...) need a real `require`.
const ESM_REQUIRE_BANNER = `import { createRequire as __matchlabCreateRequire } from 'node:module';\nconst require = __matchlabCreateRequire(import.meta.url);`;
// In the packaged app the main process runs from app.asar, but worker threads and the native addon
// cannot be loaded from inside an asar archive, so they are unpacked beside it (app.asar.unpacked).
// `import.meta.url` in the CommonJS main bundle therefore names the bundle's unpacked twin: every
// `new URL('./x.mjs', import.meta.url)` then reaches the unpacked file. Outside an archive it is the
// bundle itself.
const CJS_URL_BANNER = `const __matchlabBundleUrl = require('node:url').pathToFileURL(__filename.replace(/([\\\\/]app\\.asar)(?=[\\\\/])/, '$1.unpacked')).href;`;

const common = {
  bundle: true,
  absWorkingDir: ROOT,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  // ws's optional native speed-ups: it runs without them.
  external: ['bufferutil', 'utf-8-validate'],
};

/** The ESM `define` that points the store at the addon beside the bundle (db/sqliteAddon.ts). */
const electronAddon = { MATCHLAB_SQLITE_ADDON: JSON.stringify(`./${ELECTRON_ADDON_FILE}`) };

export async function bundle() {
  const root = ROOT;
  const workers = findWorkers(root);
  const workerEntries = Object.fromEntries(workers);
  const nodeOut = join(root, 'dist', 'node');
  const electronOut = join(root, 'dist', 'electron');
  rmSync(nodeOut, { recursive: true, force: true });
  // Only the scripts: the addon beside them (bin/electronAddon.mjs) took a download or a compile to make.
  if (existsSync(electronOut)) for (const f of readdirSync(electronOut)) if (/\.(c|m)?js$/.test(f)) rmSync(join(electronOut, f));
  const builds = await Promise.all([
    // Node from a checkout: split, so that `matchlab demo` does not load the engine, nor the host exceljs.
    build({
      ...common,
      entryPoints: { host: join(root, 'electron/host/hostMain.ts'), cli: join(root, 'electron/cli/main.ts'), ...workerEntries },
      outdir: nodeOut,
      format: 'esm',
      splitting: true,
      outExtension: { '.js': '.mjs' },
      // Chunks sit beside the entries, so a chunk's `new URL('./NAME.mjs', import.meta.url)` finds the worker.
      chunkNames: 'chunk-[hash]',
      external: [...common.external, 'better-sqlite3-multiple-ciphers'],
      banner: { js: ESM_REQUIRE_BANNER },
      metafile: true,
    }),
    // The Electron main process: CommonJS, the format Electron loads most reliably from an asar archive.
    build({
      ...common,
      entryPoints: { main: join(root, 'electron/electronApp.ts') },
      outdir: electronOut,
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: [...common.external, 'electron'],
      define: { 'import.meta.url': '__matchlabBundleUrl', ...electronAddon },
      banner: { js: CJS_URL_BANNER },
      metafile: true,
    }),
    // The sandboxed preload: Electron gives it `require('electron')` and little else.
    build({
      ...common,
      entryPoints: { preload: join(root, 'electron/preload.ts') },
      outdir: electronOut,
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
      metafile: true,
    }),
    // The Electron app's workers: unpacked files, so each is whole (no chunks left in the archive).
    build({
      ...common,
      entryPoints: workerEntries,
      outdir: electronOut,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      define: electronAddon,
      banner: { js: ESM_REQUIRE_BANNER },
      metafile: true,
    }),
  ]);
  // What the bundles were made from, so bin/checkoutBuild.mjs can tell when they are out of date.
  const shims = [...workers].map(([name, entry]) => relative(root, join(dirname(entry), `${name}.mjs`)));
  const inputs = new Set(['package.json', 'build/bundle.mjs', ...shims]);
  for (const b of builds) for (const input of Object.keys(b.metafile.inputs)) if (!input.includes('node_modules/')) inputs.add(input);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'bundle-inputs.json'), JSON.stringify([...inputs].sort(), null, 1) + '\n');
  return { workers: [...workers.keys()] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { workers } = await bundle();
  console.log(`bundled the main process, preload, CLI, browser host and workers (${workers.join(', ')}) in ${Date.now() - started} ms`);
}
