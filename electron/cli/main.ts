// `matchlab demo|import|analyse|report|info|robustness` (docs CLI.md): progress on stderr (on a terminal),
// a one-line summary on stdout, a non-zero exit with a one-line reason on any error.
import { parseArgs } from 'node:util';
import { deriveStoreKeyAhead } from '../../db/storeKey';
import { prewarmJobThread } from '../jobs/jobRunner';

// Loaded on demand: `demo` need not load SQLite, `info` need not load the engine.
const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<string>>> = {
  demo: async () => (await import('./demoMain')).demoMain,
  import: async () => (await import('./importMain')).importMain,
  analyse: async () => (await import('./analyseMain')).analyseMain,
  report: async () => (await import('./reportMain')).reportMain,
  info: async () => (await import('./infoMain')).infoMain,
  robustness: async () => (await import('./robustnessMain')).robustnessMain,
  rekey: async () => (await import('./rekeyMain')).rekeyMain,
};

const USAGE = `usage:
  matchlab demo    --out DIR [--records N] [--participants N] [--seed S] [--effect E]
  matchlab import  --store FILE --cohort F --reoffences F --participants F [--extract-date YYYY-MM-DD] [--replace]
  matchlab analyse --store FILE --spec SPEC.json --out DIR [--pairs]
  matchlab report  --store FILE --run RUN_ID --out FILE.html|FILE.pdf|FILE.xlsx
  matchlab info    --store FILE
  matchlab robustness --store FILE --run RUN_ID --out DIR [--sets SETS.json]
  matchlab rekey   --store FILE     (the new passphrase in MATCHLAB_NEW_PASSPHRASE)
The store passphrase is read from the environment variable MATCHLAB_PASSPHRASE.`;

/** Parses a command's flags strictly: unknown flags and missing required ones are errors. */
export function flags<K extends string>(args: string[], spec: Record<K, { type: 'string' | 'boolean'; required?: boolean }>) {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, { type: (v as { type: 'string' | 'boolean' }).type }])),
    strict: true,
    allowPositionals: false,
  });
  for (const [k, v] of Object.entries(spec) as [K, { required?: boolean }][]) {
    if (v.required && values[k] === undefined) throw new Error(`--${k} is required`);
  }
  return values as Record<K, string | boolean | undefined>;
}

/** Commands that run a job in a thread of their own (cliSession.ts), and those that open the store named by --store. */
const RUNS_A_JOB = new Set(['import', 'analyse', 'robustness']);
const OPENS_A_STORE = new Set(['import', 'analyse', 'report', 'info', 'robustness']);

/**
 * Before a command's modules load (about 0.15 s on the machines Matchlab is measured on), starts what it will wait
 * for next: its job's thread, which loads its own modules meanwhile, and the derivation of its store's key (a third
 * of a second) on the thread pool. On two cores the three then share the time the first would take alone. Nothing
 * here can fail a command: a store that cannot be read, or a missing passphrase, is reported by the command itself.
 */
function startAhead(command: string, args: string[]): void {
  if (RUNS_A_JOB.has(command)) prewarmJobThread();
  const at = args.indexOf('--store');
  const store = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--store='))?.slice('--store='.length);
  const passphrase = process.env.MATCHLAB_PASSPHRASE;
  if (OPENS_A_STORE.has(command) && store && passphrase) deriveStoreKeyAhead(store, passphrase);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`matchlab: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  try {
    startAhead(command, rest);
    const run = await load();
    process.stdout.write((await run(rest)) + '\n');
    return 0;
  } catch (err) {
    const output = (err as { output?: unknown }).output;
    if (typeof output === 'string') process.stdout.write(output + '\n');
    process.stderr.write(`matchlab ${command}: ${(err as Error).message.split('\n')[0]}\n`);
    return 1;
  }
}
