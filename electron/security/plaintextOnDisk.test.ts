// No person-level plaintext outside the encrypted store: after a full import of a 300,000-record
// extract, deep browse sorts, an analysis and every export, no sampled person id, record id or
// participant reference is found in the temp folder (files left there, and files the processes
// held open there while they ran), in the store's own files, or in what the processes printed.
// Every process gets its own TMPDIR, so other tests on this machine cannot interfere.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CLI_EXAMPLE_SPEC } from '../../shared/engine/cliExampleSpec';
import { findPdfBrowser } from '../exports/reportFiles';
import { filesUnder, findNeedles, isCompileCache, watchOpenFiles, type PlaintextFinding } from './processWatch';

const BIN = new URL('../../bin/matchlab.mjs', import.meta.url).pathname;
const SORT_CHILD = new URL('./browseSortChild.ts', import.meta.url).pathname;
const RECORDS = 300_000;
const PASS = 'plaintext test passphrase';

describe('person-level data on disk', () => {
  it('none outside the store after import, 300k browse sorts, an analysis and every export', async () => {
    const root = mkdtempSync(join(tmpdir(), 'matchlab-plaintext-'));
    const privateTmp = join(root, 'tmp');
    const input = join(root, 'input');
    const out = join(root, 'out');
    mkdirSync(privateTmp);
    const store = join(root, 'store.mlstore');
    const env = { ...process.env, TMPDIR: privateTmp, MATCHLAB_PASSPHRASE: PASS };
    const logs: string[] = [];
    const openFiles = { filesSeen: [] as string[], bytesRead: 0, found: [] as PlaintextFinding[] };
    let needles: string[] = [];

    const run = (args: string[], label: string) =>
      new Promise<void>((ok, fail) => {
        const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const stop = needles.length > 0 ? watchOpenFiles(child.pid!, privateTmp, needles) : null;
        let text = '';
        child.stdout.on('data', (d) => (text += d));
        child.stderr.on('data', (d) => (text += d));
        child.on('close', (code) => {
          logs.push(text);
          if (stop) {
            const seen = stop();
            openFiles.filesSeen.push(...seen.filesSeen);
            openFiles.bytesRead += seen.bytesRead;
            openFiles.found.push(...seen.found);
          }
          if (code === 0) ok();
          else fail(new Error(`${label} exited with ${code}: ${text}`));
        });
      });

    await run([BIN, 'demo', '--out', input, '--records', String(RECORDS), '--participants', '120', '--seed', '14'], 'demo');
    // The needles: person ids, record ids and participant references sampled across the extract.
    const cohort = parse(readFileSync(join(input, 'cohort.csv'), 'utf8'), { columns: true }) as { record_id: string; person_id: string }[];
    const participants = parse(readFileSync(join(input, 'participants.csv'), 'utf8'), { columns: true }) as { participant_ref: string }[];
    for (let k = 0; k < 100; k++) {
      const row = cohort[Math.floor((k * cohort.length) / 100)];
      needles.push(row.person_id, row.record_id);
    }
    needles.push(...participants.slice(0, 50).map((p) => p.participant_ref));
    needles = [...new Set(needles)];
    expect(needles.length).toBeGreaterThan(200);

    await run([BIN, 'import', '--store', store, '--cohort', join(input, 'cohort.csv'), '--reoffences', join(input, 'reoffences.csv'), '--participants', join(input, 'participants.csv')], 'import');
    await run(['--import', 'tsx', SORT_CHILD, store, join(root, 'data')], 'browse sorts');
    const spec = join(root, 'spec.json');
    writeFileSync(spec, JSON.stringify(CLI_EXAMPLE_SPEC));
    await run([BIN, 'analyse', '--store', store, '--spec', spec, '--out', out], 'analyse');
    const runId = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { runId: string }).runId;
    const formats = findPdfBrowser() ? ['xlsx', 'html', 'pdf'] : ['xlsx', 'html'];
    for (const ext of formats) await run([BIN, 'report', '--store', store, '--run', runId, '--out', join(out, `report.${ext}`)], `report .${ext}`);
    await run([BIN, 'info', '--store', store], 'info');

    // The exports the analyst asked for hold record ids by design (the matches CSVs), elsewhere.
    expect(readFileSync(join(out, 'matches-National.csv'), 'utf8')).toMatch(/^record_id,treated,score,weight\nCR\d{8},/);

    const found: PlaintextFinding[] = [...openFiles.found];
    let bytesScanned = openFiles.bytesRead;
    const leftInTmp = filesUnder(privateTmp);
    for (const file of leftInTmp) {
      const data = readFileSync(file);
      bytesScanned += data.length;
      findNeedles(data, file, needles, found);
    }
    for (const file of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`].filter(existsSync)) {
      const data = readFileSync(file);
      bytesScanned += data.length;
      findNeedles(data, file, needles, found);
    }
    const printed = Buffer.from(logs.join('\n'));
    bytesScanned += printed.length;
    findNeedles(printed, 'what the processes printed', needles, found);
    const plaintextBytes = found.reduce((n, f) => n + Buffer.byteLength(f.needle), 0);
    console.log(
      `plaintextOnDisk: ${needles.length} sampled identifiers; ${bytesScanned} bytes scanned (store files, ${leftInTmp.length} files left in the temp folder, ` +
        `${openFiles.filesSeen.length} temp files other than tsx's compiled code held open during the runs, logs); plaintext bytes found: ${plaintextBytes}`,
    );
    expect(found, JSON.stringify(found.slice(0, 5))).toEqual([]);
    // Nothing but the report being printed to PDF (aggregates) was even opened there, and only
    // tsx's compiled code is left.
    expect(openFiles.filesSeen.filter((f) => !/[\\/]matchlab-report-[^\\/]+[\\/]/.test(f))).toEqual([]);
    expect(leftInTmp.filter((f) => !isCompileCache(f))).toEqual([]);
  }, 600_000);
});
