// No person-level plaintext outside the encrypted store: after a full import, an XLSX import killed
// mid-way, browse sorts deep into every table, an analysis and every export, no sampled person id,
// record id, participant reference or date-of-birth cell is found in the temp folder (files left
// there, and files the processes held open there while they ran), in the store's own files, or in
// what the processes printed; and nothing but the report being printed to PDF was even opened there.
// Every process gets its own TMPDIR, so other tests on this machine cannot interfere.
//
// Cheap by design: 20,000 records, with a free-text column of about 900 characters a row (as real
// extracts carry: case notes naming the person). A browse page deep in a sort on unindexed columns
// makes SQLite hold every row before it in a temporary B-tree, which goes to a temp file once it
// outgrows SQLite's page cache for such trees: 16 MB, better-sqlite3's compile-time default, which
// `PRAGMA cache_size` does not reach. The wide rows outgrow it at 20,000 records (about 20 MB), as
// the demo's narrow rows do only past 130,000. Without `temp_store = MEMORY` (db/store.ts) this
// test fails: the sort holds a 23 MB temp file with the ids, and the imports open temp files.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CLI_EXAMPLE_SPEC } from '../../shared/engine/cliExampleSpec';
import { csvCellAsExcel, writeXlsx } from '../../db/import/xlsxFixture';
import { findPdfBrowser } from '../exports/reportFiles';
import { deriveKeyBytes } from '../../db/storeKey';
import { filesUnder, findNeedles, isCompileCache, watchOpenFiles, type PlaintextFinding } from './processWatch';

const BIN = new URL('../../bin/matchlab.mjs', import.meta.url).pathname;
const SORT_CHILD = new URL('./browseSortChild.ts', import.meta.url).pathname;
const FAULT_CHILD = new URL('./faultChild.ts', import.meta.url).pathname;
const RECORDS = 20_000;
const PASS = 'plaintext test passphrase';
const DAY_MS = 86_400_000;

