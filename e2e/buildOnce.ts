// Playwright's global setup: the end-to-end tests drive the bundled app (dist/), so it is built
// first when its sources are newer (a no-op after `npm run build`).
import { ensureBuilt } from '../bin/checkoutBuild.mjs';

export default async function buildOnce(): Promise<void> {
  await ensureBuilt({ renderer: true });
}
