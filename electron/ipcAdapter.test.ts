import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvent } from '../shared/api';
import { createService } from './service/service';
import { appUrlTest, registerIpcAdapter, REQUEST_CHANNEL, type IpcMainLike } from './ipcAdapter';

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
}

const dir = mkdtempSync(join(tmpdir(), 'matchlab-ipc-'));
const service = createService({ dataDir: dir });
afterAll(() => service.close());

describe('Electron IPC adapter', () => {
  const ipc = new FakeIpcMain();
  const events: ApiEvent[] = [];
  const appUrl = 'file:///opt/matchlab/dist/renderer/index.html';
  const detach = registerIpcAdapter(ipc, service, (e) => events.push(e), (url) => url.startsWith('file:///opt/matchlab/dist/renderer'));

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

  it('removes its handler when detached', () => {
    detach();
    expect(ipc.handlers.has(REQUEST_CHANNEL)).toBe(false);
  });
});

describe('appUrlTest', () => {
  it('takes only pages inside the renderer folder, not a sibling folder whose name starts the same', () => {
    const isApp = appUrlTest('file:///opt/Matchlab/dist/renderer');
    expect(isApp('file:///opt/Matchlab/dist/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/Matchlab/dist/renderer-evil/index.html')).toBe(false);
    expect(isApp('file:///opt/Matchlab/dist/renderer')).toBe(false);
    expect(isApp('file:///opt/Matchlab/dist/renderer/%2e%2e/secrets.html')).toBe(false);
    expect(isApp('http://127.0.0.1/opt/Matchlab/dist/renderer/index.html')).toBe(false);
  });
});
