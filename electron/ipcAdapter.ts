// The Electron adapter's logic, kept free of any `electron` import so it can be unit-tested
// with a stand-in ipcMain: one invoke channel for requests, one push channel for events.
import type { ApiEvent } from '../shared/api';
import type { Service } from './service/service';

export const REQUEST_CHANNEL = 'matchlab:request';
export const EVENT_CHANNEL = 'matchlab:event';

/**
 * Which URLs are the app's own pages: file URLs inside the built renderer's folder. The folder's
 * URL ends in '/', so that a sibling such as `dist/renderer-evil/` is not taken for it.
 */
export function appUrlTest(rendererDirUrl: string): (url: string) => boolean {
  const prefix = rendererDirUrl.endsWith('/') ? rendererDirUrl : `${rendererDirUrl}/`;
  return (url) => url.startsWith(prefix) && !/%2e|%2f|%5c/i.test(url.slice(prefix.length));
}

/** The part of Electron's ipcMain this adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * Registers the api on ipcMain. Requests from any frame other than the app's own pages are
 * refused: `isAppUrl` says which URLs are the app's.
 */
export function registerIpcAdapter(
  ipcMain: IpcMainLike,
  service: Service,
  sendEvent: (event: ApiEvent) => void,
  isAppUrl: (url: string) => boolean,
): () => void {
  ipcMain.handle(REQUEST_CHANNEL, (event, method, args) => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) return { ok: false, error: { code: 'forbidden', message: 'Request from a page that is not Matchlab' } };
    return service.request(method, args);
  });
  const unsubscribe = service.subscribe(sendEvent);
  return () => {
    unsubscribe();
    ipcMain.removeHandler(REQUEST_CHANNEL);
  };
}
