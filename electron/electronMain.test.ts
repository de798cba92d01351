// The packaged app's main process, booted in plain Node: the staged app (the files an installer
// holds) is run from the entry its package.json names, with a stand-in `electron` module that
// records what the app asks of Electron and plays the renderer (testing/electronStandIn.cjs). The
// test drives it through the preload's bridge as the renderer would: IPC adapter, service, the
// bundled workers, the encrypted store, the native dialogs and the main-process PDF printer.
// What it cannot show: Electron itself (Chromium's rendering, the real dialogs, printToPDF's output).
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiEvent, type ApiResponse, type JobInfo } from '../shared/api';
import { stageApp } from '../build/stageApp.mjs';

const register = fileURLToPath(new URL('./testing/registerElectronStandIn.cjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'matchlab electron main '));
const appDir = join(work, 'app');
const userData = join(work, 'user data');
const APP_PAGE = 'app://matchlab/index.html';

interface Booted {
  child: ChildProcess;
  ask<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T>;
  events: ApiEvent[];
  quit: Promise<Record<string, unknown>>;
}

function boot(env: Record<string, string> = {}): Booted {
  const main = join(appDir, JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).main as string);
  const child = fork(main, [], {
    execArgv: ['--require', register],
    env: { ...process.env, STANDIN_APP_PATH: appDir, STANDIN_USER_DATA: userData, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const events: ApiEvent[] = [];
  let next = 1;
  let quitWith: (record: Record<string, unknown>) => void = () => undefined;
  const quit = new Promise<Record<string, unknown>>((resolve) => (quitWith = resolve));
  child.on('message', (msg: { id?: number; ok?: boolean; value?: unknown; message?: string; event?: ApiEvent; quit?: Record<string, unknown> }) => {
    if (msg.quit) quitWith(msg.quit);
    else if (msg.event) events.push(msg.event);
    else if (msg.id !== undefined) {
      const w = waiting.get(msg.id)!;
      waiting.delete(msg.id);
      if (msg.ok) w.resolve(msg.value);
      else w.reject(new Error(msg.message));
    }
  });
  return {
    child,
    events,
    quit,
    ask: <T,>(command: string, args: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, command, ...args });
      }),
  };
}

async function until<T>(what: () => Promise<T | undefined | null | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let app: Booted;
const call = async <T,>(method: string, args: unknown = {}) => app.ask<ApiResponse<T>>('request', { method, args });
const ok = async <T,>(method: string, args: unknown = {}) => {
  const response = await call<T>(method, args);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result;
};
const jobEnd = (jobId: string) =>
  until(async () => app.events.map((e) => (e.type === 'job' && e.job.id === jobId && e.job.status !== 'running' ? e.job : null)).find((j): j is JobInfo => j !== null));

beforeAll(async () => {
  stageApp(appDir, { addon: 'checkout' });
  app = boot();
  await until(async () => (await app.ask<{ names: string[] }>('exposedShape')).names.includes('matchlab'));
});

afterAll(() => {
  app.child.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the bundled Electron main process', () => {
  it('boots from the entry its package.json names', () => {
    expect(JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).main).toBe('dist/electron/main.cjs');
    expect(existsSync(join(appDir, 'dist', 'electron', 'main.cjs'))).toBe(true);
  });

  it('opens one locked-down window on app:// with the preload exposing only the api bridge', async () => {
    const record = await app.ask<{ sandboxEnabled: boolean; singleInstanceLockRequested: boolean; privilegedSchemes: unknown[]; windows: { options: { webPreferences: Record<string, unknown>; width: number; height: number }; urls: string[]; loaded: { status: number; csp: string } }[] }>('record');
    expect(record.sandboxEnabled).toBe(true);
    expect(record.singleInstanceLockRequested).toBe(true);
    expect(record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(record.windows).toHaveLength(1);
    const [win] = record.windows;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: join(appDir, 'dist', 'electron', 'preload.cjs') });
    expect(win.urls).toEqual([APP_PAGE]);
    expect(win.loaded.status).toBe(200);
    expect(win.loaded.csp).toBe(`default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`);
    expect(await app.ask('exposedShape')).toEqual({ names: ['matchlab'], transport: ['request', 'subscribe', 'dialogs'], dialogs: ['openFile', 'saveFile'] });
  });

  it('refuses the network, new windows, navigation away, webviews and permissions but the clipboard write', async () => {
    expect(await app.ask('webRequest', { url: 'https://example.org/x.js' })).toEqual({ cancel: true });
    expect(await app.ask('webRequest', { url: 'file:///etc/passwd' })).toEqual({ cancel: true });
    expect(await app.ask('webRequest', { url: `${APP_PAGE}` })).toEqual({ cancel: false });
    expect(await app.ask('openWindow', { url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(await app.ask('navigate', { url: 'https://example.org/' })).toEqual({ prevented: true });
    expect(await app.ask('navigate', { url: 'app://matchlab/index.html#/analysis' })).toEqual({ prevented: false });
    expect(await app.ask('attachWebview')).toEqual({ prevented: true });
    expect(await app.ask('permission', { permission: 'media' })).toBe(false);
    expect(await app.ask('permission', { permission: 'geolocation' })).toBe(false);
    expect(await app.ask('permissionCheck', { permission: 'clipboard-read' })).toBe(false);
    // Copying from the grids writes to the clipboard.
    expect(await app.ask('permissionCheck', { permission: 'clipboard-sanitized-write' })).toBe(true);
  });

  it('serves only the built renderer on app://', async () => {
    const index = await app.ask<{ status: number; type: string; body: string }>('fetch', { url: APP_PAGE });
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.body).toContain('<div id="root">');
    for (const url of ['app://matchlab/../package.json', 'app://matchlab/%2e%2e/%2e%2e/package.json', 'app://matchlab/..%2f..%2fpackage.json', 'app://matchlab/nothing.js', 'app://report/not-a-report', 'app://elsewhere/index.html']) {
      expect((await app.ask<{ status: number }>('fetch', { url })).status, url).toBe(404);
    }
  });

  it('serves every api method over IPC, and nothing to a foreign frame', async () => {
    expect(await app.ask('ipcChannels')).toEqual(['matchlab:request', 'matchlab:dialog']);
    // An argument no method takes: each method's own validation refuses it, so the call reaches the
    // service's dispatch for that method and changes nothing.
    for (const method of API_METHODS) {
      expect(await call(method, { probe: true }), method).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining(`Invalid arguments for ${method}`) } });
    }
    expect(await call('store.drop', {})).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/Unknown api method/) } });
    expect(await app.ask('invokeFrom', { url: 'https://example.org/', channel: 'matchlab:request', args: ['app.state', {}] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await app.ask('invokeFrom', { url: 'https://example.org/', channel: 'matchlab:dialog', args: ['openFile', { title: 'x' }] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('creates a store, opens the demo and runs an analysis through the bundled workers', async () => {
    const created = await ok<{ path: string }>('store.create', { path: join(work, 'mine.mlstore'), passphrase: 'a long passphrase' });
    expect(created.path).toBe(join(work, 'mine.mlstore'));
    const demo = await ok<{ jobId: string }>('demo.open', { records: 5000 });
    expect((await jobEnd(demo.jobId)).status).toBe('done');
    const derive = await ok<{ jobId: string }>('cohort.derive', { settings: {} });
    expect((await jobEnd(derive.jobId)).status).toBe('done');
    const { presets } = await ok<{ presets: unknown }>('analysis.options');
    const run = await ok<{ jobId: string }>('analysis.run', { spec: presets });
    const job = await jobEnd(run.jobId);
    expect(job).toMatchObject({ status: 'done', result: { runId: expect.any(String) } });
  });

  it('exports the report to a PDF through the save dialog and the main-process printer', async () => {
    const [{ runId }] = await ok<{ runId: string }[]>('runs.list');
    const target = join(work, 'exports', 'report.pdf');
    await app.ask('answerDialogsWith', { answer: target });
    const chosen = await app.ask<string>('dialog', { kind: 'saveFile', request: { title: 'Save the report', defaultPath: join(work, 'report.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] } });
    expect(chosen).toBe(target);
    expect(await ok('report.export', { runId, path: chosen, overwrite: true })).toEqual({ path: target });

    const { html } = await ok<{ html: string }>('report.html', { runId });
    const record = await app.ask<{ dialogs: { kind: string; options: { properties: string[] }; parentIsWindow: boolean }[]; prints: { url: string; status: number; htmlSha256: string; windowOptions: { show: boolean; webPreferences: Record<string, unknown> } }[] }>('record');
    expect(record.dialogs.at(-1)).toMatchObject({ kind: 'save', parentIsWindow: true, options: { properties: ['showOverwriteConfirmation', 'createDirectory'] } });
    expect(record.prints).toHaveLength(1);
    const [print] = record.prints;
    expect(print.url).toMatch(/^app:\/\/report\/[0-9a-f-]{36}$/);
    expect(print.status).toBe(200);
    expect(print.windowOptions).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } });
    const htmlSha256 = createHash('sha256').update(html).digest('hex');
    expect(print.htmlSha256).toBe(htmlSha256);
    expect(readFileSync(target, 'utf8')).toBe(`%PDF-1.7 stand-in ${htmlSha256}\n`);
    // The report is served only while it prints.
    expect((await app.ask<{ status: number }>('fetch', { url: print.url })).status).toBe(404);
  });

  it('does not replace an exported file unless told the analyst was asked', async () => {
    const [{ runId }] = await ok<{ runId: string }[]>('runs.list');
    const target = join(work, 'exports', 'report.html');
    writeFileSync(target, 'kept');
    expect(await call('report.export', { runId, path: target })).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(readFileSync(target, 'utf8')).toBe('kept');
    await ok('report.export', { runId, path: target, overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe((await ok<{ html: string }>('report.html', { runId })).html);

    const matches = join(work, 'exports', 'matches.csv');
    writeFileSync(matches, 'kept');
    const { analyses } = await ok<{ analyses: { name: string }[] }>('runs.get', { runId });
    expect(await call('runs.exportMatches', { runId, analysis: analyses[0].name, path: matches })).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(readFileSync(matches, 'utf8')).toBe('kept');
    expect(await ok('runs.exportMatches', { runId, analysis: analyses[0].name, path: matches, overwrite: true })).toMatchObject({ path: matches, rows: expect.any(Number) });
    expect(readFileSync(matches, 'utf8')).toMatch(/^record_id,treated,score,weight,set\n/);
  });

  it('sets the standard menu', async () => {
    const { menu } = await app.ask<{ menu: { role?: string; label?: string; submenu?: { role?: string }[] }[] }>('record');
    expect(menu.map((m) => m.role ?? m.label)).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu', 'help']);
    // A packaged app has no developer tools in its menu.
    expect(menu[2].submenu!.map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('focuses the first window on a second launch', async () => {
    expect(await app.ask('secondInstance', { minimized: true })).toEqual(expect.arrayContaining(['restore', 'focus']));
  });

  it('keeps the window size for the next launch, and a second process never gets a window', async () => {
    await app.ask('resizeAndClose', { bounds: { x: 40, y: 30, width: 1500, height: 1000 } });
    await app.quit;
    expect(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'))).toEqual({ x: 40, y: 30, width: 1500, height: 1000, maximized: false });

    app = boot();
    await until(async () => (await app.ask<{ names: string[] }>('exposedShape')).names.includes('matchlab'));
    const record = await app.ask<{ windows: { options: { x: number; y: number; width: number; height: number } }[] }>('record');
    expect(record.windows[0].options).toMatchObject({ x: 40, y: 30, width: 1500, height: 1000 });
    app.child.kill();

    mkdirSync(userData, { recursive: true });
    const second = boot({ STANDIN_LOCK: 'taken' });
    const quitRecord = (await second.quit) as { quit: boolean; windows: unknown[] };
    expect(quitRecord.quit).toBe(true);
    expect(quitRecord.windows).toEqual([]);
  });
});
