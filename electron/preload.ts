// Sandboxed preload: exposes exactly the api transport (shared/api.ts ApiTransport) to the
// renderer, with the native dialogs, and nothing of Node.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiEvent, ApiResponse, ApiTransport, DialogKind, DialogRequest } from '../shared/api';
import { DIALOG_CHANNEL, EVENT_CHANNEL, REQUEST_CHANNEL } from './ipcChannels';

const dialog = (kind: DialogKind) => async (request: DialogRequest) => {
  const answer = (await ipcRenderer.invoke(DIALOG_CHANNEL, kind, request)) as ApiResponse<string | null>;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result;
};

const transport: ApiTransport = {
  request: (method, args) => ipcRenderer.invoke(REQUEST_CHANNEL, String(method), args),
  subscribe: (listener) => {
    const wrapped = (_event: unknown, apiEvent: ApiEvent) => listener(apiEvent);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
  dialogs: { openFile: dialog('openFile'), saveFile: dialog('saveFile') },
};

contextBridge.exposeInMainWorld('matchlab', transport);
