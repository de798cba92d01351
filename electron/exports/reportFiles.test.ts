// writeReport writes each format from the Southwark fixture: the HTML as rendered, the Excel annex read back with
// exceljs, and a real PDF where a Chromium-family browser exists.
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetName } from '../../shared/report/annexWorkbook';
import { renderReportHtml } from '../../shared/report/renderReportHtml';
import { southwarkRun } from '../../shared/report/reportFixture';
import { findPdfBrowser, printerEnvironment, printHtmlToPdf, writeReport } from './reportFiles';
import { pdfDestinationPages } from './pdfDestinations';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import { OWN_SET } from '../../shared/robustness/robustnessGrid';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'matchlab-report-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = southwarkRun();

describe('writeReport', () => {
  it('writes the rendered HTML and nothing else', async () => {
    const out = join(dir, 'report.html');
    await writeReport(run, out, { overwrite: false });
    expect(await readFile(out, 'utf8')).toBe(renderReportHtml(run));
    expect((await readdir(dir)).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('writes the Excel annex: outcomes, balance, model, funnel and profile sheets', async () => {
    const out = join(dir, 'annex.xlsx');
    await writeReport(run, out, { overwrite: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Run', 'Outcomes', 'Balance National', 'Model National', 'Balance Regional', 'Model Regional', 'Funnel', 'Profile', 'Sensitivity']);
    // Table 1 national: 44 of 71 against 56.5%: risk ratio 1.0968, E-value 1.4228; its CI includes no difference.
    const sensitivity = wb.getWorksheet('Sensitivity')!.getSheetValues().slice(2) as unknown[][];
    expect(sensitivity[0].slice(1, 3)).toEqual(['National', 'Reoffending rate: E-value']);
    expect(sensitivity[0][3] as number).toBeCloseTo(44 / 71 / 0.565, 12);
    expect(sensitivity[0][4] as number).toBeCloseTo(1.42277, 5);
    expect(sensitivity[0].slice(5, 7)).toEqual([undefined, 1]);

    const outcomes = wb.getWorksheet('Outcomes')!;
    const rows = outcomes.getSheetValues().slice(2) as unknown[][];
    // 2 analyses x (5 single measures + 2 x 3 court outcomes).
    expect(rows).toHaveLength(22);
    const rate = rows[0];
    expect(rate.slice(1, 9)).toEqual(['National', 1, 'One-year proven reoffending rate', undefined, 'rate', 71, 286869, 286869]);
    expect(rate[9] as number).toBeCloseTo(44 / 71, 12);
    expect(rate[10]).toBe(0.565);
    // R: CI [-0.06101878, 0.1704554], p 0.3489613 (shared/outcomes/referenceReport.test.ts).
    expect(rate[12] as number).toBeCloseTo(-0.06101878, 7);
    expect(rate[13] as number).toBeCloseTo(0.1704554, 7);
    expect(rate[14] as number).toBeCloseTo(0.3489613, 7);
    expect(rate.slice(15, 17)).toEqual(['No', 'Yes']);
    const indictable = rows.find((r) => r[1] === 'National' && r[2] === 4 && r[4] === 'Indictable')!;
    expect(indictable[16]).toBe('No');
    expect(indictable[17]).toMatch(/^Not shown because only 1 reoffender/);

    const balance = wb.getWorksheet('Balance National')!;
    expect(balance.rowCount).toBe(1 + 20);
    expect(balance.getRow(6).values).toEqual([undefined, 'ethnicity', 'Other & <unknown>', 0.057, 0.044, 0.057, 0.053, 5.9, 1.8, 'well']);

    const funnel = wb.getWorksheet('Funnel')!.getSheetValues().slice(2) as unknown[][];
    expect(funnel.find((r) => r[2] === 'no_record')?.slice(1, 6)).toEqual(['(all)', 'no_record', 14, 89, 14 / 103]);
    expect(funnel.find((r) => r[1] === 'Regional' && r[2] === 'not_matched')?.slice(3, 5)).toEqual([1, 71]);

    const profile = wb.getWorksheet('Profile')!.getSheetValues().slice(2) as unknown[][];
    expect(profile.find((r) => r[1] === 'Treatment group' && r[3] === 'Male')?.slice(4, 6)).toEqual([62, 62 / 72]);
    expect(profile.find((r) => r[3] === 'Without any record (no personal information)')?.[4]).toBe(16);
  });

  it('adds a Robustness sheet, one row per specification, when the run has a check', async () => {
    const estimate = { treatmentMean: 0.6, comparisonMean: 0.65, difference: -0.05, ciLow: -0.09, ciHigh: -0.01, p: 0.02, significant: true, shown: true };
    const check: RobustnessCheck = {
      runId: run.runId, checkedAt: '2017-07-15T00:00:00.000Z', engineVersion: '1.0.0', alpha: 0.05, addedCovariateSets: [],
      analyses: [{
        analysis: 'National',
        covariateSets: [{ name: OWN_SET, covariates: ['age_at_index'], run: true, note: null }],
        entries: [{
          id: '0:radius', covariateSet: OWN_SET, matching: { method: 'radius', caliper: 0.2, caliperUnit: 'sd' }, label: 'Radius, caliper 0.2 SD', own: true,
          treatment: { n: 72, matched: 71, notMatched: 1 }, comparison: { records: 286869, effectiveSize: 40213.5 },
          gate: { passes: false, poorlyMatched: [{ variable: 'ethnicity', level: 'Black', smdAfter: 12 }], belowMinimumTreated: false },
          measures: { rate: estimate, frequency: estimate, daysToFirst: { ...estimate, shown: false } },
        }],
        summaries: { rate: null, frequency: null, daysToFirst: null },
      }],
    };
    const out = join(dir, 'annex-robustness.xlsx');
    await writeReport(run, out, { overwrite: false, robustness: check });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = wb.getWorksheet('Robustness')!.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(1, 12)).toEqual(['National', OWN_SET, 'Radius, caliper 0.2 SD', 'Yes', 71, 1, 286869, 40213.5, 'No', 'ethnicity: Black', -0.05]);
    expect(rows[0].slice(21, 26)).toEqual([undefined, undefined, undefined, undefined, 'not shown']);
  });

  it('refuses an unknown extension in one line', async () => {
    await expect(writeReport(run, join(dir, 'report.docx'), { overwrite: false })).rejects.toThrow(/^Cannot write a report as "\.docx": use a file name ending in \.html, \.pdf or \.xlsx\.$/);
  });

  it('says to use .html when no browser can print the PDF', async () => {
    await expect(writeReport(run, join(dir, 'report.pdf'), { browser: null, overwrite: false })).rejects.toThrow(/write the report as \.html and print it/);
  });
});

describe('findPdfBrowser', () => {
  it('prefers the Electron binary, then the first executable candidate, else null', () => {
    expect(findPdfBrowser({ electron: () => '/opt/electron/electron', paths: ['/bin/sh'] })).toEqual({ kind: 'electron', path: '/opt/electron/electron' });
    expect(findPdfBrowser({ electron: () => null, paths: ['/nonexistent/chromium', '/bin/sh'] })).toEqual({ kind: 'chromium', path: '/bin/sh' });
    expect(findPdfBrowser({ electron: () => null, paths: ['/nonexistent/chromium'] })).toBeNull();
  });
});

describe('printerEnvironment', () => {
  it('gives the printing browser no store passphrase', () => {
    const env = printerEnvironment({ PATH: '/usr/bin', MATCHLAB_PASSPHRASE: 'secret passphrase', MATCHLAB_NEW_PASSPHRASE: 'x', ELECTRON_RUN_AS_NODE: '1', HOME: '/h' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/h' });
  });
});

describe('sheetName', () => {
  it('replaces the characters Excel forbids, keeps 31 characters and stays unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Balance North/West [men]: *?', taken)).toBe('Balance North_West _men__ __');
    expect(sheetName('Balance a very long analysis name indeed', taken)).toBe('Balance a very long analysis na');
    expect(sheetName('Balance a very long analysis name too', taken)).toBe('Balance a very long analysis 2');
  });
});

const browser = findPdfBrowser();
if (browser === null) console.log('reportFiles.test: no Chromium, Chrome or Electron on this machine, so the PDF is not printed here.');

describe.skipIf(browser === null)('writeReport to PDF (needs a Chromium-family browser)', () => {
  it('prints the report to a multi-page A4 PDF', async () => {
    const out = join(dir, 'report.pdf');
    await writeReport(run, out, { overwrite: false });
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    // A4 is 595.28 x 841.89 points; Chromium writes 594.96 x 841.92.
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(10);
    for (const [w, h] of boxes) {
      expect(Math.abs(w - 595.28)).toBeLessThan(1);
      expect(Math.abs(h - 841.89)).toBeLessThan(1);
    }
    // The contents' page numbers are where the sections are in this PDF: every section has a page, in order, and a
    // printing without the numbers puts them on the same pages (adding the numbers moved nothing).
    const pages = pdfDestinationPages(pdf);
    const order = ['key-findings', 'key-findings-2', 'charts', 'results', 'profile', 'matching', 'numbers', 'caveats', 'methods'];
    const found = order.map((id) => pages.get(id));
    expect(found.every((p) => typeof p === 'number')).toBe(true);
    expect(found).toEqual([...(found as number[])].sort((a, b) => a - b));
    const plain = join(dir, 'plain.pdf');
    await printHtmlToPdf(renderReportHtml(run), plain, browser!);
    expect(pdfDestinationPages(await readFile(plain))).toEqual(pages);
    const html = renderReportHtml(run, { pageNumbers: pages });
    expect(html).toContain(`<a href="#caveats"><span class="entry">What these results can and cannot tell you</span><span class="page">${pages.get('caveats')}</span></a>`);
  }, 180_000);
});
