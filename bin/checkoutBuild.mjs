// A checkout runs its bundles from dist/ (build/bundle.mjs for the Node side, Vite for the
// renderer). This builds them first when they are missing or older than their sources, so that
// `npm start`, `npx matchlab` and the tests work straight after a clone or a pull. Two processes
// starting at once build once: the second waits for the first.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BUNDLE_INPUTS = join(DIST, 'bundle-inputs.json');
const RENDERER_INDEX = join(DIST, 'renderer', 'index.html');
const RENDERER_SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];
const LOCK = join(DIST, '.building');
const LOCK_STALE_MS = 10 * 60_000;

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity; // a missing input: rebuild (which says what is wrong if it is still imported)
  }
};

function newestIn(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs; // a file deleted from the folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

function bundlesStale() {
  if (!existsSync(BUNDLE_INPUTS)) return true;
  const builtAt = mtime(BUNDLE_INPUTS);
  const inputs = JSON.parse(readFileSync(BUNDLE_INPUTS, 'utf8'));
  return inputs.some((input) => mtime(join(ROOT, input)) > builtAt);
}

function rendererStale() {
  if (!existsSync(RENDERER_INDEX)) return true;
  const builtAt = mtime(RENDERER_INDEX);
  return RENDERER_SOURCES.some((p) => newestIn(join(ROOT, p)) > builtAt);
}

async function withLock(work) {
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - mtime(LOCK) > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds what `parts` need when it is missing or out of date; says so on stderr. */
export async function ensureBuilt({ renderer = false } = {}) {
  const needsWork = () => bundlesStale() || (renderer && rendererStale());
  if (!needsWork()) return;
  await withLock(async () => {
    // Another process may have built it while this one waited.
    if (renderer && rendererStale()) {
      process.stderr.write('Building the Matchlab app (its sources changed)...\n');
      const vite = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
      if (vite.status !== 0) throw new Error('The renderer did not build: run `npm install`, then `npm run build` to see why.');
    }
    if (bundlesStale()) {
      process.stderr.write('Bundling Matchlab (its sources changed)...\n');
      let bundle;
      try {
        ({ bundle } = await import('../build/bundle.mjs'));
      } catch (err) {
        throw new Error(`Cannot bundle Matchlab here (${err.message.split('\n')[0]}): run \`npm install\` first.`);
      }
      await bundle();
    }
  });
}
