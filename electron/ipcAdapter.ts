// The Electron adapter's logic, kept free of any `electron` import so it can be tested with a
// stand-in ipcMain: one invoke channel for requests, one push channel for events, one invoke
// channel for the native dialogs.
import { DIALOGS, isDialogKind, type ApiEvent, type ApiResponse, type DialogKind, type DialogRequest } from '../shared/api';
import type { Service } from './service/service';
import { DIALOG_CHANNEL, REQUEST_CHANNEL } from './ipcChannels';

export { EVENT_CHANNEL } from './ipcChannels';

/** The part of Electron's ipcMain this adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

interface FileFilter {
  name: string;
  extensions: string[];
}

/** The part of Electron's `dialog` this adapter uses, already bound to the app's window. */
export interface DialogsLike {
  showOpenDialog(options: { title: string; defaultPath?: string; filters?: FileFilter[]; properties: string[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: { title: string; defaultPath?: string; filters?: FileFilter[]; properties: string[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

const FORBIDDEN: ApiResponse<never> = { ok: false, error: { code: 'forbidden', message: 'Request from a page that is not Matchlab' } };

async function showDialog(dialogs: DialogsLike, kind: DialogKind, request: DialogRequest): Promise<string | null> {
  const options = { title: request.title, defaultPath: request.defaultPath, filters: request.filters };
  if (kind === 'openFile') {
    const answer = await dialogs.showOpenDialog({ ...options, properties: ['openFile'] });
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  }
  // Linux's dialog asks before replacing a file only when told to; Windows' and macOS's always do.
  const answer = await dialogs.showSaveDialog({ ...options, properties: ['showOverwriteConfirmation', 'createDirectory'] });
  return answer.canceled || !answer.filePath ? null : answer.filePath;
}

/**
 * Registers the api and the dialogs on ipcMain. Requests from any frame other than the app's own
 * pages are refused: `isAppUrl` says which URLs are the app's. Dialog requests are validated like
 * api requests; a malformed one is answered with an error, never shown.
 */
export function registerIpcAdapter(
  ipcMain: IpcMainLike,
  service: Service,
  sendEvent: (event: ApiEvent) => void,
  isAppUrl: (url: string) => boolean,
  dialogs: DialogsLike,
): () => void {
  const fromApp = (event: { senderFrame?: { url: string } | null }) => isAppUrl(event.senderFrame?.url ?? '');
  ipcMain.handle(REQUEST_CHANNEL, (event, method, args) => (fromApp(event) ? service.request(method, args) : FORBIDDEN));
  ipcMain.handle(DIALOG_CHANNEL, async (event, kind, request): Promise<ApiResponse<string | null>> => {
    if (!fromApp(event)) return FORBIDDEN;
    if (!isDialogKind(kind)) return { ok: false, error: { code: 'invalid_request', message: `Unknown dialog ${JSON.stringify(kind)}` } };
    const parsed = DIALOGS[kind].safeParse(request);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: `Invalid ${kind} dialog: ${parsed.error.issues.map((i) => i.message).join('; ')}` } };
    return { ok: true, result: await showDialog(dialogs, kind, parsed.data) };
  });
  const unsubscribe = service.subscribe(sendEvent);
  return () => {
    unsubscribe();
    ipcMain.removeHandler(REQUEST_CHANNEL);
    ipcMain.removeHandler(DIALOG_CHANNEL);
  };
}
