// Vitest's global setup: tests that start the bundled CLI, browser host or Electron main process
// need dist/ up to date; it is built once here, before any test file runs (a no-op after `npm run build`).
import { ensureBuilt } from './bin/checkoutBuild.mjs';

export default async function buildOnce(): Promise<void> {
  await ensureBuilt({ renderer: true });
}
