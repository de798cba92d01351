#!/usr/bin/env node
// `matchlab` command line (CLI.md): the CLI is TypeScript, loaded via tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