describe('person-level data on disk', () => {
  it('none outside the store after import, an XLSX import killed mid-way, deep browse sorts, an analysis and every export', async () => {
    const root = mkdtempSync(join(tmpdir(), 'matchlab-plaintext-'));
    const privateTmp = join(root, 'tmp');
    const input = join(root, 'input');
    const out = join(root, 'out');
    mkdirSync(privateTmp);
    const store = join(root, 'store.mlstore');
    const env = { ...process.env, TMPDIR: privateTmp, MATCHLAB_PASSPHRASE: PASS };
    const logs: string[] = [];
    const openFiles = { filesSeen: [] as string[], bytesRead: 0, found: [] as PlaintextFinding[] };
    const openedBy = new Map<string, string[]>();
    let needles: string[] = [];

    /** Runs a process with the private TMPDIR, watching what it opens there; `killAt` SIGKILLs it once it prints that. */
    const run = (args: string[], label: string, killAt?: string) =>
      new Promise<string>((ok, fail) => {
        const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const stop = needles.length > 0 ? watchOpenFiles(child.pid!, privateTmp, needles) : null;
        let text = '';
        child.stdout.on('data', (d) => {
          text += d;
          if (killAt && text.includes(killAt)) child.kill('SIGKILL');
        });
        child.stderr.on('data', (d) => (text += d));
        child.on('close', (code, signal) => {
          logs.push(text);
          if (stop) {
            const seen = stop();
            openedBy.set(label, seen.filesSeen);
            openFiles.filesSeen.push(...seen.filesSeen);
            openFiles.bytesRead += seen.bytesRead;
            openFiles.found.push(...seen.found.map((f) => ({ ...f, where: `${label}: ${f.where}` })));
          }
          if (killAt ? signal === 'SIGKILL' && text.includes(killAt) : code === 0) ok(text);
          else fail(new Error(`${label} exited with ${code ?? signal}: ${text}`));
        });
      });

    await run([BIN, 'demo', '--out', input, '--records', String(RECORDS), '--participants', '120', '--seed', '14'], 'demo');
    // The needles: person ids, record ids and participant references sampled across the extract, and
    // sampled rows' date-of-birth cells as an XLSX sheet's XML holds them (its text is in the shared strings).
    const cohort = parse(readFileSync(join(input, 'cohort.csv'), 'utf8'), { columns: true }) as { record_id: string; person_id: string; date_of_birth: string }[];
    const participants = parse(readFileSync(join(input, 'participants.csv'), 'utf8'), { columns: true }) as { participant_ref: string }[];
    for (let k = 0; k < 100; k++) {
      const at = Math.floor((k * cohort.length) / 100);
      const row = cohort[at];
      needles.push(row.person_id, row.record_id);
      if (k % 4 === 0) needles.push(`<c r="D${at + 2}" s="1"><v>${Date.parse(`${row.date_of_birth}T00:00:00Z`) / DAY_MS + 25569}</v></c>`);
    }
    needles.push(...participants.slice(0, 50).map((p) => p.participant_ref));
    needles = [...new Set(needles)];
    expect(needles.length).toBeGreaterThan(250);

    const files = { cohort: join(input, 'cohort.csv'), reoffences: join(input, 'reoffences.csv'), participants: join(input, 'participants.csv') };
    const lines = readFileSync(files.cohort, 'utf8').trimEnd().split('\n');
    const withNotes = join(input, 'cohort-with-notes.csv');
    writeFileSync(withNotes, lines.map((line, k) => {
      const [recordId, personId] = line.split(',');
      return `${line},${k === 0 ? 'case_notes' : `Seen by probation; record ${recordId}; person ${personId}. `.repeat(16)}`;
    }).join('\n') + '\n');
    await run([BIN, 'import', '--store', store, '--cohort', withNotes, '--reoffences', files.reoffences, '--participants', files.participants], 'import');
    // The store's derived key (db/storeKey.ts) opens it as the passphrase does: it must not be
    // printed or written anywhere either (SQLite3MC's key pragma takes it as hex).
    needles.push(deriveKeyBytes(PASS, readFileSync(store).subarray(0, 16)).toString('hex'));

    // The cohort as Excel writes a workbook (the sheet before its shared strings), imported over the
    // extract and killed while the sheet is being read: nothing of it may be left, or even opened, in the temp folder.
    const xlsx = join(input, 'cohort.xlsx');
    expect(lines[0].split(',')[3]).toBe('date_of_birth');
    await writeXlsx(xlsx, lines.map((line, k) => line.split(',').map((cell) => (k === 0 ? cell : csvCellAsExcel(cell)))), 'sheet-first');
    const killedAt = await run(['--import', 'tsx', FAULT_CHILD, store, 'import', xlsx, files.reoffences, files.participants], 'XLSX import killed', 'mid-job');
    const rowsRead = Number(/cohort: ([\d,]+) rows/.exec(killedAt)?.[1].replace(/,/g, ''));
    expect(rowsRead, killedAt).toBeGreaterThan(0);
    expect(rowsRead, killedAt).toBeLessThan(RECORDS);
    const leftByKill = filesUnder(privateTmp).filter((f) => !isCompileCache(f));

    await run(['--import', 'tsx', SORT_CHILD, store, join(root, 'data')], 'browse sorts');
    const spec = join(root, 'spec.json');
    writeFileSync(spec, JSON.stringify(CLI_EXAMPLE_SPEC));
    await run([BIN, 'analyse', '--store', store, '--spec', spec, '--out', out, '--pairs'], 'analyse');
    const runId = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { runId: string }).runId;
    const formats = findPdfBrowser() ? ['xlsx', 'html', 'pdf'] : ['xlsx', 'html'];
    for (const ext of formats) await run([BIN, 'report', '--store', store, '--run', runId, '--out', join(out, `report.${ext}`)], `report .${ext}`);
    // info checks every page and the audit chain: the killed import left the store whole.
    await run([BIN, 'info', '--store', store], 'info');

    // The exports the analyst asked for hold record ids by design (the matches and pairs CSVs), elsewhere.
    expect(readFileSync(join(out, 'matches-National.csv'), 'utf8')).toMatch(/^record_id,treated,score,weight,set\nCR\d{8},/);
    expect(readFileSync(join(out, 'pairs-National.csv'), 'utf8')).toMatch(/^set,treated_id,comparison_id,distance,pair_weight\n1,CR\d{8},CR\d{8},/);

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
        `${openFiles.filesSeen.length} temp files other than tsx's compiled code held open during the runs, logs); XLSX import killed after ${rowsRead} of ${RECORDS} rows; ` +
        `plaintext bytes found: ${plaintextBytes}`,
    );
    const byPlace = new Map<string, number>();
    for (const f of found) byPlace.set(f.where, (byPlace.get(f.where) ?? 0) + 1);
    expect(Object.fromEntries(byPlace), 'identifiers found, by place').toEqual({});
    // Nothing but the report being printed to PDF (aggregates) was even opened there, and only
    // tsx's compiled code is left (also right after the kill).
    const opened = [...openedBy].map(([step, paths]) => [step, paths.filter((f) => !/[\\/]matchlab-report-[^\\/]+[\\/]/.test(f))] as const).filter(([, paths]) => paths.length > 0);
    expect(Object.fromEntries(opened), 'temp files opened, by step').toEqual({});
    expect(leftByKill, 'left in the temp folder by the killed XLSX import').toEqual([]);
    expect(leftInTmp.filter((f) => !isCompileCache(f))).toEqual([]);
  }, 300_000);
});
