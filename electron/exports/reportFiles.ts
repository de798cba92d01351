// Writes a run's report as the file the extension asks for (CLI.md `report`): .html (the self-contained report),
// .pdf (that HTML printed by a headless Chromium-family browser found on the machine) or .xlsx (the Excel annex).
// Each file is made in memory (the PDF in a private temporary folder) and handed to writeExportFile, so a
// failure never leaves half a report, and an existing file is replaced only when asked.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { writeExportFile, type ExportFileOptions } from './exportFile';
import { pathToFileURL } from 'node:url';
import { renderReportHtml } from '../../shared/report/renderReportHtml';
import type { RunResults } from '../../shared/results/runResults';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import { pdfDestinationPages } from './pdfDestinations';

export interface PdfBrowser {
  /** Electron prints through its own API (it has no --print-to-pdf switch); Chromium and Chrome headless do. */
  kind: 'electron' | 'chromium';
  path: string;
}

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The `electron` package's binary when it is installed and downloaded; null otherwise (the package throws then). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Electron first, then /usr/bin/chromium, then a Chromium-family browser on the PATH; null when there is none. */
export function findPdfBrowser(search: { electron?: () => string | null; paths?: string[]; pathEnv?: string } = {}): PdfBrowser | null {
  const electron = (search.electron ?? electronBinary)();
  if (electron) return { kind: 'electron', path: electron };
  const dirs = (search.pathEnv ?? process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const candidates = search.paths ?? ['/usr/bin/chromium', ...BROWSER_NAMES.flatMap((name) => dirs.map((d) => join(d, name)))];
  const found = candidates.find(executable);
  return found ? { kind: 'chromium', path: found } : null;
}

// Electron's main script: load the file offline (every non-file request cancelled, JavaScript off) and print it.
const ELECTRON_PRINT_SCRIPT = `
const { app, BrowserWindow, session } = require('electron');
const { writeFileSync } = require('fs');
const [url, out] = process.argv.slice(-2);
app.disableHardwareAcceleration();
app.whenReady().then(async () => {
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file:') }));
  const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true } });
  await win.loadURL(url);
  writeFileSync(out, await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true }));
  app.exit(0);
}).catch((error) => { console.error(String(error)); app.exit(1); });
`;

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 120_000, env, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${file} failed to print the report: ${(String(stderr).trim().split('\n').pop() || error.message).slice(0, 300)}`));
      else resolve();
    });
  });
}

/**
 * The environment the printing browser gets: this process's, without what it must not see. The
 * store passphrase (MATCHLAB_*) has no business in a browser's environment, where its crash
 * reports and child processes would carry it.
 */
export function printerEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith('MATCHLAB_') && k !== 'ELECTRON_RUN_AS_NODE') out[k] = v;
  return out;
}

/**
 * A PDF as a browser writes it: the header, and (from a browser run as a separate program, whose
 * exit status may not tell of a failed write) the end-of-file marker a cut file lacks.
 */
function isWholePdf(pdf: Buffer, needsEnd: boolean): boolean {
  return pdf.subarray(0, 5).toString('latin1') === '%PDF-' && (!needsEnd || pdf.subarray(-32).toString('latin1').includes('%%EOF'));
}

/** Prints a self-contained HTML document to a PDF file with the given browser (in a private temporary folder). */
export async function printHtmlToPdf(html: string, outFile: string, browser: PdfBrowser): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'matchlab-report-'));
  try {
    const htmlFile = join(dir, 'report.html');
    await writeFile(htmlFile, html);
    const url = pathToFileURL(htmlFile).href;
    const env = printerEnvironment();
    if (browser.kind === 'electron') {
      const script = join(dir, 'print.cjs');
      await writeFile(script, ELECTRON_PRINT_SCRIPT);
      await run(browser.path, [script, url, outFile], env);
    } else {
      await run(browser.path, [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic', `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${outFile}`, '--no-pdf-header-footer', url,
      ], env);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The report printed twice into a private temporary folder, and returned once whole: the first printing says on
 * which page each section starts (the PDF's named destinations, its contents' link targets), the second prints the
 * contents with those page numbers. The page numbers take room the first printing already kept, so nothing moves
 * between the two. Each printing gets its own file, so a second printing that writes nothing is not taken for the
 * first one's file.
 */
async function printReportPdf(run: RunResults, robustness: RobustnessCheck | null | undefined, print: PdfPrinter, needsEnd: boolean): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'matchlab-report-'));
  let printings = 0;
  async function printWhole(html: string): Promise<Buffer> {
    const outFile = join(dir, `report-${++printings}.pdf`);
    await print(html, outFile);
    const pdf = await readFile(outFile).catch(() => Buffer.alloc(0));
    if (!isWholePdf(pdf, needsEnd)) throw new Error('The printer did not write a whole PDF.');
    return pdf;
  }
  try {
    const first = await printWhole(renderReportHtml(run, { robustness }));
    const pageNumbers = pdfDestinationPages(first);
    return pageNumbers.size > 0 ? await printWhole(renderReportHtml(run, { robustness, pageNumbers })) : first;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface WriteReportOptions extends ExportFileOptions {
  printPdf?: PdfPrinter;
  browser?: PdfBrowser | null;
  /** The run's robustness check, when one was run: the report's robustness section, the annex's Robustness sheet. */
  robustness?: RobustnessCheck | null;
}

/**
 * Prints a self-contained HTML document to a PDF file. The desktop app passes one that uses Electron's
 * `webContents.printToPDF` in its own main process; the CLI and the browser host use a browser found on the machine.
 */
export type PdfPrinter = (html: string, outFile: string) => Promise<void>;

export async function writeReport(run: RunResults, outFile: string, options: WriteReportOptions): Promise<void> {
  const ext = extname(outFile).toLowerCase();
  let content: string | Buffer;
  if (ext === '.html' || ext === '.htm') {
    content = renderReportHtml(run, { robustness: options.robustness });
  } else if (ext === '.xlsx') {
    // exceljs is loaded only to write an annex: at start-up it would cost the service as much as opening a store.
    const { buildAnnexWorkbook } = await import('../../shared/report/annexWorkbook');
    content = Buffer.from(await buildAnnexWorkbook(run, options.robustness ?? null).xlsx.writeBuffer());
  } else if (ext === '.pdf') {
    let print = options.printPdf;
    if (!print) {
      const browser = options.browser === undefined ? findPdfBrowser() : options.browser;
      if (browser === null) throw new Error('No Chromium, Chrome or Electron was found to print the PDF: write the report as .html and print it from a browser instead.');
      print = (html, file) => printHtmlToPdf(html, file, browser);
    }
    // An injected printer (Electron's printToPDF in the main process) fails by rejecting.
    content = await printReportPdf(run, options.robustness, print, options.printPdf === undefined);
  } else {
    throw new Error(`Cannot write a report as "${ext || outFile}": use a file name ending in .html, .pdf or .xlsx.`);
  }
  await writeExportFile(outFile, [content], options);
}
