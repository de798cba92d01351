// XLSX benchmark (issue 9): the import job's work (import + cohort step) with the cohort as an
// XLSX sheet against the same rows as CSV (the reoffences and participants are CSV in both), in
// the same run. The sheet is written as Excel writes one: shared strings after the sheet, dates
// as date cells.
//   npx tsx bench/xlsxBench.ts [--records 300000] [--runs 3] [--dir /tmp/matchlab-bench]
// Goal: ratio <= 1.5.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importExtract, type ImportRequest } from '../db/import/importExtract';
import { deriveCohort } from '../db/cohort/deriveCohort';
import { openStore } from '../db/store';
import { csvCellAsExcel, writeXlsx } from '../db/import/xlsxFixture';
import { arg, benchExtracts, loadAverage, median } from './benchExtract';

const records = Number(arg('records', '300000'));
const runs = Number(arg('runs', '3'));
const dir = arg('dir', '/tmp/matchlab-bench');
const files = (await benchExtracts(dir, records, ['shuffled'])).shuffled;
const xlsx = files.cohort.replace(/\.csv$/, '.xlsx');
if (!existsSync(xlsx)) {
  const lines = readFileSync(files.cohort, 'utf8').trimEnd().split('\n');
  await writeXlsx(xlsx, (function* () {
    for (let k = 0; k < lines.length; k++) yield lines[k].split(',').map((c) => (k === 0 ? c : csvCellAsExcel(c)));
  })(), 'sheet-first');
}

const store = join(dir, 'xlsx-bench.mlstore');
/** CPU time of each run's import + cohort step, every thread of the process (on a shared machine wall time waits for a core). */
const cpuMs: Record<'csv' | 'xlsx', number[]> = { csv: [], xlsx: [] };
async function importSeconds(cohort: string): Promise<number> {
  for (const f of [store, `${store}-wal`, `${store}-shm`, `${store}-journal`]) rmSync(f, { force: true });
  const db = openStore(store, 'benchmark passphrase', { mode: 'create' });
  const request: ImportRequest = { cohort: { path: cohort }, reoffences: { path: files.reoffences }, participants: { path: files.participants } };
  const c = process.cpuUsage();
  const t = performance.now();
  await importExtract(db, request);
  deriveCohort(db);
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(c);
  cpuMs[cohort === xlsx ? 'xlsx' : 'csv'].push((cpu.user + cpu.system) / 1000);
  db.close();
  return ms;
}

const csvMs: number[] = [];
const xlsxMs: number[] = [];
const loads: string[] = [];
for (let r = 0; r < runs; r++) {
  loads.push(loadAverage());
  csvMs.push(await importSeconds(files.cohort));
  xlsxMs.push(await importSeconds(xlsx));
}
rmSync(store, { force: true });
const s = (ms: number) => +(ms / 1000).toFixed(2);
console.log(JSON.stringify({
  records,
  medianOf: runs,
  cohortAsCsvSeconds: s(median(csvMs)),
  cohortAsXlsxSeconds: s(median(xlsxMs)),
  ratio: +(median(xlsxMs) / median(csvMs)).toFixed(2),
  goal: 'ratio <= 1.5',
  cpuSeconds: { csv: s(median(cpuMs.csv)), xlsx: s(median(cpuMs.xlsx)) },
  cpuRatio: +(median(cpuMs.xlsx) / median(cpuMs.csv)).toFixed(2),
  runs: { csv: csvMs.map(s), xlsx: xlsxMs.map(s) },
  loadAverageAtEachRun: loads,
  loadAverageAtEnd: loadAverage(),
}, null, 2));
