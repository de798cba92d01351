#!/usr/bin/env node
// `matchlab` command line (CLI.md), from a checkout: runs the bundled CLI (dist/node/cli.mjs),
// bundling it first when the sources are newer.
import { ensureBuilt } from './checkoutBuild.mjs';

try {
  await ensureBuilt();
} catch (err) {
  process.stderr.write(`matchlab: ${err.message}\n`);
  process.exit(1);
}
const { main } = await import('../dist/node/cli.mjs');
process.exitCode = await main(process.argv.slice(2));
