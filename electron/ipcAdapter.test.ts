import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvent } from '../shared/api';
import { createService } from './service/service';
import { registerIpcAdapter, type DialogsLike, type IpcMainLike } from './ipcAdapter';
import { DIALOG_CHANNEL, REQUEST_CHANNEL } from './ipcChannels';

// A stand-in for Electron's ipcMain: it keeps the handlers so the test can invoke them as a
// renderer's ipcRenderer.invoke would.
class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(url: string, ...args: unknown[]) {
    return this.handlers.get(REQUEST_CHANNEL)!({ senderFrame: { url } }, ...args);
  }
  dialog(url: string, ...args: unknown[]) {
    return this.handlers.get(DIALOG_CHANNEL)!({ senderFrame: { url } }, ...args);
  }
}

// A stand-in for Electron's dialog module: records what it was asked to show and answers as told.
class FakeDialogs implements DialogsLike {
  shown: { kind: 'open' | 'save'; options: unknown }[] = [];
  answer: string | null = '/home/analyst/chosen.csv';
  async showOpenDialog(options: Parameters<DialogsLike['showOpenDialog']>[0]) {
    this.shown.push({ kind: 'open', options });
    return this.answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [this.answer] };
  }
  async showSaveDialog(options: Parameters<DialogsLike['showSaveDialog']>[0]) {
    this.shown.push({ kind: 'save', options });
    return this.answer === null ? { canceled: true } : { canceled: false, filePath: this.answer };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'matchlab-ipc-'));
const service = createService({ dataDir: dir });
afterAll(() => service.close());

describe('Electron IPC adapter', () => {
  const ipc = new FakeIpcMain();
  const events: ApiEvent[] = [];
  const dialogs = new FakeDialogs();
  const appUrl = 'app://matchlab/index.html';
  const detach = registerIpcAdapter(ipc, service, (e) => events.push(e), (url) => url.startsWith('app://matchlab/'), dialogs);

  it('carries requests from the app page to the service and events back', async () => {
    const created = (await ipc.invoke(appUrl, 'store.create', { path: join(dir, 's.mlstore'), passphrase: 'long passphrase' })) as {
      ok: boolean;
      result: { counts: unknown };
    };
    expect(created.ok).toBe(true);
    expect(created.result.counts).toBeNull();
    expect(events.some((e) => e.type === 'store' && e.store?.path === join(dir, 's.mlstore'))).toBe(true);
  });

  it('validates arguments on the main side', async () => {
    const res = (await ipc.invoke(appUrl, 'store.open', { path: '', passphrase: 'x' })) as { ok: boolean; error: { code: string } };
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('invalid_request');
  });

  it('refuses requests from a frame that is not the app', async () => {
    const res = (await ipc.invoke('https://evil.example/', 'app.state', {})) as { ok: boolean; error: { code: string } };
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('shows the native open and save dialogs, the save dialog asking before it replaces a file', async () => {
    const filters = [{ name: 'CSV or Excel', extensions: ['csv', 'xlsx'] }];
    expect(await ipc.dialog(appUrl, 'openFile', { title: 'Choose the cohort file', filters })).toEqual({ ok: true, result: '/home/analyst/chosen.csv' });
    expect(await ipc.dialog(appUrl, 'saveFile', { title: 'Save the report', defaultPath: '/home/analyst/report.pdf' })).toEqual({ ok: true, result: '/home/analyst/chosen.csv' });
    expect(dialogs.shown).toEqual([
      { kind: 'open', options: { title: 'Choose the cohort file', defaultPath: undefined, filters, properties: ['openFile'] } },
      { kind: 'save', options: { title: 'Save the report', defaultPath: '/home/analyst/report.pdf', filters: undefined, properties: ['showOverwriteConfirmation', 'createDirectory'] } },
    ]);
    dialogs.answer = null;
    expect(await ipc.dialog(appUrl, 'saveFile', { title: 'Save the report' })).toEqual({ ok: true, result: null });
  });

  it('refuses malformed dialog requests and foreign frames without showing anything', async () => {
    dialogs.shown = [];
    const bad = [
      await ipc.dialog(appUrl, 'openFolderAndDeleteIt', { title: 'x' }),
      await ipc.dialog(appUrl, 'openFile', { title: 'x', filters: [{ name: 'CSV', extensions: ['.csv'] }] }),
      await ipc.dialog(appUrl, 'saveFile', { title: 'x', properties: ['dontConfirm'] }),
    ];
    for (const answer of bad) expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await ipc.dialog('https://evil.example/', 'openFile', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dialogs.shown).toEqual([]);
  });

  it('removes its handlers when detached', () => {
    detach();
    expect(ipc.handlers.has(REQUEST_CHANNEL)).toBe(false);
    expect(ipc.handlers.has(DIALOG_CHANNEL)).toBe(false);
  });
});
